import type { Stage } from '../pipeline';

/** Each quote's cue, speaker mention and speaker entity. (placeholder: attributes nothing yet) */
export const speakersStage: Stage = {
  name: 'speakers',
  requires: ['tokens', 'sentences', 'quotes', 'entities'],
  provides: ['speakers'],
  run() {
    return {};
  },
};
