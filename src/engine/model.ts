/**
 * The annotation contract: what `analyze()` returns, what the CLI prints and what the editor
 * layer renders. Plain JSON-serialisable data only (no classes, Maps or Dates), so that
 * `JSON.stringify(analysis)` is both the golden-file format and the worker message format.
 *
 * Offsets are UTF-16 code units into the exact string given to `analyze()`, end exclusive: the
 * unit of `TextDocument.offsetAt`, so the editor never re-counts characters. Every array is
 * sorted by `start`, then `end` (keywords: best first).
 */

/** Half-open [start, end) UTF-16 offsets into the exact string given to analyze(). */
export interface Span {
  start: number;
  end: number;
}

/**
 * A quotation reported as speech: one span from its opening to its closing mark, even across
 * paragraphs. Direct unless `partial` is set.
 */
export interface Quote {
  kind: 'quote';
  /** Including the quotation marks. */
  span: Span;
  /** Between the marks. */
  content: Span;
  /** The reporting words: "said", "added", "according to". */
  cue?: Span;
  /** The words in the text that name the source: "Bayramov", "he", "the minister". */
  speakerMention?: Span;
  /** The `Entity.id` of the speaker, after resolving pronouns and titles. */
  speakerId?: string;
  /**
   * Set when the quotation is embedded in the reporter's own sentence, not the whole of what is
   * attributed: 'Senator X called the bill "a betrayal of working families"', 'said that the
   * deal was "terrible"'. Absent for direct quotations ('"We won," he said.', 'He said: "We
   * won."'). Judged from the words right before the opening mark, so a sentence the reporter
   * begins with a quotation ('"Terrible" is how he put it') counts as direct.
   */
  partial?: true;
}

export type EntityType = 'person' | 'organization' | 'place' | 'event';

/** A named thing with all its mentions in one article. */
export interface Entity {
  kind: 'entity';
  /** Stable within one analysis, e.g. 'person:jeyhun-bayramov'. */
  id: string;
  type: EntityType;
  /** The fullest form in the text: 'Jeyhun Bayramov'. */
  name: string;
  /** Other forms in the text: 'Bayramov'. */
  aliases: string[];
  /** A title or apposition: 'Minister of Foreign Affairs of Azerbaijan'. */
  role?: string;
  /** Sorted by start. */
  mentions: Span[];
}

/** A topic keyphrase; `phrase` is its most frequent surface form, lower-cased unless a name. */
export interface Keyword {
  kind: 'keyword';
  phrase: string;
  score: number;
  mentions: Span[];
}

/** The opening line of an article: "BAKU, Azerbaijan, December 23", its place, date and source. */
export interface Dateline {
  kind: 'dateline';
  span: Span;
  place?: string;
  /** ISO 8601 (YYYY-MM-DD), when the year is known from the text. */
  date?: string;
  /** The news agency or publisher credited: "Trend". */
  source?: string;
}

/** Something the engine declined to decide (unbalanced quotation marks, a skipped document). */
export interface Note {
  span?: Span;
  message: string;
}

/** The result of `analyze()`; the CLI prints exactly this. */
export interface Analysis {
  schemaVersion: 1;
  textLength: number;
  dateline?: Dateline;
  quotes: Quote[];
  entities: Entity[];
  /** Best first. */
  keywords: Keyword[];
  notes: Note[];
}
