import { LABEL_COUNT, labelPart, labelType } from './features';

const L = LABEL_COUNT;

/** Index of the transition score prev → next in a (L + 1) × (L + 1) table; prev L = start, next L = end. */
export function transitionIndex(prev: number, next: number): number {
  return prev * (L + 1) + next;
}

function canFollow(prev: number, next: number): boolean {
  const prevOpen = prev < L && (labelPart(prev) === 0 || labelPart(prev) === 1); // B or I
  const nextInside = next < L && (labelPart(next) === 1 || labelPart(next) === 2); // I or L
  if (prevOpen) return nextInside && labelType(next) === labelType(prev);
  return !nextInside;
}

/** For each label, the labels allowed before it under BILOU (start = L). */
const ALLOWED_BEFORE: Int32Array[] = [];
for (let next = 0; next <= L; next++) {
  const prevs: number[] = [];
  for (let prev = 0; prev <= L; prev++) if (canFollow(prev, next)) prevs.push(prev);
  ALLOWED_BEFORE.push(Int32Array.from(prevs));
}

let delta = new Float32Array(0);
let back = new Int32Array(0);

/**
 * Best BILOU label sequence for n tokens, given emission scores (n × L) and transition scores.
 * Only transitions that BILOU allows are considered ("B-PER" is followed by "I-PER" or "L-PER"),
 * about 100 steps per token. Writes the labels into `labels`.
 */
export function viterbi(emissions: Float32Array, n: number, transitions: Float32Array, labels: Int32Array): void {
  if (n === 0) return;
  if (delta.length < n * L) {
    delta = new Float32Array(n * L * 2);
    back = new Int32Array(n * L * 2);
  }
  for (let y = 0; y < L; y++) {
    delta[y] = canFollow(L, y) ? emissions[y] + transitions[transitionIndex(L, y)] : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const base = t * L;
    const prevBase = base - L;
    for (let y = 0; y < L; y++) {
      const prevs = ALLOWED_BEFORE[y];
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < prevs.length; k++) {
        const p = prevs[k];
        if (p === L) continue;
        const score = delta[prevBase + p] + transitions[p * (L + 1) + y];
        if (score > best) {
          best = score;
          arg = p;
        }
      }
      delta[base + y] = best + emissions[base + y];
      back[base + y] = arg;
    }
  }
  const lastBase = (n - 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    if (!canFollow(y, L)) continue;
    const score = delta[lastBase + y] + transitions[transitionIndex(y, L)];
    if (score > best) {
      best = score;
      arg = y;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    labels[t] = arg;
    arg = back[t * L + arg];
  }
}
