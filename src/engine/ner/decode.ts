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

let delta = new Float64Array(0);
let back = new Int32Array(0);

/** Labels that close a name or are outside one (O, L-x, U-x): the only ones before O, B-x, U-x. */
const CLOSED = Int32Array.from([0, 3, 4, 7, 8, 11, 12, 15, 16]);
/** The labels that may follow a closed one: O, B-x, U-x. */
const OPENING = Int32Array.from([0, 1, 4, 5, 8, 9, 12, 13, 16]);
const TYPES = (L - 1) / 4;
const fromClosed = new Float64Array(81);
/**
 * The transitions fromClosed was filled from. A caller whose transitions never change (inference,
 * not training, which updates them in place) passes `fixed` and the table is filled once per model.
 */
let closedFor: Float32Array | undefined;
/**
 * Transitions into I-x and L-x, per type: [B→I, I→I, B→L, I→L], read from one small table of
 * doubles filled with the others instead of indexed per token out of the (L + 1)² table.
 */
const intoInside = new Float64Array(4 * TYPES);
let minFromO = Infinity;
let maxFromOther = -Infinity;

function prepareClosed(transitions: Float32Array): void {
  const W = L + 1;
  minFromO = Infinity;
  maxFromOther = -Infinity;
  for (let a = 0; a < 9; a++) {
    for (let k = 0; k < 9; k++) {
      const score = transitions[CLOSED[k] * W + OPENING[a]];
      fromClosed[a * 9 + k] = score;
      if (k === 0) minFromO = Math.min(minFromO, score);
      else maxFromOther = Math.max(maxFromOther, score);
    }
  }
  for (let type = 0; type < TYPES; type++) {
    const b = 1 + 4 * type, i = b + 1;
    for (let y = i; y <= i + 1; y++) {
      intoInside[4 * type + 2 * (y - i)] = transitions[b * W + y];
      intoInside[4 * type + 2 * (y - i) + 1] = transitions[i * W + y];
    }
  }
  closedFor = transitions;
}

/**
 * Best BILOU label sequence for n tokens, given emission scores (n × L) and transition scores.
 * Only transitions that BILOU allows are considered ("B-PER" is followed by "I-PER" or "L-PER"):
 * 9 × 9 steps into O/B/U, 2 into each I/L, about 100 per token. Writes the labels into `labels`.
 * `fixed`: the same transitions array is never modified between calls (see closedFor).
 * `labelsAt`: where in `labels` the first token's label goes (the tagger writes each sentence
 * straight into the document's labels instead of allocating a view per sentence).
 */
export function viterbi(emissions: Float32Array, n: number, transitions: Float32Array, labels: Int32Array, fixed = false, labelsAt = 0): void {
  if (n === 0) return;
  if (delta.length < n * L) {
    delta = new Float64Array(n * L * 2);
    back = new Int32Array(n * L * 2);
  }
  if (!fixed || transitions !== closedFor) prepareClosed(transitions);
  const o0 = fromClosed[0], o1 = fromClosed[9], o4 = fromClosed[18], o5 = fromClosed[27], o8 = fromClosed[36],
    o9 = fromClosed[45], o12 = fromClosed[54], o13 = fromClosed[63], o16 = fromClosed[72];
  for (let y = 0; y < L; y++) {
    delta[y] = canFollow(L, y) ? emissions[y] + transitions[transitionIndex(L, y)] : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const base = t * L;
    const prevBase = base - L;
    // Unrolled over the 9 closed labels (O, L-x, U-x): this loop is most of the tagger's time.
    const c0 = delta[prevBase], c1 = delta[prevBase + 3], c2 = delta[prevBase + 4], c3 = delta[prevBase + 7],
      c4 = delta[prevBase + 8], c5 = delta[prevBase + 11], c6 = delta[prevBase + 12], c7 = delta[prevBase + 15],
      c8 = delta[prevBase + 16];
    // into O, B-x, U-x: from any closed label. Inside plain prose O is far ahead of every L-x and
    // U-x, so that no transition can make up the gap: then O is the best predecessor of all nine
    // and the 81 comparisons are skipped. Exact: the full scan keeps the first maximum, O comes
    // first, and IEEE rounding is monotone, so c + t <= max(c) + max(t) <= c0 + min(t0).
    let others = c1;
    if (c2 > others) others = c2;
    if (c3 > others) others = c3;
    if (c4 > others) others = c4;
    if (c5 > others) others = c5;
    if (c6 > others) others = c6;
    if (c7 > others) others = c7;
    if (c8 > others) others = c8;
    if (others + maxFromOther <= c0 + minFromO) {
      // Unrolled over OPENING (0, 1, 4, 5, 8, 9, 12, 13, 16), the transitions from O held in locals.
      delta[base] = c0 + o0 + emissions[base];
      delta[base + 1] = c0 + o1 + emissions[base + 1];
      delta[base + 4] = c0 + o4 + emissions[base + 4];
      delta[base + 5] = c0 + o5 + emissions[base + 5];
      delta[base + 8] = c0 + o8 + emissions[base + 8];
      delta[base + 9] = c0 + o9 + emissions[base + 9];
      delta[base + 12] = c0 + o12 + emissions[base + 12];
      delta[base + 13] = c0 + o13 + emissions[base + 13];
      delta[base + 16] = c0 + o16 + emissions[base + 16];
      back[base] = back[base + 1] = back[base + 4] = back[base + 5] = back[base + 8] = back[base + 9] =
        back[base + 12] = back[base + 13] = back[base + 16] = 0;
    } else for (let a = 0, row = 0; a < 9; a++, row += 9) {
      let best = c0 + fromClosed[row], arg = 0, score;
      if ((score = c1 + fromClosed[row + 1]) > best) { best = score; arg = 3; }
      if ((score = c2 + fromClosed[row + 2]) > best) { best = score; arg = 4; }
      if ((score = c3 + fromClosed[row + 3]) > best) { best = score; arg = 7; }
      if ((score = c4 + fromClosed[row + 4]) > best) { best = score; arg = 8; }
      if ((score = c5 + fromClosed[row + 5]) > best) { best = score; arg = 11; }
      if ((score = c6 + fromClosed[row + 6]) > best) { best = score; arg = 12; }
      if ((score = c7 + fromClosed[row + 7]) > best) { best = score; arg = 15; }
      if ((score = c8 + fromClosed[row + 8]) > best) { best = score; arg = 16; }
      const y = OPENING[a];
      delta[base + y] = best + emissions[base + y];
      back[base + y] = arg;
    }
    // into I-x, L-x: from B-x or I-x of the same type
    for (let type = 0, into = 0; type < TYPES; type++) {
      const b = 1 + 4 * type, i = b + 1;
      const fromPrevB = delta[prevBase + b], fromPrevI = delta[prevBase + i];
      for (let y = i; y <= i + 1; y++, into += 2) {
        const fromB = fromPrevB + intoInside[into];
        const fromI = fromPrevI + intoInside[into + 1];
        const fromBest = fromB >= fromI;
        delta[base + y] = (fromBest ? fromB : fromI) + emissions[base + y];
        back[base + y] = fromBest ? b : i;
      }
    }
  }
  const lastBase = (n - 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let k = 0; k < 9; k++) {
    const y = CLOSED[k];
    const score = delta[lastBase + y] + transitions[transitionIndex(y, L)];
    if (score > best) {
      best = score;
      arg = y;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    labels[labelsAt + t] = arg;
    arg = back[t * L + arg];
  }
}
