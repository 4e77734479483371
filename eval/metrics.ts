import { stemmer } from 'stemmer';

/** Half-open [start, end) offsets, as in the engine and in every corpus here. */
export interface Span { start: number; end: number }

export interface Counts { tp: number; fp: number; fn: number }

export interface Scores { p: number; r: number; f1: number }

export const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

/** Precision, recall and F1 in [0, 1]; 0 when undefined (nothing predicted or nothing gold). */
export function prf(c: Counts): Scores {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * conlleval-style counting for one document: a predicted name is right only when its start, end
 * and type all equal a gold name's. Duplicates (one span predicted twice) count once.
 */
export function countExact<T extends Span & { type: string }>(gold: T[], predicted: T[], types: readonly string[]): Map<string, Counts> {
  const key = (m: T) => `${m.start}:${m.end}:${m.type}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  const counts = new Map(types.map(t => [t, zeroCounts()] as const));
  for (const m of gold) {
    const c = counts.get(m.type);
    if (c && !predKeys.has(key(m))) c.fn++;
  }
  const seen = new Set<string>();
  for (const m of predicted) {
    const k = key(m);
    const c = counts.get(m.type);
    if (!c || seen.has(k)) continue;
    seen.add(k);
    if (goldKeys.has(k)) c.tp++;
    else c.fp++;
  }
  return counts;
}

export function iou(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

export function overlaps(a: Span, b: Span): boolean {
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

/**
 * One-to-one matching of gold to predicted spans: every pair that `accept`s is a candidate, best
 * `score` first, each span used at most once (greedy; with IoU >= 0.5 a gold span has at most
 * one candidate that covers most of it, so greedy equals optimal in practice). Returns
 * [goldIndex, predictedIndex] pairs. Quadratic per document, which is fine for tens of quotes.
 */
export function matchOneToOne(gold: Span[], predicted: Span[], accept: (g: Span, p: Span) => boolean, score: (g: Span, p: Span) => number): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => predicted.forEach((p, pi) => {
    if (accept(g, p)) candidates.push([score(g, p), gi, pi]);
  }));
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, gi, pi] of candidates) {
    if (usedGold.has(gi) || usedPred.has(pi)) continue;
    usedGold.add(gi);
    usedPred.add(pi);
    pairs.push([gi, pi]);
  }
  return pairs;
}

/**
 * How keyphrases are compared: lower-cased, split into words on anything that is not a letter
 * or digit, each word Porter-stemmed (npm `stemmer`), rejoined. 'Electric Cars' = 'electric car'.
 */
export function normalizePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(w => w !== '')
    .map(w => stemmer(w))
    .join(' ');
}

/**
 * Precision, recall and F1 of the first `k` distinct predicted phrases against the gold set of
 * one document. Precision divides by the number of predictions considered (at most k), so a
 * system that returns fewer but right phrases is not punished for it.
 */
export function scoreTopK(predicted: string[], gold: ReadonlySet<string>, k: number): Scores {
  const top: string[] = [];
  const seen = new Set<string>();
  for (const phrase of predicted) {
    const norm = normalizePhrase(phrase);
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    top.push(norm);
    if (top.length === k) break;
  }
  const hits = top.filter(t => gold.has(t)).length;
  const p = top.length === 0 ? 0 : hits / top.length;
  const r = gold.size === 0 ? 0 : hits / gold.size;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function meanScores(all: Scores[]): Scores {
  const n = all.length || 1;
  return {
    p: all.reduce((s, x) => s + x.p, 0) / n,
    r: all.reduce((s, x) => s + x.r, 0) / n,
    f1: all.reduce((s, x) => s + x.f1, 0) / n,
  };
}

/** A PolNeAR attribution as the corpus JSONL stores it (the fields the quote eval reads). */
export interface GoldAttribution extends Span {
  kind: 'direct' | 'mixed' | 'indirect';
  fragments?: Array<[number, number]>;
  speakerStart?: number | null;
  speakerEnd?: number | null;
}

/**
 * Direct quotations the corpus converter missed because they use the New York Times' typewriter
 * marks: two apostrophes open and close ("''We won,'' he said."). The converter only knows
 * “ " ‘ « as opening marks, so it files those attributions as indirect or mixed. Here an
 * attribution whose content starts with '' (or has '' right before it) is direct, by the
 * converter's own rule, and is cut into quotations from each opening '' to its closing '', one
 * quotation across paragraphs when each paragraph reopens with ''. Mixed attributions with ''
 * inside stay partial, as with any other mark.
 */
export function typewriterQuotes(text: string, attribution: GoldAttribution): Span[] {
  if (attribution.kind === 'direct') return [];
  let start = attribution.start;
  while (start < attribution.end && /\s/.test(text[start])) start++;
  if (!text.startsWith("''", start)) {
    if (!(text.slice(start - 2, start) === "''" && (start < 3 || /\s/.test(text[start - 3])))) return [];
    start -= 2;
  }
  const end = Math.min(text.length, attribution.end + 3);
  const pieces: Span[] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    if (text.startsWith("''", i)) {
      if (open < 0) {
        if (i >= attribution.end) break;
        open = i;
      } else {
        pieces.push({ start: open, end: i + 2 });
        open = -1;
      }
      i++;
    } else if (text[i] === '\n' && open >= 0) {
      let j = i;
      while (j < end && /\s/.test(text[j])) j++;
      if (text.startsWith("''", j)) { i = j + 1; continue; } // the same quotation goes on
      pieces.push({ start: open, end: i });
      open = -1;
    }
  }
  return pieces;
}
