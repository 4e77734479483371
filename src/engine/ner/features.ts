import { tokenText, type Token, type Tokens } from '../text/tokenize';
import type { Segment } from '../text/sentences';
import type { Span } from '../model';
import { matchGazetteerIds, listsOf, forgetGazetteerPaths, GAZETTEER_LISTS } from './gazetteers';
import { int32Scratch, uint8Scratch } from '../text/scratch';
import { LOWER_CASE_WORDS, CAPITALISED_WORDS } from '../lexicon/gazetteer';
import { CLUSTER_WORDS, CLUSTERS_0, CLUSTERS_1 } from '../lexicon/gazetteerClusters';
import { NAME_MEMORY } from './memoryData';

// Features are hashed to integers without building feature strings: a word's own features are
// computed once per distinct word (news repeats words) and kept in a cache; features that depend
// on the sentence or the document are integer mixes of those hashes.

export const NAME_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** BILOU labels: 0 = O, then 1 + 4 × type + part, part 0 = B, 1 = I, 2 = L, 3 = U. */
export const LABEL_COUNT = 1 + 4 * NAME_TYPES.length;
export const HASH_BITS = 18;
export const HASH_MASK = (1 << HASH_BITS) - 1;
/** Context window: the words at offsets -2 … +2 contribute their own features. */
export const WINDOW = 2;

export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}
export function labelPart(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3;
}
export function makeLabel(type: number, part: number): number {
  return 1 + 4 * type + part;
}

function hashString(seed: number, text: string): number {
  return hashRange(seed, text, 0, text.length);
}

/** hashString(seed, text.slice(from, to)) without the slice: prefixes and suffixes of new words. */
function hashRange(seed: number, text: string, from: number, to: number): number {
  let h = Math.imul(seed ^ 0x811c9dc5, 0x01000193);
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hasTypographic(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2013 && c <= 0x201e) return true;
  }
  return false;
}

/** Integer hash of a pair (murmur3 finaliser). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b), 0xcc9e2d51);
  h ^= h >>> 15;
  h = Math.imul(h, 0x1b873593);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Template seeds: each names one kind of feature. The numbers are part of the trained model:
// changing one means `npm run train`.
const enum T {
  Word = 1, Lower = 2, Shape = 3, ShortShape = 4, Prefix = 5, Suffix = 6, Casing = 7, Length = 8, Flags = 9,
  Gazetteer = 10, GazetteerNear = 11, SentenceStart = 12, Headline = 13, DocCasing = 14, History = 15, Bias = 16,
  HistoryShape = 18, Cluster = 20, Memory = 21, Paired = 24,
}

/** How a word is written: 0 lower, 1 Title, 2 ALLCAPS, 3 mIxed, 4 has digits, 5 punctuation. */
export enum Cap { Lower, Title, Upper, Mixed, Digit, Punct }

/** How sentenceStyle counts a word: skipped (punctuation, digits), ALL CAPS, Title (> 3 letters), lower (> 3), other. */
const STYLE_SKIP = 0, STYLE_UPPER = 1, STYLE_TITLE = 2, STYLE_LOWER = 3, STYLE_OTHER = 4;

function styleKindOf(cap: Cap, length: number): number {
  if (cap === Cap.Punct || cap === Cap.Digit) return STYLE_SKIP;
  if (cap === Cap.Upper) return STYLE_UPPER;
  if (cap === Cap.Title && length > 3) return STYLE_TITLE;
  if (cap === Cap.Lower && length > 3) return STYLE_LOWER;
  return STYLE_OTHER;
}

/** What the tagger knows about one distinct token text. */
export interface WordInfo {
  readonly text: string;
  readonly lower: string;
  readonly cap: Cap;
  /**
   * Hashes of the word's own features, by distance from the tagged token (0, 1, 2), one run after
   * the other in `pool` from `featureAt`: `featureCounts` holds the three runs' lengths, 8 bits
   * each (see wordFeatures).
   */
  readonly pool: Uint32Array;
  readonly featureAt: number;
  readonly featureCounts: number;
  /** 0 unknown, 1 usually lower case in news text, 2 usually capitalised. */
  readonly casing: number;
  readonly lowerHash: number;
  /** Shared by all words with the same lower-case form ("Bank", "BANK", "bank"). */
  readonly lowerId: number;
  /** What sentenceStyle counts the word as (see STYLE_*), precomputed so its loop reads no strings. */
  readonly styleKind: number;
  /** A quotation mark, dash, bracket or colon: the next word's casing says nothing (see buildDocContext). */
  readonly opensQuote: boolean;
  /** Inference cache: where the word's emission scores at offsets -2 … +2 start (see tagger.ts). */
  scores: number;
  /** The score pool generation `scores` belongs to (0: none yet). */
  scoresVersion: number;
}

function capOf(text: string): Cap {
  let upper = 0, lower = 0, digit = 0, letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII without a one-character string per character (most of a new word's cost in junk).
    if (c < 128) {
      if (c >= 48 && c <= 57) digit++;
      else if (c >= 65 && c <= 90) { upper++; letters++; }
      else if (c >= 97 && c <= 122) { lower++; letters++; }
      continue;
    }
    const ch = text[i];
    if (ch !== ch.toLowerCase()) { upper++; letters++; }
    else if (ch !== ch.toUpperCase()) { lower++; letters++; }
  }
  if (digit > 0) return Cap.Digit;
  if (letters === 0) return Cap.Punct;
  if (upper === 0) return Cap.Lower;
  const first = text[0];
  if (lower === 0) return upper === 1 && text.length === 1 ? Cap.Title : Cap.Upper;
  if (first !== first.toLowerCase() && upper === 1) return Cap.Title;
  return Cap.Mixed;
}

/** "McDonald's" → "XxXxx'x" collapsed to runs: "XxXx'x"; "1996-08-30" → "d-d-d". */
function shapeOf(text: string, collapse: boolean): string {
  let shape = '';
  let last = '';
  for (let i = 0; i < text.length && shape.length < 12; i++) {
    const c = text.charCodeAt(i);
    let s: string;
    if (c >= 48 && c <= 57) s = 'd';
    else if (c < 128) s = c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : text[i];
    else if (text[i] !== text[i].toLowerCase()) s = 'X';
    else if (text[i] !== text[i].toUpperCase()) s = 'x';
    else s = text[i];
    if (!collapse || s !== last) shape += s;
    last = s;
  }
  return shape;
}

let lowerWords: Set<string> | undefined;
let capitalisedWords: Set<string> | undefined;

function casingOf(lower: string): number {
  lowerWords ??= new Set(LOWER_CASE_WORDS.split('|'));
  capitalisedWords ??= new Set(CAPITALISED_WORDS.split('|'));
  return lowerWords.has(lower) ? 1 : capitalisedWords.has(lower) ? 2 : 0;
}

let clusters: Map<string, number> | undefined;

/** The word's clusters (coarse × 1024 + fine, see scripts/nerClusters.ts), or -1 if unseen. */
function clusterOf(lower: string): number {
  if (clusters === undefined) {
    clusters = new Map();
    const coarse = CLUSTERS_0.split(','), fine = CLUSTERS_1.split(',');
    CLUSTER_WORDS.split('|').forEach((word, i) => clusters!.set(word, parseInt(coarse[i], 36) * 1024 + parseInt(fine[i], 36)));
  }
  // Clusters were built with every word holding a digit read as one word, "<num>".
  let hasDigit = false;
  for (let i = 0; i < lower.length && !hasDigit; i++) hasDigit = lower.charCodeAt(i) >= 48 && lower.charCodeAt(i) <= 57;
  return clusters.get(hasDigit ? '<num>' : lower) ?? -1;
}

/**
 * Name memory: for a capitalised word, the name types it was part of in the training corpus, one
 * bit each (PER 1, ORG 2, LOC 4, MISC 8), plus 16 if it was also seen capitalised inside a sentence
 * outside any name ("Pirelli" → ORG; "Milan" → ORG | LOC, the club and the city; "Monday" → 16).
 * Word features alone remember a word only through the weights it happened to get; this says
 * "seen as an organization elsewhere" as one feature the model can learn to trust, also for words
 * seen once. Training computes it per document from the other folds of the training data
 * (jackknifed: a memory that includes the document itself would always be right in training and
 * be trusted too much), see scripts/train.ts; at run time it comes from the whole training data
 * (memoryData.ts, written with the weights).
 */
let memory: Map<string, number> | undefined;
let memoryOn = true;

function loadMemory(): Map<string, number> {
  const map = new Map<string, number>();
  for (const [code, words] of Object.entries(NAME_MEMORY)) {
    if (words) for (const word of words.split('|')) map.set(word, Number(code));
  }
  return map;
}

/**
 * Replaces the name memory (a Map from lower-case word to its code; `undefined`: the shipped one),
 * or turns it off for WordInfo (`null`: training, which supplies per-token codes in
 * DocContext.memo); restarts the word cache, whose features depend on it.
 */
export function useNameMemory(next: Map<string, number> | null | undefined): void {
  memoryOn = next !== null;
  memory = next ?? undefined;
  resetWordCache();
}

/** Whether a word of this Cap gets memory features: capitalised, not a number or punctuation. */
export function hasMemory(cap: Cap): boolean {
  return cap === Cap.Title || cap === Cap.Upper || cap === Cap.Mixed;
}

/** The memory features of a word with memory `code` at `distance` 0 or 1 from the tagged token. */
export function memoryFeatures(code: number, cap: Cap, distance: number, out: number[]): void {
  if (distance === 0) out.push(mix(T.Memory, code), mix(T.Memory + 100, code * 8 + cap));
  else if (distance === 1) out.push(mix(T.Memory, code));
}

// Training text (CoNLL) has only straight quotes and ASCII hyphens; news has typographic ones.
// 'Norway’s' → the clitic "’s" gets the features of "'s"; '“' those of '"'.
const TYPOGRAPHIC = /[‘’“”„—–]/g;
const PLAIN: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '„': '"', '—': '-', '–': '-' };

/** A word has at most 6 + 8 + 1 + 2 + 2 features at distance 0, 7 at 1 and 3 at 2. */
const MAX_WORD_FEATURES = 32;
/**
 * Words' features, in chunks of FEATURE_CHUNK: a full chunk is left to the words that point into
 * it (never written again, so a DocContext's words stay valid after the cache starts again), and
 * garbage once they are.
 */
const FEATURE_CHUNK = 1 << 16;
let featurePool = new Uint32Array(FEATURE_CHUNK);
let featurePoolUsed = 0;

/** The word's own feature hashes at `distance` 0, 1 or 2 from the tagged token (a view, not a copy). */
export function wordFeatures(word: WordInfo, distance: number): Uint32Array {
  let from = word.featureAt;
  for (let d = 0; d < distance; d++) from += (word.featureCounts >> (8 * d)) & 255;
  return word.pool.subarray(from, from + ((word.featureCounts >> (8 * distance)) & 255));
}

function computeWordInfo(original: string): WordInfo {
  const text = hasTypographic(original) ? original.replace(TYPOGRAPHIC, ch => PLAIN[ch]) : original;
  const lower = text.toLowerCase();
  const cap = capOf(text);
  const casing = casingOf(lower);
  const shape = shapeOf(text, false);
  const shortShape = shapeOf(text, true);
  const lowerHash = hashString(T.Lower, lower);
  const shapeHash = hashString(T.Shape, shape);
  const shortHash = hashString(T.ShortShape, shortShape);
  const casingHash = mix(T.Casing, casing * 8 + cap);
  // Written straight into the shared pool: three arrays per word and their garbage were most of
  // a new word's cost on pages of unseen words.
  let pool = featurePool;
  if (featurePoolUsed + MAX_WORD_FEATURES > pool.length) {
    pool = featurePool = new Uint32Array(FEATURE_CHUNK);
    featurePoolUsed = 0;
  }
  const at = featurePoolUsed;
  let end = at;
  pool[end++] = hashString(T.Word, text);
  pool[end++] = lowerHash;
  pool[end++] = shapeHash;
  pool[end++] = shortHash;
  pool[end++] = casingHash;
  pool[end++] = mix(T.Length, Math.min(text.length, 12));
  for (let n = 1; n <= 4 && n <= lower.length; n++) {
    pool[end++] = hashRange(T.Prefix * 16 + n, lower, 0, n);
    pool[end++] = hashRange(T.Suffix * 16 + n, lower, lower.length - n, lower.length);
  }
  let flags = 0;
  if (text.includes('-')) flags |= 1;
  if (text.includes('.')) flags |= 2;
  if (text.includes("'") || text.includes('’')) flags |= 4;
  if (text.length === 1) flags |= 8;
  pool[end++] = mix(T.Flags, flags);
  const suffix3 = hashRange(T.Suffix * 16 + 3, lower, Math.max(0, lower.length - 3), lower.length);
  const cluster = clusterOf(lower);
  const coarse = mix(T.Cluster, cluster < 0 ? -1 : cluster >> 10), fine = mix(T.Cluster + 100, cluster);
  pool[end++] = coarse;
  pool[end++] = fine;
  // The memory features as memoryFeatures gives them at distances 0 and 1.
  const code = memoryOn && hasMemory(cap) ? (memory ??= loadMemory()).get(lower) ?? 0 : -1;
  if (code >= 0) {
    pool[end++] = mix(T.Memory, code);
    pool[end++] = mix(T.Memory + 100, code * 8 + cap);
  }
  const centerCount = end - at;
  pool[end++] = lowerHash;
  pool[end++] = shortHash;
  pool[end++] = suffix3;
  pool[end++] = casingHash;
  pool[end++] = coarse;
  pool[end++] = fine;
  if (code >= 0) pool[end++] = mix(T.Memory, code);
  const nearCount = end - at - centerCount;
  pool[end++] = lowerHash;
  pool[end++] = shortHash;
  pool[end++] = coarse;
  featurePoolUsed = end;
  return {
    text, lower, cap, casing, lowerHash, lowerId: lowerIdOf(lower), styleKind: styleKindOf(cap, text.length), opensQuote: isQuoteOrBullet(text),
    pool, featureAt: at, featureCounts: centerCount | (nearCount << 8) | (3 << 16),
    // Every field present from the start, so all WordInfo objects share one hidden class.
    scores: 0, scoresVersion: 0,
  };
}

/** Token text → word id: an index into wordInfos and the columns of WORDS. */
let wordCache = new Map<string, number>();
let wordInfos: WordInfo[] = [];
let lowerIds = new Map<string, number>();

/**
 * Per word id, what the per-token loops need, in one row of WORD_STRIDE integers: a read from a
 * dense typed array instead of a pointer chase into 100k scattered objects, and one cache line per
 * word (separate columns cost a miss each). `rows` is replaced when it grows, so read it after the
 * last wordId call.
 * - WORD_BITS: cap (bits 0–2), casing class (3–4), sentenceStyle kind (5–7), opens a quote (8);
 * - WORD_LOWER: the lower-case form's id;
 * - WORD_GAZETTEER: gazetteer lists holding the word alone, plus bits if it starts or continues a longer
 *   entry; -1 until first looked up (see matchGazetteerIds);
 * - WORD_SCORES: where the word's window scores start in the tagger's pool, -1 if not computed;
 * - WORD_START_BUCKET, WORD_HEADLINE_BUCKET (+ style − 1, style 1–3): see there.
 */
export const WORDS = { rows: new Int32Array(8 << 12) };
export const WORD_STRIDE = 8, WORD_BITS = 0, WORD_LOWER = 1, WORD_GAZETTEER = 2, WORD_SCORES = 3;
/**
 * The weight buckets of the word's pair features (see pushPairFeatures) at a sentence start, in an
 * ALL CAPS headline, in a Title Case one and in a results line, so such tokens cost no hashing.
 */
export const WORD_START_BUCKET = 4, WORD_HEADLINE_BUCKET = 5;

/** Forgets every word's pooled scores (the pool started again). */
export function forgetWordScores(): void {
  const rows = WORDS.rows;
  for (let at = WORD_SCORES; at < wordInfos.length * WORD_STRIDE; at += WORD_STRIDE) rows[at] = -1;
}

/** Past this many distinct words the caches start again (checked between documents only). */
const WORD_CACHE_LIMIT = 100_000;
let cacheGeneration = 0;

/** Changes whenever the word cache starts again, so that caches keyed on its words do too. */
export function wordCacheGeneration(): number {
  return cacheGeneration;
}

function lowerIdOf(lower: string): number {
  let id = lowerIds.get(lower);
  if (id === undefined) {
    id = lowerIds.size;
    lowerIds.set(lower, id);
  }
  return id;
}

/** The id of a token text, its WordInfo computed on first sight. */
export function wordId(text: string): number {
  let id = wordCache.get(text);
  if (id === undefined) {
    const carried = carriedCache?.get(text);
    const info = carried === undefined ? computeWordInfo(text) : carryWordInfo(carriedInfos![carried]);
    id = wordInfos.length;
    wordInfos.push(info);
    wordCache.set(text, id);
    if ((id + 1) * WORD_STRIDE > WORDS.rows.length) {
      const grown = new Int32Array(WORDS.rows.length * 2);
      grown.set(WORDS.rows);
      WORDS.rows = grown;
    }
    const at = id * WORD_STRIDE;
    WORDS.rows[at + WORD_BITS] = info.cap | (info.casing << 3) | (info.styleKind << 5) | (info.opensQuote ? 256 : 0);
    WORDS.rows[at + WORD_LOWER] = info.lowerId;
    WORDS.rows[at + WORD_GAZETTEER] = -1;
    WORDS.rows[at + WORD_SCORES] = -1;
    WORDS.rows[at + WORD_START_BUCKET] = contextBucket(pairFeature(info, true, 0));
    WORDS.rows[at + WORD_HEADLINE_BUCKET] = contextBucket(pairFeature(info, false, 1));
    WORDS.rows[at + WORD_HEADLINE_BUCKET + 1] = contextBucket(pairFeature(info, false, 2));
    WORDS.rows[at + WORD_HEADLINE_BUCKET + 2] = contextBucket(pairFeature(info, false, 3));
  }
  return id;
}

/** A word of the cache before its restart, as computeWordInfo would give it now (only its lower-case form's id is new). */
function carryWordInfo(old: WordInfo): WordInfo {
  return {
    text: old.text, lower: old.lower, cap: old.cap, casing: old.casing, lowerHash: old.lowerHash, lowerId: lowerIdOf(old.lower),
    styleKind: old.styleKind, opensQuote: old.opensQuote, pool: old.pool, featureAt: old.featureAt, featureCounts: old.featureCounts,
    scores: 0, scoresVersion: 0,
  };
}

export function wordInfo(text: string): WordInfo {
  return wordInfos[wordId(text)];
}

/** The WordInfo of a word id from wordId. */
export function wordInfoOf(id: number): WordInfo {
  return wordInfos[id];
}

/** Stands for the words before the sentence start and after its end. */
export const PAD = computeWordInfo('<pad>');

/** Per-document evidence, gathered in one pass before tagging. */
export interface DocContext {
  readonly words: WordInfo[];
  /** Per token: its word id (see WORDS). */
  readonly ids: Int32Array;
  /** WordInfo by word id, as it stood when the context was built (the word cache may start again later). */
  readonly infos: readonly WordInfo[];
  /**
   * Per token: the word's Cap, its casing class and its sentenceStyle kind, copied out of the
   * WordInfo objects once, so the per-token loops of tagging read small typed arrays instead of
   * chasing a pointer per token into a heap of 100k objects (most of their time on 5 MB).
   */
  readonly caps: Uint8Array;
  readonly casings: Uint8Array;
  readonly styleKinds: Uint8Array;
  /** Per token: a slot shared by the tokens with the same lower-case form in this document. */
  readonly slots: Int32Array;
  /**
   * Per slot: 1 seen lower case inside a sentence, 2 seen capitalised inside a sentence; 4 seen
   * capitalised right after another capitalised word in prose, 8 right before one (see PAIRED).
   */
  readonly docCasing: Uint8Array;
  /** Per slot: the last name type (1 + type) it was tagged with, or 5 if tagged O while capitalised. */
  readonly history: Uint8Array;
  /** Per token: gazetteer position per list, 3 bits each (0 none, 1 B, 2 I, 3 L, 4 U). */
  readonly gazetteer: Int32Array;
  /** Per token: the lists it is in, one bit each. */
  readonly gazetteerLists: Uint8Array;
  /**
   * Training only, with useNameMemory(null): per token, 1 + its name memory code from the other
   * folds, 0 for a word without memory features (see hasMemory).
   */
  memo?: Uint8Array;
}

// The word id of each tokenizer vocabulary key (see Tokens.keys), -1 unknown: an article's words,
// mostly met in earlier calls, are found by an array read instead of a Map lookup of the string
// (that lookup was 9% of analyze() on 300 articles one call each). Valid for one vocabulary epoch
// and one word cache generation; as long as the vocabulary, which is bounded.
let keyIds = new Int32Array(0);
let keyIdsEpoch = -1;
let keyIdsGeneration = -1;

/** keyIds for vocabulary `epoch`, emptied if the epoch or the word cache changed. */
function idsOfKeys(epoch: number): Int32Array {
  if (keyIdsEpoch !== epoch || keyIdsGeneration !== cacheGeneration) {
    keyIds = new Int32Array(0);
    keyIdsEpoch = epoch;
    keyIdsGeneration = cacheGeneration;
  }
  return keyIds;
}

/** keyIds grown to hold `key`, doubled so a growing vocabulary copies it rarely. */
function growKeyIds(key: number): Int32Array {
  let size = Math.max(1024, keyIds.length * 2);
  while (size <= key) size *= 2;
  const grown = new Int32Array(size).fill(-1);
  grown.set(keyIds);
  return keyIds = grown;
}

// On a restart at the size limit, the old cache, kept while the document that triggered it is
// numbered: its words get their old WordInfo copied instead of computed again. A page of 115k
// unseen words restarted the cache at every analysis and paid every word again.
let carriedCache: Map<string, number> | undefined;
let carriedInfos: WordInfo[] | undefined;

/** `carry`: keep the old words for the current document (the name memory is unchanged). */
function resetWordCache(carry = false): void {
  carriedCache = carry ? wordCache : undefined;
  carriedInfos = carry ? wordInfos : undefined;
  wordCache = new Map();
  wordInfos = [];
  lowerIds = new Map();
  forgetGazetteerPaths();
  cacheGeneration++;
  stampOf.fill(0);
}

// Scratch for numbering the distinct lower-case forms of one document without a Map per token:
// slotOf[lowerId] is valid when stampOf[lowerId] is the current document's stamp.
let slotOf = new Int32Array(1 << 16);
let stampOf = new Int32Array(1 << 16);
let stamp = 0;

const fresh8 = (n: number): Uint8Array => new Uint8Array(n);
const fresh32 = (n: number): Int32Array => new Int32Array(n);
const takeFresh = {
  ids: fresh32, idOf: fresh32, wordBits: fresh32, wordSlots: fresh32, caps: fresh8, casings: fresh8, styleKinds: fresh8, opensQuote: fresh8, slots: fresh32,
  docCasing: fresh8, gazetteer: fresh32, gazetteerLists: fresh8, history: fresh8,
};
const taker8 = () => {
  const scratch = uint8Scratch();
  return (n: number) => scratch.take(n);
};
const taker32 = () => {
  const scratch = int32Scratch();
  return (n: number) => scratch.take(n);
};
const takeScratch: typeof takeFresh = {
  ids: taker32(), idOf: taker32(), wordBits: taker32(), wordSlots: taker32(), caps: taker8(), casings: taker8(), styleKinds: taker8(), opensQuote: taker8(), slots: taker32(),
  docCasing: taker8(), gazetteer: taker32(), gazetteerLists: taker8(), history: taker8(),
};

/**
 * `reuse`: the context's arrays are reused by the next call with `reuse` (tagNames, which drops
 * the context before returning).
 * `wordIds` and `texts` (`doc.tokens.wordIds` and `.words`), when given, are the tokenizer's (see Tokens): then each distinct
 * word is looked up in the word cache once, not each token (a Map lookup per token was ~100 ms of
 * the 5 MB news).
 */
export function buildDocContext(tokens: readonly Token[] | Tokens, sentences: readonly Segment[], wordIds?: Int32Array,
  texts?: readonly string[], reuse = false): DocContext {
  // Typed arrays per token from reusable buffers (see text/scratch.ts) when the caller is done
  // with the context before the next call (tagNames); fresh ones for training, which keeps many.
  const take = reuse ? takeScratch : takeFresh;
  if (wordCache.size >= WORD_CACHE_LIMIT) resetWordCache(true);
  const n = tokens.length;
  const ids = take.ids(n);
  let idOf: Int32Array | undefined;
  if (wordIds !== undefined && texts !== undefined && wordIds.length === n) {
    // Words are numbered in order of first occurrence, so the cache meets them in token order as before.
    idOf = take.idOf(texts.length);
    const keys = Array.isArray(tokens) ? undefined : (tokens as Tokens).keys;
    if (keys !== undefined && keys.length === texts.length) {
      let idOfKey = idsOfKeys((tokens as Tokens).epoch!);
      for (let k = 0; k < texts.length; k++) {
        const key = keys[k];
        if (key >= idOfKey.length) idOfKey = growKeyIds(key);
        let id = idOfKey[key];
        if (id < 0) idOfKey[key] = id = wordId(texts[k]);
        idOf[k] = id;
      }
    } else {
      for (let k = 0; k < texts.length; k++) idOf[k] = wordId(texts[k]);
    }
  } else {
    for (let i = 0; i < n; i++) ids[i] = wordId(Array.isArray(tokens) ? (tokens as readonly Token[])[i].text : tokenText(tokens as Tokens, i));
  }
  carriedCache = carriedInfos = undefined;
  if (lowerIds.size > slotOf.length) {
    slotOf = new Int32Array(lowerIds.size * 2);
    stampOf = new Int32Array(lowerIds.size * 2);
  }
  stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
  // One pass per token: its word id, what its row in WORDS says, and its lower-case form's slot.
  const caps = take.caps(n), casings = take.casings(n), styleKinds = take.styleKinds(n), opensQuote = take.opensQuote(n);
  const slots = take.slots(n);
  let slotCount = 0;
  const rows = WORDS.rows; // read after the last wordId call, which may have grown it
  if (idOf !== undefined) {
    // Rows read once per distinct word, then per token from the document's own small arrays: an
    // article has a distinct word per ~2 tokens, and a row of WORDS (one of up to 100k) is a cache
    // miss where the small arrays are not. Words are numbered in order of first occurrence, so
    // slots are numbered as the per-token loop below numbers them.
    const wordBits = take.wordBits(idOf.length), wordSlots = take.wordSlots(idOf.length);
    // Two loops: the rows' loads are independent of each other and overlap; the slot numbering
    // after them waits on each lower-case form's stamp (wordSlots holds the lower-case ids between).
    for (let k = 0; k < idOf.length; k++) {
      const at = idOf[k] * WORD_STRIDE;
      wordBits[k] = rows[at + WORD_BITS];
      wordSlots[k] = rows[at + WORD_LOWER];
    }
    for (let k = 0; k < idOf.length; k++) {
      const lowerId = wordSlots[k];
      if (stampOf[lowerId] !== stamp) {
        stampOf[lowerId] = stamp;
        slotOf[lowerId] = slotCount++;
      }
      wordSlots[k] = slotOf[lowerId];
    }
    for (let i = 0; i < n; i++) {
      const word = wordIds![i];
      ids[i] = idOf[word];
      const bits = wordBits[word];
      caps[i] = bits & 7;
      casings[i] = (bits >> 3) & 3;
      styleKinds[i] = (bits >> 5) & 7;
      opensQuote[i] = bits >> 8;
      slots[i] = wordSlots[word];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const at = ids[i] * WORD_STRIDE;
      const bits = rows[at + WORD_BITS];
      caps[i] = bits & 7;
      casings[i] = (bits >> 3) & 3;
      styleKinds[i] = (bits >> 5) & 7;
      opensQuote[i] = bits >> 8;
      const lowerId = rows[at + WORD_LOWER];
      if (stampOf[lowerId] !== stamp) {
        stampOf[lowerId] = stamp;
        slotOf[lowerId] = slotCount++;
      }
      slots[i] = slotOf[lowerId];
    }
  }
  const docCasing = take.docCasing(slotCount);
  for (let k = 0; k < sentences.length; k++) {
    const { tokenStart, tokenEnd } = sentences[k];
    // PAIRED is counted in prose only: in a headline every word is capitalised.
    const prose = styleOf(styleKinds, caps, tokenStart, tokenEnd) === 0;
    for (let i = tokenStart + 1; i < tokenEnd; i++) {
      const cap = caps[i];
      const bit = cap === Cap.Lower ? 1 : cap === Cap.Title ? 2 : 0;
      if (bit !== 0 && !opensQuote[i - 1]) docCasing[slots[i]] |= bit;
      if (prose && hasMemory(cap) && hasMemory(caps[i - 1]) && casings[i - 1] !== 1 && casings[i] !== 1) {
        docCasing[slots[i]] |= 4;
        docCasing[slots[i - 1]] |= 8;
      }
    }
  }
  const gazetteer = take.gazetteer(tokens.length);
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    matchGazetteerIds(ids, wordInfos, rows, WORD_STRIDE, WORD_GAZETTEER, sentence.tokenStart, sentence.tokenEnd, gazetteer);
  }
  const gazetteerLists = take.gazetteerLists(tokens.length);
  for (let i = 0; i < tokens.length; i++) if (gazetteer[i] !== 0) gazetteerLists[i] = listsOf(gazetteer[i]);
  return new Context(wordInfos, ids, caps, casings, styleKinds, slots, docCasing, take.history(slotCount), gazetteer, gazetteerLists);
}

/**
 * A DocContext as a class, not an object literal: the literal, with a getter among a dozen fields,
 * was a dictionary-mode object (V8's %HasFastProperties false), so every `doc.caps`, `doc.slots`…
 * of the per-sentence and per-token code was a hash lookup. tagNames alone (A/B in one process,
 * 16-20 rounds) on the 300 articles min 29.8 -> 28.6 and 31.3 -> 30.1 ms, on 5 MB of news min
 * 213 -> 209 and 211 -> 201 ms.
 */
class Context implements DocContext {
  private wordsOfTokens: WordInfo[] | undefined = undefined;
  memo?: Uint8Array;
  constructor(
    readonly infos: readonly WordInfo[], readonly ids: Int32Array, readonly caps: Uint8Array, readonly casings: Uint8Array,
    readonly styleKinds: Uint8Array, readonly slots: Int32Array, readonly docCasing: Uint8Array, readonly history: Uint8Array,
    readonly gazetteer: Int32Array, readonly gazetteerLists: Uint8Array,
  ) {}

  /** Inference reads words by id; this array of WordInfo per token (8 MB on 5 MB of text) is built only if asked for (training's sentenceFeatures). */
  get words(): WordInfo[] {
    if (this.wordsOfTokens === undefined) {
      const words = new Array<WordInfo>(this.ids.length);
      for (let i = 0; i < words.length; i++) words[i] = this.infos[this.ids[i]];
      this.wordsOfTokens = words;
    }
    return this.wordsOfTokens;
  }
}

function isQuoteOrBullet(text: string): boolean {
  return text === '"' || text === '“' || text === "'" || text === '‘' || text === '-' || text === '(' || text === ':';
}

/** sentenceStyle of a Title Case Headline and of one in capitals. */
export const STYLE_TITLE_CASE = 2;
export const STYLE_ALL_CAPS = 1;

/**
 * Sentence-level casing: 1 mostly ALL CAPS (a wire headline), 2 Title Case Headline, 3 a line of
 * results or a table ("Leeds 2 Chelsea 1", "Milan 4 3 1 0 8 2 10": as many numbers as words,
 * where a city's name is mostly its team), 0 prose.
 */
export function sentenceStyle(doc: DocContext, start: number, end: number): number {
  return styleOf(doc.styleKinds, doc.caps, start, end);
}

function styleOf(kinds: Uint8Array, caps: Uint8Array, start: number, end: number): number {
  let letters = 0, upper = 0, title = 0, digits = 0;
  for (let i = start; i < end; i++) {
    const kind = kinds[i];
    if (kind === STYLE_SKIP) {
      if (caps[i] === Cap.Digit) digits++;
      continue;
    }
    letters++;
    if (kind === STYLE_UPPER) upper++;
    else if (kind === STYLE_TITLE) title++;
    else if (kind === STYLE_LOWER) title -= 2;
  }
  if (digits >= 2 && 2 * digits >= letters) return 3;
  if (letters >= 2 && upper >= 0.8 * letters) return 1;
  if (letters >= 3 && title >= 0.6 * letters) return 2;
  return 0;
}

const MAX_HEADLINE_TOKENS = 40;
/** Lower-case words of four letters and more in a Title Case headline. */
const TITLE_CASE_MINOR_WORDS: ReadonlySet<string> = new Set([
  'with', 'from', 'into', 'onto', 'over', 'upon', 'amid', 'than', 'near', 'about', 'after', 'among', 'under', 'across',
  'through', 'against', 'during', 'within', 'without', 'toward', 'towards', 'between', 'despite', 'following',
]);
// A release opens with a headline, a subheading, a header line or two: a list of Title Case lines
// further down is no headline.
const MAX_LEADING_SENTENCES = 6;

/**
 * The headlines in Title Case, or with `allCaps` in capitals too, among the sentences that open a
 * document, before its first sentence of prose ("Acme Robotics Raises $48 Million Series B",
 * "ACME REPORTS RECORD EARNINGS"), as sentence indices in order: there capitals say little about
 * where a name ends. sentenceStyle's rule, read from the token texts, and no period at the end
 * ("John Smith met Jane Smith." is prose), among the first six sentences. Lists of names further
 * down, "Jo Ng ( Kenya ) 12.74", are often Title Case too, and there capitals are names.
 */
export function leadingTitleCaseSentences(tokens: Tokens, sentences: readonly Segment[], allCaps = false): number[] {
  return leadingHeadlines(tokens, sentences)[allCaps ? 'all' : 'titleCase'];
}

/** leadingTitleCaseSentences both ways at once: the Title Case headlines, and those with the ones in capitals. */
export function leadingHeadlines(tokens: Tokens, sentences: readonly Segment[], headers: readonly Span[] = []): { titleCase: number[]; all: number[] } {
  const titleCase: number[] = [];
  const all: number[] = [];
  for (let k = 0; k < sentences.length && k < MAX_LEADING_SENTENCES; k++) {
    const { tokenStart, tokenEnd } = sentences[k];
    // a header line above the headline ("Contact: Jo Ng, jo@acme.example") is no prose
    if (headers.some(h => h.start <= sentences[k].start && sentences[k].end <= h.end)) continue;
    // A headline is a line of a few words, not a run of 100,000 quotation marks.
    if (tokenEnd - tokenStart > MAX_HEADLINE_TOKENS) break;
    // a Markdown heading's marks, a sentence of their own: "#" before "Acme Raises $5 Million"
    if (tokenText(tokens, tokenStart) === '#' && tokenText(tokens, tokenEnd - 1) === '#') continue;
    const caps = new Uint8Array(tokenEnd - tokenStart), kinds = new Uint8Array(tokenEnd - tokenStart);
    for (let i = tokenStart; i < tokenEnd; i++) {
      const text = tokenText(tokens, i);
      caps[i - tokenStart] = capOf(text);
      kinds[i - tokenStart] = styleKindOf(caps[i - tokenStart], text.length);
      // Title Case keeps prepositions of four letters and more in lower case too (Chicago style:
      // "Acme Partners with Mayo Clinic on Study"); the tagger's sentenceStyle, trained on CoNLL,
      // counts them as it learnt them.
      if (kinds[i - tokenStart] === STYLE_LOWER && TITLE_CASE_MINOR_WORDS.has(text)) kinds[i - tokenStart] = STYLE_OTHER;
    }
    const style = styleOf(kinds, caps, 0, caps.length);
    if (style === 0 || (tokenEnd > tokenStart && tokenText(tokens, tokenEnd - 1) === '.')) break;
    if (style === STYLE_TITLE_CASE) titleCase.push(k);
    if (style === STYLE_TITLE_CASE || style === STYLE_ALL_CAPS) all.push(k);
  }
  return { titleCase, all };
}

/**
 * PAIRED, per slot in DocContext.docCasing: whether the word stands next to another capitalised
 * word somewhere in the document's prose (not a headline, not a usually lower-case word such as
 * "The"). A person is introduced by the full name ("Maria Lopez", later "Lopez"), while a company
 * or a club is often named by one word throughout ("giant Pirelli said", "Pirelli's shares").
 */
export const PAIRED = 12;

/**
 * The token's place in its sentence and document as two numbers of small codes: `here`, the
 * gazetteer matches on it (doc.gazetteer[i], 24 bits), and this, the rest: the gazetteer lists
 * next to it (16 bits) above contextSmall (15). Few distinct pairs occur, so inference scores
 * each pair once (see contextCodeFeatures).
 */
export function contextRest(doc: DocContext, i: number, start: number, end: number, style: number): number {
  return contextNear(doc, i, start, end) * SMALL_CODES + contextSmall(doc, i, start, style);
}

/** contextSmall is below this. */
export const SMALL_CODES = 32768;

/** The gazetteer lists of the tokens either side: bits 0–7 before, 8–15 after. */
export function contextNear(doc: DocContext, i: number, start: number, end: number): number {
  return (i > start ? doc.gazetteerLists[i - 1] : 0) | (i + 1 < end ? doc.gazetteerLists[i + 1] << 8 : 0);
}

/** The low 15 bits of contextRest: everything but the gazetteers. */
export function contextSmall(doc: DocContext, i: number, start: number, style: number): number {
  const cap = doc.caps[i];
  const slot = doc.slots[i];
  const history = cap === Cap.Lower || cap === Cap.Punct ? 0 : doc.history[slot];
  const docCasing = doc.docCasing[slot];
  return ((((((docCasing >> 2) * 2 + (i === start ? 1 : 0)) * 8 + cap) * 4 + doc.casings[i]) * 4 + style) * 4 + (docCasing & 3)) * 8 + history;
}

/** Hashes of the features a context code (the token's gazetteer code and contextRest) stands for, pushed onto `out`. */
export function contextCodeFeatures(here: number, rest: number, out: number[]): void {
  const small = rest % SMALL_CODES;
  const near = (rest - small) / SMALL_CODES;
  const history = small & 7;
  const docCasing = (small >> 3) & 3;
  const style = (small >> 5) & 3;
  const casing = (small >> 7) & 3;
  const cap = (small >> 9) & 7;
  const isStart = (small >> 12) & 1;
  const paired = small >> 13;
  out.push(T.Bias);
  if (hasMemory(cap)) out.push(mix(T.Paired, paired * 16 + cap * 2 + (style === 0 ? 0 : 1)), mix(T.Paired + 100, paired * 8 + history));
  if (isStart) out.push(mix(T.SentenceStart, cap * 4 + casing));
  if (style !== 0) out.push(mix(T.Headline, style * 8 + cap));
  out.push(mix(T.DocCasing, docCasing * 64 + cap * 8 + isStart * 4 + style));
  out.push(mix(T.History, history), mix(T.HistoryShape, history * 16 + cap * 2 + (style === 1 ? 1 : 0)));
  for (let list = 0; list < GAZETTEER_LISTS; list++) {
    const part = (here >> (3 * list)) & 7;
    if (part !== 0) out.push(mix(T.Gazetteer, list * 8 + part), mix(T.Gazetteer + 100, list * 64 + part * 8 + cap));
    if (near & (1 << list)) out.push(mix(T.GazetteerNear, list));
    if (near & (1 << (list + 8))) out.push(mix(T.GazetteerNear + 100, list));
  }
}

/**
 * Hashes of the features over word × position (too many to score per code). Word bigrams were
 * tried too: +0.1 F1 on CoNLL valid, within noise, at twice the inference time.
 */
export function pushPairFeatures(doc: DocContext, i: number, start: number, _end: number, style: number, out: number[]): void {
  const word = doc.infos[doc.ids[i]];
  if (i === start) out.push(pairFeature(word, true, 0));
  if (style !== 0) out.push(pairFeature(word, false, style));
}

/** The hash of a pair feature: the word at a sentence start (`start`), or in a headline of `style`. */
function pairFeature(word: WordInfo, start: boolean, style: number): number {
  return start ? mix(T.SentenceStart + 100, word.lowerHash) : mix(mix(T.Headline + 100, style), word.lowerHash);
}

/** Bucket of a word's own feature seen at `offset` (-2 … +2) from the tagged token. */
export function wordBucket(hash: number, offset: number): number {
  return mix(hash, offset + 16) & HASH_MASK;
}

export function contextBucket(hash: number): number {
  return mix(hash, 7) & HASH_MASK;
}

/**
 * Records the labels just decided for a sentence (labels[from … from + count), for tokens start …),
 * for the history feature of later sentences.
 */
export function recordHistory(doc: DocContext, start: number, labels: ArrayLike<number>, from = 0, count = labels.length - from): void {
  for (let k = 0; k < count; k++) {
    const cap = doc.caps[start + k];
    if (cap === Cap.Lower || cap === Cap.Punct || cap === Cap.Digit) continue;
    const label = labels[from + k];
    doc.history[doc.slots[start + k]] = label === 0 ? 5 : 1 + labelType(label);
  }
}
