import type { Stage } from '../pipeline';

/** Name mentions, typed and clustered into entities with roles. (placeholder: finds nothing yet) */
export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'structure', 'quotes'],
  provides: ['mentions', 'entities'],
  run() {
    return { mentions: [], entities: [] };
  },
};
