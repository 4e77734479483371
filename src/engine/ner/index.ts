import type { Doc } from '../pipeline';

export type NameLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One name found by the statistical tagger, in CoNLL terms. */
export interface TaggedName {
  /** Token indices [tokenStart, tokenEnd) into doc.tokens. */
  tokenStart: number;
  tokenEnd: number;
  /** UTF-16 offsets [start, end). */
  start: number;
  end: number;
  label: NameLabel;
}

/**
 * Tags person, organization, location and miscellaneous names over the document's tokens and
 * sentences. (placeholder: finds nothing until the tagger lands)
 */
export function tagNames(_doc: Pick<Doc, 'text' | 'tokens' | 'sentences'>): TaggedName[] {
  return [];
}
