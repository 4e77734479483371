import type { Stage } from '../pipeline';
import { tokenizeWithIds } from '../text/tokenize';
import { splitParagraphs, splitSentences } from '../text/sentences';

/** Tokens (with a word id each), paragraphs and sentences, with offsets. */
export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  provides: ['tokens', 'paragraphs', 'sentences'],
  run(doc) {
    const { tokens, wordIds, words } = tokenizeWithIds(doc.text);
    const paragraphs = splitParagraphs(doc.text, tokens);
    const sentences = splitSentences(doc.text, tokens, paragraphs);
    return { tokens, wordIds, words, paragraphs, sentences };
  },
};
