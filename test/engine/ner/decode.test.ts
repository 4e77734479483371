import * as assert from 'assert';
import { viterbi, transitionIndex } from '../../../src/engine/ner/decode';
import { LABEL_COUNT, labelPart, labelType } from '../../../src/engine/ner/features';

const L = LABEL_COUNT;

function isValid(labels: readonly number[]): boolean {
  let open = -1; // type of the name left open by B or I
  for (const label of labels) {
    const part = labelPart(label), type = labelType(label);
    if (open >= 0 ? !((part === 1 || part === 2) && type === open) : part === 1 || part === 2) return false;
    open = part === 0 || part === 1 ? type : -1;
  }
  return open < 0;
}

function score(labels: readonly number[], emissions: Float32Array, transitions: Float32Array): number {
  let total = 0;
  labels.forEach((label, t) => {
    total += emissions[t * L + label] + transitions[transitionIndex(t === 0 ? L : labels[t - 1], label)];
  });
  return total + transitions[transitionIndex(labels[labels.length - 1], L)];
}

/** Deterministic pseudo-random numbers for the cases. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
}

describe('ner: viterbi', () => {
  const cases: Array<[seed: number, length: number]> = [[1, 1], [2, 2], [3, 3], [4, 3], [5, 4]];
  for (const [seed, n] of cases) {
    it(`finds the best valid BILOU sequence by exhaustive search (seed ${seed}, ${n} tokens)`, () => {
      const next = random(seed);
      const emissions = Float32Array.from({ length: n * L }, () => next() * 4 - 2);
      const transitions = Float32Array.from({ length: (L + 1) * (L + 1) }, () => next() * 2 - 1);
      const labels = new Int32Array(n);
      viterbi(emissions, n, transitions, labels);
      const found = Array.from(labels);
      assert.ok(isValid(found), `invalid ${found}`);
      let best = -Infinity;
      const sequence = new Array<number>(n).fill(0);
      for (let code = 0; code < L ** n; code++) {
        for (let t = 0, c = code; t < n; t++, c = Math.floor(c / L)) sequence[t] = c % L;
        if (isValid(sequence)) best = Math.max(best, score(sequence, emissions, transitions));
      }
      assert.ok(Math.abs(score(found, emissions, transitions) - best) < 1e-4);
    });
  }
});
