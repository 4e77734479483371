import type { Doc } from '../pipeline';
import { PUNCT, tokenText, tokensOf, type Token, type Tokens } from '../text/tokenize';
import { NAME_TYPES, buildDocContext, labelPart, labelType, leadingTitleCaseSentences } from './features';
import { decodeModel } from './modelCodec';
import { MODEL_DATA } from './modelData';
import { tagDocument, type Weights } from './tagger';
import { int32Scratch } from '../text/scratch';

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

let weights: Weights | undefined;

function isPunctuation(tokens: Tokens, i: number): boolean {
  if (tokens.kinds[i] !== PUNCT) return false;
  const text = tokenText(tokens, i);
  return text !== ')' && text !== ']';
}

/** The shipped weights, decoded on first use (tens of milliseconds). */
export function loadNameModel(): Weights {
  weights ??= decodeModel(MODEL_DATA);
  return weights;
}

/** Replaces the weights (training scripts score a candidate model through the real path). */
export function useNameModel(model: Weights): void {
  weights = model;
}

const LABELS = int32Scratch();

/**
 * Tags person, organization, location and miscellaneous names (CoNLL-2003 types) over the
 * document's tokens and sentences, in order of position.
 *
 * An averaged perceptron over hashed features of the word and its neighbours, gazetteers of
 * countries, cities, given names and demonyms, and evidence from the whole document (how a word is
 * cased elsewhere, how it was tagged earlier); BILOU labels decoded by Viterbi per sentence.
 * Trained on CoNLL-2003 news (see scripts/train.ts). Names never cross a sentence boundary.
 * Deterministic; linear in the number of tokens.
 */
export function tagNames(doc: Pick<Doc, 'text' | 'sentences'> & { tokens: Tokens | readonly Token[] },
  headlines?: readonly number[]): TaggedName[] {
  const model = loadNameModel();
  // Token objects come from scripts and tests only.
  const tokens = Array.isArray(doc.tokens) ? tokensOf(doc.tokens as readonly Token[]) : (doc.tokens as Tokens);
  // Reused working arrays (see text/scratch.ts): the context and labels are dropped before return.
  const context = buildDocContext(tokens, doc.sentences, tokens.wordIds, tokens.words, true);
  const labels = tagDocument(context, doc.sentences, model, LABELS.take(tokens.length), headlines ?? leadingTitleCaseSentences(tokens, doc.sentences));
  const names: TaggedName[] = [];
  for (let i = 0; i < labels.length; i++) {
    const part = labelPart(labels[i]);
    if (part !== 0 && part !== 3) continue; // B or U opens a name; Viterbi guarantees its L follows
    let last = i;
    if (part === 0) while (last + 1 < labels.length && labelPart(labels[last]) !== 2) last++;
    const label = NAME_TYPES[labelType(labels[i])];
    const next = last + 1;
    // 'Trade and Economic Cooperation.' → the final period is not part of the name.
    let first = i;
    while (first <= last && isPunctuation(tokens, first)) first++;
    while (last >= first && isPunctuation(tokens, last)) last--;
    if (first <= last) {
      names.push({ tokenStart: first, tokenEnd: last + 1, start: tokens.starts[first], end: tokens.ends[last], label });
    }
    i = next - 1;
  }
  return names;
}
