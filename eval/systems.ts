import nlp from 'compromise';
import { analyze, type Analysis } from '../src/engine/index';
import type { Span } from './metrics';

/** What every system predicts, in the corpora's terms. */
export interface NamePrediction extends Span { type: 'PER' | 'ORG' | 'LOC' }
/** `partial`: the system's own claim that the quote is embedded in the reporter's sentence, not direct. */
export interface QuotePrediction { span: Span; speaker?: Span; partial?: boolean }

/**
 * A system under evaluation. `prepare` is the expensive, timed part (parsing the text once);
 * the readers only convert its result, so one parse serves every task on a document.
 */
export interface System<P> {
  readonly name: string;
  prepare(text: string): P;
  names(parsed: P): NamePrediction[];
  quotes(parsed: P): QuotePrediction[];
  /** false: the system cannot say who spoke, so source scores are n/a. */
  readonly hasSpeakers: boolean;
  /** Best first. */
  keywords(parsed: P): string[];
}

const NAME_TYPES = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

/** Press Lens through analyze(), the entry the editor and the CLI use, with default options. */
export const pressLens: System<Analysis> = {
  name: 'Press Lens',
  prepare: text => analyze(text),
  names(a) {
    const out: NamePrediction[] = [];
    for (const e of a.entities) {
      // Events are not scored: CoNLL puts them in MISC, which we drop too.
      if (e.type === 'event') continue;
      for (const m of e.mentions) out.push({ start: m.start, end: m.end, type: NAME_TYPES[e.type] });
    }
    return out;
  },
  quotes: a => a.quotes.map(q => ({ span: q.span, speaker: q.speakerMention, partial: q.partial })),
  hasSpeakers: true,
  keywords: a => a.keywords.map(k => k.phrase),
};

// compromise ------------------------------------------------------------------------------------

interface CompromiseTerm { text: string; pre: string; post: string; offset: { start: number; length: number } }
interface CompromiseMatch { terms: CompromiseTerm[] }
interface CompromiseParsed { text: string; doc: ReturnType<typeof nlp> }

/** Span from the first term's text to the last term's, leaving out surrounding punctuation. */
function termSpan(m: CompromiseMatch): Span | undefined {
  const first = m.terms[0];
  const last = m.terms[m.terms.length - 1];
  if (!first || !last) return undefined;
  return { start: first.offset.start, end: last.offset.start + last.offset.length };
}

/**
 * compromise keeps quotation marks in a term's `pre`/`post` ('"We won,"' → term "We" with pre '"'
 * and term "won" with post ',"'), so a quote's span is widened over them to include the marks,
 * as the gold spans (and ours) do. Whitespace is not taken.
 */
function quoteSpan(text: string, m: CompromiseMatch): Span | undefined {
  const span = termSpan(m);
  if (!span) return undefined;
  const pre = m.terms[0].pre.trimStart();
  const post = m.terms[m.terms.length - 1].post.trimEnd();
  if (pre && text.slice(span.start - pre.length, span.start) === pre) span.start -= pre.length;
  if (post && text.slice(span.end, span.end + post.length) === post) span.end += post.length;
  return span;
}

/**
 * compromise (npm `compromise`, v14) used as its documentation suggests:
 * - names: `people()`, `organizations()`, `places()`, offsets from `.json({ offset: true })`;
 * - quotes: `quotations()`; it has no speaker attribution, so source scores are n/a;
 * - keywords: it has no keyword ranking, so candidates are its `topics()` (people, places,
 *   organizations) and its noun runs (`#Noun+`, pronouns removed), ranked by how often their
 *   lower-cased form occurs (a name found by both counts twice, which favours names, as news
 *   keyphrase sets do), ties by first appearance. This is the usual frequency baseline
 *   built from its tagger, not a strawman: frequent noun phrases are what most gold sets hold.
 */
export const compromise: System<CompromiseParsed> = {
  name: 'compromise',
  prepare: text => ({ text, doc: nlp(text) }),
  names({ doc }) {
    const out: NamePrediction[] = [];
    const read = (view: { json(o: object): unknown }, type: NamePrediction['type']) => {
      for (const m of view.json({ offset: true }) as CompromiseMatch[]) {
        const span = termSpan(m);
        if (span) out.push({ ...span, type });
      }
    };
    read(doc.people(), 'PER');
    read(doc.organizations(), 'ORG');
    read(doc.places(), 'LOC');
    return out;
  },
  quotes({ text, doc }) {
    const out: QuotePrediction[] = [];
    for (const m of doc.quotations().json({ offset: true }) as CompromiseMatch[]) {
      const span = quoteSpan(text, m);
      if (span) out.push({ span });
    }
    return out;
  },
  hasSpeakers: false,
  keywords({ doc }) {
    const counts = new Map<string, { phrase: string; count: number; first: number }>();
    const add = (view: { json(o: object): unknown }) => {
      for (const m of view.json({ offset: true }) as CompromiseMatch[]) {
        const span = termSpan(m);
        if (!span) continue;
        const phrase = m.terms.map(t => t.text).join(' ');
        const key = phrase.toLowerCase();
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { phrase, count: 1, first: span.start });
      }
    };
    add(doc.topics());
    add(doc.match('#Noun+').not('#Pronoun'));
    return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(e => e.phrase);
  },
};
