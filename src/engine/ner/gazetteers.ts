import { GAZETTEER } from '../lexicon/gazetteer';
import type { WordInfo } from './features';

/** The gazetteer lists, in the order of their feature codes. */
export const GAZETTEER_NAMES = ['country', 'city', 'region', 'firstName', 'lastName', 'person', 'organization', 'demonym'] as const;
export const GAZETTEER_LISTS = GAZETTEER_NAMES.length;

interface Gazetteers {
  /** Phrase (lower-case tokens joined by one space) → bit set of the lists that hold it. */
  phrases: Map<string, number>;
  /** Every proper prefix of a multi-token phrase, so a match can stop as soon as none extends. */
  prefixes: Set<string>;
  /** Every word after the first of a multi-token phrase ("york" of "new york"). */
  inner: Set<string>;
}

let loaded: Gazetteers | undefined;

function load(): Gazetteers {
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  const inner = new Set<string>();
  GAZETTEER_NAMES.forEach((name, list) => {
    for (const phrase of GAZETTEER[name].split('|')) {
      phrases.set(phrase, (phrases.get(phrase) ?? 0) | (1 << list));
      for (let space = phrase.indexOf(' '); space >= 0; space = phrase.indexOf(' ', space + 1)) {
        prefixes.add(phrase.slice(0, space));
        const next = phrase.indexOf(' ', space + 1);
        inner.add(phrase.slice(space + 1, next < 0 ? phrase.length : next));
      }
    }
  });
  return { phrases, prefixes, inner };
}

/**
 * A run of lower-case words as the phrase lookups see it ("new york"), with what the lists say
 * about it, and the runs one word longer met so far, by the next word's lower-case id. "New"
 * starts "New York", "New Delhi", "New Zealand", and news repeats them: walking remembered paths
 * replaces building "new york" as a new string (and hashing it twice) at every occurrence.
 */
interface Path {
  readonly key: string;
  /** phrases.get(key), 0 if none. */
  readonly lists: number;
  /** prefixes.has(key). */
  readonly isPrefix: boolean;
  next: Map<number, Path> | undefined;
}

const PATH_LIMIT = 200_000;
let roots = new Map<number, Path>();
let pathCount = 0;

/** Forgets the remembered paths: lower-case ids are about to be given out again (the word cache started again). */
export function forgetGazetteerPaths(): void {
  roots = new Map();
  pathCount = 0;
}

function newPath(key: string): Path {
  pathCount++;
  return { key, lists: loaded!.phrases.get(key) ?? 0, isPrefix: loaded!.prefixes.has(key), next: undefined };
}

function rootPath(lowerId: number, lower: string): Path {
  if (pathCount > PATH_LIMIT) forgetGazetteerPaths();
  let path = roots.get(lowerId);
  if (path === undefined) roots.set(lowerId, path = newPath(lower));
  return path;
}

function nextPath(path: Path, lowerId: number, lower: string): Path {
  path.next ??= new Map();
  let next = path.next.get(lowerId);
  if (next === undefined) path.next.set(lowerId, next = newPath(path.key + ' ' + lower));
  return next;
}

/** Bit set in a word's gazetteer code when the word starts a longer phrase. */
const PREFIX = 1 << 30;
/**
 * Bit set in a word's gazetteer code when the word stands after the first in some longer phrase,
 * whatever its case ("of" in "bank of england"). A match in progress stops before a word without
 * it instead of looking the longer run up: "The" starts many organization names, and the remembered
 * runs after it ("the company", "the minister"...) were most of the matching time, a Map lookup
 * each into the paths of thousands of followers (matchGazetteerIds ~30% less self time on the 300
 * articles of the bench).
 */
const CONTINUES = 1 << 29;
const LISTS = (1 << GAZETTEER_LISTS) - 1;
const longest = new Int32Array(GAZETTEER_LISTS);

function setPart(codes: Int32Array, token: number, list: number, part: number): void {
  codes[token] = (codes[token] & ~(7 << (3 * list))) | (part << (3 * list));
}

/** The lists present in a token's code, as a bit set ("the token is in some city name"). */
export function listsOf(code: number): number {
  let lists = 0;
  for (let list = 0; code !== 0; list++, code >>= 3) if (code & 7) lists |= 1 << list;
  return lists;
}

function startsLowerCase(word: WordInfo): boolean {
  const first = word.text[0];
  return first !== first.toUpperCase();
}

/**
 * Marks, for each token of words[start, end) and each list, where the longest match of that list
 * starting at a capitalised token puts it: 1 B, 2 I, 3 L, 4 U, in bits 3 × list … 3 × list + 2 of
 * codes[token].
 * "New York Stock Exchange" → city B I on "New York"; "may" (lower case) never matches a first name.
 * A match is at most 8 tokens, so this is linear.
 */
export function matchGazetteers(words: readonly WordInfo[], start: number, end: number, codes: Int32Array): void {
  const ids = Int32Array.from(words, (_, i) => i);
  matchGazetteerIds(ids, words, new Int32Array(words.length).fill(-1), 1, 0, start, end, codes);
}

/**
 * What the gazetteers say about word id alone (see matchGazetteerIds): the lists holding it as a
 * one-word entry, PREFIX and CONTINUES; computed on first use and kept in `known`.
 */
function codeOf(id: number, words: readonly WordInfo[], known: Int32Array, stride: number, offset: number): number {
  const at = id * stride + offset;
  if (known[at] !== -1) return known[at];
  const { phrases, prefixes, inner } = loaded!;
  const word = words[id];
  const lists = startsLowerCase(word) || word.cap === 5 ? 0 : (phrases.get(word.lower) ?? 0) | (prefixes.has(word.lower) ? PREFIX : 0);
  return (known[at] = lists | (inner.has(word.lower) ? CONTINUES : 0));
}

/**
 * matchGazetteers over word ids: words[ids[i]] is token i's word, and known[id × stride + offset]
 * caches what the gazetteers say about word id alone (-1 not looked up yet): a dense table
 * instead of a field on each of 100k scattered WordInfo objects, a cache miss per token on 5 MB.
 */
export function matchGazetteerIds(ids: Int32Array, words: readonly WordInfo[], known: Int32Array, stride: number, offset: number,
  start: number, end: number, codes: Int32Array): void {
  loaded ??= load();
  for (let i = start; i < end; i++) {
    const gazetteer = codeOf(ids[i], words, known, stride, offset);
    const single = gazetteer & LISTS;
    if (single !== 0) {
      for (let list = 0; list < GAZETTEER_LISTS; list++) if (single & (1 << list)) setPart(codes, i, list, 4);
    }
    if ((gazetteer & PREFIX) === 0) continue;
    // Longer entries: the end of the longest match per list, then BILU codes over it.
    longest.fill(0);
    const first = words[ids[i]];
    let path = rootPath(first.lowerId, first.lower);
    for (let j = i + 1; j < end && j - i < 8 && (j === i + 1 || path.isPrefix); j++) {
      if ((codeOf(ids[j], words, known, stride, offset) & CONTINUES) === 0) break;
      const word = words[ids[j]];
      path = nextPath(path, word.lowerId, word.lower);
      const bits = path.lists;
      if (bits !== 0 && !startsLowerCase(word)) {
        for (let list = 0; list < GAZETTEER_LISTS; list++) if (bits & (1 << list)) longest[list] = j + 1;
      }
    }
    for (let list = 0; list < GAZETTEER_LISTS; list++) {
      const stop = longest[list];
      if (stop === 0) continue;
      for (let k = i; k < stop; k++) setPart(codes, k, list, k === i ? 1 : k === stop - 1 ? 3 : 2);
    }
  }
}
