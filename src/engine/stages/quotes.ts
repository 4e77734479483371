import type { Note, Quote } from '../model';
import type { Doc, Stage } from '../pipeline';
import { NUMBER, PUNCT, WORD, tokenText, type Tokens } from '../text/tokenize';
import type { Segment } from '../text/sentences';
import { segmentAt, tokenAt, tokenAtFrom } from '../text/search';
import { uint8Scratch } from '../text/scratch';
import { INTRANSITIVE_REPORTING_VERBS, LABELLING_VERBS, PHRASAL_CUES, REPORTING_VERBS, PREPOSITIONAL_CUES } from '../lexicon/reportingVerbs';
import { NAMING_BEFORE_AS, NAMING_WORDS } from '../lexicon/speakerNouns';

// Written by hand: textacy and compromise pair quotation marks with regular expressions over
// one sentence, which cannot follow a quotation over several paragraphs, tell "students' books"
// from a closing mark, or nest. One pass over the characters with a small stack instead.

/** Which marks may close which: any double mark closes any double mark ('"…”', '„…“', '``…'''). */
type Family = 'double' | 'single' | 'guillemet' | 'angle' | 'corner' | 'whiteCorner';

interface Open {
  family: Family;
  /** The opening character, to tell «…» from »…«. */
  mark: string;
  start: number;
  /** Length of the opening mark (2 for "``"). */
  width: number;
  /** Quotations closed directly inside this one, kept in case this one turns out to be an apostrophe. */
  inner: Quote[];
}

const MAX_DEPTH = 8;

/** Letters and digits, for telling an apostrophe ("don't", "’90s") from a mark. */
const NON_ASCII_ALNUM = /[\p{L}\p{N}]/u;
const NON_ASCII_SPACE = /\s/u;

function isAlnum(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xdc00 && c <= 0xdfff) return NON_ASCII_ALNUM.test(text.slice(i - 1, i + 1));
  return NON_ASCII_ALNUM.test(c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i]);
}

function isSpaceOrEdge(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return NON_ASCII_SPACE.test(text[i]);
}

const OPENING_CONTEXT = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', "'", '«', '‹', '„', '‚', '「', '『', ':']);
/** Characters after which a mark cannot close: '("' and '“"' open. */
const OPENING_ONLY = new Set(['(', '[', '{', '“', '‘', '«', '‹', '„', '‚', '「', '『']);
const CLOSING_CONTEXT = new Set([')', ']', '}', '.', ',', ';', ':', '!', '?', '…', '—', '–', '-', '/', '”', '’', '"', "'", '»', '›', '」', '』', '*']);

/** A mark with space (or an opening bracket) before it and text after it: ' "We…' opens. */
function opensByContext(text: string, i: number, width: number): boolean {
  return (isSpaceOrEdge(text, i - 1) || OPENING_CONTEXT.has(text[i - 1])) && !isSpaceOrEdge(text, i + width);
}

/** A mark with text before it and space or punctuation after it: 'won," he' closes. */
function closesByContext(text: string, i: number, width: number): boolean {
  return !isSpaceOrEdge(text, i - 1) && !OPENING_ONLY.has(text[i - 1]) &&
    (isSpaceOrEdge(text, i + width) || CLOSING_CONTEXT.has(text[i + width]));
}

/** Words that begin with an apostrophe rather than a quotation mark: "'em", "rock 'n' roll", "'til". */
const ELISIONS = new Set(['em', 'n', 'til', 'tis', 'twas', 'cause', 'bout', 'round', 'nuff', 'kay', 'cos', 'cuz', 'ol', 'y']);

function isElision(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && j - i <= 6 && isAlnum(text, j)) j++;
  return ELISIONS.has(text.slice(i + 1, j).toLowerCase());
}

/**
 * Every character classify() looks at, as one character class: the regular expression engine
 * finds the next one in native code, faster than a loop reading each character of the text
 * through a table (5 MB of news: ~10 -> ~7 ms). A character class cannot backtrack.
 */
const MARKS = /["“”„`'‘’‚«»‹›「」『』]/g;

/**
 * Finds the marks of one text front to back. A search that finds no mark before the end of its
 * paragraph runs on to the next mark wherever it is; kept, that answer serves the following
 * paragraphs up to it, so each character is read once however many paragraphs hold no mark.
 */
class MarkFinder {
  /** The first mark at or after `searchedFrom`; the text's length when none. */
  private next = -1;
  private searchedFrom = 0;

  constructor(private readonly text: string) {}

  /** The first position in [from, end) holding a mark, or end. */
  find(from: number, end: number): number {
    if (from > this.next || from < this.searchedFrom) {
      MARKS.lastIndex = from;
      this.next = MARKS.test(this.text) ? MARKS.lastIndex - 1 : this.text.length;
      this.searchedFrom = from;
    }
    return Math.min(this.next, end);
  }
}

type MarkRole = 'open' | 'close' | 'either';

interface Mark {
  family: Family;
  role: MarkRole;
  width: number;
}

/**
 * What the character at i can be, judged from it and its neighbours only; undefined when it is
 * no quotation mark (letters, apostrophes: "don't", "Norway’s", "’90s", "students' books"
 * outside a single-quoted passage).
 */
function classify(text: string, i: number, top: Open | undefined, singleOpen: boolean): Mark | undefined {
  const ch = text[i];
  switch (ch) {
    case '"': {
      const opens = opensByContext(text, i, 1);
      const closes = closesByContext(text, i, 1);
      return { family: 'double', role: opens === closes ? 'either' : opens ? 'open' : 'close', width: 1 };
    }
    case '“':
      // '„Ja“' (German) and '”…“' typed the wrong way round close with the left mark.
      if (top?.family === 'double' && (top.mark === '„' || (closesByContext(text, i, 1) && !opensByContext(text, i, 1)))) {
        return { family: 'double', role: 'close', width: 1 };
      }
      return { family: 'double', role: 'open', width: 1 };
    case '”':
      // Swedish and sloppy typing open with the right mark: '”Ja” sa han'.
      if (top?.family !== 'double' && opensByContext(text, i, 1) && !closesByContext(text, i, 1)) {
        return { family: 'double', role: 'open', width: 1 };
      }
      return { family: 'double', role: 'close', width: 1 };
    case '„':
      return { family: 'double', role: 'open', width: 1 };
    case '`':
      return text[i + 1] === '`' && text[i + 2] !== '`' ? { family: 'double', role: 'open', width: 2 } : undefined;
    case "'": {
      if (text[i + 1] === "'" && text[i + 2] !== "'") {
        // CoNLL's closing "''"; the New York Times' typewriter style also opens with it: "''We won,'' he said."
        if (top?.family === 'double' && !isSpaceOrEdge(text, i - 1)) return { family: 'double', role: 'close', width: 2 };
        return opensByContext(text, i, 2) && !closesByContext(text, i, 2) ? { family: 'double', role: 'open', width: 2 } : undefined;
      }
      return classifySingle(text, i, singleOpen);
    }
    case '‘':
      if (top?.family === 'single' && top.mark === '‚') return { family: 'single', role: 'close', width: 1 };
      // "‘90s" typed by autocorrect is an apostrophe
      if (isAlnum(text, i + 1) && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) return undefined;
      if (isElision(text, i)) return undefined;
      return { family: 'single', role: 'open', width: 1 };
    case '’':
      return classifySingle(text, i, singleOpen);
    case '‚':
      return isAlnum(text, i - 1) ? undefined : { family: 'single', role: 'open', width: 1 };
    case '«':
      return { family: 'guillemet', role: top?.family === 'guillemet' && top.mark === '»' ? 'close' : 'open', width: 1 };
    case '»':
      return { family: 'guillemet', role: top?.family === 'guillemet' && top.mark === '«' ? 'close'
        : opensByContext(text, i, 1) ? 'open' : 'close', width: 1 };
    case '‹':
      return { family: 'angle', role: top?.family === 'angle' && top.mark === '›' ? 'close' : 'open', width: 1 };
    case '›':
      return { family: 'angle', role: top?.family === 'angle' && top.mark === '‹' ? 'close'
        : opensByContext(text, i, 1) ? 'open' : 'close', width: 1 };
    case '「': return { family: 'corner', role: 'open', width: 1 };
    case '」': return { family: 'corner', role: 'close', width: 1 };
    case '『': return { family: 'whiteCorner', role: 'open', width: 1 };
    case '』': return { family: 'whiteCorner', role: 'close', width: 1 };
    default:
      return undefined;
  }
}

/**
 * ' and ’ are apostrophes far more often than marks, so they only open before a word at a word
 * start ("'Yes'", not "'90s" or "'em") and only close a single quotation already open.
 */
function classifySingle(text: string, i: number, singleOpen: boolean): Mark | undefined {
  const before = isAlnum(text, i - 1);
  const after = isAlnum(text, i + 1);
  if (singleOpen && !isSpaceOrEdge(text, i - 1) && !after) return { family: 'single', role: 'close', width: 1 };
  if (text[i] === "'" && !before && after && opensByContext(text, i, 1)) {
    const c = text.charCodeAt(i + 1);
    if ((c >= 48 && c <= 57) || isElision(text, i)) return undefined;
    return { family: 'single', role: 'open', width: 1 };
  }
  return undefined;
}

/** How a mark was typed: straight ('"'), typographic ('“', '”', '„') or typewriter ('``', "''"). */
function markStyle(mark: string): string {
  if (mark === '“' || mark === '”' || mark === '„') return 'curly';
  if (mark === '`' || mark === "'") return 'typewriter';
  return mark;
}

/** Paired quotation marks of one text: top-level quotations (inner ones dropped) and notes. */
export function pairQuotationMarks(text: string, paragraphs: readonly Segment[]): { quotes: Quote[]; notes: Note[] } {
  const quotes: Quote[] = [];
  const notes: Note[] = [];
  const stack: Open[] = [];
  const familyCount = new Map<Family, number>();
  const count = (f: Family) => familyCount.get(f) ?? 0;
  const push = (open: Open) => {
    stack.push(open);
    familyCount.set(open.family, count(open.family) + 1);
  };
  const pop = (): Open => {
    const open = stack.pop()!;
    familyCount.set(open.family, count(open.family) - 1);
    return open;
  };
  /** Drops the top opener as unpaired; what it enclosed belongs to the level below. */
  const discard = (reason: string | undefined) => {
    const open = pop();
    if (reason) notes.push({ span: { start: open.start, end: open.start + open.width }, message: reason });
    const below = stack.length ? stack[stack.length - 1].inner : quotes;
    for (const q of open.inner) below.push(q);
  };
  const unclosed = 'Quotation mark never closed: no quote recorded here.';
  /** Singles left open are usually apostrophes ("the '90s", "Jones' book"): drop them silently. */
  const dropSingles = () => {
    while (stack.length && stack[stack.length - 1].family === 'single') discard(stack[stack.length - 1].mark === '‘' ? unclosed : undefined);
  };

  /** Styles (markStyle) of the top-level quotations closed so far. */
  const stylesUsed = new Set<string>();
  let skipUntil = -1;
  const marks = new MarkFinder(text);
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    for (let i = marks.find(Math.max(para.start, skipUntil), para.end); i < para.end; i = marks.find(Math.max(i + 1, skipUntil), para.end)) {
      const top = stack.length ? stack[stack.length - 1] : undefined;
      const mark = classify(text, i, top, count('single') > 0);
      if (!mark) continue;
      let role = mark.role;
      if (role === 'either') role = count(mark.family) > 0 && top?.family === mark.family ? 'close' : 'open';
      if (role === 'close' && count(mark.family) === 0) {
        // '… “Yes” …' read fine, but a lone closing mark means a missing opener somewhere.
        if (mark.family !== 'single') notes.push({ span: { start: i, end: i + mark.width }, message: 'Closing quotation mark without an opening one: ignored.' });
        skipUntil = i + mark.width;
        continue;
      }
      if (role === 'close') {
        // Whatever opened after the matching mark never closed: '"He said \'no," she said.'
        while (stack[stack.length - 1].family !== mark.family) {
          discard(stack[stack.length - 1].family === 'single' ? undefined : unclosed);
        }
        const open = pop();
        const quote: Quote = {
          kind: 'quote',
          span: { start: open.start, end: i + mark.width },
          content: { start: open.start + open.width, end: i },
        };
        if (!stack.length) stylesUsed.add(markStyle(open.mark));
        (stack.length ? stack[stack.length - 1].inner : quotes).push(quote);
      } else {
        if (stack.length >= MAX_DEPTH) {
          notes.push({ span: { start: i, end: i + mark.width }, message: 'Quotation marks nested too deeply: ignored.' });
        } else {
          push({ family: mark.family, mark: text[i], start: i, width: mark.width, inner: [] });
        }
      }
      skipUntil = i + mark.width;
    }
    if (!stack.length) continue;
    const next = p + 1 < paragraphs.length ? paragraphs[p + 1] : undefined;
    const nextMark = next ? classify(text, next.start, undefined, false) : undefined;
    if (stack.length === 1 && stack[0].mark === '‘' && nextMark?.family === 'single' && nextMark.role === 'open') {
      skipUntil = next!.start + nextMark.width;
      continue;
    }
    dropSingles();
    if (!stack.length) continue;
    // A quotation running on: the paragraph ends open and the next one starts with an opening
    // mark of the same kind ('"First…\n\n"Second…," he said.') is ONE quotation.
    // Unless the marks change style to one the text already typed whole quotations in: in
    // '“Here comes Big Daddy,” she said.\n\n"Kevin was snoring.\n\n“Here he is,” she said.' an
    // excerpt pasted in straight marks is left open and a quotation of its own follows; a text
    // that mixes styles at random ('"First…\n\n“Second,” she said.') has no such history.
    const nextStyle = next ? markStyle(text[next.start]) : '';
    if (stack.length === 1 && next && nextMark && nextMark.role !== 'close' && nextMark.family === stack[0].family &&
      (nextStyle === markStyle(stack[0].mark) || !stylesUsed.has(nextStyle))) {
      skipUntil = next.start + nextMark.width;
      continue;
    }
    // The same with the next paragraph's opening mark left out ('…said:\n\n"Fast broadband is…\n\nThis
    // contract means…."'): the quotation opened its paragraph, and the next one holds one mark, of
    // the same kind, closing a sentence.
    if (stack.length === 1 && next && !nextMark && stack[0].start === para.start && stack[0].family !== 'single' &&
      closesAlone(text, marks, next, stack[0])) continue;
    while (stack.length) discard(unclosed);
  }
  quotes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { quotes, notes };
}

/** True when the paragraph's only quotation mark closes `open` after a sentence's last character. */
function closesAlone(text: string, marks: MarkFinder, paragraph: Segment, open: Open): boolean {
  const first = marks.find(paragraph.start, paragraph.end);
  if (first >= paragraph.end || !CLOSING_PUNCTUATION.includes(text[first - 1])) return false;
  const mark = classify(text, first, open, false);
  return mark !== undefined && mark.family === open.family && mark.role !== 'open' && marks.find(first + 1, paragraph.end) >= paragraph.end;
}

/** What stands before a mark that closes a quotation's last sentence: '…Cardiff."', '…Cardiff," she said'. */
const CLOSING_PUNCTUATION = '.!?,…';

/** True for a word that reports speech ("said"), lower case or capitalised at a sentence start ("Said"). */
export function isReportingWord(tokens: Tokens, i: number, sentenceStart: boolean): boolean {
  if (tokens.kinds[i] !== WORD) return false;
  if ((wordFacts(tokens, i, AS_WRITTEN) & REPORTING) !== 0) return true;
  return sentenceStart && (wordFacts(tokens, i, LOWERED) & REPORTING_LOWER) !== 0;
}

/** Length in tokens of a prepositional cue ('according to') starting at token i, or 0. */
export function prepositionalCueLength(tokens: Tokens, i: number, end: number): number {
  if ((wordFacts(tokens, i, LOWERED) & PREPOSITIONAL_FIRST) === 0) return 0;
  return cueLengthAt(tokens, i, end, PREPOSITIONAL_CUES);
}

/** Length in tokens of the first of `cues` (lower-case word lists) that starts at token i, or 0. */
function cueLengthAt(tokens: Tokens, i: number, end: number, cues: readonly (readonly string[])[]): number {
  for (const cue of cues) {
    if (i + cue.length > end) continue;
    let k = 0;
    while (k < cue.length && tokenText(tokens, i + k).toLowerCase() === cue[k]) k++;
    if (k === cue.length) return k;
  }
  return 0;
}

/** First words of phrasal cues as written, lower case and capitalised. */
const PHRASAL_FIRST_WORDS: ReadonlySet<string> = new Set(PHRASAL_CUES.flatMap(cue => [cue[0], cue[0][0].toUpperCase() + cue[0].slice(1)]));
/** First words of prepositional cues, lower case. */
const PREPOSITIONAL_FIRST_WORDS: ReadonlySet<string> = new Set(PREPOSITIONAL_CUES.map(cue => cue[0]));

/**
 * Length in tokens of a phrasal cue ('put it') starting at token i, or 0: 'as Jane Doe put it,
 * "…"'. The speaker comes before it, as with a reporting verb.
 */
export function phrasalCueLength(tokens: Tokens, i: number, end: number): number {
  if ((wordFacts(tokens, i, AS_WRITTEN) & PHRASAL_FIRST) === 0) return 0;
  return cueLengthAt(tokens, i, end, PHRASAL_CUES);
}

// What the cue tests need to know of a word, as bits, per word id (see Tokens.wordIds). The
// quotes and speakers stages ask them of every token around each quotation, tens of times per
// token on news; the answers came from lower-casing the word and looking it up in string sets
// each time. Now each distinct word is looked up once per text, and only for what is asked of it
// (a short article asks most of its words one question once: the others would cost it time).
/** The word's AS_WRITTEN bits are known. */
const AS_WRITTEN = 1;
/** REPORTING_VERBS holds the word as written: 'said'. */
const REPORTING = 2;
/** The first word of a phrasal cue as written: 'put', 'Put'. */
const PHRASAL_FIRST = 4;
/** The word's LOWERED bits are known. */
const LOWERED = 8;
/** REPORTING_VERBS holds it lower-cased: 'Said'. */
const REPORTING_LOWER = 16;
/** Lower-cased, it is the first word of a prepositional cue: 'According'. */
const PREPOSITIONAL_FIRST = 32;
/** The word's CJK bit is known. */
const SCRIPT = 64;
/** Holds kana, CJK ideographs or Hangul (see hasCjk). */
const CJK = 128;

/** The words array the facts below belong to; dropped by forgetWordFacts() after each stage. */
let factsWords: readonly string[] | undefined;
const NO_FACTS: Uint8Array = new Uint8Array(0);
let facts: Uint8Array = NO_FACTS;
// Reused by the next text (see text/scratch.ts): `facts` is its array until forgetWordFacts().
const FACTS = uint8Scratch();

// The same bits by vocabulary key (see Tokens.keys), kept across calls: an article's words, mostly
// met in earlier calls, are then known without reading their strings (scattered in the heap) or
// looking them up again. On the 300 news articles one call each (median of 20 passes) this stage
// took 4.8 -> 3.7 ms and the speakers stage, which asks the same, 7.2 -> 6.4 ms, against bits per
// word id found afresh in every call. Valid for one vocabulary epoch; as long as the vocabulary,
// which is bounded. Tokens without keys (built by tokensOf) use `facts` by word id instead.
let keyFacts = new Uint8Array(0);
let keyFactsEpoch = -1;

/** The bits of token i's word, with those of `group` (AS_WRITTEN, LOWERED or SCRIPT) known. */
function wordFacts(tokens: Tokens, i: number, group: number): number {
  const id = tokens.wordIds[i];
  const { keys, epoch } = tokens;
  let table: Uint8Array, index: number;
  if (keys !== undefined && epoch !== undefined) {
    index = keys[id];
    if (keyFactsEpoch !== epoch) {
      keyFacts = new Uint8Array(1024);
      keyFactsEpoch = epoch;
    }
    if (index >= keyFacts.length) {
      const grown = new Uint8Array(Math.max(2 * keyFacts.length, index + 1));
      grown.set(keyFacts);
      keyFacts = grown;
    }
    table = keyFacts;
  } else {
    if (tokens.words !== factsWords || facts.length < tokens.words.length) {
      factsWords = tokens.words;
      facts = FACTS.take(tokens.words.length);
    }
    index = id;
    table = facts;
  }
  let bits = table[index];
  if ((bits & group) === 0) {
    const word = tokens.words[id];
    if (group === AS_WRITTEN) {
      bits |= AS_WRITTEN | (REPORTING_VERBS.has(word) ? REPORTING : 0) | (PHRASAL_FIRST_WORDS.has(word) ? PHRASAL_FIRST : 0);
    } else if (group === LOWERED) {
      const lower = word.toLowerCase();
      bits |= LOWERED | (REPORTING_VERBS.has(lower) ? REPORTING_LOWER : 0) | (PREPOSITIONAL_FIRST_WORDS.has(lower) ? PREPOSITIONAL_FIRST : 0);
    } else {
      bits |= SCRIPT | (hasCjk(word) ? CJK : 0);
    }
    table[index] = bits;
  }
  return bits;
}

/** Lets the last text's words go once a stage is done with them (a 5 MB text has ~50,000). */
export function forgetWordFacts(): void {
  factsWords = undefined;
  facts = NO_FACTS;
}

const CONTEXT_TOKENS = 30;

/** Token indices of one quotation: its opening mark, its first content token, the token after it. */
interface QuoteTokens {
  open: number;
  first: number;
  last: number;
}
/** Kana, CJK ideographs or Hangul anywhere in s ('我们'); a code-unit loop, as no regex runs per word. */
function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3040 && ((c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af))) return true;
  }
  return false;
}

/** Small words that stay lower case in Title Case. */
const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'vs', 'vs.']);

/**
 * A short Title Case span with no sentence break inside: 'on CBS's "Face the Nation,"', 'his
 * book "The Art of the Deal"'. Speech in Title Case ('"Stop Now!"') usually comes with a cue.
 */
function looksLikeTitle(tokens: Tokens, first: number, last: number, contentEnd: number): boolean {
  let words = 0;
  for (let t = first; t < last && tokens.starts[t] < contentEnd; t++) {
    const word = tokenText(tokens, t);
    if (tokens.kinds[t] === PUNCT) {
      if ('.!?…'.includes(word[0]) && t + 1 < last && tokens.starts[t + 1] < contentEnd && tokens.kinds[t + 1] !== PUNCT) return false;
      continue;
    }
    words++;
    const c = word[0];
    const isUpper = c !== c.toLowerCase() || tokens.kinds[t] === NUMBER;
    if (!isUpper && !(words > 1 && TITLE_FUNCTION_WORDS.has(word))) return false;
  }
  return words > 0 && words <= 8;
}

/** A reporting word within `window` tokens from token i: '"…," he said', '"…," said Smith'. */
function nearCue(tokens: Tokens, i: number, window: number): boolean {
  for (let t = i; t < Math.min(tokens.length, i + window); t++) {
    if (isReportingWord(tokens, t, false)) return true;
    if ('.!?'.includes(tokenText(tokens, t))) return false;
  }
  return false;
}

/**
 * Speech or not. Speech: the content reads like an utterance (ends in punctuation, holds a
 * sentence break, or runs six words or more: '"We will win," he said'), or a reporting cue sits
 * in the same sentence ('he called it "a historic step"'). Not speech: short spans without either
 * ('the film "Dune"'), and anything right after a naming word ('so-called "experts"',
 * 'a program dubbed "Fast Track"').
 */
function isSpeech(doc: Readonly<Doc>, quote: Quote, all: readonly Quote[], index: number, at: QuoteTokens): boolean {
  const { text, tokens, sentences } = doc;
  const first = at.first;
  const last = at.last; // the first token after the closing mark
  let words = 0;
  for (let t = first; t < last && tokens.starts[t] < quote.content.end; t++) {
    // '「我们赢了」': CJK writes no spaces, so count each character as a word
    if (tokens.kinds[t] === WORD || tokens.kinds[t] === NUMBER) words += (wordFacts(tokens, t, SCRIPT) & CJK) !== 0 ? tokenText(tokens, t).length : 1;
  }
  const opening = at.open;
  const before = opening - 1; // -1: none
  const beforeText = before >= 0 ? tokenText(tokens, before) : undefined;
  if (beforeText !== undefined && NAMING_WORDS.has(beforeText.toLowerCase()) && words < 8) return false;
  // 'Acme Robotics, Inc. ("Acme") today announced': a defined short name in brackets, not speech
  if (beforeText === '(' && words < 4 && last < tokens.length && tokenText(tokens, last) === ')') return false;
  // 'the senator, known as "Big Jim,"', 'a law referred to as "Obamacare"': a name, not speech
  if (beforeText === 'as' && opening > 1 && words < 8 && (NAMING_BEFORE_AS.has(tokenText(tokens, opening - 2).toLowerCase()) ||
    (tokenText(tokens, opening - 2) === 'to' && opening > 2 && NAMING_BEFORE_AS.has(tokenText(tokens, opening - 3).toLowerCase())))) return false;
  // 'In his 2002 book, "Make Your Kid a Millionaire," Mr. Roe suggested': a title in apposition
  if (beforeText === ',' && opening > 1 && NAMING_WORDS.has(tokenText(tokens, opening - 2).toLowerCase()) && words < 8 &&
    looksLikeTitle(tokens, first, last, quote.content.end)) return false;
  let end = quote.content.end - 1;
  while (end > quote.content.start && isSpaceOrEdge(text, end)) end--;
  if (words === 0) return false;
  // 'Warren to Stumpf: ‘You Should Be Criminally Investigated.’': after a colon, Title Case is speech too
  const cueAdjacent = (beforeText !== undefined && (isReportingWord(tokens, before, false) || beforeText === ':' || beforeText === '：')) ||
    (last < tokens.length && nearCue(tokens, last, 4));
  // '"No," he added. "Never."': a whole sentence in quotation marks, ended inside them, after
  // others in its paragraph, is said (a heading on a line of its own is left to the title test).
  // Looked up only for short quotations: most return before needing their sentences.
  const isWholeSentence = (sentence: Segment | undefined, lastSentence: Segment | undefined) =>
    '.!?…'.includes(text[end]) && sentence?.tokenStart === opening && lastSentence !== undefined && last >= lastSentence.tokenEnd &&
    opening > (doc.paragraphs[segmentAt(doc.paragraphs, quote.span.start)]?.tokenStart ?? opening);
  if (!cueAdjacent && looksLikeTitle(tokens, first, last, quote.content.end)) {
    return isWholeSentence(sentences[segmentAt(sentences, quote.span.start)], sentences[segmentAt(sentences, quote.span.end - 1)]);
  }
  if (words >= 6 || (words >= 3 && ',.!?…:;—'.includes(text[end]))) return true;
  const sentence = sentences[segmentAt(sentences, quote.span.start)];
  const lastSentence = sentences[segmentAt(sentences, quote.span.end - 1)];
  if (isWholeSentence(sentence, lastSentence)) return true;
  // A cue in the sentence outside this quotation and its neighbours.
  const from = Math.max(sentence?.tokenStart ?? 0, opening - CONTEXT_TOKENS);
  const to = Math.min(lastSentence?.tokenEnd ?? tokens.length, last + CONTEXT_TOKENS);
  const prevEnd = index > 0 ? all[index - 1].span.end : -1;
  const nextStart = index + 1 < all.length ? all[index + 1].span.start : Infinity;
  for (let t = from; t < to; t++) {
    const start = tokens.starts[t], end = tokens.ends[t];
    if (start >= quote.span.start && end <= quote.span.end) continue;
    if (end <= prevEnd || start >= nextStart) continue;
    if (isReportingWord(tokens, t, t === sentence?.tokenStart) || prepositionalCueLength(tokens, t, to) > 0 || phrasalCueLength(tokens, t, to) > 0) return true;
  }
  return false;
}

/** Tokens that end a sentence, so a quotation right after one opens its own sentence. */
const SENTENCE_ENDS = new Set(['.', '!', '?', '…', '...', '?!', '!!', '??', '。', '！', '？']);
/** Closing marks, to look through a quotation that ends right before this one: '…," she said. "Next."'. */
const CLOSING_MARKS = new Set(['"', '”', '’', "'", '»', '›', '」', '』', "''", ')']);
/** How far back from a comma a cue may sit: 'the New York businessman says of Clinton, "…"'. */
const CUE_BEFORE_COMMA = 6;

/**
 * True when the quotation is embedded in the reporter's own sentence (a partial quote) rather
 * than reported whole. Direct, as in PolNeAR's attribution guidelines, when the attributed
 * content begins with the quotation:
 * - it opens its paragraph or sentence: '"We won," he said.', 'He left. "We won."';
 * - it follows a colon: 'He said: "We won."';
 * - it follows a comma right after a cue: 'He said, "We won."', 'According to Smith, "…"',
 *   '"A," he said, "B."';
 * - it follows a reporting verb directly: 'Trump declared "I think NATO is obsolete."'.
 * Partial when the reporter's own words lead into it: 'called the bill "a betrayal"', 'said
 * that "…"', 'described as "sad"', 'the deal was "terrible," he said'.
 */
export function isPartialQuote(doc: Readonly<Doc>, quote: Quote, previous: Quote | undefined,
  open = tokenAt(doc.tokens, quote.span.start)): boolean {
  const { tokens, paragraphs, sentences } = doc;
  const paragraph = paragraphs[segmentAt(paragraphs, quote.span.start)];
  if (open === 0 || !paragraph || paragraph.tokenStart >= open) return false;
  // a line of its own ('“…” ― Jane Doe' lists, one line per quotation) starts a sentence too
  if (sentences[segmentAt(sentences, quote.span.start)]?.tokenStart === open) return false;
  let b = open - 1;
  const before = tokenText(tokens, b);
  // '"First," she said. "Second."' and '“Fox and Friends.” “I mean…”': look inside the closing mark
  if (CLOSING_MARKS.has(before) && b > 0 && SENTENCE_ENDS.has(tokenText(tokens, b - 1))) return false;
  if (SENTENCE_ENDS.has(before) || before === ':' || before === '：') return false;
  if (previous && !previous.partial && resumesQuotation(doc, previous, open)) return false;
  if (before === ',') {
    // 'Trump tweeted that, "For those…"': a complementizer embeds the quotation
    if (b > 0 && tokenText(tokens, b - 1).toLowerCase() === 'that') return true;
    const lo = Math.max(paragraph.tokenStart, b - CUE_BEFORE_COMMA, previous ? tokenAt(tokens, previous.span.end) : 0);
    for (b--; b >= lo; b--) {
      if (tokens.kinds[b] === PUNCT) break;
      if (prepositionalCueLength(tokens, b, open) > 0) return false;
      // 'Mr. Barrett said, "we were floored."': a lower-case start continues the reporter's sentence;
      // 'As Jane Doe put it, "Did they?"'
      if (isReportingWord(tokens, b, b === paragraph.tokenStart) || phrasalCueLength(tokens, b, open) > 0) {
        return firstLetterCase(doc.text, quote.content.start, quote.content.end) === 'lower';
      }
    }
    // 'As for the cost, "Closing loopholes takes work," said John Roe.': an opening phrase, then
    // the quotation reported whole by the cue right after it (lower case, it runs on from the
    // reporter's words: 'With thousands of systems, "there is no single point," he said')
    return !(endsInCue(doc, quote) && firstLetterCase(doc.text, quote.content.start, quote.content.end) === 'upper');
  }
  // 'treating the remark as a compliment -- "That makes me smart" -- and…': a whole sentence
  // set off by a dash is quoted as said; 'a deal -- "a terrible one" -- that…' is not
  if (PARENTHETICAL_DASHES.has(before)) return firstLetterCase(doc.text, quote.content.start, quote.content.end) !== 'upper';
  // 'Trump declared "I think NATO is obsolete."' is direct; 'she said "the question is the
  // timing"' runs on in the reporter's sentence, lower case and without a comma: partial
  const verb = before.toLowerCase();
  if (!isReportingWord(tokens, open - 1, false) || LABELLING_VERBS.has(verb) || INTRANSITIVE_REPORTING_VERBS.has(verb)) return true;
  return firstLetterCase(doc.text, quote.content.start, quote.content.end) === 'lower';
}

/** Dashes that set off a parenthetical quotation: '-- "That makes me smart" --'. */
const PARENTHETICAL_DASHES = new Set(['--', '—', '–']);

/** How many tokens after a quotation its cue may start: '," said Mr. Roe', '," the mayor of Ohio said'. */
const CUE_AFTER = 5;

/**
 * True when the quotation's words end in a comma or question or exclamation mark and a reporting
 * cue follows within CUE_AFTER tokens: '"…," said John Roe', '"…?" the mayor asked'.
 */
function endsInCue(doc: Readonly<Doc>, quote: Quote): boolean {
  let end = quote.content.end - 1;
  while (end > quote.content.start && isSpaceOrEdge(doc.text, end)) end--;
  if (!',?!'.includes(doc.text[end])) return false;
  const tokens = doc.tokens;
  const after = tokenAt(tokens, quote.span.end);
  for (let t = after; t < Math.min(tokens.length, after + CUE_AFTER); t++) {
    if (tokens.starts[t] < quote.span.end) continue;
    if (isReportingWord(tokens, t, false)) return true;
    if (tokens.kinds[t] === PUNCT) return false;
  }
  return false;
}

/**
 * The case of the first cased letter among the first 8 characters of [from, to): 'upper' for
 * '"That makes me smart"', 'lower' for '"we were floored."', undefined when none is cased ('"2024"').
 */
function firstLetterCase(text: string, from: number, to: number): 'upper' | 'lower' | undefined {
  for (let i = from; i < to && i < from + 8; i++) {
    const c = text[i];
    if (c !== c.toLowerCase()) return 'upper';
    if (c !== c.toUpperCase()) return 'lower';
  }
  return undefined;
}

/** Words that may join the two halves of an interrupted quotation: '"A," he said, but "B."'. */
const RESUMING_WORDS = new Set([',', 'but', 'and', 'then', 'adding', 'continuing']);

/**
 * True when the quotation opening at token `open` goes on with the direct quotation before it,
 * interrupted only by its attribution: '"A," he said, "B."', '"A," Smith said in Ohio, "but B."'.
 * Scans only the words between the two quotations, at most once each, so the whole is linear.
 */
function resumesQuotation(doc: Readonly<Doc>, previous: Quote, open: number): boolean {
  const { tokens, sentences } = doc;
  const from = tokenAt(tokens, previous.span.end);
  if (from >= open || !RESUMING_WORDS.has(tokenText(tokens, open - 1).toLowerCase())) return false;
  if (segmentAt(sentences, previous.span.end - 1) !== segmentAt(sentences, tokens.starts[open])) return false;
  for (let t = from; t < open; t++) {
    if (SENTENCE_ENDS.has(tokenText(tokens, t))) return false;
    if (isReportingWord(tokens, t, false)) return true;
  }
  return false;
}

/**
 * Finds direct quotations: one span from opening to closing mark, in every common convention
 * (" ", “ ”, ‘ ’, « », „ “, ‚ ‘, 「 」, ‹ ›, `` ''), also across paragraphs. Inner quotations stay
 * inside the outer one; scare quotes and titles are left out; unpaired marks become notes.
 * Linear in the text.
 */
export function findQuotes(doc: Readonly<Doc>): { quotes: Quote[]; notes: Note[] } {
  const paired = pairQuotationMarks(doc.text, doc.paragraphs);
  const tokens = doc.tokens;
  const quotes: Quote[] = [];
  const opens: number[] = [];
  const at: QuoteTokens = { open: 0, first: 0, last: 0 };
  for (let i = 0; i < paired.quotes.length; i++) {
    const quote = paired.quotes[i];
    // quotations come sorted by start, so each search starts from the one before
    at.open = tokenAtFrom(tokens, quote.span.start, at.open);
    at.first = tokenAtFrom(tokens, quote.content.start, at.open);
    at.last = tokenAtFrom(tokens, quote.span.end, at.first);
    if (isSpeech(doc, quote, paired.quotes, i, at)) {
      quotes.push(quote);
      opens.push(at.open);
    }
  }
  for (let i = 0; i < quotes.length; i++) {
    if (isPartialQuote(doc, quotes[i], quotes[i - 1], opens[i])) quotes[i].partial = true;
  }
  return { quotes, notes: paired.notes };
}

/** Direct quotations, without speakers. */
export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'paragraphs', 'sentences', 'structure'],
  provides: ['quotes'],
  run(doc) {
    const { quotes, notes } = findQuotes(doc);
    forgetWordFacts();
    return { quotes, notes: [...doc.notes, ...notes] };
  },
};
