import type { Dateline, EntityType, Entity, Keyword, Note, Quote, Span } from './model';
import type { ResolvedOptions } from './options';
import type { Tokens } from './text/tokenize';
import type { Segment } from './text/sentences';
import { segmentStage } from './stages/segment';
import { structureStage } from './stages/structure';
import { quotesStage } from './stages/quotes';
import { entitiesStage } from './stages/entities';
import { speakersStage } from './stages/speakers';
import { keywordsStage } from './stages/keywords';

/** One typed name occurrence, before clustering into entities. */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  /** Token indices [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Where the decision came from: the statistical tagger, a rule or the user's personal list. */
  source: 'tagger' | 'rule' | 'personal';
}

/** Layout of the article outside its body text. */
export interface Structure {
  /** Where the article body starts (after header lines and the dateline). */
  bodyStart: number;
  dateline?: Dateline;
  /** Header lines ("date 2024-12-23", "FOR IMMEDIATE RELEASE", embargo lines). */
  headers: Span[];
  /** Blocks that are not the story: "About X", media contacts, "###" and what follows, disclaimers. */
  boilerplate: Span[];
  /** Web and e-mail addresses ("https://acme.example/news", "press@acme.example"): no names, no keywords. */
  links: Span[];
  /** A transcript's speaker labels at the start of a line ("MS. LEAVITT:", "Q:"): no keywords. */
  labels: Span[];
  /** Where the source credit's name stands ("Trend" in "…, Trend reports."). */
  credit?: Span;
  /** The dateline's place as written ("BAKU"); `dateline.place` is its title-case form. */
  placeSpan?: Span;
}

/** Everything the stages know about one text; each stage adds its layer. */
export interface Doc {
  readonly text: string;
  readonly options: ResolvedOptions;
  /** Columns: offsets, kinds and word ids per token (see Tokens in text/tokenize.ts). */
  tokens: Tokens;
  paragraphs: Segment[];
  sentences: Segment[];
  structure: Structure;
  quotes: Quote[];
  mentions: Mention[];
  /** Where the entities stage read people's roles ("CEO of Acme" in "Jo Ng, CEO of Acme,") and party labels ("D-N.M."). */
  roles: Span[];
  entities: Entity[];
  keywords: Keyword[];
  notes: Note[];
}

export type Layer = 'tokens' | 'paragraphs' | 'sentences' | 'structure' | 'quotes' | 'mentions' | 'entities' | 'speakers' | 'keywords';

/**
 * A pure step: reads the layers it requires and returns the layers it provides. A stage that adds
 * notes returns `notes: [...doc.notes, ...its own]`.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  run(doc: Readonly<Doc>): Partial<Doc>;
}

/** The stages in order; `runPipeline` checks that each one's requirements come earlier. */
export const STAGES: readonly Stage[] = [
  segmentStage,
  structureStage,
  quotesStage,
  entitiesStage,
  speakersStage,
  keywordsStage,
];

export function emptyDoc(text: string, options: ResolvedOptions): Doc {
  return {
    text,
    options,
    tokens: { length: 0, starts: new Int32Array(0), ends: new Int32Array(0), kinds: new Uint8Array(0), wordIds: new Int32Array(0), words: [] },
    paragraphs: [],
    sentences: [],
    structure: { bodyStart: 0, headers: [], boilerplate: [], links: [], labels: [] },
    quotes: [],
    mentions: [],
    roles: [],
    entities: [],
    keywords: [],
    notes: [],
  };
}

export function runPipeline(doc: Doc, stages: readonly Stage[] = STAGES): Doc {
  const provided = new Set<Layer>();
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!provided.has(layer)) throw new Error(`stage ${stage.name} requires ${layer}, which no earlier stage provides`);
    }
    Object.assign(doc, stage.run(doc));
    for (const layer of stage.provides) provided.add(layer);
  }
  return doc;
}
