import { stemmer } from 'stemmer';
import type { Entity, Keyword, Span } from '../model';
import type { Doc, Stage } from '../pipeline';
import { PUNCT, WORD, tokenize, tokenText, type Tokens } from '../text/tokenize';
import { segmentAt, tokenAt } from '../text/search';
import { hasLineBreak, type Segment } from '../text/sentences';
import { float64Scratch, int32Scratch, uint32Scratch, uint8Scratch } from '../text/scratch';
import { GENERIC_MODIFIERS, STOPWORDS } from '../lexicon/stopwords';
import { BACKGROUND_DOCUMENTS, BACKGROUND_TABLE } from '../lexicon/backgroundFrequencies';
import { GENERIC_NOUNS, MODALS, SUBJECT_PRONOUNS, TOPICAL_TITLE_HEADS } from '../lexicon/keywordWords';
import { TITLE_HEADS } from '../lexicon/titles';

/**
 * Topic keyphrases, best first: noun phrases found with lexical cues (stopwords, the word classes
 * of the background table, suffixes, the word before), scored by how much more often they occur
 * here than in general news (TF-IDF against the background table), a phrase's frequency partly
 * that of its head noun anywhere in the story, with boosts for an early first mention and for
 * two-word phrases. Variants merge on Porter stems ("coastal fisheries" = "Coastal fishery").
 * Generic nouns ("details", "week") are never keywords alone; phrases naming people's roles
 * ("foreign ministers") count half.
 *
 * ###### Notes
 * - Names of people, organizations and places (doc.entities) never join a topic phrase; named
 *   events are candidates as a whole. The story's central people, organizations and places
 *   (said twice, or in the headline or lead) are keywords of their own, under their entity name,
 *   scored like a one-word topic and taking at most `entityShare` of the places: editors tag them
 *   (KPTimes train sample: half the tags are names).
 * - Header lines, the dateline and boilerplate are skipped.
 * - Personal-list keywords are added to the top `maxKeywords` when they occur in the text.
 * - Linear in the number of tokens: phrases are windows of at most MAX_WORDS tokens.
 */
export const keywordsStage: Stage = {
  name: 'keywords',
  requires: ['tokens', 'sentences', 'structure', 'entities'],
  provides: ['keywords'],
  run(doc) {
    return { keywords: scoreKeywords(doc) };
  },
};

/** The tuning knobs of `scoreKeywords`; exported for the evaluation scripts. */
export interface KeywordWeights {
  /** Extra weight per word beyond the first: a two-word phrase gets 1 + phraseLength. */
  phraseLength: number;
  /** How much each word beyond the second counts towards `phraseLength` (1: as much as the second). */
  longPhrase: number;
  /** Boost for a first mention in the first sentence (the headline, or the lead). */
  position: number;
  /** Factor for phrases that look like names the entity stage missed. */
  name: number;
  /** Exponent of the in-document frequency (1 = plain TF). */
  frequency: number;
  /** Boost for items of an enumeration of three or more phrases. */
  list: number;
  /** Factor for each earlier keyword with the same head noun. */
  headRepeat: number;
  /** Factor on a central entity's score (0: names are never keywords). */
  entity: number;
  /** At most this share of the keywords are entities. */
  entityShare: number;
  /** 0..1: how much a phrase's frequency is that of its head noun anywhere in the text rather than its own. */
  salience: number;
  /** Factor for phrases headed by a role noun ("foreign ministers"). */
  role: number;
}

// Set by reading top tens of the KPTimes train sample, PolNeAR dev articles and the sample
// article (scripts/keywordsDev.ts), not by a search: ten documents cannot rank close settings.
export const DEFAULT_WEIGHTS: KeywordWeights = {
  // A phrase's own frequency already borrows its head's (salience), so the length boost is
  // modest, and nothing extra past two words: news keyphrases are mostly one or two words, and
  // "criminal coercive measures" said once is a detail of "coercive measures".
  phraseLength: 1.25,
  longPhrase: 0,
  // Headline and lead name the story (PositionRank's finding on news).
  position: 1,
  name: 0.5,
  frequency: 1,
  list: 0.5,
  headRepeat: 0.4,
  entity: 1,
  entityShare: 0.4,
  salience: 0.5,
  role: 0.5,
};

const MAX_WORDS = 4;

const enum WordClass { Noun, Adjective, Other }

// Parsed once at module load: word → document frequency × 4 + class.
const CLASS_CODES: Record<string, WordClass> = { N: WordClass.Noun, A: WordClass.Adjective };
const BACKGROUND = parseBackground(BACKGROUND_TABLE);

function parseBackground(table: string): Map<string, number> {
  const map = new Map<string, number>();
  let start = 0;
  while (start < table.length) {
    let end = table.indexOf('\n', start);
    if (end < 0) end = table.length;
    const space = table.indexOf(' ', start);
    const df = parseInt(table.slice(space + 1, end - 1), 36);
    map.set(table.slice(start, space), df * 4 + (CLASS_CODES[table[end - 1]] ?? WordClass.Other));
    start = end + 1;
  }
  return map;
}

// Suffixes of words the background table lacks. "gradually" is an adverb; "landlocked",
// "geopolitical", "sustainable" modify a noun; anything else rare is taken for a noun.
const ADVERB_SUFFIX = /ly$/;
const ADJECTIVE_SUFFIX = /(?:ed|ous|ful|ive|able|ible|al|ic|less|ary)$/;
// Irregular past participles the table lacks: "maps redrawn", "regimes overthrown".
const PARTICIPLE_WN = /(?:dra|thro|gro|blo|flo|sho|kno|se|he|mo)wn$/;
// "U.S.", "U.N." are names; "Mr.", "a.m.", "Corp." are not topics.
const INITIALISM = /^(?:[A-Z]\.)+$/;
// Two capitals in a word: "NATO", "EB-5", "U.S.", "iPhone" is not.
const ACRONYM = /[A-Z][^A-Z\s]*[A-Z]/;

function classify(text: string, lower: string): WordClass {
  if (STOPWORDS.has(lower) || GENERIC_MODIFIERS.has(lower)) return WordClass.Other;
  let letters = false;
  let digits = false;
  let upper = false;
  // lower case followed by a capital: once in "iPhone", "McCain"; twice in "hbaWqfjJcp", a link's id
  let lowerThenUpper = 0;
  let wasLower = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c >= '0' && c <= '9') {
      digits = true;
      wasLower = false;
    } else if (c !== c.toLowerCase()) {
      letters = upper = true;
      if (wasLower) lowerThenUpper++;
      wasLower = false;
    } else if (c !== c.toUpperCase()) {
      letters = wasLower = true;
    }
  }
  if (!letters || lowerThenUpper > 1) return WordClass.Other;
  // "FAIR-2031", "G20" are names of things; "11-year-old", "1990s", "06-Apr" are not topics.
  if (digits) return upper && lower[0] !== text[0] ? WordClass.Noun : WordClass.Other;
  if (text.endsWith('.')) return INITIALISM.test(text) ? WordClass.Noun : WordClass.Other;
  const entry = BACKGROUND.get(lower);
  if (entry !== undefined) return entry & 3;
  const hyphen = lower.lastIndexOf('-');
  // "twenty-seven", "one-third": numbers
  if (hyphen > 0 && STOPWORDS.has(lower.slice(0, lower.indexOf('-')))) return WordClass.Other;
  if (hyphen > 0 && hyphen < lower.length - 1) {
    // "duty-free", "war-torn" modify; "peace-keeping", "cease-fire" may be nouns: the last part decides.
    const last = BACKGROUND.get(lower.slice(hyphen + 1));
    return last !== undefined && (last & 3) === WordClass.Noun ? WordClass.Noun : WordClass.Adjective;
  }
  // "hovering", "gradually": verbs and adverbs; the common -ing nouns ("funding") are in the table.
  if (lower.length > 4 && (ADVERB_SUFFIX.test(lower) || lower.endsWith('ing'))) return WordClass.Other;
  if (lower.length > 4 && ADJECTIVE_SUFFIX.test(lower)) return WordClass.Adjective;
  if (PARTICIPLE_WN.test(lower)) return WordClass.Other;
  // "admits", "delivers": a verb of the table with -s is a verb, not a plural noun.
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) {
    const base = BACKGROUND.get(lower.slice(0, -1)) ?? (lower.endsWith('es') ? BACKGROUND.get(lower.slice(0, -2)) : undefined);
    if (base !== undefined && (base & 3) === WordClass.Other) return WordClass.Other;
  }
  return WordClass.Noun;
}

/** "ministers", "attorney", "speechwriter"... ; the plural of a title head counts ("foreign ministers"). */
function isRole(lower: string): boolean {
  if (TOPICAL_TITLE_HEADS.has(lower)) return false;
  if (TITLE_HEADS.has(lower)) return true;
  return lower.endsWith('s') && TITLE_HEADS.has(lower.slice(0, -1)) && !TOPICAL_TITLE_HEADS.has(lower.slice(0, -1));
}

/** What the stage knows about one spelling of a word; memoised across calls. */
interface WordInfo {
  /** Interned Porter stem of the lower-case word; hyphenated parts stemmed apart ("duty-free" → "duti free"). */
  stem: number;
  cls: WordClass;
  /** Inverse document frequency against the background (idfOf(df)); a word the table lacks counts as rare. */
  idf: number;
  /** Document frequency in the background table (0: absent). */
  df: number;
  capitalized: boolean;
  /** Never a keyword alone ("details", "week"): GENERIC_NOUNS. */
  generic: boolean;
  /** A subject pronoun or a modal ("he", "They", "will"): the word after it is a verb. */
  subject: boolean;
  /** Names a person's role ("ministers", "attorney"): a phrase with this head describes people, not a topic. */
  role: boolean;
  /**
   * An -ed word the table lacks, taken for an adjective by its suffix: after a noun or a name it is
   * a verb instead ("the campaign downloaded software", "Jiang incited petitioners").
   */
  guessedParticiple: boolean;
}

// Memoised word information and interned stems. Pure functions of the spelling, so sharing them
// across documents changes nothing but speed; cleared between calls when large. Some 220 bytes a
// word: 200,000 words (a 1 MB page of junk is 115,000, every word new) hold ~45 MB at most, where
// 500,000 held over 100 MB for good after a few such pages.
const WORDS = new Map<string, WordInfo>();
const STEMS = new Map<string, number>();
const MAX_MEMO = 200_000;
// Below a few documents in a background of ~2000 the frequency is noise: "interaction" (absent)
// is not ten times as telling as "diplomacy" (18 documents).
const MIN_DOCUMENT_FREQUENCY = 5;

function idfOf(df: number): number {
  return Math.log((BACKGROUND_DOCUMENTS + 1) / (Math.max(df, MIN_DOCUMENT_FREQUENCY) + 1));
}

/** idfOf(df) for every document frequency of the background table. */
const IDF_BY_DF = ((): Float64Array => {
  let maxDf = 0;
  for (const entry of BACKGROUND.values()) maxDf = Math.max(maxDf, entry >> 2);
  const table = new Float64Array(maxDf + 1);
  for (let df = 0; df <= maxDf; df++) table[df] = idfOf(df);
  return table;
})();

function wordInfo(text: string): WordInfo {
  let info = WORDS.get(text);
  if (info) return info;
  const lower = text.toLowerCase();
  const stemText = lower.includes('-') ? lower.split('-').map(part => stemmer(part)).join(' ') : stemmer(lower);
  let stem = STEMS.get(stemText);
  if (stem === undefined) STEMS.set(stemText, stem = STEMS.size);
  const entry = BACKGROUND.get(lower);
  const df = entry === undefined ? 0 : entry >> 2;
  const first = text[0];
  const cls = classify(text, lower);
  info = {
    stem,
    cls,
    idf: idfOf(df),
    df,
    capitalized: first !== first.toLowerCase(),
    generic: GENERIC_NOUNS.has(lower),
    subject: SUBJECT_PRONOUNS.has(lower) || MODALS.has(lower),
    role: isRole(lower),
    guessedParticiple: entry === undefined && cls === WordClass.Adjective && lower.endsWith('ed') && !lower.includes('-'),
  };
  WORDS.set(text, info);
  return info;
}

// A WordInfo packed in a byte for the passes over every token: the class in the low two bits,
// then its flags. LOOKED_UP tells a packed word from an empty entry.
const CLASS_BITS = 3;
const SUBJECT = 4;
const GUESSED_PARTICIPLE = 8;
const CAPITALIZED = 16;
const GENERIC = 32;
const ROLE = 64;
const LOOKED_UP = 128;
/** The byte of a token that is no candidate: a non-word, or a word that is a verb where it stands. */
const NOT_A_CANDIDATE = WordClass.Other;

function packed(info: WordInfo): number {
  return info.cls | (info.subject ? SUBJECT : 0) | (info.guessedParticiple ? GUESSED_PARTICIPLE : 0) |
    (info.capitalized ? CAPITALIZED : 0) | (info.generic ? GENERIC : 0) | (info.role ? ROLE : 0) | LOOKED_UP;
}

function classOf(facts: number): WordClass {
  return facts & CLASS_BITS;
}

// WORDS by tokenizer vocabulary key (see Tokens.keys), packed in typed columns: an article's words,
// mostly memoised in earlier calls, are found by an array read instead of a Map lookup of the
// string (7.6% of analyze() on 300 articles one call each). Columns and not the WordInfo objects
// themselves: an article's words are scattered over tens of thousands of objects (and strings),
// a cache miss each; the first field read of each was ~7% of the stage on those articles, though
// not on one article analysed over and over. With the columns, and the token pass reading no
// word's string, the stage took ~15% less there (~29 -> ~24.6 ms CPU per pass). Emptied with
// STEMS, whose ids it holds, and when the vocabulary starts a new epoch; as long as the
// vocabulary, which is bounded.
//
// One 8-byte record per key, [stem | facts + 256 × df] (the idf is IDF_BY_DF[df]): an article's
// words are scattered over the keys and mostly out of the cache by the time this stage runs, so
// the fewer lines the records take the more of them are still there (see copyKnownWords).
// facts 0: not looked up.
let keyRecords = new Int32Array(0);
let keyEpoch = -1;

/** Records for `keys` keys (see keyRecords), the old ones copied. */
function growKeyRecords(keys: number): void {
  const records = new Int32Array(2 * keys);
  records.set(keyRecords);
  keyRecords = records;
}

/** The document's words by id: packed facts (0: not looked up), interned stem and idf. */
interface WordColumns {
  facts: Uint8Array;
  stem: Int32Array;
  idf: Float64Array;
}

/** Fills word `id` of `tokens` into `columns`, through the key columns when the tokens have vocabulary keys. */
function lookUpWord(tokens: Tokens, id: number, columns: WordColumns): void {
  const { keys, epoch } = tokens;
  if (keys === undefined || epoch === undefined) {
    const info = wordInfo(tokens.words[id]);
    columns.facts[id] = packed(info);
    columns.stem[id] = info.stem;
    columns.idf[id] = info.idf;
    return;
  }
  if (keyEpoch !== epoch) {
    keyRecords = new Int32Array(0);
    growKeyRecords(1024);
    keyEpoch = epoch;
  }
  const key = keys[id];
  if (2 * key >= keyRecords.length) growKeyRecords(Math.max(keyRecords.length, key + 1));
  if (keyRecords[2 * key + 1] === 0) {
    const info = wordInfo(tokens.words[id]);
    keyRecords[2 * key] = info.stem;
    keyRecords[2 * key + 1] = packed(info) + 256 * info.df;
  }
  const record = keyRecords[2 * key + 1];
  columns.facts[id] = record & 255;
  columns.stem[id] = keyRecords[2 * key];
  columns.idf[id] = IDF_BY_DF[record >> 8];
}

/**
 * Copies into `columns` the key records of the document's words already looked up in this epoch
 * (others, and non-words, stay 0 for lookUpWord), in one tight pass before the token loop.
 * The records of an article's words are mostly out of the cache by the time this stage runs: read
 * here one after the other, independent loads, the processor waits for many misses at once; read
 * in the token loop, one by one, they were ~5.5 ms of the stage per pass on the 300 bench articles
 * (CPU profile of analyze(): now ~3.7 ms; the stage inside the pipeline, min of 15 passes in three
 * runs: 21.8-23.2 -> 20.8-21.4 ms).
 */
function copyKnownWords(tokens: Tokens, columns: WordColumns): void {
  const { keys, epoch } = tokens;
  if (keys === undefined || epoch !== keyEpoch) return;
  const records = keyRecords.length >> 1;
  for (let id = 0; id < tokens.words.length; id++) {
    const key = keys[id];
    if (key >= records) continue;
    const record = keyRecords[2 * key + 1];
    columns.facts[id] = record & 255;
    columns.stem[id] = keyRecords[2 * key];
    columns.idf[id] = IDF_BY_DF[record >> 8];
  }
}

/**
 * The candidate phrases of one document: a trie of phrases read right to left, so every window
 * ending at one noun extends the node of the shorter window ("networks" → "transport networks" →
 * "public transport networks"). A node is one candidate with all its variants (same stems).
 * Stored as parallel typed columns and an open-addressing hash of (parent, stem) → node, because
 * a long document has a few candidates per token and one object per candidate would be mostly
 * garbage collection.
 *
 * One instance serves every call (`reset` at the start of scoreKeywords, `release` at the end),
 * its columns kept for the next document while they are small: an article made its own fourteen
 * number arrays grown by push, three mention arrays and a hash table rehashed from 16 slots up,
 * which cost ~10% of the stage on 300 articles one call each.
 */
class Phrases {
  size = 0;
  parent = new Int32Array(INITIAL_NODES);
  stem = new Int32Array(INITIAL_NODES);
  words = new Int32Array(INITIAL_NODES);
  /** Sum of the words' inverse background frequencies. */
  specificity = new Float64Array(INITIAL_NODES);
  firstSentence = new Int32Array(INITIAL_NODES);
  /** Mentions where every word is capitalized, not at the start of a sentence or in a headline. */
  capitalizedInside = new Int32Array(INITIAL_NODES);
  /** Mentions where some word is lower case. */
  lowerCase = new Int32Array(INITIAL_NODES);
  /** Mentions that are items of an enumeration. */
  listed = new Int32Array(INITIAL_NODES);
  /** 1: a named event. */
  isEvent = new Uint8Array(INITIAL_NODES);
  /** 1: a one-word phrase of GENERIC_NOUNS. */
  generic = new Uint8Array(INITIAL_NODES);
  /** 1: a one-word phrase naming a role (the heads of phrases that describe people). */
  role = new Uint8Array(INITIAL_NODES);
  readonly personalPhrase = new Map<number, string>();
  /** Mentions as a linked list per node: token range [start, end) and the next mention. */
  mentionCount = new Int32Array(INITIAL_NODES);
  firstMention = new Int32Array(INITIAL_NODES);
  lastMention = new Int32Array(INITIAL_NODES);
  mentionStart = new Int32Array(INITIAL_NODES);
  mentionEnd = new Int32Array(INITIAL_NODES);
  nextMention = new Int32Array(INITIAL_NODES);
  private mentions = 0;
  /** Node + 1 per slot (0: empty); slots [0, mask] are in use, the rest of the buffer is spare. */
  private slots = new Int32Array(2 * INITIAL_NODES);
  private mask = 2 * INITIAL_NODES - 1;

  /** Empties the trie for a document of `tokens` tokens. */
  reset(tokens: number): void {
    this.size = 0;
    this.mentions = 0;
    this.personalPhrase.clear();
    // Sized for about a node per token, so an article rarely rehashes.
    let slots = 2 * INITIAL_NODES;
    while (slots < 2 * tokens) slots *= 2;
    this.clearSlots(slots);
  }

  /**
   * Empties the trie at the end of a call and drops the columns and the table a long document
   * grew past KEEP_NODES, so a 5 MB text leaves no megabytes behind until the next call.
   */
  release(): void {
    this.size = 0;
    this.mentions = 0;
    this.personalPhrase.clear();
    if (this.parent.length > KEEP_NODES) this.resizeNodes(INITIAL_NODES);
    if (this.mentionStart.length > KEEP_NODES) this.resizeMentions(INITIAL_NODES);
    if (this.slots.length > 2 * KEEP_NODES) {
      this.slots = new Int32Array(2 * INITIAL_NODES);
      this.mask = 2 * INITIAL_NODES - 1;
    }
  }

  /** The node for `stem` followed by the phrase of `parent` (-1: the empty phrase), or -1. */
  find(parent: number, stem: number): number {
    const mask = this.mask;
    for (let slot = hashPair(parent, stem) & mask, entry = this.slots[slot]; entry !== 0; slot = (slot + 1) & mask, entry = this.slots[slot]) {
      if (this.parent[entry - 1] === parent && this.stem[entry - 1] === stem) return entry - 1;
    }
    return -1;
  }

  /** The node for `stem` followed by the phrase of `parent` (-1: the empty phrase), added if new. */
  child(parent: number, stem: number, idf: number): number {
    let mask = this.mask;
    let slot = hashPair(parent, stem) & mask;
    for (let entry = this.slots[slot]; entry !== 0; entry = this.slots[slot]) {
      if (this.parent[entry - 1] === parent && this.stem[entry - 1] === stem) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const node = this.size++;
    if (node === this.parent.length) this.resizeNodes(2 * node);
    this.parent[node] = parent;
    this.stem[node] = stem;
    this.words[node] = parent < 0 ? 1 : this.words[parent] + 1;
    this.specificity[node] = parent < 0 ? idf : this.specificity[parent] + idf;
    this.firstSentence[node] = -1;
    this.capitalizedInside[node] = 0;
    this.lowerCase[node] = 0;
    this.listed[node] = 0;
    this.isEvent[node] = 0;
    this.generic[node] = 0;
    this.role[node] = 0;
    this.mentionCount[node] = 0;
    this.firstMention[node] = -1;
    this.lastMention[node] = -1;
    if (2 * (node + 1) > mask + 1) {
      this.rehash(2 * (mask + 1));
      mask = this.mask;
      slot = hashPair(parent, stem) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    this.slots[slot] = node + 1;
    return node;
  }

  addMention(node: number, start: number, end: number, sentence: number): void {
    const mention = this.mentions++;
    if (mention === this.mentionStart.length) this.resizeMentions(2 * mention);
    this.mentionStart[mention] = start;
    this.mentionEnd[mention] = end;
    this.nextMention[mention] = -1;
    if (this.lastMention[node] < 0) this.firstMention[node] = mention;
    else this.nextMention[this.lastMention[node]] = mention;
    this.lastMention[node] = mention;
    this.mentionCount[node]++;
    if (this.firstSentence[node] < 0) this.firstSentence[node] = sentence;
  }

  /** The node's mentions as token ranges: [start, end) pairs in the order they were added. */
  ranges(node: number): number[] {
    const ranges: number[] = [];
    for (let m = this.firstMention[node]; m >= 0; m = this.nextMention[m]) ranges.push(this.mentionStart[m], this.mentionEnd[m]);
    return ranges;
  }

  private resizeNodes(size: number): void {
    this.parent = resized(this.parent, size);
    this.stem = resized(this.stem, size);
    this.words = resized(this.words, size);
    this.specificity = resized(this.specificity, size);
    this.firstSentence = resized(this.firstSentence, size);
    this.capitalizedInside = resized(this.capitalizedInside, size);
    this.lowerCase = resized(this.lowerCase, size);
    this.listed = resized(this.listed, size);
    this.isEvent = resized(this.isEvent, size);
    this.generic = resized(this.generic, size);
    this.role = resized(this.role, size);
    this.mentionCount = resized(this.mentionCount, size);
    this.firstMention = resized(this.firstMention, size);
    this.lastMention = resized(this.lastMention, size);
  }

  private resizeMentions(size: number): void {
    this.mentionStart = resized(this.mentionStart, size);
    this.mentionEnd = resized(this.mentionEnd, size);
    this.nextMention = resized(this.nextMention, size);
  }

  /** An empty table of `size` slots (a power of two), in the kept buffer when it is large enough. */
  private clearSlots(size: number): void {
    if (size > this.slots.length) this.slots = new Int32Array(size);
    else this.slots.fill(0, 0, Math.max(size, this.mask + 1));
    this.mask = size - 1;
  }

  private rehash(size: number): void {
    this.clearSlots(size);
    const mask = this.mask;
    for (let node = 0; node < this.size; node++) {
      let slot = hashPair(this.parent[node], this.stem[node]) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = node + 1;
    }
  }
}

// Phrases' columns: 16 entries to start with (at most 128 bytes apiece), kept across calls up to
// KEEP_NODES entries.
const INITIAL_NODES = 16;
const KEEP_NODES = 1 << 16;

/** A copy of `array` with `size` entries, cut or padded with zeros. */
function resized<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(size < array.length ? array.subarray(0, size) : array);
  return copy;
}

const PHRASES = new Phrases();

function hashPair(parent: number, stem: number): number {
  const h = Math.imul(parent + 1, 0x9e3779b1) ^ Math.imul(stem + 0x7f4a7c15, 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}

// Per-call working arrays, reused by the next call (see text/scratch.ts): none outlives a call
// of scoreKeywords, which returns plain keyword objects.
const SCRATCH = {
  inList: uint8Scratch(), casing: uint8Scratch(), commaAt: uint8Scratch(), tokenFacts: uint8Scratch(),
  idFacts: uint8Scratch(), idStem: int32Scratch(), idIdf: float64Scratch(),
  sentencePosition: int32Scratch(), scores: float64Scratch(), scoresCopy: float64Scratch(), covered: uint8Scratch(),
  phraseCovered: uint8Scratch(), heldEnd: int32Scratch(), blocked: uint8Scratch(), mentionTokens: int32Scratch(),
  order: uint32Scratch(), keys: float64Scratch(), eventEnds: int32Scratch(),
  spanStarts: int32Scratch(), spanEnds: int32Scratch(), spanFlags: uint8Scratch(),
};

// How often each stem occurs in the document, by interned stem. Kept zero between calls by
// clearing the stems the last call counted (countedStems), not the whole array: it has an entry
// per stem ever interned (~30,000 after 300 articles), and clearing it all was a memset of
// ~120 KB per call, a page of junk's STEMS.size being past the scratch's limit a fresh array each.
// Cleared at the end of the call that counted them, while their entries are still in the cache:
// at the start of the next call, after the other stages had run, each was a cache miss.
let stemCountAll = new Int32Array(1024);
const countedStems: number[] = [];

function clearStemCounts(): void {
  for (let k = 0; k < countedStems.length; k++) stemCountAll[countedStems[k]] = 0;
  countedStems.length = 0;
}

/** stemCountAll, zeroed, as a view of STEMS.size entries (a stem interned later reads undefined). */
function stemCounts(): Int32Array {
  // Nothing left to clear unless the last call threw.
  clearStemCounts();
  if (STEMS.size > stemCountAll.length) stemCountAll = new Int32Array(Math.max(STEMS.size, 2 * stemCountAll.length));
  return stemCountAll.subarray(0, STEMS.size);
}

/**
 * The keywords of `doc`, best first: at most `maxKeywords` found ones plus the personal-list
 * keywords that occur.
 */
export function scoreKeywords(doc: Readonly<Doc>, weights: KeywordWeights = DEFAULT_WEIGHTS): Keyword[] {
  if (WORDS.size > MAX_MEMO || STEMS.size > MAX_MEMO) {
    WORDS.clear();
    STEMS.clear();
    keyEpoch = -1;
    stemCountAll = new Int32Array(1024);
    countedStems.length = 0;
  }
  const { tokens, sentences } = doc;
  const { blocked, mentionTokens } = blockedTokens(doc);
  const eventEnds = eventMentionEnds(doc);
  const phrases = PHRASES;
  phrases.reset(tokens.length);

  // The current run of adjective/noun tokens (token indices), and the candidates capitalized
  // mid-sentence, counted at the end of the sentence unless it is a Title Case headline, where
  // capitals say nothing about names ("Muslim Women in Hijab Break Barriers").
  const run: number[] = [];
  const capitalized: number[] = [];
  const hasEvents = eventEnds !== undefined;
  const inList = SCRATCH.inList.take(tokens.length);
  // 1 where a token's capital means something: not a sentence's first word, not in a headline
  const casing = SCRATCH.casing.take(tokens.length);
  // The packed facts of every token's word where it stands, looked up once in one tight pass
  // (NOT_A_CANDIDATE: not a word), and where the commas are.
  const tokenFacts = SCRATCH.tokenFacts.take(tokens.length);
  const commaAt = SCRATCH.commaAt.take(tokens.length);
  // One memo look-up per distinct word, not per token: the segmenter numbers equal texts alike.
  const { wordIds, words } = tokens;
  const byId: WordColumns = {
    facts: SCRATCH.idFacts.take(words.length), stem: SCRATCH.idStem.take(words.length), idf: SCRATCH.idIdf.take(words.length),
  };
  copyKnownWords(tokens, byId);
  // "he drafts", "I think": the word after a subject pronoun is a verb
  let afterSubject = false;
  for (let i = 0; i < tokens.length; i++) {
    const wasAfterSubject = afterSubject;
    afterSubject = false;
    const id = wordIds[i];
    // The token's length and first character from the offsets and the document's text, read in
    // order, rather than from words[id]: reading the words' scattered strings cost as much as
    // their facts did (see keyRecords).
    const length = tokens.ends[i] - tokens.starts[i];
    let facts = NOT_A_CANDIDATE;
    if (tokens.kinds[i] === WORD) {
      if (length > 1) {
        if (byId.facts[id] === 0) lookUpWord(tokens, id, byId);
        facts = byId.facts[id];
        afterSubject = (facts & SUBJECT) !== 0;
        // "Jiang incited petitioners", "the campaign downloaded software": verbs
        const isParticiple = (facts & GUESSED_PARTICIPLE) !== 0 && i > 0 && ((blocked[i - 1] & NAME) !== 0 || classOf(tokenFacts[i - 1]) === WordClass.Noun);
        // "@AWRHawkins": a social-media handle, not a topic
        const isHandle = i > 0 && tokens.ends[i - 1] === tokens.starts[i] && tokens.starts[i - 1] === tokens.starts[i] - 1 &&
          doc.text.charCodeAt(tokens.starts[i - 1]) === 64;
        if ((wasAfterSubject && classOf(facts) !== WordClass.Other) || isParticiple || isHandle) facts = NOT_A_CANDIDATE;
      } else {
        afterSubject = length === 1 && doc.text.charCodeAt(tokens.starts[i]) === 73; // "I"
      }
    } else if (length === 1 && doc.text.charCodeAt(tokens.starts[i]) === 44) commaAt[i] = 1; // ","

    tokenFacts[i] = facts;
  }
  // How often each stem occurs as a content word anywhere (interned stems of this document's words
  // all exist by now; personal-list words added later count as absent).
  const stemCount = stemCounts();
  // Position counts sentences with candidates, so header lines and the dateline do not push the lead down.
  let position = -1;
  // The position of each sentence's candidates, for entities scored on the same scale.
  const sentencePosition = SCRATCH.sentencePosition.take(sentences.length);
  // The sentence index of a Title Case headline ("Stealth Over Health: Clinton Was Headed to ER"), or -1
  let titleCaseHeadline = -1;
  // The sentence index of a headline in any case ("Harriers edge Rovers 2-1 with late winner"), or -1
  let headline = -1;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    sentencePosition[s] = position + 1;
    let hasCandidate = false;
    let firstWord = sentence.tokenStart;
    while (firstWord < sentence.tokenEnd && tokens.kinds[firstWord] === PUNCT) firstWord++;
    let contentWords = 0;
    let capitalizedWords = 0;
    // Content words outside names and after the first: capitals there mark a Title Case headline
    // ("Clinton Was Headed to ER"), where a lead full of names ("Prime Minister Lena Karlsson
    // visited the port of Gothenburg") still has lower-case common words.
    let plainWords = 0;
    let plainCapitalized = 0;
    let capitalizedCount = 0;
    let commas = 0;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) if (commaAt[i]) commas++;
    const hasList = commas > 0 && markListItems(doc.text, tokens, sentence.tokenStart, sentence.tokenEnd, tokenFacts, blocked, inList);
    // "public transport networks" gives every window that ends in a noun: "public transport
    // networks", "transport networks", "networks", "public transport", "transport". A window never
    // spans an adjective after a noun ("economic growth new jobs" is two phrases).
    let runLength = 0;
    let phraseStart = 0;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      if (hasEvents) {
        const eventEnd = eventEnds[i];
        if (eventEnd > 0) {
          runLength = phraseStart = 0;
          if (!hasCandidate) {
            hasCandidate = true;
            position++;
          }
          recordEvent(phrases, tokens, i, Math.min(eventEnd, sentence.tokenEnd), position);
          i = eventEnd - 1;
          continue;
        }
      }
      const facts = tokenFacts[i];
      const cls = classOf(facts);
      if (cls === WordClass.Other) {
        runLength = phraseStart = 0;
        continue;
      }
      const isCapitalized = (facts & CAPITALIZED) !== 0;
      contentWords++;
      if (isCapitalized) capitalizedWords++;
      if (blocked[i]) {
        runLength = phraseStart = 0;
        continue;
      }
      if (!hasCandidate) {
        hasCandidate = true;
        position++;
      }
      if (i !== firstWord) {
        plainWords++;
        if (isCapitalized) plainCapitalized++;
      }
      const stem = byId.stem[wordIds[i]];
      if (stemCount[stem]++ === 0) countedStems.push(stem);
      const end = runLength++;
      run[end] = i;
      const wordNode = phrases.child(-1, stem, byId.idf[wordIds[i]]);
      if (facts & GENERIC) phrases.generic[wordNode] = 1;
      if (facts & ROLE) phrases.role[wordNode] = 1;
      if (cls === WordClass.Adjective && end > 0 && classOf(tokenFacts[run[end - 1]]) === WordClass.Noun) phraseStart = end;
      if (cls !== WordClass.Noun) continue;
      // "prime minister", "district attorney": the word before a role is part of a person's
      // title, not a topic of its own ("prime", "district")
      if (i + 1 < sentence.tokenEnd && (tokenFacts[i + 1] & ROLE) !== 0) continue;
      let node = -1;
      let allCapitalized = true;
      // "beauty blogger Nura Afia": a capitalized head after a lower-case word is a name with its
      // title, never a topic; "Muslim women" (capitalized modifier) is fine.
      const isNameHead = isCapitalized && i !== firstWord;
      for (let k = end; k >= phraseStart && k > end - MAX_WORDS; k--) {
        const isWordCapitalized = (tokenFacts[run[k]] & CAPITALIZED) !== 0;
        if (isNameHead && !isWordCapitalized) break;
        node = k === end ? wordNode : phrases.child(node, byId.stem[wordIds[run[k]]], byId.idf[wordIds[run[k]]]);
        allCapitalized = allCapitalized && isWordCapitalized;
        phrases.addMention(node, run[k], i + 1, position);
        if (hasList && inList[run[k]] && inList[i]) phrases.listed[node]++;
        if (!allCapitalized) phrases.lowerCase[node]++;
        // A sentence's first word is capitalized anyway: "Cypriot President Tassos" still counts.
        else if (run[k] !== firstWord || k < end) capitalized[capitalizedCount++] = node;
      }
    }
    if (contentWords < 2 || capitalizedWords < 0.8 * contentWords) {
      for (let k = 0; k < capitalizedCount; k++) phrases.capitalizedInside[capitalized[k]]++;
      for (let i = firstWord + 1; i < sentence.tokenEnd; i++) casing[i] = 1;
    }
    if (position === 0 && plainWords >= 2 && plainCapitalized >= 0.8 * plainWords) titleCaseHeadline = s;
    if (position === 0 && headline < 0 && hasCandidate && isHeadlineLine(doc, sentence)) headline = s;
  }

  addPersonalKeywords(doc, phrases);

  const scores = SCRATCH.scores.take(phrases.size);
  for (let node = 0; node < phrases.size; node++) scores[node] = scoreCandidate(phrases, node, weights, stemCount, titleCaseHeadline >= 0 || headline >= 0);
  const places = Math.floor(doc.options.maxKeywords * weights.entityShare);
  const entities = weights.entity > 0 ? scoreEntities(doc, blocked, mentionTokens, sentencePosition, titleCaseHeadline, weights, places) : [];
  const keywords = selectKeywords(doc, phrases, scores, doc.options.maxKeywords, weights, casing, entities);
  phrases.release();
  clearStemCounts();
  return keywords;
}

/**
 * Marks in `inList` the tokens of enumerated phrases: three or more runs of content words joined
 * only by commas, "and", "or" ("such as water supply, public transport, schools and parks").
 * A writer who lists things is naming the topics. Returns whether the sentence has such a list.
 */
function markListItems(
  text: string, tokens: Tokens, from: number, to: number, tokenFacts: Uint8Array, blocked: Uint8Array, inList: Uint8Array,
): boolean {
  // No closure for closing a chain (one was made per sentence with a comma), and separators read
  // from the text rather than from their scattered strings.
  let found = false;
  let chainStart = -1;
  let items = 0;
  let itemEnd = -1;
  let separators = 0;
  for (let i = from; i < to; i++) {
    const isContent = !blocked[i] && classOf(tokenFacts[i]) !== WordClass.Other;
    if (isContent) {
      if (itemEnd !== i - 1) {
        // a new item: it continues the chain only after one or two separators
        if (items > 0 && (separators === 0 || separators > 2)) {
          found = closeChain(inList, chainStart, itemEnd + 1, items) || found;
          items = 0;
          chainStart = -1;
        }
        if (items === 0) chainStart = i;
        items++;
      }
      itemEnd = i;
      separators = 0;
      continue;
    }
    if (items > 0 && isListSeparator(text, tokens.starts[i], tokens.ends[i])) separators++;
    else if (items > 0) {
      found = closeChain(inList, chainStart, itemEnd + 1, items) || found;
      items = 0;
      chainStart = -1;
    }
  }
  if (items > 0) found = closeChain(inList, chainStart, itemEnd + 1, items) || found;
  return found;
}

/** Marks the chain of tokens [start, end) as a list when it has three items or more; returns whether it did. */
function closeChain(inList: Uint8Array, start: number, end: number, items: number): boolean {
  if (items < 3) return false;
  for (let k = start; k < end; k++) inList[k] = 1;
  return true;
}

/** text[start, end) is ",", "and" or "or" in any case, without building a lower-case copy of every token. */
function isListSeparator(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 1) return text.charCodeAt(start) === 44;
  if (length === 2) return (text.charCodeAt(start) | 32) === 111 && (text.charCodeAt(start + 1) | 32) === 114;
  return length === 3 && (text.charCodeAt(start) | 32) === 97 && (text.charCodeAt(start + 1) | 32) === 110 && (text.charCodeAt(start + 2) | 32) === 100;
}

function recordEvent(phrases: Phrases, tokens: Tokens, from: number, to: number, sentence: number): void {
  let node = -1;
  for (let k = to - 1; k >= from; k--) {
    if (tokens.kinds[k] === PUNCT) continue;
    const info = wordInfo(tokenText(tokens, k));
    node = phrases.child(node, info.stem, info.idf);
  }
  if (node < 0) return;
  phrases.isEvent[node] = 1;
  phrases.addMention(node, from, to, sentence);
}

/** True when a word of the phrase at `node` (its words are the nodes up to the root) occurs more than once in the story. */
function usedAgain(phrases: Phrases, node: number, stemCount: Int32Array): boolean {
  for (let at = node; at >= 0; at = phrases.parent[at]) if ((stemCount[phrases.stem[at]] ?? 1) > 1) return true;
  return false;
}

/**
 * A headline: a paragraph of one line that ends without a full stop, with more paragraphs after
 * it ("Harriers edge Rovers 2-1 with late Mensah winner"); a lead sentence ends in one.
 */
function isHeadlineLine(doc: Readonly<Doc>, sentence: Segment): boolean {
  const { tokens, text, paragraphs } = doc;
  if (paragraphs.length < 2 || sentence.tokenEnd <= sentence.tokenStart) return false;
  const paragraph = paragraphs[segmentAt(paragraphs, sentence.start)];
  if (paragraph.tokenStart !== sentence.tokenStart || paragraph.tokenEnd !== sentence.tokenEnd || paragraph === paragraphs[paragraphs.length - 1]) return false;
  if ('.!?…:'.includes(text[tokens.ends[sentence.tokenEnd - 1] - 1])) return false;
  return hasLineBreak(text, sentence.start, sentence.end) === 0;
}

/** `headline`: the document opens with a headline (its sentence position 0), in Title Case or not. */
function scoreCandidate(phrases: Phrases, node: number, weights: KeywordWeights, stemCount: Int32Array, headline: boolean): number {
  const tf = phrases.mentionCount[node];
  if (tf === 0) return 0;
  const n = phrases.words[node];
  if (n === 1 && phrases.generic[node] && !phrases.isEvent[node] && !phrases.personalPhrase.has(node)) return 0;
  let head = node;
  while (phrases.parent[head] >= 0) head = phrases.parent[head];
  // Said once, in a headline, where verbs stand without their subjects and, in Title Case, with a
  // capital too: one word ("Governor Ng Signs Water Act" gives no "signs", "Harriers edge Rovers"
  // no "edge"), or a phrase none of whose words the story uses again ("ACME REPORTS RECORD
  // EARNINGS" gives no "reports record").
  if (tf === 1 && headline && phrases.firstSentence[node] === 0 && !phrases.isEvent[node] &&
    !phrases.personalPhrase.has(node) && (n === 1 || !usedAgain(phrases, node, stemCount))) return 0;
  const extraWords = Math.min(n - 1, 1) + weights.longPhrase * Math.max(n - 2, 0);
  let frequency = tf;
  if (n > 1 && weights.salience > 0) {
    // "acceptance speeches" once in a story about a speech outranks "unlined white pages" once:
    // a phrase whose head noun the story keeps using is about its topic; one whose head is said
    // once is a detail (the idea behind TopicRank's clusters of phrases, without the clustering).
    const headCount = stemCount[phrases.stem[head]] ?? 1;
    frequency = Math.pow(tf, 1 - weights.salience) * Math.pow(Math.max(tf, headCount), weights.salience);
  }
  let score = Math.pow(frequency, weights.frequency) * (phrases.specificity[node] / n) * (1 + weights.phraseLength * extraWords);
  score *= 1 + weights.position / (1 + phrases.firstSentence[node]);
  score *= 1 + weights.list * phrases.listed[node] / tf;
  // "foreign ministers", "district attorney": who the people are, which the entities already say
  if (phrases.role[head] && !phrases.isEvent[node]) score *= weights.role;
  if (!phrases.isEvent[node] && !phrases.personalPhrase.has(node) && isNameLike(phrases, node)) {
    score *= weights.name;
  }
  return score;
}

/**
 * Takes candidates best first, skipping one whose every mention lies inside phrases already
 * taken ("transport" once, only in "public transport"), or a phrase of several words whose every
 * mention overlaps a taken one of several words ("young hijab-wearing women" after "hijab-wearing
 * women", "water supply" after "supply network"), and stopping at `max`;
 * personal-list keywords are always taken. Only the best few are sorted: a cut-off found by selection keeps
 * this linear on long documents.
 */
function selectKeywords(
  doc: Readonly<Doc>, phrases: Phrases, scores: Float64Array, max: number, weights: KeywordWeights, casing: Uint8Array,
  entities: readonly ScoredKeyword[],
): Keyword[] {
  const covered = SCRATCH.covered.take(doc.tokens.length);
  // tokens of taken phrases of several words
  const phraseCovered = SCRATCH.phraseCovered.take(doc.tokens.length);
  // token index → the end of the shortest taken multi-word mention starting there
  const heldEnd = SCRATCH.heldEnd.take(doc.tokens.length);
  const personal = [...phrases.personalPhrase.keys()];
  const candidates = phrases.size - personal.length;
  for (let want = Math.max(4 * max, 32); ; want *= 4) {
    const copy = SCRATCH.scoresCopy.take(scores.length);
    copy.set(scores);
    const cutoff = kthLargest(copy, want);
    const ranked: number[] = [];
    for (let node = 0; node < phrases.size; node++) {
      if (scores[node] > 0 && scores[node] >= cutoff && !phrases.personalPhrase.has(node)) ranked.push(node);
    }
    sortRanked(ranked, phrases, scores);
    covered.fill(0);
    phraseCovered.fill(0);
    heldEnd.fill(0x7fffffff);
    for (const node of personal) cover(phrases.ranges(node), covered);
    const taken: number[] = [];
    for (const node of ranked) {
      if (taken.length >= 2 * max) break;
      const ranges = phrases.ranges(node);
      if (isCovered(ranges, covered) || holdsTaken(ranges, heldEnd)) continue;
      if (phrases.words[node] > 1 && overlapsEverywhere(ranges, phraseCovered)) continue;
      taken.push(node);
      cover(ranges, covered);
      if (phrases.words[node] > 1) {
        cover(ranges, phraseCovered);
        for (let k = 0; k < ranges.length; k += 2) heldEnd[ranges[k]] = Math.min(heldEnd[ranges[k]], ranges[k + 1]);
      }
    }
    if (taken.length < 2 * max && ranked.length < candidates && want < phrases.size) continue;
    // Variety: each further phrase on the same head noun counts less ("safety", "road
    // safety", "food safety" → the third gives way to another topic).
    // (a few tens of topics: the earlier ones with the same head are counted, no Map made)
    const heads: number[] = [];
    const topics: Array<{ node: number; score: number }> = [];
    for (const node of taken) {
      let head = node;
      while (phrases.parent[head] >= 0) head = phrases.parent[head];
      let seen = 0;
      for (let t = 0; t < heads.length; t++) if (heads[t] === head) seen++;
      heads.push(head);
      topics.push({ node, score: scores[node] * Math.pow(weights.headRepeat, seen) });
    }
    sortShort(topics, (a, b) => b.score - a.score || a.node - b.node);
    // Central entities compete with the topics for the `max` places, up to their share: both lists
    // are best first, so the places go to the better head of either, a topic winning a tie. Only
    // the topics that keep a place are spelled out (toKeyword); entities took the places of ~18%
    // of the best topics on the 300 news articles of the bench.
    // A topic spelled like a name kept before it ("fellows" after "Fellows") is not shown twice.
    const kept: ScoredKeyword[] = [];
    // a short list: an array search beats making and hashing into a Set
    const shown: string[] = [];
    for (let t = 0, e = 0; kept.length < max && (t < topics.length || e < entities.length);) {
      let next: ScoredKeyword;
      if (e === entities.length || (t < topics.length && topics[t].score >= entities[e].score)) {
        const { node, score } = topics[t++];
        next = { score, keyword: toKeyword(doc, phrases, node, score, casing) };
      } else next = entities[e++];
      const key = next.keyword.phrase.toLowerCase();
      if (shown.includes(key)) continue;
      shown.push(key);
      kept.push(next);
    }
    for (const node of personal) kept.push({ score: scores[node], keyword: toKeyword(doc, phrases, node, scores[node], casing) });
    return sortShort(kept, (a, b) => b.score - a.score).map(k => k.keyword);
  }
}

interface ScoredKeyword { score: number; keyword: Keyword }

/** Candidate `a` ranks before `b`: the better score, then the earlier first mention, the fewer words, the earlier node. */
function compareRanked(phrases: Phrases, scores: Float64Array, a: number, b: number): number {
  return scores[b] - scores[a] || phrases.mentionStart[phrases.firstMention[a]] - phrases.mentionStart[phrases.firstMention[b]] ||
    phrases.words[a] - phrases.words[b] || a - b;
}

/**
 * Sorts candidates by compareRanked: sortShort with its comparison written in, which the
 * compiler can inline where sortShort's shared comparator call cannot be (with the topics' heads
 * counted without a Map: selectKeywords and its sorts ~19% -> ~17.7% of the stage's CPU profile on
 * the 300 bench articles, ~0.4 ms per pass).
 */
function sortRanked(nodes: number[], phrases: Phrases, scores: Float64Array): void {
  if (nodes.length > 64) {
    nodes.sort((a, b) => compareRanked(phrases, scores, a, b));
    return;
  }
  for (let i = 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (!(compareRanked(phrases, scores, nodes[i - 1], node) > 0)) continue;
    let lo = 0;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRanked(phrases, scores, nodes[mid], node) > 0) hi = mid;
      else lo = mid + 1;
    }
    for (let j = i; j > lo; j--) nodes[j] = nodes[j - 1];
    nodes[lo] = node;
  }
}

/**
 * Sorts `array` in place as Array.prototype.sort does (stably), by binary insertion up to 64
 * items: the builtin's calls into the comparator cost several times more on the short lists of
 * selectKeywords (a few tens of candidates per article). Longer arrays go to the builtin.
 */
function sortShort<T>(array: T[], compare: (a: T, b: T) => number): T[] {
  if (array.length > 64) return array.sort(compare);
  for (let i = 1; i < array.length; i++) {
    const item = array[i];
    if (!(compare(array[i - 1], item) > 0)) continue;
    let lo = 0;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(array[mid], item) > 0) hi = mid;
      else lo = mid + 1;
    }
    for (let j = i; j > lo; j--) array[j] = array[j - 1];
    array[lo] = item;
  }
  return array;
}

/**
 * People, organizations and places central to the story, as keywords scored like a one-word
 * topic: mentions × how rare the name's words are in general news × the early-mention boost.
 * Editors tag the story's central names (KPTimes train sample: 27 of 54 tags are names, e.g.
 * "Melania Trump" for a story on her speech), so a name said twice or in the headline or lead
 * competes with the topics; one said once further down is a detail. Mentions inside the header,
 * dateline, credit or boilerplate do not count ("OSLO, Norway, May 2 (Agency)").
 * Best first.
 */
function scoreEntities(
  doc: Readonly<Doc>, blocked: Uint8Array, mentionTokens: Int32Array, sentencePosition: Int32Array, titleCaseHeadline: number,
  weights: KeywordWeights, places: number,
): ScoredKeyword[] {
  const { sentences } = doc;
  if (places <= 0) return [];
  // Counting is one pass over the mentions; the name's words are looked up only for entities
  // that could still make the list: a long text has tens of thousands of entities.
  type Candidate = { entity: Entity; bound: number; first: number; count: number; firstMention: number; namesakes?: Candidate[] };
  const candidates: Candidate[] = [];
  // Entities of one name ("Leeds" the club and the city) make one keyword: by lower-case name, the first.
  const byName = new Map<string, Candidate>();
  let next = 0;
  for (const entity of doc.entities) {
    if (entity.type === 'event') continue;
    const firstMention = next;
    next += entity.mentions.length;
    // Said once, after the lead: a detail, not worth the work below.
    if (entity.mentions.length < 2 && sentencePosition[sentenceOf(sentences, mentionTokens[firstMention])] > 1) continue;
    let count = 0;
    let first = -1;
    let firstSentence = -1;
    for (let m = 0; m < entity.mentions.length; m++) {
      if (!countsForEntity(doc, entity.mentions[m], mentionTokens[firstMention + m], blocked)) continue;
      if (first < 0) {
        firstSentence = sentenceOf(sentences, mentionTokens[firstMention + m]);
        first = sentencePosition[firstSentence];
      }
      count++;
    }
    if (count === 0) continue;
    const namesake = byName.get(entity.name.toLowerCase());
    if (namesake) {
      (namesake.namesakes ??= []).push({ entity, bound: 0, first, count, firstMention });
      namesake.count += count;
      namesake.first = Math.min(namesake.first, first);
      namesake.bound = weights.entity * namesake.count * MAX_IDF * (1 + weights.position / (1 + namesake.first));
      continue;
    }
    if (count < 2 && first > 1) continue;
    // Only in a Title Case headline, where every word has a capital: "Avoid Bad Optics" is no name.
    if (count < 2 && firstSentence === titleCaseHeadline) continue;
    const bound = weights.entity * count * MAX_IDF * (1 + weights.position / (1 + first));
    const candidate = { entity, bound, first, count, firstMention };
    byName.set(entity.name.toLowerCase(), candidate);
    candidates.push(candidate);
  }
  candidates.sort((a, b) => b.bound - a.bound);
  const scored: ScoredKeyword[] = [];
  const batch = Math.max(2 * places, 8);
  for (let i = 0; ;) {
    for (const end = Math.min(i + batch, candidates.length); i < end; i++) {
      const { entity, first, count, firstMention, namesakes } = candidates[i];
      const { specificity, words } = nameWords(entity.name);
      if (words === 0) continue;
      const mentions: Span[] = [];
      for (const same of namesakes ? [candidates[i], ...namesakes] : [candidates[i]]) {
        const { entity: e, firstMention: at } = same;
        for (let m = 0; m < e.mentions.length; m++) {
          if (countsForEntity(doc, e.mentions[m], mentionTokens[at + m], blocked)) mentions.push(e.mentions[m]);
        }
      }
      if (namesakes) mentions.sort((a, b) => a.start - b.start);
      const score = weights.entity * count * (specificity / words) * (1 + weights.position / (1 + first));
      scored.push({ score, keyword: { kind: 'keyword', phrase: entity.name, score: Math.round(score * 1000) / 1000, mentions } });
    }
    const kept = withoutTitledRepeats(scored).slice(0, places);
    // No candidate left could beat the last kept one: its bound is below that score.
    if (i >= candidates.length || (kept.length === places && candidates[i].bound < kept[places - 1].score)) return kept;
  }
}

/** The words of an entity's name as scoreEntities and withoutTitledRepeats read them. */
interface NameWords {
  /** Sum of the words' inverse background frequencies. */
  specificity: number;
  words: number;
  /** The last word in lower case ('' without words). */
  last: string;
  /** Two words, the first ending in a full stop: "Mr. Trump". */
  isTitled: boolean;
}

// NameWords by name, across calls: a pure function of the spelling. Each name was tokenized in
// scoreEntities and again in withoutTitledRepeats, at every call (16% of the stage on 300
// articles one call each, most of it the tokenizer's per-call set-up). Emptied past MAX_NAMES.
const NAMES = new Map<string, NameWords>();
const MAX_NAMES = 50_000;

function nameWords(name: string): NameWords {
  let facts = NAMES.get(name);
  if (facts) return facts;
  if (NAMES.size >= MAX_NAMES) NAMES.clear();
  const words = tokenize(name).filter(t => t.kind === 'word');
  let specificity = 0;
  for (const word of words) specificity += wordInfo(word.text).idf;
  facts = {
    specificity,
    words: words.length,
    last: words.length > 0 ? words[words.length - 1].text.toLowerCase() : '',
    isTitled: words.length === 2 && words[0].text.endsWith('.'),
  };
  NAMES.set(name, facts);
  return facts;
}

// The inverse background frequency of a word rarer than MIN_DOCUMENT_FREQUENCY: no word scores more.
const MAX_IDF = Math.log((BACKGROUND_DOCUMENTS + 1) / (MIN_DOCUMENT_FREQUENCY + 1));

/** A mention counts unless it stands in the header, dateline, boilerplate or source credit. */
function countsForEntity(doc: Readonly<Doc>, span: Span, token: number, blocked: Uint8Array): boolean {
  if (token >= doc.tokens.length || blocked[token] & STRUCTURE) return false;
  const { credit } = doc.structure;
  return !(credit && span.start < credit.end && credit.start < span.end);
}

/**
 * Best first. "Mr. Trump" after "Donald Trump": a title and a surname already listed add no
 * topic, whether the entity stage kept them apart out of caution or not.
 */
function withoutTitledRepeats(scored: ScoredKeyword[]): ScoredKeyword[] {
  scored.sort((a, b) => b.score - a.score || a.keyword.mentions[0].start - b.keyword.mentions[0].start);
  const surnames = new Set<string>();
  return scored.filter(({ keyword }) => {
    const { last, isTitled } = nameWords(keyword.phrase);
    if (isTitled && surnames.has(last)) return false;
    surnames.add(last);
    return true;
  });
}

/** The index of the sentence holding token `token`. */
function sentenceOf(sentences: Doc['sentences'], token: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].tokenStart <= token) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cover(ranges: readonly number[], covered: Uint8Array): void {
  for (let k = 0; k < ranges.length; k += 2) covered.fill(1, ranges[k], ranges[k + 1]);
}

function holdsTaken(ranges: readonly number[], heldEnd: Int32Array): boolean {
  for (let k = 0; k < ranges.length; k += 2) {
    let holds = false;
    for (let i = ranges[k]; i < ranges[k + 1] && !holds; i++) holds = heldEnd[i] <= ranges[k + 1];
    if (!holds) return false;
  }
  return true;
}

/** Every mention shares a token with a taken phrase: "sommes prêts" after "nous sommes". */
function overlapsEverywhere(ranges: readonly number[], covered: Uint8Array): boolean {
  for (let k = 0; k < ranges.length; k += 2) {
    let overlaps = false;
    for (let i = ranges[k]; i < ranges[k + 1] && !overlaps; i++) overlaps = covered[i] === 1;
    if (!overlaps) return false;
  }
  return true;
}

function isCovered(ranges: readonly number[], covered: Uint8Array): boolean {
  for (let k = 0; k < ranges.length; k += 2) {
    for (let i = ranges[k]; i < ranges[k + 1]; i++) if (!covered[i]) return false;
  }
  return true;
}

/** The k-th largest value (the smallest when there are fewer than k); quickselect, linear on average. Reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  if (values.length === 0) return 0;
  if (k >= values.length) return values.reduce((a, b) => Math.min(a, b), Infinity);
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target];
}

/** Capitalized mid-sentence more often than not: "Trump" ×40 stays a name despite one "#trump". */
function isNameLike(phrases: Phrases, node: number): boolean {
  return phrases.capitalizedInside[node] > phrases.lowerCase[node];
}

function toKeyword(doc: Readonly<Doc>, phrases: Phrases, node: number, score: number, casing: Uint8Array): Keyword {
  const { tokens } = doc;
  const ranges = phrases.ranges(node);
  const mentions: Span[] = [];
  for (let k = 0; k < ranges.length; k += 2) mentions.push({ start: tokens.starts[ranges[k]], end: tokens.ends[ranges[k + 1] - 1] });
  // Mostly added in text order already: checked before sorting.
  if (!inOrder(mentions)) mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  const isName = isNameLike(phrases, node) || (phrases.isEvent[node] === 1 && phrases.lowerCase[node] === 0);
  return {
    kind: 'keyword',
    phrase: phrases.personalPhrase.get(node) ?? displayPhrase(doc, ranges, isName, casing),
    score: Math.round(score * 1000) / 1000,
    mentions,
  };
}

/** Spans sorted by start, then end. */
function inOrder(spans: readonly Span[]): boolean {
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1];
    const b = spans[k];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/**
 * The most frequent surface form. A word keeps its capital when it is an acronym ("EB-5
 * program") or capitalized wherever its capital means something ("Trump hotel", not the
 * sentence-initial "Tax" of "Tax rates rose"); names keep the form as written.
 */
function displayPhrase(doc: Readonly<Doc>, ranges: readonly number[], isName: boolean, casing: Uint8Array): string {
  const { tokens, text } = doc;
  let best = '';
  let bestAt = 0;
  let count = 0;
  if (ranges.length === 2) {
    // A phrase said once (most) needs no count of its forms.
    best = text.slice(tokens.starts[ranges[0]], tokens.ends[ranges[1] - 1]);
  } else {
    const forms = new Map<string, number>();
    for (let k = 0; k < ranges.length; k += 2) {
      const form = text.slice(tokens.starts[ranges[k]], tokens.ends[ranges[k + 1] - 1]);
      const n = (forms.get(form) ?? 0) + 1;
      forms.set(form, n);
      if (n > count || (n === count && form < best)) {
        best = form;
        bestAt = k;
        count = n;
      }
    }
  }
  if (isName) return best.replace(/\s+/g, ' ');
  const from = ranges[bestAt];
  const length = ranges[bestAt + 1] - from;
  let phrase = '';
  for (let j = 0; j < length; j++) {
    const word = tokenText(tokens, from + j);
    // An acronym keeps its capitals; in a headline in capitals only a short one is likely one
    // ("FDA", not "REPORTS").
    let keep = isAcronym(word) && (casing[from + j] === 1 || word.length <= 5);
    if (!keep && word[0] !== word[0].toLowerCase()) {
      // capitalized in every mention where capitals mean something, and there is one
      let informative = 0;
      keep = true;
      for (let k = 0; k < ranges.length && keep; k += 2) {
        const i = ranges[k] + j;
        if (ranges[k + 1] - ranges[k] !== length || !casing[i]) continue;
        informative++;
        const other = tokenText(tokens, i);
        keep = other[0] !== other[0].toLowerCase();
      }
      keep = keep && informative > 0;
    }
    const spaced = j > 0 && tokens.starts[from + j] > tokens.ends[from + j - 1];
    if (spaced) phrase += ' ';
    phrase += keep ? word : word.toLowerCase();
  }
  return phrase;
}

/** ACRONYM.test(word), the regular expression run only on a word with two capitals A-Z (few do). */
function isAcronym(word: string): boolean {
  let capitals = 0;
  for (let i = 0; i < word.length && capitals < 2; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
  }
  return capitals === 2 && ACRONYM.test(word);
}

// Why a token is blocked: a bit set.
const NAME = 1;
const STRUCTURE = 2;
const FOREIGN = 4;
/** A person's role ("chief executive of Acme"): no topic, though the names in it count. */
const ROLE_SPAN = 8;

/**
 * Tokens that cannot be part of a keyword: names, header, dateline and boilerplate text, web
 * addresses, people's roles, and quotations in another language.
 * The spans are sorted once and swept with the tokens in one pass: a binary search per mention
 * jumps around a million token objects on a 5 MB text.
 */
function blockedTokens(doc: Readonly<Doc>): { blocked: Uint8Array; mentionTokens: Int32Array } {
  const { tokens, structure, entities } = doc;
  const blocked = SCRATCH.blocked.take(tokens.length);
  // The spans in columns counted in advance, not arrays grown by push through a closure (with
  // startsLowerCase reading the text, blockedTokens ~3.1 -> ~1.6 ms per pass of the keywords
  // stage on the bench's 300 articles).
  const nameSpans = countNameSpans(doc);
  // The structure's lists are counted and added from one array, so a new one cannot be added
  // uncounted (and fall off the end of the columns).
  const structureLists = [structure.headers, structure.boilerplate, structure.links, structure.labels];
  let structureSpans = (structure.dateline ? 1 : 0) + doc.roles.length;
  for (let l = 0; l < structureLists.length; l++) structureSpans += structureLists[l].length;
  const count = structureSpans + nameSpans;
  const starts = SCRATCH.spanStarts.take(count);
  const ends = SCRATCH.spanEnds.take(count);
  const flags = SCRATCH.spanFlags.take(count);
  let n = 0;
  const add = (span: Span, flag: number) => {
    starts[n] = span.start;
    ends[n] = span.end;
    flags[n++] = flag;
  };
  // Indexed loops: this runs once per document, often before the optimizer sees it, and for…of
  // there allocated an iterator result per element (a few MB on 5 MB of text).
  for (let l = 0; l < structureLists.length; l++) {
    const list = structureLists[l];
    for (let k = 0; k < list.length; k++) add(list[k], STRUCTURE);
  }
  if (structure.dateline) add(structure.dateline.span, STRUCTURE);
  // People's roles describe people, not the story's topics: "chief executive officer of Acme".
  for (let k = 0; k < doc.roles.length; k++) add(doc.roles[k], ROLE_SPAN);
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e];
    if (entity.type === 'event') continue;
    for (let k = 0; k < entity.mentions.length; k++) add(entity.mentions[k], NAME);
  }
  const order = sortedByStart(starts);
  // The first token of each entity mention, in the order of doc.entities (events skipped).
  const mentionTokens = SCRATCH.mentionTokens.take(nameSpans);
  let token = 0;
  for (let k = 0; k < order.length; k++) {
    const start = starts[order[k]];
    const end = ends[order[k]];
    const flag = flags[order[k]];
    // Starts ascend and token ends ascend, so the first token ending after a start only moves on.
    while (token < tokens.length && tokens.ends[token] <= start) token++;
    if (order[k] >= structureSpans) mentionTokens[order[k] - structureSpans] = token;
    for (let i = token; i < tokens.length && tokens.starts[i] < end; i++) blocked[i] |= flag;
  }
  blockForeignQuotes(doc, blocked);
  return { blocked, mentionTokens };
}

/**
 * "prêts", "à": token `i` starts with a lower-case letter (a string is made only for non-ASCII
 * letters). Read from the document's text, in order, not from the token's word: its scattered
 * string was a cache miss per quoted word.
 */
function startsLowerCase(text: string, tokens: Tokens, i: number): boolean {
  const at = tokens.starts[i];
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  const first = text[at];
  return first !== first.toUpperCase();
}

// Per vocabulary key (see Tokens.keys): 1 the word is not in BACKGROUND as spelt, 2 it is, 0 not
// looked up yet. A quotation's words were a Map look-up per token (2.3% of analyze() on 300
// articles one call each); BACKGROUND never changes, so the answer holds for the whole epoch.
let backgroundByKey = new Uint8Array(0);
let backgroundEpoch = -1;

/** BACKGROUND.has(text of token i). */
function inBackground(tokens: Tokens, i: number): boolean {
  const { keys, epoch } = tokens;
  if (keys === undefined || epoch === undefined) return BACKGROUND.has(tokenText(tokens, i));
  if (backgroundEpoch !== epoch) {
    backgroundByKey = new Uint8Array(1024);
    backgroundEpoch = epoch;
  }
  const key = keys[tokens.wordIds[i]];
  if (key >= backgroundByKey.length) {
    const grown = new Uint8Array(Math.max(2 * backgroundByKey.length, key + 1));
    grown.set(backgroundByKey);
    backgroundByKey = grown;
  }
  let known = backgroundByKey[key];
  if (known === 0) backgroundByKey[key] = known = BACKGROUND.has(tokenText(tokens, i)) ? 2 : 1;
  return known === 2;
}

/**
 * Quotations mostly in words English news never uses are no source of topics: '« Nous sommes
 * prêts », a-t-elle dit' would give "nous sommes" and "prêts". A quotation of at least three
 * lower-case words, fewer than half of them in the background table (which holds every common
 * English word, function words included), is blocked; '"We are ready," she said' is not.
 */
function blockForeignQuotes(doc: Readonly<Doc>, blocked: Uint8Array): void {
  const { tokens, quotes } = doc;
  for (let q = 0; q < quotes.length; q++) {
    const { start, end } = quotes[q].content;
    const first = tokenAt(tokens, start);
    let words = 0;
    let last = first;
    for (; last < tokens.length && tokens.starts[last] < end; last++) {
      if (tokens.kinds[last] === WORD && startsLowerCase(doc.text, tokens, last)) words++;
    }
    if (words < 3) continue;
    // Looked up only until half the words are known, which settles it: most quotations are
    // English, and a word's look-up is likely a cache miss.
    let known = 0;
    for (let i = first; i < last && 2 * known < words; i++) {
      if (tokens.kinds[i] === WORD && startsLowerCase(doc.text, tokens, i) && inBackground(tokens, i)) known++;
    }
    if (2 * known < words) for (let i = first; i < last; i++) blocked[i] |= FOREIGN;
  }
}

function countNameSpans(doc: Readonly<Doc>): number {
  let count = 0;
  for (let e = 0; e < doc.entities.length; e++) if (doc.entities[e].type !== 'event') count += doc.entities[e].mentions.length;
  return count;
}

/**
 * Indices of `starts` in ascending order of their values (ties by index). Each (start, index) pair
 * is packed into one exact double and sorted by the typed array's own numeric sort: a comparator
 * called a few million times on a long text costs several times more.
 */
function sortedByStart(starts: Int32Array): Uint32Array {
  const order = SCRATCH.order.take(starts.length);
  let scale = 1;
  while (scale < starts.length) scale *= 2;
  let maxStart = 0;
  for (let k = 0; k < starts.length; k++) if (starts[k] > maxStart) maxStart = starts[k];
  if (maxStart * scale + scale > Number.MAX_SAFE_INTEGER) {
    for (let k = 0; k < order.length; k++) order[k] = k;
    return order.sort((a, b) => starts[a] - starts[b] || a - b);
  }
  const keys = SCRATCH.keys.take(starts.length);
  for (let k = 0; k < keys.length; k++) keys[k] = starts[k] * scale + k;
  keys.sort();
  for (let k = 0; k < keys.length; k++) order[k] = keys[k] % scale;
  return order;
}

/** Named events from doc.entities: first token index → end token index (0: none), or undefined without events. */
function eventMentionEnds(doc: Readonly<Doc>): Int32Array | undefined {
  let ends: Int32Array | undefined;
  for (const entity of doc.entities) {
    if (entity.type !== 'event') continue;
    ends ??= SCRATCH.eventEnds.take(doc.tokens.length);
    for (const span of entity.mentions) {
      const first = tokenAt(doc.tokens, span.start);
      let end = first;
      while (end < doc.tokens.length && doc.tokens.starts[end] < span.end) end++;
      if (end > first) ends[first] = end;
    }
  }
  return ends;
}

/**
 * Adds each personal-list phrase that occurs in the text (whole tokens, any case, anywhere) as a
 * candidate that is always kept; a found phrase with the same stems takes its mentions.
 */
function addPersonalKeywords(doc: Readonly<Doc>, phrases: Phrases): void {
  const list = doc.options.personalLists.keyword;
  if (list.length === 0) return;
  // first token (lower case) → the phrases starting with it, as lower-case tokens
  const byFirst = new Map<string, Array<{ phrase: string; parts: string[] }>>();
  for (const phrase of list) {
    const parts = tokenize(phrase).map(t => t.text.toLowerCase());
    if (parts.length === 0) continue;
    const entries = byFirst.get(parts[0]) ?? [];
    entries.push({ phrase: phrase.trim().replace(/\s+/g, ' '), parts });
    byFirst.set(parts[0], entries);
  }
  const { tokens } = doc;
  let sentence = 0;
  // node → its mentions as start × 2^16 + length, so that a found mention is not added twice
  const known = new Map<number, Set<number>>();
  for (let i = 0; i < tokens.length; i++) {
    const entries = byFirst.get(tokenText(tokens, i).toLowerCase());
    if (!entries) continue;
    while (sentence + 1 < doc.sentences.length && doc.sentences[sentence].tokenEnd <= i) sentence++;
    for (const { phrase, parts } of entries) {
      if (i + parts.length > tokens.length) continue;
      let matches = true;
      for (let k = 0; k < parts.length && matches; k++) matches = tokenText(tokens, i + k).toLowerCase() === parts[k];
      if (!matches) continue;
      let node = -1;
      for (let k = i + parts.length - 1; k >= i; k--) {
        if (tokens.kinds[k] === PUNCT) continue;
        const info = wordInfo(tokenText(tokens, k));
        node = phrases.child(node, info.stem, info.idf);
      }
      if (node < 0) continue;
      if (!phrases.personalPhrase.has(node)) phrases.personalPhrase.set(node, phrase);
      let mentions = known.get(node);
      if (!mentions) {
        mentions = new Set();
        const ranges = phrases.ranges(node);
        for (let k = 0; k < ranges.length; k += 2) mentions.add(ranges[k] * 65536 + ranges[k + 1] - ranges[k]);
        known.set(node, mentions);
      }
      const id = i * 65536 + parts.length;
      if (mentions.has(id)) continue;
      mentions.add(id);
      phrases.addMention(node, i, i + parts.length, sentence);
    }
  }
}
