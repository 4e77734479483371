import type { Stage } from '../pipeline';

/** Topic keyphrases, best first. (placeholder: finds nothing yet) */
export const keywordsStage: Stage = {
  name: 'keywords',
  requires: ['tokens', 'sentences', 'structure', 'entities'],
  provides: ['keywords'],
  run() {
    return { keywords: [] };
  },
};
