import type { Stage } from '../pipeline';

/** Header lines, the dateline, the source credit and boilerplate blocks. (placeholder: finds nothing yet) */
export const structureStage: Stage = {
  name: 'structure',
  requires: ['tokens', 'paragraphs', 'sentences'],
  provides: ['structure'],
  run() {
    return { structure: { bodyStart: 0, headers: [], boilerplate: [] } };
  },
};
