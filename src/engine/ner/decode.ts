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
if (TYPES !== 4) throw new Error('viterbi is unrolled for the 4 CoNLL name types');
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
  // Transitions into I-x and L-x (see intoInside) held in locals: B→I, I→I, B→L, I→L per type.
  const bi0 = intoInside[0], ii0 = intoInside[1], bl0 = intoInside[2], il0 = intoInside[3],
    bi1 = intoInside[4], ii1 = intoInside[5], bl1 = intoInside[6], il1 = intoInside[7],
    bi2 = intoInside[8], ii2 = intoInside[9], bl2 = intoInside[10], il2 = intoInside[11],
    bi3 = intoInside[12], ii3 = intoInside[13], bl3 = intoInside[14], il3 = intoInside[15];
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
    // into I-x, L-x: from B-x or I-x of the same type (ties to B-x). Unrolled over the 4 types,
    // the transitions in locals: the loop reading them from intoInside per token made viterbi
    // ~15-20% slower (the same sums and comparisons).
    let score: number, other: number;
    const b0 = delta[prevBase + 1], i0 = delta[prevBase + 2];
    if ((score = b0 + bi0) >= (other = i0 + ii0)) { delta[base + 2] = score + emissions[base + 2]; back[base + 2] = 1; }
    else { delta[base + 2] = other + emissions[base + 2]; back[base + 2] = 2; }
    if ((score = b0 + bl0) >= (other = i0 + il0)) { delta[base + 3] = score + emissions[base + 3]; back[base + 3] = 1; }
    else { delta[base + 3] = other + emissions[base + 3]; back[base + 3] = 2; }
    const b1 = delta[prevBase + 5], i1 = delta[prevBase + 6];
    if ((score = b1 + bi1) >= (other = i1 + ii1)) { delta[base + 6] = score + emissions[base + 6]; back[base + 6] = 5; }
    else { delta[base + 6] = other + emissions[base + 6]; back[base + 6] = 6; }
    if ((score = b1 + bl1) >= (other = i1 + il1)) { delta[base + 7] = score + emissions[base + 7]; back[base + 7] = 5; }
    else { delta[base + 7] = other + emissions[base + 7]; back[base + 7] = 6; }
    const b2 = delta[prevBase + 9], i2 = delta[prevBase + 10];
    if ((score = b2 + bi2) >= (other = i2 + ii2)) { delta[base + 10] = score + emissions[base + 10]; back[base + 10] = 9; }
    else { delta[base + 10] = other + emissions[base + 10]; back[base + 10] = 10; }
    if ((score = b2 + bl2) >= (other = i2 + il2)) { delta[base + 11] = score + emissions[base + 11]; back[base + 11] = 9; }
    else { delta[base + 11] = other + emissions[base + 11]; back[base + 11] = 10; }
    const b3 = delta[prevBase + 13], i3 = delta[prevBase + 14];
    if ((score = b3 + bi3) >= (other = i3 + ii3)) { delta[base + 14] = score + emissions[base + 14]; back[base + 14] = 13; }
    else { delta[base + 14] = other + emissions[base + 14]; back[base + 14] = 14; }
    if ((score = b3 + bl3) >= (other = i3 + il3)) { delta[base + 15] = score + emissions[base + 15]; back[base + 15] = 13; }
    else { delta[base + 15] = other + emissions[base + 15]; back[base + 15] = 14; }
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
