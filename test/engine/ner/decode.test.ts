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

/** Textbook Viterbi over all L × L transitions BILOU allows: the reference for the unrolled one. */
function plainViterbi(emissions: Float32Array, n: number, transitions: Float32Array): number[] {
  const allowed = (prev: number, next: number): boolean => {
    const open = prev < L && (labelPart(prev) === 0 || labelPart(prev) === 1);
    const inside = next < L && (labelPart(next) === 1 || labelPart(next) === 2);
    return open ? inside && labelType(next) === labelType(prev) : !inside;
  };
  const delta: number[][] = [];
  const back: number[][] = [];
  delta.push(Array.from({ length: L }, (_, y) => (allowed(L, y) ? emissions[y] + transitions[transitionIndex(L, y)] : -Infinity)));
  for (let t = 1; t < n; t++) {
    delta.push([]);
    back.push([]);
    for (let y = 0; y < L; y++) {
      let best = -Infinity, arg = 0;
      for (let prev = 0; prev < L; prev++) {
        const score = delta[t - 1][prev] + transitions[transitionIndex(prev, y)];
        if (allowed(prev, y) && score > best) [best, arg] = [score, prev];
      }
      delta[t].push(best + emissions[t * L + y]);
      back[t - 1].push(arg);
    }
  }
  let best = -Infinity, arg = 0;
  for (let y = 0; y < L; y++) {
    const score = delta[n - 1][y] + transitions[transitionIndex(y, L)];
    if (allowed(y, L) && score > best) [best, arg] = [score, y];
  }
  const labels = [arg];
  for (let t = n - 1; t > 0; t--) labels.unshift((arg = back[t - 1][arg]));
  return labels;
}

describe('ner: viterbi on long sentences', () => {
  // `outside`: added to O's emission, so that most steps take the shortcut where O is the best
  // predecessor of O, B-x and U-x (as in prose) and the back pointers of those steps are implied.
  // `inside`: added to the I-x emissions, for long names whose I-x and L-x come from I-x (one bit
  // per label and token, see insideFromI).
  const cases: Array<[seed: number, length: number, outside: number, inside: number]> = [
    [11, 60, 0, 0], [12, 60, 3, 0], [13, 200, 6, 0], [14, 200, 1.5, 0], [15, 200, 0, 2], [16, 200, 3, 4],
  ];
  for (const [seed, n, outside, inside] of cases) {
    it(`matches the textbook algorithm (seed ${seed}, ${n} tokens, O +${outside}, I-x +${inside})`, () => {
      const next = random(seed);
      const emissions = Float32Array.from({ length: n * L }, (_, k) =>
        next() * 4 - 2 + (k % L === 0 ? outside : 0) + (labelPart(k % L) === 1 ? inside : 0));
      const transitions = Float32Array.from({ length: (L + 1) * (L + 1) }, () => next() * 2 - 1);
      // Labels written from offset 3 of a longer array, as the tagger writes a sentence into the document's.
      const labels = new Int32Array(n + 5).fill(-1);
      viterbi(emissions, n, transitions, labels, false, 3);
      assert.deepStrictEqual(Array.from(labels.subarray(3, 3 + n)), plainViterbi(emissions, n, transitions));
      assert.deepStrictEqual([...labels.subarray(0, 3), ...labels.subarray(3 + n)], [-1, -1, -1, -1, -1]);
    });
  }
});
