import type { Stage } from '../pipeline';
import { scanTokens } from '../text/tokenize';
import { splitParagraphs, splitSentences } from '../text/sentences';

/** Tokens (with a word id each, see Tokens), paragraphs and sentences, with offsets. */
export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  provides: ['tokens', 'paragraphs', 'sentences'],
  run(doc) {
    const tokens = scanTokens(doc.text);
    const paragraphs = splitParagraphs(doc.text, tokens);
    const sentences = splitSentences(doc.text, tokens, paragraphs);
    return { tokens, paragraphs, sentences };
  },
};
