import type { Stage } from '../pipeline';

/** Direct quotations, without speakers. (placeholder: finds nothing yet) */
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'paragraphs', 'sentences', 'structure'],
  provides: ['quotes'],
  run() {
    return { quotes: [] };
  },
};
