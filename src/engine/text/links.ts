import type { Span } from '../model';

/**
 * Web addresses and e-mail addresses in a text: "https://www.example.org/about", the target of a
 * Markdown link "[Acme](https://acme.example)", "www.acme.example", "press@acme.example",
 * "investors.acme.example/results". They are no prose: the tokenizer splits them into words
 * ("https", "www", "org", "halvorsenfoods"), which are neither names nor topic keywords.
 *
 * Written by hand: a regular expression for addresses ("[\w.+-]+@…") retries its run at every start
 * position and turns quadratic on a long run of word characters. Here indexOf finds the next
 * candidate ("@", "://", "." before a lower-case letter), the whitespace-delimited chunk around it
 * is read once, and the search resumes after the chunk, so every character is read a bounded
 * number of times. (On news, a regular expression for the candidates took 1.7 ms per 0.7 MB, a loop
 * over the characters 8 ms.) A bare domain ("acme.example") counts only in lower case: "Amazon.com" is a company's
 * name.
 */
export function findLinks(text: string): Span[] {
  const links: Span[] = [];
  // The next of each candidate at or after `from` (text.length for none): "@", "://", and "."
  // before a lower-case letter ("www.", "acme.example", "hodgson@reuters.com" have one).
  let at = -1;
  let scheme = -1;
  let dot = -1;
  for (let from = 0; from < text.length;) {
    if (at < from) at = indexOrEnd(text, '@', from);
    if (scheme < from) scheme = indexOrEnd(text, '://', from);
    if (dot < from) {
      dot = indexOrEnd(text, '.', from);
      while (dot < text.length && !isLowerLetter(text.charCodeAt(dot + 1))) dot = indexOrEnd(text, '.', dot + 1);
    }
    const next = Math.min(at, scheme, dot);
    if (next >= text.length) break;
    let start = next;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = next + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    const link = end - start <= MAX_CHUNK ? linkIn(text, start, end) : undefined;
    if (link) links.push(link);
    from = end;
  }
  return links;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Longer runs without a space are no address (browsers cap a URL near 2,000 characters). */
const MAX_CHUNK = 2048;

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

/** The address inside the whitespace-free chunk [start, end), if it holds one. */
function linkIn(text: string, start: number, end: number): Span | undefined {
  // one pass for the first "://" and the first "@"
  let scheme = -1;
  let at = -1;
  for (let i = start; i < end && scheme < 0; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 && i + 2 < end && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) scheme = i;
    else if (c === 64 && at < 0) at = i;
  }
  if (scheme >= 0) {
    // the scheme's letters: "https" of "30th.https://…"
    let from = scheme;
    while (from > start && isLetter(text.charCodeAt(from - 1))) from--;
    return from < scheme ? trimmed(text, from, end) : undefined;
  }
  let from = start;
  while (from < end && OPENERS.includes(text[from])) from++;
  if (end - from > 4 && text.slice(from, from + 4).toLowerCase() === 'www.') return trimmed(text, from, end);
  if (at >= from) {
    let local = at;
    while (local > from && isLocalChar(text.charCodeAt(local - 1))) local--;
    const span = local < at ? trimmed(text, local, end) : undefined;
    return span && isHost(text, at + 1, span.end, false) ? span : undefined;
  }
  const span = trimmed(text, from, end);
  if (!span) return undefined;
  let hostEnd = span.start;
  while (hostEnd < span.end && !'/?#:'.includes(text[hostEnd])) hostEnd++;
  return isHost(text, span.start, hostEnd, true) ? span : undefined;
}

/**
 * [from, end) without the punctuation that closes the sentence or a bracket around the address;
 * a closing bracket the address opened stays ("…/wiki/Mercury_(planet)").
 */
function trimmed(text: string, from: number, end: number): Span | undefined {
  let opened = 0;
  let closed = 0;
  for (let i = from; i < end; i++) {
    if (text[i] === '(') opened++;
    else if (text[i] === ')') closed++;
  }
  let to = end;
  for (;;) {
    const c = text[to - 1];
    if (to > from && CLOSERS.includes(c)) to--;
    else if (to > from && c === ')' && opened < closed) {
      to--;
      closed--;
    } else break;
  }
  return to > from ? { start: from, end: to } : undefined;
}

/**
 * Labels joined by dots, the last one 2 to 24 letters: "acme.example", "mail.acme.co.uk".
 * `lowerCase`: every letter in lower case (a bare domain; "Amazon.com", "U.S.A" are not).
 */
function isHost(text: string, from: number, to: number, lowerCase: boolean): boolean {
  let labels = 0;
  let label = 0;
  let letters = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (label === 0) return false;
      labels++;
      if (i === to) return labels >= 2 && letters && label >= 2 && label <= 24;
      label = 0;
      letters = true;
      continue;
    }
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    if (upper && lowerCase) return false;
    if (!(lower || upper || (c >= 48 && c <= 57) || c === 45)) return false;
    if (!(lower || upper)) letters = false;
    label++;
  }
  return false;
}

const OPENERS = '(<["\'“‘*_';
const CLOSERS = '.,;:!?"\'”’]>}*_—–';

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** A character of an e-mail address's local part: letters, digits, "+-._%". */
function isLocalChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 95 || c === 37;
}
