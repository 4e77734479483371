import type { Stage } from '../pipeline';
import { tokenize } from '../text/tokenize';
import { splitParagraphs, splitSentences } from '../text/sentences';

/** Tokens, paragraphs and sentences, with offsets. */
export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  provides: ['tokens', 'paragraphs', 'sentences'],
  run(doc) {
    const tokens = tokenize(doc.text);
    const paragraphs = splitParagraphs(doc.text, tokens);
    const sentences = splitSentences(doc.text, tokens, paragraphs);
    return { tokens, paragraphs, sentences };
  },
};
