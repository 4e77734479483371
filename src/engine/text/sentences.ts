import { SENTENCE_FINAL_ABBREVIATIONS } from '../lexicon/abbreviations';
import { PUNCT, WORD, tokenText, tokensOf, type Token, type Tokens } from './tokenize';
import { uint8Scratch } from './scratch';

/** A run of tokens: [tokenStart, tokenEnd) indices and the [start, end) offsets they cover. */
export interface Segment {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '」', '』', "''"]);
const TERMINATORS = new Set(['.', '!', '?', '…', '...', '?!', '!!', '??', '。', '！', '？']);

/**
 * First characters of TERMINATORS: commas, hyphens and the other punctuation that never ends a
 * sentence are told apart by one table read instead of a string-keyed set lookup.
 */
const TERMINATOR_FIRST = new Uint8Array(0x10000);
for (const t of TERMINATORS) TERMINATOR_FIRST[t.charCodeAt(0)] = 1;

/** The line breaks in text[from, to). */
export function hasLineBreak(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) breaks++;
  return breaks;
}

function startsLower(tokens: Tokens, i: number): boolean {
  const c = tokenText(tokens, i)[0];
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/**
 * Paragraphs: token runs separated by a blank line (CRLF and whitespace-only lines count as
 * blank). Linear.
 */
export function splitParagraphs(text: string, tokenList: Tokens | readonly Token[]): Segment[] {
  const tokens = columnsOf(tokenList);
  const { starts, ends } = tokens;
  const paragraphs: Segment[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || (starts[i] - ends[i - 1] >= 2 && hasLineBreak(text, ends[i - 1], starts[i]) >= 2)) {
      if (i > first) paragraphs.push(segment(tokens, first, i));
      first = i;
    }
  }
  return paragraphs;
}

/**
 * Sentences, never crossing a paragraph. A sentence ends:
 * - after "." "!" "?" (and any closing quotes or brackets) when the next token does not start
 *   lower case: 'He left. "We…' → two sentences; 'Jan. 5' stays one, because "Jan." is one token;
 * - after an abbreviation that often ends sentences ("U.S.", "Inc.") when the next word is
 *   capitalised and follows on the same line;
 * - at a line break, unless the next line starts lower case (hard-wrapped prose): a headline, a
 *   dateline line or one CoNLL sentence per line stays apart.
 * Linear.
 */
export function splitSentences(text: string, tokenList: Tokens | readonly Token[], paragraphs: readonly Segment[]): Segment[] {
  const tokens = columnsOf(tokenList);
  const { starts, ends, kinds, wordIds, words } = tokens;
  const sentences: Segment[] = [];
  // Per word id, each fact found on the word's first token that asks it: whether it ends in an
  // abbreviation's period ('Inc.'; every word was asked, which loaded its string and, for the few
  // that end in one, sliced and lower-cased it: a fifth of this function on news) and whether it
  // starts lower case. Only a token whose last character is a period asks the first: the text
  // there is at hand, the word's string and facts are not (this function on the 300 news
  // articles, median of 17 x 10 passes: 3.6 -> 2.3 ms).
  const facts = SENTENCE_FACTS.take(words.length);
  const abbreviationEnd = (i: number): boolean => {
    if (text.charCodeAt(ends[i] - 1) !== 46) return false;
    const id = wordIds[i];
    if ((facts[id] & ABBREVIATION_KNOWN) === 0) facts[id] |= ABBREVIATION_KNOWN | (isAbbreviationEnd(words[id]) ? ABBREVIATION_END : 0);
    return (facts[id] & ABBREVIATION_END) !== 0;
  };
  const lowerStart = (i: number): boolean => {
    const id = wordIds[i];
    if ((facts[id] & CASE_KNOWN) === 0) facts[id] |= CASE_KNOWN | (startsLower(tokens, i) ? STARTS_LOWER : 0);
    return (facts[id] & STARTS_LOWER) !== 0;
  };
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    let first = paragraph.tokenStart;
    for (let i = paragraph.tokenStart; i < paragraph.tokenEnd; i++) {
      if (i + 1 >= paragraph.tokenEnd) break;
      if (i === first && text.charCodeAt(starts[i]) === 35 /* # */) {
        // A Markdown heading's marks stand apart, so its first word starts a sentence: "## Study details".
        const marks = headingMarks(text, tokens, i, paragraph.tokenEnd);
        if (marks > i) {
          sentences.push(segment(tokens, first, marks));
          first = marks;
          i = marks - 1;
          continue;
        }
      }
      const next = i + 1;
      let boundary = false;
      // Only punctuation can end a sentence this way; testing its kind first spares a set lookup
      // (and a string hash) for every word.
      if (kinds[i] === PUNCT && TERMINATOR_FIRST[text.charCodeAt(starts[i])] === 1 && TERMINATORS.has(tokenText(tokens, i))) {
        // absorb closing marks: '…said." Next' ends after the quote mark
        let k = i + 1;
        while (k < paragraph.tokenEnd && CLOSERS.has(tokenText(tokens, k)) && starts[k] === ends[k - 1]) k++;
        if (k < paragraph.tokenEnd && !lowerStart(k) && !(kinds[k] === PUNCT && !isOpener(tokenText(tokens, k)))) {
          i = k - 1;
          boundary = true;
        }
      } else if (kinds[i] === WORD && abbreviationEnd(i) &&
        kinds[next] === WORD && /^[A-Z]/.test(tokenText(tokens, next)) && !/^[A-Z][a-z]*\.$/.test(tokenText(tokens, next))) {
        boundary = isCommonSentenceStart(tokenText(tokens, next));
      }
      if (!boundary && starts[next] > ends[i] && hasLineBreak(text, ends[i], starts[next]) > 0 && !lowerStart(next)) {
        boundary = true;
      }
      if (boundary) {
        sentences.push(segment(tokens, first, i + 1));
        first = i + 1;
      }
    }
    if (first < paragraph.tokenEnd) sentences.push(segment(tokens, first, paragraph.tokenEnd));
  }
  return sentences;
}

/**
 * The token after a Markdown heading's marks starting at token i ("#", "##" … at a line start,
 * then a space and a word on the same line), or i when there are none; "#MeToo" is no heading.
 */
function headingMarks(text: string, tokens: Tokens, i: number, end: number): number {
  if (i > 0 && !hasLineBreak(text, tokens.ends[i - 1], tokens.starts[i])) return i;
  let k = i;
  while (k < end && k - i < 6 && tokenText(tokens, k) === '#' && (k === i || tokens.starts[k] === tokens.ends[k - 1])) k++;
  if (k >= end || tokens.starts[k] === tokens.ends[k - 1] || tokens.kinds[k] !== WORD || hasLineBreak(text, tokens.ends[k - 1], tokens.starts[k])) return i;
  return k;
}

const ABBREVIATION_KNOWN = 1, ABBREVIATION_END = 2, CASE_KNOWN = 4, STARTS_LOWER = 8;
// Reused by the next call (see text/scratch.ts): dead when splitSentences returns.
const SENTENCE_FACTS = uint8Scratch();

/** 'Inc.', 'U.S.': an abbreviation that often ends a sentence. */
function isAbbreviationEnd(word: string): boolean {
  return word.length > 1 && word.charCodeAt(word.length - 1) === 46 && SENTENCE_FINAL_ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

function isOpener(text: string): boolean {
  return text === '"' || text === '“' || text === '‘' || text === '«' || text === '„' || text === '(' || text === '[' ||
    text === '「' || text === "'" || text === '``' || text === '-' || text === '—' || text === '*' || text === '•';
}

// After "U.S." a capitalised word starts a new sentence only if it is a typical sentence opener;
// "the U.S. Senate" keeps going.
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There',
  'In', 'On', 'At', 'But', 'And', 'As', 'If', 'When', 'While', 'After', 'Before', 'Its', 'His', 'Her', 'Their',
  'Our', 'Some', 'Many', 'Most', 'Other', 'Meanwhile', 'However', 'Still', 'Also', 'For', 'So', 'Yet',
]);

function isCommonSentenceStart(word: string): boolean {
  return SENTENCE_OPENERS.has(word);
}

function segment(tokens: Tokens, tokenStart: number, tokenEnd: number): Segment {
  return { start: tokens.starts[tokenStart], end: tokens.ends[tokenEnd - 1], tokenStart, tokenEnd };
}

/** The engine's columns as they are; Token objects (from tests and scripts) converted. */
function columnsOf(tokens: Tokens | readonly Token[]): Tokens {
  return Array.isArray(tokens) ? tokensOf(tokens as readonly Token[]) : (tokens as Tokens);
}
