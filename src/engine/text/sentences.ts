import { SENTENCE_FINAL_ABBREVIATIONS } from '../lexicon/abbreviations';
import type { Token } from './tokenize';

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

function hasLineBreak(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) breaks++;
  return breaks;
}

function startsLower(token: Token): boolean {
  const c = token.text[0];
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/**
 * Paragraphs: token runs separated by a blank line (CRLF and whitespace-only lines count as
 * blank). Linear.
 */
export function splitParagraphs(text: string, tokens: readonly Token[]): Segment[] {
  const paragraphs: Segment[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || (tokens[i].start - tokens[i - 1].end >= 2 && hasLineBreak(text, tokens[i - 1].end, tokens[i].start) >= 2)) {
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
export function splitSentences(text: string, tokens: readonly Token[], paragraphs: readonly Segment[]): Segment[] {
  const sentences: Segment[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    let first = paragraph.tokenStart;
    for (let i = paragraph.tokenStart; i < paragraph.tokenEnd; i++) {
      const token = tokens[i];
      const next = i + 1 < paragraph.tokenEnd ? tokens[i + 1] : undefined;
      if (!next) break;
      let boundary = false;
      // Only punctuation can end a sentence this way; testing its kind first spares a set lookup
      // (and a string hash) for every word.
      if (token.kind === 'punct' && TERMINATOR_FIRST[text.charCodeAt(token.start)] === 1 && TERMINATORS.has(token.text)) {
        // absorb closing marks: '…said." Next' ends after the quote mark
        let k = i + 1;
        while (k < paragraph.tokenEnd && CLOSERS.has(tokens[k].text) && tokens[k].start === tokens[k - 1].end) k++;
        if (k < paragraph.tokenEnd && !startsLower(tokens[k]) && !(tokens[k].kind === 'punct' && !isOpener(tokens[k].text))) {
          i = k - 1;
          boundary = true;
        }
      } else if (token.kind === 'word' && token.text.length > 1 && token.text.charCodeAt(token.text.length - 1) === 46 &&
        SENTENCE_FINAL_ABBREVIATIONS.has(token.text.slice(0, -1).toLowerCase()) &&
        next.kind === 'word' && /^[A-Z]/.test(next.text) && !/^[A-Z][a-z]*\.$/.test(next.text)) {
        boundary = isCommonSentenceStart(next.text);
      }
      if (!boundary && next.start > token.end && hasLineBreak(text, token.end, next.start) > 0 && !startsLower(next)) {
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

function segment(tokens: readonly Token[], tokenStart: number, tokenEnd: number): Segment {
  return { start: tokens[tokenStart].start, end: tokens[tokenEnd - 1].end, tokenStart, tokenEnd };
}
