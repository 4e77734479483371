import { ABBREVIATIONS } from '../lexicon/abbreviations';

export type TokenKind = 'word' | 'number' | 'punct';

/** One token as an object: half-open UTF-16 offsets into the analysed text, and the exact text there. */
export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
}

/** Token kinds in `Tokens.kinds`. */
export const WORD = 0, NUMBER = 1, PUNCT = 2;
const KIND_NAMES: readonly TokenKind[] = ['word', 'number', 'punct'];

/**
 * A text's tokens as parallel columns: token i spans [starts[i], ends[i]) UTF-16 offsets, is of
 * kind kinds[i] (WORD, NUMBER or PUNCT) and reads words[wordIds[i]] (see tokenText).
 *
 * Why columns and not an array of Token objects: 5 MB of news has a million tokens, and a million
 * small objects outlive the young generation, so the collector copied them twice and then marked
 * them on every major collection. With columns (one buffer, nothing to collect) analyze() of the
 * 5 MB news took ~20% less CPU (median 1280 -> 1018 ms, same output).
 */
export interface Tokens {
  readonly length: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  /**
   * Per token: the id of its text (equal texts, equal ids; numbered 0, 1, … in order of first
   * occurrence), so later stages can keep per-word facts in arrays indexed by id instead of
   * looking each token's string up in a Map.
   */
  readonly wordIds: Int32Array;
  /** Per word id: the text, one string object shared by every token with that text. */
  readonly words: readonly string[];
  /**
   * Per word id: the word's key in the tokenizer's vocabulary, which outlives the call (see
   * VOCABULARY): equal texts, equal keys, in every text tokenized in the same `epoch`. Stages keep
   * per-word facts across calls in arrays indexed by key, so an article's words, mostly seen
   * before, cost an array read each instead of a Map lookup of the string. Absent in Tokens built
   * by tokensOf.
   */
  readonly keys?: Int32Array;
  /** The vocabulary's epoch `keys` belong to: a new epoch numbers words afresh (see VOCABULARY). */
  readonly epoch?: number;
}

/** The text of token i; undefined past either end (so `tokenText(tokens, i - 1) === ','` needs no bounds check). */
export function tokenText(tokens: Tokens, i: number): string {
  return tokens.words[tokens.wordIds[i]];
}

/** Token i is a possessive ending: "'s" or a bare apostrophe ("Acme's", "Jones'"), straight or curly. */
export function isPossessive(tokens: Tokens, i: number): boolean {
  const text = tokenText(tokens, i);
  return text === "'s" || text === '’s' || text === "'" || text === '’';
}

/** Token i as an object (for tests and the scripts, not the stages' loops). */
export function tokenObject(tokens: Tokens, i: number): Token {
  return { start: tokens.starts[i], end: tokens.ends[i], text: tokenText(tokens, i), kind: KIND_NAMES[tokens.kinds[i]] };
}

/** Token objects in columns (tests and scripts build small documents from them). */
export function tokensOf(array: readonly Token[]): Tokens {
  const n = array.length;
  const starts = new Int32Array(n), ends = new Int32Array(n), kinds = new Uint8Array(n), wordIds = new Int32Array(n);
  const words: string[] = [];
  const ids = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const token = array[i];
    starts[i] = token.start;
    ends[i] = token.end;
    kinds[i] = KIND_NAMES.indexOf(token.kind);
    let id = ids.get(token.text);
    if (id === undefined) {
      ids.set(token.text, id = words.length);
      words.push(token.text);
    }
    wordIds[i] = id;
  }
  return { length: n, starts, ends, kinds, wordIds, words };
}

// Written by hand rather than with Intl.Segmenter, whose word mode splits "U.S." and "e-mail",
// drops "$" and is quadratic on long strings in V8 (see ../shared/LEXICONS.md), or with a regular
// expression, which cannot split clitics ("Japan's" → "Japan" + "'s") without lookbehind and
// backtracking. One pass, constant work per character.

const NON_ASCII_ALNUM = /[\p{L}\p{M}\p{N}]/u;
const NON_ASCII_SPACE = /[\s\u200b\u200c\u200d\u2060\ufeff]/u;

// Character classes of the Basic Multilingual Plane, one byte per code unit: ASCII filled at
// load, any other code unit the first time it is seen (one regular expression test per distinct
// character, not per character), so the scan below is a table lookup per character.
const KNOWN = 1;
const ALNUM = 2;
const SPACE = 4;
const DIGIT = 8;
const CLASSES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  let flags = KNOWN;
  if (c >= 48 && c <= 57) flags |= ALNUM | DIGIT;
  else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) flags |= ALNUM;
  else if (c === 32 || (c >= 9 && c <= 13)) flags |= SPACE;
  CLASSES[c] = flags;
}
// A lone surrogate is neither a letter nor a space; a high surrogate's pair decides (below).
CLASSES.fill(KNOWN, 0xd800, 0xe000);

function classOf(c: number): number {
  const flags = CLASSES[c];
  if (flags !== 0) return flags;
  const char = String.fromCharCode(c);
  return CLASSES[c] = KNOWN | (NON_ASCII_ALNUM.test(char) ? ALNUM : 0) | (NON_ASCII_SPACE.test(char) ? SPACE : 0);
}

function isAlnumCode(text: string, i: number): boolean {
  if (i >= text.length) return false; // the end of the text ends a word: "Attendance: 3,900" at the very end is one number
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return NON_ASCII_ALNUM.test(text.slice(i, i + 2));
  return (classOf(c) & ALNUM) !== 0;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterAt(text: string, i: number): boolean {
  return i < text.length && isAlnumCode(text, i) && !isDigitCode(text.charCodeAt(i));
}

function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

function isApostrophe(c: number): boolean {
  return c === 39 /* ' */ || c === 0x2019 /* ’ */;
}

const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);

/** Length of a clitic ("'s", "’re", …) starting with the apostrophe at i, or 0. */
function cliticLength(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && j - i <= 3 && isLetterAt(text, j)) j++;
  if (j - i < 2 || j - i > 3 || (j < text.length && isAlnumCode(text, j))) return 0;
  return CLITICS.has(text.slice(i + 1, j).toLowerCase()) ? j - i : 0;
}

/**
 * Splits text into word, number and punctuation tokens with their offsets.
 *
 * - Words keep inner hyphens and apostrophes ("tax-free", "G-20", "O'Neill"); English
 *   clitics are split off as CoNLL does ("Japan's" → "Japan" "'s", "don't" → "do" "n't").
 * - Initialisms and known abbreviations keep their period ("U.S.", "Mr.", "J."); numbers keep
 *   inner separators ("1,000.5").
 * - Any other character that is not a space is a one-character punctuation token, except runs
 *   of the same mark ("...", "--", "''").
 *
 * Linear in the text. Surrogate pairs stay whole.
 *
 * Token texts are interned as they are scanned: a news article of a million tokens has some
 * 16,000 distinct words, so one string per distinct word instead of one per token cuts most of
 * the tokenizer's allocation, and later Map lookups on a token's text find the string's hash
 * already computed.
 */
export function scanTokens(text: string): Tokens {
  return columnsOf(scan(text));
}

/** The tokenizer's table for text, filled (see scanTokens). */
function scan(text: string): Table {
  const table = newTable(text);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const flags = classOf(text.charCodeAt(i));
    if (flags & SPACE) {
      i++;
      continue;
    }
    if (!(flags & ALNUM) && !isAlnumCode(text, i)) {
      const c = text.charCodeAt(i);
      const width = charWidth(text, i);
      let j = i + width;
      if (width === 1 && (c === 46 || c === 45 || c === 39 || c === 96 || c === 0x2014 || c === 0x2013)) {
        while (j < n && text.charCodeAt(j) === c) j++;
      }
      // "'s" with nothing before it (CoNLL: "Japan 's") is still the clitic.
      if (isApostrophe(c) && j === i + 1) {
        const clitic = cliticLength(text, i);
        if (clitic > 0 && (i === 0 || !isAlnumCode(text, i - 1))) {
          pushToken(table, i, i + clitic, WORD, hashOf(text, i, i + clitic));
          i += clitic;
          continue;
        }
      }
      pushToken(table, i, j, PUNCT, hashOf(text, i, j));
      i = j;
      continue;
    }
    i = scanWord(text, i, table);
  }
  return table;
}

/**
 * The used part of the table's columns, copied into one buffer: each typed array with its own
 * buffer costs about a microsecond to make and free; four of them were ~3 µs of the tokenizer's
 * ~28 µs on the 2 KB sample.
 */
function columnsOf(table: Table): Tokens {
  const wordKeys = keyWords(table);
  const count = table.count, wordCount = table.words.length;
  const buffer = new ArrayBuffer(count * 13 + wordCount * 4);
  const starts = new Int32Array(buffer, 0, count), ends = new Int32Array(buffer, count * 4, count),
    wordIds = new Int32Array(buffer, count * 8, count), keys = new Int32Array(buffer, count * 12, wordCount),
    kinds = new Uint8Array(buffer, count * 12 + wordCount * 4, count);
  starts.set(table.starts.subarray(0, count));
  ends.set(table.ends.subarray(0, count));
  wordIds.set(table.ids.subarray(0, count));
  keys.set(wordKeys.subarray(0, wordCount));
  kinds.set(table.kinds.subarray(0, count));
  return { length: count, starts, ends, kinds, wordIds, words: table.words, keys, epoch: VOCABULARY.epoch };
}

/**
 * scanTokens as an array of Token objects, for tests, scripts and the stages' short strings (a
 * name, a phrase). Read straight from the table's columns, without scanTokens's copy into a new
 * buffer: a call on a name took ~1.0 µs with the copy, ~0.36 µs without, and the stages make
 * some 13 calls per article (~2.5 ms of the ~200 ms analyze() of 300 articles one call each).
 */
export function tokenize(text: string): Token[] {
  const table = scan(text);
  // The vocabulary meets these words as in scanTokens, so the keys later calls get are the same.
  keyWords(table);
  // The table's columns as they are: longer than the text's tokens, and valid until the next call.
  const tokens: Tokens = { length: table.count, starts: table.starts, ends: table.ends, kinds: table.kinds, wordIds: table.ids, words: table.words };
  const array = new Array<Token>(tokens.length);
  for (let i = 0; i < tokens.length; i++) array[i] = tokenObject(tokens, i);
  return array;
}

/**
 * The tokenizer's state for one text: its tokens, and an open-addressing hash table from a
 * token's characters to its word id (slots hold id + 1, 0 empty), compared against the word's
 * string (small, and hot in the cache, where its first place in the text is not), so no string
 * is made for a word seen before.
 */
interface Table {
  readonly text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  ids: Int32Array;
  readonly words: string[];
  slots: Int32Array;
  /** Per word id: its hashOf, for the probes, a rehash and the vocabulary (keyWords). */
  wordHashes: Int32Array;
  mask: number;
}

// The table's arrays outlive the call and serve the next text: allocating typed arrays per call
// was a tenth of the time of a 2 KB article. Only the part a text uses is cleared; the result is a
// copy of the part used. Columns grown past KEEP_TOKENS (a text of ~300 KB) and hash tables grown
// past FIRST_SIZE are not kept, so a 5 MB document leaves no megabytes behind.
const FIRST_SIZE = 1024;
const KEEP_TOKENS = 1 << 16;
let spareIds = new Int32Array(1 << 12);
let spareStarts = new Int32Array(1 << 12);
let spareEnds = new Int32Array(1 << 12);
let spareKinds = new Uint8Array(1 << 12);
let spareKeys = new Int32Array(FIRST_SIZE);
const spareSlots = new Int32Array(FIRST_SIZE);
const spareWordHashes = new Int32Array(FIRST_SIZE / 2);

/**
 * Every word met since the epoch began, by key, in an open-addressing hash table like Table's,
 * each slot two integers side by side (key + 1, 0 empty; the word's hash), so a probe touches one
 * cache line: the table is large and cold, and a text's distinct words are each looked up once,
 * after the scan (see keyWords). Bounded: once it holds VOCABULARY_LIMIT words, the next call
 * starts a new epoch with an empty vocabulary (never during a call, whose keys must stay valid; a
 * 5 MB page of junk grows it past the limit for that call only).
 */
interface Vocabulary {
  epoch: number;
  words: string[];
  slots: Int32Array;
  mask: number;
}

// 100,000 words: the NER word cache's limit (ner/features.ts), so a full vocabulary means about a
// full cache. ~6 MB at most: the strings and a table of 262,144 slots.
const VOCABULARY_LIMIT = 100_000;
const VOCABULARY_FIRST_SIZE = 1 << 14;
const VOCABULARY: Vocabulary = {
  epoch: 1, words: [], slots: new Int32Array(2 * VOCABULARY_FIRST_SIZE), mask: VOCABULARY_FIRST_SIZE - 1,
};

function newTable(text: string): Table {
  if (VOCABULARY.words.length >= VOCABULARY_LIMIT) {
    VOCABULARY.epoch++;
    VOCABULARY.words = [];
    VOCABULARY.slots = new Int32Array(2 * VOCABULARY_FIRST_SIZE);
    VOCABULARY.mask = VOCABULARY_FIRST_SIZE - 1;
  }
  spareSlots.fill(0, 0, FIRST_SIZE);
  const table: Table = {
    text, count: 0, starts: spareStarts, ends: spareEnds, kinds: spareKinds, ids: spareIds, words: [],
    slots: spareSlots, wordHashes: spareWordHashes, mask: FIRST_SIZE - 1,
  };
  // Columns made at the likely final size (news runs about one token per 4-5 UTF-16 units) rather
  // than doubled from the spares' size: a 5 MB text would otherwise copy them eight times.
  const estimate = text.length >> 2;
  if (estimate > spareIds.length) growColumns(table, estimate);
  return table;
}

const FNV_OFFSET = 0x811c9dc5, FNV_PRIME = 0x01000193;

/** The FNV-1a hash of text[start, end), by UTF-16 code unit: what the tables below are keyed by. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

/** Adds the token text[start, end) of `kind`, whose hashOf is `h`. */
function pushToken(table: Table, start: number, end: number, kind: number, h: number): void {
  const text = table.text;
  const slots = table.slots, wordHashes = table.wordHashes, mask = table.mask;
  const length = end - start;
  let slot = h & mask;
  let id = -1;
  for (;;) {
    const entry = slots[slot];
    if (entry === 0) break;
    if (wordHashes[entry - 1] === h) {
      const words = table.words;
      const word = words[entry - 1];
      if (word.length === length) {
        let k = 0;
        while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
        if (k === length) {
          id = entry - 1;
          break;
        }
      }
    }
    slot = (slot + 1) & mask;
  }
  if (id < 0) id = addWord(table, start, end, h, slot);
  const count = table.count++;
  if (count === table.ids.length) growColumns(table);
  table.ids[count] = id;
  table.starts[count] = start;
  table.ends[count] = end;
  table.kinds[count] = kind;
}

function growColumns(table: Table, size = table.ids.length * 2): void {
  const ids = new Int32Array(size), starts = new Int32Array(size), ends = new Int32Array(size), kinds = new Uint8Array(size);
  ids.set(table.ids);
  starts.set(table.starts);
  ends.set(table.ends);
  kinds.set(table.kinds);
  table.ids = ids;
  table.starts = starts;
  table.ends = ends;
  table.kinds = kinds;
  if (size <= KEEP_TOKENS) {
    spareIds = ids;
    spareStarts = starts;
    spareEnds = ends;
    spareKinds = kinds;
  }
}

/** Gives text[start, end) the next word id in the empty `slot`; grows the table past half full. */
function addWord(table: Table, start: number, end: number, hash: number, slot: number): number {
  const id = table.words.length;
  table.words.push(table.text.slice(start, end));
  table.slots[slot] = id + 1;
  // ids stay below (mask + 1) / 2, wordHashes's length (see rehash)
  table.wordHashes[id] = hash;
  if (2 * (id + 1) > table.mask) rehash(table);
  return id;
}

/**
 * The key in VOCABULARY of each of the table's words (in a reused array, valid until the next
 * call), adding the new ones; a word already there is replaced by the vocabulary's string (the
 * text's own slice is then garbage of the young generation).
 *
 * A pass after the scan, with the hashes the scan kept, rather than a look-up in addWord: that
 * made addWord too big for V8 to inline pushToken into the scan, which then took up to 2.5 times
 * as long.
 */
function keyWords(table: Table): Int32Array {
  const words = table.words;
  if (words.length > spareKeys.length) {
    let size = spareKeys.length;
    while (size < words.length) size *= 2;
    const keys = new Int32Array(size);
    if (size > KEEP_TOKENS) return keyWordsInto(words, table.wordHashes, keys);
    spareKeys = keys;
  }
  return keyWordsInto(words, table.wordHashes, spareKeys);
}

function keyWordsInto(words: string[], hashes: Int32Array, keys: Int32Array): Int32Array {
  const vocabulary = VOCABULARY;
  prefetchVocabulary(words, hashes, keys);
  for (let id = 0; id < words.length; id++) {
    let word = words[id];
    const hash = hashes[id];
    const known = vocabulary.words, slots = vocabulary.slots, mask = vocabulary.mask;
    let slot = hash & mask;
    let key = -1;
    for (;;) {
      const entry = slots[2 * slot];
      if (entry === 0) break;
      if (slots[2 * slot + 1] === hash && known[entry - 1] === word) {
        key = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (key < 0) {
      key = known.length;
      // A slice of 13 or more characters is, in V8, a view that keeps the whole text alive; the
      // vocabulary (and every cache given its strings) would then keep each text a long word
      // was first met in. A copy of the word keeps only the word.
      if (word.length >= 13) words[id] = word = (' ' + word).slice(1);
      known.push(word);
      slots[2 * slot] = key + 1;
      slots[2 * slot + 1] = hash;
      if (2 * (key + 1) > mask) rehashVocabulary();
    } else {
      words[id] = known[key];
    }
    keys[id] = key;
  }
  return keys;
}

/**
 * Reads, for every word, its first slot in the vocabulary and the string that slot holds, before
 * the look-ups that compare them: the vocabulary of a long session is megabytes, so each word's
 * slot and string are two cache misses, which here are independent loads the processor overlaps
 * instead of stalls one after the other. (`keys` serves as scratch; keyWordsInto overwrites it.)
 */
function prefetchVocabulary(words: string[], hashes: Int32Array, keys: Int32Array): void {
  const known = VOCABULARY.words, slots = VOCABULARY.slots, mask = VOCABULARY.mask;
  for (let id = 0; id < words.length; id++) keys[id] = slots[2 * (hashes[id] & mask)];
  let touched = 0;
  for (let id = 0; id < words.length; id++) {
    const entry = keys[id];
    if (entry !== 0) touched += known[entry - 1].length;
  }
  prefetchSink = touched;
}

/** Keeps prefetchVocabulary's reads from being optimised away. */
let prefetchSink = 0;
export function vocabularyPrefetchSink(): number {
  return prefetchSink;
}

function rehashVocabulary(): void {
  const vocabulary = VOCABULARY, old = vocabulary.slots;
  const mask = 2 * vocabulary.mask + 1;
  const slots = new Int32Array(2 * (mask + 1));
  for (let s = 0; s < old.length; s += 2) {
    const entry = old[s];
    if (entry === 0) continue;
    let slot = old[s + 1] & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = entry;
    slots[2 * slot + 1] = old[s + 1];
  }
  vocabulary.slots = slots;
  vocabulary.mask = mask;
}

/** Doubles the table; wordHashes grows with it, to half its size (addWord rehashes past half full). */
function rehash(table: Table): void {
  const size = (table.mask + 1) * 2;
  const slots = new Int32Array(size), wordHashes = new Int32Array(size / 2);
  wordHashes.set(table.wordHashes);
  const mask = size - 1;
  for (let s = 0; s <= table.mask; s++) {
    const entry = table.slots[s];
    if (entry === 0) continue;
    let slot = wordHashes[entry - 1] & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry;
  }
  table.slots = slots;
  table.wordHashes = wordHashes;
  table.mask = mask;
}

/** Scans one word or number starting at `start`, pushes it (and any clitic) and returns the end. */
function scanWord(text: string, start: number, table: Table): number {
  const n = text.length;
  let i = start;
  let hasLetter = false;
  let allDigits = true;
  let singleLettersWithDots = true; // "U.S", "e.g"
  let segmentLength = 0;
  // hashOf(text, start, i), kept as the characters are read rather than read again to push the
  // token; kept per word id, it spares keyWords hashing each word again. Both: scanTokens on the
  // 300 news articles one call each 21.7 -> 16.1 ms, on 5 MB of news 113 -> 102 ms (medians).
  let hash = FNV_OFFSET;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const flags = CLASSES[c];
        if (!(flags & ALNUM)) break;
        if (!(flags & DIGIT)) {
          hasLetter = true;
          allDigits = false;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
        i++;
      } else {
        if (!isAlnumCode(text, i)) break;
        hasLetter = true;
        allDigits = false;
        const width = charWidth(text, i);
        hash = Math.imul(hash ^ c, FNV_PRIME);
        if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += width;
      }
      segmentLength++;
    }
    if (segmentLength > 1) singleLettersWithDots = false;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    const next = i + 1 < n && isAlnumCode(text, i + 1);
    if (!next) break;
    if (c === 45 /* - */ || c === 0x2010 || c === 0x2011) {
      singleLettersWithDots = false;
    } else if (isApostrophe(c)) {
      if (cliticLength(text, i) > 0) break;
      // "don't": split before "n't"
      if ((text[i + 1] === 't' || text[i + 1] === 'T') && !isAlnumCode(text, i + 2) && i - 1 > start &&
        (text[i - 1] === 'n' || text[i - 1] === 'N')) {
        pushToken(table, start, i - 1, WORD, hashOf(text, start, i - 1));
        pushToken(table, i - 1, i + 2, WORD, hashOf(text, i - 1, i + 2));
        return i + 2;
      }
      singleLettersWithDots = false;
    } else if (c === 46 /* . */) {
      if (allDigits && isDigitCode(text.charCodeAt(i + 1))) {
        singleLettersWithDots = false;
      } else if (!(singleLettersWithDots && segmentLength === 1 && isLetterAt(text, i + 1))) {
        break;
      }
    } else if (c === 44 /* , */ && allDigits && isDigitCode(text.charCodeAt(i + 1)) &&
      isDigitCode(text.charCodeAt(i + 2)) && isDigitCode(text.charCodeAt(i + 3)) && !isAlnumCode(text, i + 4)) {
      // "1,000"
    } else {
      break;
    }
    hash = Math.imul(hash ^ c, FNV_PRIME);
    i++;
    segmentLength = 0;
  }
  let end = i;
  if (end < n && text.charCodeAt(end) === 46 && hasLetter) {
    const word = text.slice(start, end);
    const isInitial = word.length === 1 && word.toUpperCase() === word && word.toLowerCase() !== word;
    if (isInitial || (singleLettersWithDots && word.includes('.')) || ABBREVIATIONS.has(word.toLowerCase())) {
      // but not the first of "..."
      if (text.charCodeAt(end + 1) !== 46) {
        end++;
        hash = Math.imul(hash ^ 46, FNV_PRIME);
      }
    }
  }
  pushToken(table, start, end, hasLetter ? WORD : NUMBER, hash);
  if (end < n && isApostrophe(text.charCodeAt(end))) {
    const clitic = cliticLength(text, end);
    if (clitic > 0) {
      pushToken(table, end, end + clitic, WORD, hashOf(text, end, end + clitic));
      return end + clitic;
    }
  }
  return end;
}
