import {
  Cap, LABEL_COUNT, PAD, WINDOW, WORDS, WORD_HEADLINE_BUCKET, WORD_SCORES, WORD_START_BUCKET, WORD_STRIDE, forgetWordScores, wordCacheGeneration, contextBucket, contextRest, contextCodeFeatures, SMALL_CODES, memoryFeatures, mix, pushPairFeatures, recordHistory, sentenceStyle, wordBucket, wordFeatures,
  type DocContext, type WordInfo,
} from './features';
import { viterbi } from './decode';

const L = LABEL_COUNT;
const CAP_LOWER = Cap.Lower, CAP_PUNCT = Cap.Punct;

/** Weights: LABEL_COUNT per hash bucket (row-major), times `scale`; BILOU transition scores. */
export interface Weights {
  readonly rows: Float32Array | Int8Array;
  readonly scale: number;
  readonly transitions: Float32Array;
  /** Identifies these weights in the per-word score cache. */
  readonly id: number;
  /**
   * One bit per bucket, set when its row holds a non-zero weight. 32 KB, so it stays in cache
   * while the 4 MB of rows do not: an unseen word's features ("Xqzv", its prefixes and suffixes)
   * mostly land on empty rows, and reading those rows was most of the cost of a new word.
   */
  readonly present?: Uint32Array;
}

/**
 * The hashed features of tokens [start, end), in compressed-row form: token t's buckets are
 * buckets[offsets[t] … offsets[t + 1]). Used by training, and to check the cached path.
 */
export function sentenceFeatures(doc: DocContext, start: number, end: number, buckets: number[], offsets: number[]): void {
  const style = sentenceStyle(doc, start, end);
  const context: number[] = [];
  const memo = doc.memo;
  buckets.length = 0;
  offsets.length = 0;
  for (let i = start; i < end; i++) {
    offsets.push(buckets.length);
    for (let k = -WINDOW; k <= WINDOW; k++) {
      const inside = i + k >= start && i + k < end;
      const word = inside ? doc.words[i + k] : PAD;
      for (const hash of wordFeatures(word, k < 0 ? -k : k)) buckets.push(wordBucket(hash, k));
      // Training's per-document name memory, which inference has among the word's own features.
      if (memo !== undefined && inside && memo[i + k] !== 0) {
        context.length = 0;
        memoryFeatures(memo[i + k] - 1, word.cap, k < 0 ? -k : k, context);
        for (const hash of context) buckets.push(wordBucket(hash, k));
      }
    }
    context.length = 0;
    contextCodeFeatures(doc.gazetteer[i], contextRest(doc, i, start, end, style), context);
    pushPairFeatures(doc, i, start, end, style, context);
    for (const hash of context) buckets.push(contextBucket(hash));
  }
  offsets.push(buckets.length);
}

export function emissionsFromFeatures(buckets: readonly number[], offsets: readonly number[], weights: Weights, out: Float32Array): void {
  const rows = weights.rows;
  const n = offsets.length - 1;
  out.fill(0, 0, n * L);
  for (let t = 0; t < n; t++) {
    const base = t * L;
    for (let f = offsets[t]; f < offsets[t + 1]; f++) {
      const row = buckets[f] * L;
      for (let y = 0; y < L; y++) out[base + y] += rows[row + y];
    }
    if (weights.scale !== 1) for (let y = 0; y < L; y++) out[base + y] *= weights.scale;
  }
}

const SLICE = (2 * WINDOW + 1) * L;
/**
 * Every cached word's window scores, SLICE floats each, in one growing array: one allocation per
 * few thousand new words instead of one per word (a page of unseen names is otherwise mostly
 * allocation and garbage collection).
 */
const FIRST_POOL = 4096 * SLICE;
/** Room for 131,072 words (44 MB): about what a full word cache needs (see WORD_CACHE_LIMIT). */
const KEEP_POOL = 131072 * SLICE;
let scorePool = new Float32Array(FIRST_POOL);
let scorePoolUsed = 0;
/** Bumped whenever the pool starts again (new weights, or the word cache started again). */
let poolGeneration = 1;
let poolWeights = 0;
let poolWordCache = -1;

/**
 * Where the word's own contribution to the scores of the tokens 2 before … 2 after it starts in
 * scorePool, computed on first use.
 */
function wordScores(word: WordInfo, weights: Weights): number {
  checkScorePool(weights);
  if (word.scoresVersion === poolGeneration) return word.scores;
  word.scores = computeWordScores(word, weights);
  word.scoresVersion = poolGeneration;
  return word.scores;
}

/** Starts the pool again if the weights or the word cache changed since it was filled. */
function checkScorePool(weights: Weights): void {
  if (poolWeights !== weights.id || poolWordCache !== wordCacheGeneration()) {
    poolGeneration++;
    poolWeights = weights.id;
    poolWordCache = wordCacheGeneration();
    scorePoolUsed = 0;
    // Pages of junk (every word new) grow the pool by 340 bytes a word, past what a full word cache
    // needs; the word cache starting again is the moment to hand the excess back instead of keeping
    // it for good. Up to KEEP_POOL stays: regrowing it at every analysis of the same 1 MB of junk
    // cost ~0.4 s a run.
    if (scorePool.length > KEEP_POOL) scorePool = new Float32Array(FIRST_POOL);
    forgetWordScores();
  }
}

/** `pool` itself, or a copy of twice its length when `size` more floats after `used` would not fit. */
function withRoom(pool: Float32Array<ArrayBuffer>, used: number, size: number): Float32Array<ArrayBuffer> {
  if (used + size <= pool.length) return pool;
  const grown = new Float32Array(pool.length * 2);
  grown.set(pool);
  return grown;
}

function computeWordScores(word: WordInfo, weights: Weights): number {
  scorePool = withRoom(scorePool, scorePoolUsed, SLICE);
  const at = scorePoolUsed;
  scorePoolUsed += SLICE;
  const scores = scorePool;
  scores.fill(0, at, at + SLICE);
  const rows = weights.rows;
  const present = weights.present;
  const scale = weights.scale;
  // Slice k + 2 holds the word's features for when it sits at offset k from the tagged token;
  // they are read from the word's run of the feature pool (see WordInfo.pool).
  const hashes = word.pool;
  const counts = word.featureCounts;
  const center = counts & 255, near = (counts >> 8) & 255, far = counts >> 16;
  for (let k = -WINDOW; k <= WINDOW; k++) {
    const base = at + (k + WINDOW) * L;
    const distance = k < 0 ? -k : k;
    const from = word.featureAt + (distance === 0 ? 0 : distance === 1 ? center : center + near);
    const to = from + (distance === 0 ? center : distance === 1 ? near : far);
    for (let f = from; f < to; f++) {
      const bucket = wordBucket(hashes[f], k);
      if (present !== undefined && (present[bucket >>> 5] & (1 << (bucket & 31))) === 0) continue;
      const row = bucket * L;
      for (let y = 0; y < L; y++) scores[base + y] += rows[row + y] * scale;
    }
  }
  return at;
}

const context: number[] = [];
/** Per position of the sentence being scored, from 2 before it to 2 after: where its word's scores are. */
let windowScores = new Int32Array(256);

// Scores per context code, L floats each in one pool, found through an open-addressing table keyed
// by the code's two parts: the gazetteer bits on the token (24) and the rest (near × 32768 + small,
// 31 bits). Codes with gazetteer bits exceed 2^31; as Map keys they were heap numbers hashed and
// allocated per token. Codes without gazetteer bits on or near the token (most tokens) are below
// 32768 and index a direct table.
// The table holds an entry of CODE_ENTRY integers per slot (rest, here, where the scores start; 16
// bytes, so an entry never straddles a cache line) and doubles when half full, so the ~3,000 codes of
// 5 MB of news sit in ~100 KB. It was three parallel columns of a fixed 2^18 slots (3 MB), a cache
// miss or three per lookup: the lookups took ~9% of emissionsCached on the 300 articles, now ~4%.
const CODE_ENTRY = 4;
const FIRST_CODE_SLOTS = 1 << 12;
const CODE_TABLE_LIMIT = 100_000;
let codeTable = emptyCodeTable(FIRST_CODE_SLOTS);
const smallCodeAt = new Int32Array(SMALL_CODES).fill(-1);
let codePool = new Float32Array(1024 * L);
let codePoolUsed = 0;
let codeCount = 0;
let codeScoresVersion = 0;

/** A code table of `slots` empty slots (rest -1). */
function emptyCodeTable(slots: number): Int32Array {
  return new Int32Array(slots * CODE_ENTRY).fill(-1);
}

function resetCodeScores(weights: Weights): void {
  codeTable = emptyCodeTable(FIRST_CODE_SLOTS);
  smallCodeAt.fill(-1);
  codePoolUsed = 0;
  codeCount = 0;
  codeScoresVersion = weights.id;
}

/** The slot of (here, rest) in codeTable: where it is, or the empty slot where it belongs. */
function codeSlot(table: Int32Array, here: number, rest: number): number {
  const mask = table.length / CODE_ENTRY - 1;
  for (let slot = mix(here, rest) & mask; ; slot = (slot + 1) & mask) {
    const key = table[slot * CODE_ENTRY];
    if (key === -1 || (key === rest && table[slot * CODE_ENTRY + 1] === here)) return slot;
  }
}

/** codeTable at twice the slots, its entries placed again. */
function growCodeTable(): void {
  const old = codeTable;
  codeTable = emptyCodeTable((2 * old.length) / CODE_ENTRY);
  for (let entry = 0; entry < old.length; entry += CODE_ENTRY) {
    if (old[entry] === -1) continue;
    const to = codeSlot(codeTable, old[entry + 1], old[entry]) * CODE_ENTRY;
    codeTable[to] = old[entry];
    codeTable[to + 1] = old[entry + 1];
    codeTable[to + 2] = old[entry + 2];
  }
}

/** Where in codePool the summed scores of the features a context code stands for start, computed once per code. */
function contextScores(here: number, rest: number, weights: Weights): number {
  if (here === 0 && rest < SMALL_CODES) {
    const at = smallCodeAt[rest];
    if (at >= 0) return at;
    return (smallCodeAt[rest] = computeContextScores(0, rest, weights));
  }
  const entry = codeSlot(codeTable, here, rest) * CODE_ENTRY;
  if (codeTable[entry] !== -1) return codeTable[entry + 2];
  const at = computeContextScores(here, rest, weights);
  codeTable[entry] = rest;
  codeTable[entry + 1] = here;
  codeTable[entry + 2] = at;
  if (++codeCount * 2 > codeTable.length / CODE_ENTRY) growCodeTable();
  return at;
}

function computeContextScores(here: number, rest: number, weights: Weights): number {
  codePool = withRoom(codePool, codePoolUsed, L);
  const at = codePoolUsed;
  codePoolUsed += L;
  const scores = codePool;
  scores.fill(0, at, at + L);
  context.length = 0;
  contextCodeFeatures(here, rest, context);
  for (const hash of context) {
    const row = contextBucket(hash) * L;
    for (let y = 0; y < L; y++) scores[at + y] += weights.rows[row + y] * weights.scale;
  }
  return at;
}

/**
 * Same scores as emissionsFromFeatures over sentenceFeatures, without building feature lists:
 * each word adds its cached scores to the 5 tokens around it, each token adds the scores of its
 * context code, and only sentence-initial or headline tokens look up rows of their own.
 */
export function emissionsCached(doc: DocContext, start: number, end: number, weights: Weights, out: Float32Array): void {
  const style = sentenceStyle(doc, start, end);
  const rows = weights.rows;
  const scale = weights.scale;
  const n = end - start;
  if (windowScores.length < n + 2 * WINDOW) windowScores = new Int32Array(2 * (n + 2 * WINDOW));
  checkScorePool(weights);
  const pad = wordScores(PAD, weights);
  for (let j = 0; j < WINDOW; j++) windowScores[j] = windowScores[n + WINDOW + j] = pad;
  const ids = doc.ids;
  const wordRows = WORDS.rows;
  for (let j = 0; j < n; j++) {
    const at = ids[start + j] * WORD_STRIDE + WORD_SCORES;
    let scores = wordRows[at];
    if (scores < 0) wordRows[at] = scores = computeWordScores(doc.infos[ids[start + j]], weights);
    windowScores[j + WINDOW] = scores;
  }
  if (codeScoresVersion !== weights.id || codeCount > CODE_TABLE_LIMIT) resetCodeScores(weights);
  const pool = scorePool; // read after the loop above, which may have grown it
  // A rare word's 85 scores were computed far back in the document and are out of the cache; the
  // sum below reads them one label row at a time, a miss each. Reading one value per cache line
  // of every word here first lets the processor fetch them all at once (the loads are independent).
  let touched = 0;
  for (let j = WINDOW; j < n + WINDOW; j++) {
    const at = windowScores[j];
    touched += pool[at] + pool[at + 16] + pool[at + 32] + pool[at + 48] + pool[at + 64] + pool[at + 80];
  }
  // The same for the weight rows of the pair features added at the end of the loop below: the first
  // token's at a sentence start, every token's in a headline or a results line, a random row of the
  // 4 MB of weights each. tagNames on the 300 articles (many with headlines and tables), 40 rounds
  // side by side: min 36.4 -> 33.6 ms, median 40.5 -> 38.4; on 5 MB of news within noise.
  for (let i = start; i < end && (i === start || style !== 0); i++) {
    const wordAt = ids[i] * WORD_STRIDE;
    if (i === start) touched += rows[wordRows[wordAt + WORD_START_BUCKET] * L];
    if (style !== 0) touched += rows[wordRows[wordAt + WORD_HEADLINE_BUCKET + style - 1] * L];
  }
  touchSink = touched;
  // contextNear and contextSmall inlined, over arrays held in locals: contextScores is a call V8
  // does not inline (it may compute new scores), after which it reloads every field of `doc`; and
  // the common code (nothing from the gazetteers on or next to the token, 5 tokens in 6) is looked
  // up here directly. Same codes as contextRest; the oracle checks keep the two in step.
  const gazetteer = doc.gazetteer, lists = doc.gazetteerLists, caps = doc.caps, casings = doc.casings, slots = doc.slots,
    history = doc.history, docCasing = doc.docCasing;
  // Token i adds slice k + 2 of the word at offset k, k = -2 … 2 (unrolled: WINDOW is 2).
  for (let i = start; i < end; i++) {
    const t = i - start;
    const base = t * L;
    const a = windowScores[t], b = windowScores[t + 1] + L, c = windowScores[t + 2] + 2 * L,
      d = windowScores[t + 3] + 3 * L, e = windowScores[t + 4] + 4 * L;
    const cap = caps[i];
    const slot = slots[i];
    const here = gazetteer[i];
    const near = (i > start ? lists[i - 1] : 0) | (i + 1 < end ? lists[i + 1] << 8 : 0);
    const cased = docCasing[slot];
    const small = ((((((cased >> 2) * 2 + (i === start ? 1 : 0)) * 8 + cap) * 4 + casings[i]) * 4 + style) * 4 + (cased & 3)) * 8 +
      (cap === CAP_LOWER || cap === CAP_PUNCT ? 0 : history[slot]);
    let at = here === 0 && near === 0 ? smallCodeAt[small] : -1;
    if (at < 0) at = contextScores(here, near * SMALL_CODES + small, weights);
    const code = codePool; // read after contextScores, which may have grown it
    // Unrolled over the 17 labels (L), same sums in the same order.
    out[base] = pool[a] + pool[b] + pool[c] + pool[d] + pool[e] + code[at];
    out[base + 1] = pool[a + 1] + pool[b + 1] + pool[c + 1] + pool[d + 1] + pool[e + 1] + code[at + 1];
    out[base + 2] = pool[a + 2] + pool[b + 2] + pool[c + 2] + pool[d + 2] + pool[e + 2] + code[at + 2];
    out[base + 3] = pool[a + 3] + pool[b + 3] + pool[c + 3] + pool[d + 3] + pool[e + 3] + code[at + 3];
    out[base + 4] = pool[a + 4] + pool[b + 4] + pool[c + 4] + pool[d + 4] + pool[e + 4] + code[at + 4];
    out[base + 5] = pool[a + 5] + pool[b + 5] + pool[c + 5] + pool[d + 5] + pool[e + 5] + code[at + 5];
    out[base + 6] = pool[a + 6] + pool[b + 6] + pool[c + 6] + pool[d + 6] + pool[e + 6] + code[at + 6];
    out[base + 7] = pool[a + 7] + pool[b + 7] + pool[c + 7] + pool[d + 7] + pool[e + 7] + code[at + 7];
    out[base + 8] = pool[a + 8] + pool[b + 8] + pool[c + 8] + pool[d + 8] + pool[e + 8] + code[at + 8];
    out[base + 9] = pool[a + 9] + pool[b + 9] + pool[c + 9] + pool[d + 9] + pool[e + 9] + code[at + 9];
    out[base + 10] = pool[a + 10] + pool[b + 10] + pool[c + 10] + pool[d + 10] + pool[e + 10] + code[at + 10];
    out[base + 11] = pool[a + 11] + pool[b + 11] + pool[c + 11] + pool[d + 11] + pool[e + 11] + code[at + 11];
    out[base + 12] = pool[a + 12] + pool[b + 12] + pool[c + 12] + pool[d + 12] + pool[e + 12] + code[at + 12];
    out[base + 13] = pool[a + 13] + pool[b + 13] + pool[c + 13] + pool[d + 13] + pool[e + 13] + code[at + 13];
    out[base + 14] = pool[a + 14] + pool[b + 14] + pool[c + 14] + pool[d + 14] + pool[e + 14] + code[at + 14];
    out[base + 15] = pool[a + 15] + pool[b + 15] + pool[c + 15] + pool[d + 15] + pool[e + 15] + code[at + 15];
    out[base + 16] = pool[a + 16] + pool[b + 16] + pool[c + 16] + pool[d + 16] + pool[e + 16] + code[at + 16];
    if (i !== start && style === 0) continue;
    // pushPairFeatures' features, in its order, with buckets precomputed per word.
    const wordAt = doc.ids[i] * WORD_STRIDE;
    if (i === start) {
      const row = wordRows[wordAt + WORD_START_BUCKET] * L;
      for (let y = 0; y < L; y++) out[base + y] += rows[row + y] * scale;
    }
    if (style !== 0) {
      const row = wordRows[wordAt + WORD_HEADLINE_BUCKET + style - 1] * L;
      for (let y = 0; y < L; y++) out[base + y] += rows[row + y] * scale;
    }
  }
}

/** Keeps the reads of the prefetch loop in emissionsCached from being optimised away. */
let touchSink = 0;
export function prefetchSink(): number {
  return touchSink;
}

let emissions = new Float32Array(0);

/**
 * Labels every sentence of the document in order (BILOU label ids, one per token), feeding each
 * sentence's labels to the history feature of the sentences after it. `result`: zeroed, one per token.
 * `forgotten`: indices of sentences, ascending, whose labels feed no history: Title Case
 * Headlines ("Acme Robotics Raises $48 Million" as a person), whose labels are a guess from
 * capitals that say little there (see leadingTitleCaseSentences).
 */
export function tagDocument(
  doc: DocContext, sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>, weights: Weights,
  result: Int32Array = new Int32Array(doc.ids.length), forgotten: readonly number[] = [],
): Int32Array {
  let next = 0;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    const n = sentence.tokenEnd - sentence.tokenStart;
    if (emissions.length < n * L) emissions = new Float32Array(n * L * 2);
    emissionsCached(doc, sentence.tokenStart, sentence.tokenEnd, weights, emissions);
    viterbi(emissions, n, weights.transitions, result, true, sentence.tokenStart);
    if (next < forgotten.length && forgotten[next] === k) next++;
    else recordHistory(doc, sentence.tokenStart, result, sentence.tokenStart, n);
  }
  return result;
}
