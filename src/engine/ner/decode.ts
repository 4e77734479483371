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

/** Per token and label, n × L: the back pointers of O, B-x and U-x from a step that scanned all nine predecessors. */
let back = new Int32Array(0);
/**
 * Per token: 1 when its step took the shortcut below (O the best predecessor of O, B-x and U-x),
 * whose nine back pointers, all O, are then not written.
 */
let viaO = new Uint8Array(0);
/**
 * Per token: which of its eight I-x and L-x labels came from I-x rather than B-x, one bit each
 * (I-PER bit 0, L-PER bit 1, I-ORG bit 2 …): their back pointers, one byte per token instead of
 * eight Int32 stores (viterbi ~7% less CPU on the sentences of the 300 articles, measured alone).
 */
let insideFromI = new Uint8Array(0);
/** One token's scores per label: the first token's, the last token's, and the full scan's results. */
const row = new Float64Array(L);

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
  if (back.length < n * L) {
    back = new Int32Array(n * L * 2);
    viaO = new Uint8Array(n * 2);
    insideFromI = new Uint8Array(n * 2);
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
    row[y] = canFollow(L, y) ? emissions[y] + transitions[transitionIndex(L, y)] : -Infinity;
  }
  // The best score of a path ending in each label at the previous token (d0 … d16), carried from
  // step to step in locals: only the back pointers are kept per token. An n × L array of them cost
  // 17 stores and 17 loads per token: viterbi ~40% less CPU on the 5 MB news, tagNames ~274 -> ~239 ms.
  let d0 = row[0], d1 = row[1], d2 = row[2], d3 = row[3], d4 = row[4], d5 = row[5], d6 = row[6], d7 = row[7], d8 = row[8],
    d9 = row[9], d10 = row[10], d11 = row[11], d12 = row[12], d13 = row[13], d14 = row[14], d15 = row[15], d16 = row[16];
  for (let t = 1; t < n; t++) {
    const base = t * L;
    // into O, B-x, U-x: from any closed label (O, L-x, U-x: d0, d3, d4, d7, d8, d11, d12, d15, d16).
    // Inside plain prose O is far ahead of every L-x and U-x, so that no transition can make up the
    // gap: then O is the best predecessor of all nine and the 81 comparisons are skipped. Exact: the
    // full scan keeps the first maximum, O comes first, and IEEE rounding is monotone, so
    // c + t <= max(c) + max(t) <= d0 + min(t0).
    // A tree of Math.max rather than a chain of eight ifs on which one is largest (a branch each that
    // the processor mispredicts often): viterbi ~5% less CPU. Equal to the chain's value, or the
    // other zero of it, which the test below cannot tell apart.
    const others = Math.max(Math.max(Math.max(d3, d4), Math.max(d7, d8)), Math.max(Math.max(d11, d12), Math.max(d15, d16)));
    let e0, e1, e4, e5, e8, e9, e12, e13, e16;
    if (others + maxFromOther <= d0 + minFromO) {
      // Unrolled over OPENING (0, 1, 4, 5, 8, 9, 12, 13, 16), the transitions from O held in locals.
      e0 = d0 + o0 + emissions[base];
      e1 = d0 + o1 + emissions[base + 1];
      e4 = d0 + o4 + emissions[base + 4];
      e5 = d0 + o5 + emissions[base + 5];
      e8 = d0 + o8 + emissions[base + 8];
      e9 = d0 + o9 + emissions[base + 9];
      e12 = d0 + o12 + emissions[base + 12];
      e13 = d0 + o13 + emissions[base + 13];
      e16 = d0 + o16 + emissions[base + 16];
      viaO[t] = 1;
    } else {
      for (let a = 0, from = 0; a < 9; a++, from += 9) {
        let best = d0 + fromClosed[from], arg = 0, score;
        if ((score = d3 + fromClosed[from + 1]) > best) { best = score; arg = 3; }
        if ((score = d4 + fromClosed[from + 2]) > best) { best = score; arg = 4; }
        if ((score = d7 + fromClosed[from + 3]) > best) { best = score; arg = 7; }
        if ((score = d8 + fromClosed[from + 4]) > best) { best = score; arg = 8; }
        if ((score = d11 + fromClosed[from + 5]) > best) { best = score; arg = 11; }
        if ((score = d12 + fromClosed[from + 6]) > best) { best = score; arg = 12; }
        if ((score = d15 + fromClosed[from + 7]) > best) { best = score; arg = 15; }
        if ((score = d16 + fromClosed[from + 8]) > best) { best = score; arg = 16; }
        const y = OPENING[a];
        row[y] = best + emissions[base + y];
        back[base + y] = arg;
      }
      e0 = row[0]; e1 = row[1]; e4 = row[4]; e5 = row[5]; e8 = row[8]; e9 = row[9]; e12 = row[12]; e13 = row[13]; e16 = row[16];
      viaO[t] = 0;
    }
    // into I-x, L-x: from B-x or I-x of the same type (ties to B-x; see insideFromI). Unrolled over the 4 types,
    // the transitions in locals: the loop reading them from intoInside per token made viterbi
    // ~15-20% slower (the same sums and comparisons).
    let score: number, other: number, e2, e3, e6, e7, e10, e11, e14, e15, fromI = 0;
    if ((score = d1 + bi0) >= (other = d2 + ii0)) e2 = score + emissions[base + 2];
    else { e2 = other + emissions[base + 2]; fromI |= 1; }
    if ((score = d1 + bl0) >= (other = d2 + il0)) e3 = score + emissions[base + 3];
    else { e3 = other + emissions[base + 3]; fromI |= 2; }
    if ((score = d5 + bi1) >= (other = d6 + ii1)) e6 = score + emissions[base + 6];
    else { e6 = other + emissions[base + 6]; fromI |= 4; }
    if ((score = d5 + bl1) >= (other = d6 + il1)) e7 = score + emissions[base + 7];
    else { e7 = other + emissions[base + 7]; fromI |= 8; }
    if ((score = d9 + bi2) >= (other = d10 + ii2)) e10 = score + emissions[base + 10];
    else { e10 = other + emissions[base + 10]; fromI |= 16; }
    if ((score = d9 + bl2) >= (other = d10 + il2)) e11 = score + emissions[base + 11];
    else { e11 = other + emissions[base + 11]; fromI |= 32; }
    if ((score = d13 + bi3) >= (other = d14 + ii3)) e14 = score + emissions[base + 14];
    else { e14 = other + emissions[base + 14]; fromI |= 64; }
    if ((score = d13 + bl3) >= (other = d14 + il3)) e15 = score + emissions[base + 15];
    else { e15 = other + emissions[base + 15]; fromI |= 128; }
    insideFromI[t] = fromI;
    d0 = e0; d1 = e1; d2 = e2; d3 = e3; d4 = e4; d5 = e5; d6 = e6; d7 = e7; d8 = e8;
    d9 = e9; d10 = e10; d11 = e11; d12 = e12; d13 = e13; d14 = e14; d15 = e15; d16 = e16;
  }
  row[0] = d0; row[3] = d3; row[4] = d4; row[7] = d7; row[8] = d8; row[11] = d11; row[12] = d12; row[15] = d15; row[16] = d16;
  let best = -Infinity;
  let arg = 0;
  for (let k = 0; k < 9; k++) {
    const y = CLOSED[k];
    const score = row[y] + transitions[transitionIndex(y, L)];
    if (score > best) {
      best = score;
      arg = y;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    labels[labelsAt + t] = arg;
    // O, B-x and U-x have (label & 2) === 0; after a shortcut step their predecessor is O. I-x and
    // L-x (label 1 + 4 × type + part, part 1 or 2) have theirs in bit 2 × type + part − 1 of insideFromI.
    if ((arg & 2) === 0) arg = viaO[t] === 1 ? 0 : back[t * L + arg];
    else {
      const type4 = (arg - 1) & ~3, part = (arg - 1) & 3;
      arg = (insideFromI[t] >> (type4 / 2 + part - 1)) & 1 ? type4 + 2 : type4 + 1;
    }
  }
}
