// Corpus loading, gold alignment and a conlleval-style scorer for the name tagger (dev use only).
import * as fs from 'fs';
import * as path from 'path';
import { tokenize, type Token } from '../src/engine/text/tokenize';
import { splitParagraphs, splitSentences, type Segment } from '../src/engine/text/sentences';
import { NAME_TYPES, makeLabel } from '../src/engine/ner/features';
import type { TaggedName } from '../src/engine/ner/index';

export const CORPORA = path.join(__dirname, '..', '..', '..', 'shared', 'corpora');

export interface GoldSpan { start: number; end: number; type: string }

export interface PreparedDoc {
  id: string;
  text: string;
  tokens: Token[];
  sentences: Segment[];
  /** Gold BILOU label per token (entities that do not align with our tokens are left O). */
  gold: Int32Array;
  spans: GoldSpan[];
}

/** GMB's tags in CoNLL terms: gpe is mostly demonyms ("British"), which CoNLL calls MISC. */
const TYPE_MAP: Record<string, string | undefined> = {
  PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC',
  per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'MISC', eve: 'MISC', art: 'MISC', nat: 'MISC',
};

export function loadCorpus(relative: string, limit = Infinity): PreparedDoc[] {
  const lines = fs.readFileSync(path.join(CORPORA, relative), 'utf8').split('\n').filter(Boolean);
  const docs: PreparedDoc[] = [];
  let misaligned = 0;
  for (const line of lines.slice(0, limit)) {
    const raw = JSON.parse(line) as { id: string; text: string; entities: Array<{ start: number; end: number; type: string }> };
    const tokens = tokenize(raw.text);
    const sentences = splitSentences(raw.text, tokens, splitParagraphs(raw.text, tokens));
    const byStart = new Map<number, number>();
    const byEnd = new Map<number, number>();
    tokens.forEach((token, i) => {
      byStart.set(token.start, i);
      byEnd.set(token.end, i);
    });
    const gold = new Int32Array(tokens.length);
    const spans: GoldSpan[] = [];
    for (const entity of raw.entities) {
      const type = TYPE_MAP[entity.type];
      if (!type) continue;
      spans.push({ start: entity.start, end: entity.end, type });
      const first = byStart.get(entity.start);
      const last = byEnd.get(entity.end);
      if (first === undefined || last === undefined || last < first) {
        misaligned++;
        continue;
      }
      const t = NAME_TYPES.indexOf(type as never);
      for (let i = first; i <= last; i++) {
        gold[i] = makeLabel(t, first === last ? 3 : i === first ? 0 : i === last ? 2 : 1);
      }
    }
    docs.push({ id: raw.id, text: raw.text, tokens, sentences, gold, spans });
  }
  if (misaligned > 0) console.log(`${relative}: ${misaligned} gold names do not align with our tokens`);
  return docs;
}

export class Scorer {
  private readonly counts = new Map<string, { tp: number; fp: number; fn: number }>();

  add(gold: readonly GoldSpan[], predicted: ReadonlyArray<{ start: number; end: number; type: string }>): void {
    const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    for (const s of gold) this.count(s.type).fn += predictedKeys.has(key(s)) ? 0 : 1;
    for (const s of predicted) {
      if (goldKeys.has(key(s))) this.count(s.type).tp++;
      else this.count(s.type).fp++;
    }
  }

  private count(type: string) {
    let c = this.counts.get(type);
    if (!c) this.counts.set(type, c = { tp: 0, fp: 0, fn: 0 });
    return c;
  }

  /** Micro-averaged P/R/F1 over the given types. */
  score(types: readonly string[]): { p: number; r: number; f: number } {
    let tp = 0, fp = 0, fn = 0;
    for (const type of types) {
      const c = this.counts.get(type);
      if (c) { tp += c.tp; fp += c.fp; fn += c.fn; }
    }
    const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
    return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
  }

  report(title: string): string {
    const fmt = (s: { p: number; r: number; f: number }) => `P ${(100 * s.p).toFixed(2)} R ${(100 * s.r).toFixed(2)} F1 ${(100 * s.f).toFixed(2)}`;
    const lines = [`${title}: PER/ORG/LOC ${fmt(this.score(['PER', 'ORG', 'LOC']))} | all four ${fmt(this.score(NAME_TYPES))}`];
    for (const type of NAME_TYPES) lines.push(`  ${type.padEnd(4)} ${fmt(this.score([type]))}`);
    return lines.join('\n');
  }
}

export function namesAsSpans(names: readonly TaggedName[]): GoldSpan[] {
  return names.map(name => ({ start: name.start, end: name.end, type: name.label }));
}
