import type { Dateline, Span } from '../model';
import type { Stage, Structure } from '../pipeline';
import { NUMBER, PUNCT, WORD, tokenText, type Tokens } from '../text/tokenize';
import { uint8Scratch } from '../text/scratch';
import { findLinks } from '../text/links';
import { MONTHS, WEEKDAYS } from '../lexicon/months';
import { isKnownPlace } from '../lexicon/places';
import { CREDIT_CONTINUATIONS, CREDIT_VERBS, DATE_HEADER_KEYS, HEADER_KEYS } from '../lexicon/structureWords';

/** Header lines, the dateline, the source credit, boilerplate blocks and web addresses. */
export const structureStage: Stage = {
  name: 'structure',
  requires: ['tokens', 'paragraphs', 'sentences'],
  provides: ['structure'],
  run(doc) {
    return { structure: detectStructure(doc.text, doc.tokens) };
  },
};

interface DateParts {
  year?: number;
  month: number;
  day: number;
  /** Token index after the date. */
  end: number;
}

interface DatelineMatch {
  dateline: Dateline;
  placeSpan: Span;
  credit?: Span;
  /** Token index where the body starts. */
  bodyToken: number;
}

// Only the top of an article holds header lines and a dateline; looking further would find
// all-caps subheads in the body.
const MAX_HEADER_TOKENS = 400;
const MAX_HEADLINE_LINES = 4;
const MAX_HEADLINE_TOKENS = 30;

/**
 * Finds the layout of an article outside its story: header lines at the top, the dateline and
 * its source credit, and boilerplate blocks (contacts, "About X", end marks, forward-looking
 * statements). Linear: the top is scanned over a bounded number of tokens, the rest line by line
 * with anchored patterns that cannot backtrack.
 */
export function detectStructure(text: string, tokens: Tokens): Structure {
  const lines = lineStarts(text, tokens);
  const headers: Span[] = [];
  let headerDate: DateParts | undefined;
  let i = 0;
  for (;;) {
    const header = matchHeader(text, tokens, i, lines);
    if (!header) break;
    headers.push({ start: tokens.starts[i], end: tokens.ends[header.end - 1] });
    headerDate ??= header.date;
    i = header.end;
  }

  let match: DatelineMatch | undefined;
  let lineStart = i;
  for (let line = 0; line < MAX_HEADLINE_LINES && lineStart < tokens.length && lineStart < MAX_HEADER_TOKENS; line++) {
    match = matchDateline(text, tokens, lineStart, lines, headerDate);
    if (match) break;
    // A header line between the headline and the dateline: "By Jo Ng".
    const header = line > 0 ? matchHeader(text, tokens, lineStart, lines) : undefined;
    if (header) headers.push({ start: tokens.starts[lineStart], end: tokens.ends[header.end - 1] });
    const next = nextLineToken(tokens, lineStart, lines);
    if (next - lineStart > MAX_HEADLINE_TOKENS) break;
    lineStart = next;
  }

  const structure: Structure = {
    bodyStart: match ? startOf(text, tokens, match.bodyToken) : startOf(text, tokens, i),
    headers,
    boilerplate: findBoilerplate(text, tokens, lines, match ? match.bodyToken : i),
    links: findLinks(text),
    labels: findSpeakerLabels(tokens, lines),
  };
  if (match) {
    structure.dateline = match.dateline;
    structure.placeSpan = match.placeSpan;
    if (!match.credit) {
      const credit = findSourceCredit(text, tokens, match.bodyToken);
      if (credit) {
        match.dateline.source = credit.name;
        match.credit = credit.span;
      }
    }
    if (match.credit) structure.credit = match.credit;
  } else {
    const credit = findSourceCredit(text, tokens, i);
    if (credit) structure.credit = credit.span;
  }
  return structure;
}

function startOf(text: string, tokens: Tokens, index: number): number {
  return index < tokens.length ? tokens.starts[index] : text.length;
}

// Reused by the next call (see text/scratch.ts): detectStructure drops it before returning.
const LINE_STARTS = uint8Scratch();

/**
 * Non-zero where a token starts a line, else 0: MAY_BE_BOILERPLATE where the line's first two
 * characters may begin a boilerplate line (mayBeBoilerplate), LINE_START elsewhere. A byte per
 * token rather than a boolean array: a million tokens on 5 MB, read by every line-wise pass
 * below. Tokens that touch ('U.S.' then ',') have no gap to scan. The first characters are read
 * here, next to the line break just read, rather than by findBoilerplate from a text that has
 * left the cache by then (a tenth of this stage on news, one line per sentence in CoNLL).
 */
function lineStarts(text: string, tokens: Tokens): Uint8Array {
  const starts = LINE_STARTS.take(tokens.length);
  if (tokens.length > 0) starts[0] = mayBeBoilerplate(text, tokens.starts[0]) ? MAY_BE_BOILERPLATE : LINE_START;
  for (let i = 1; i < tokens.length; i++) {
    const end = tokens.starts[i];
    for (let k = tokens.ends[i - 1]; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) {
        starts[i] = mayBeBoilerplate(text, end) ? MAY_BE_BOILERPLATE : LINE_START;
        break;
      }
    }
  }
  return starts;
}

const LINE_START = 1, MAY_BE_BOILERPLATE = 2;

function nextLineToken(tokens: Tokens, i: number, lines: Uint8Array): number {
  let k = i + 1;
  while (k < tokens.length && !lines[k]) k++;
  return k;
}

function isWord(tokens: Tokens, i: number): boolean {
  return tokens.kinds[i] === WORD; // undefined past either end
}

function hasLower(s: string): boolean {
  return s !== s.toUpperCase();
}

/** "OSLO", "AL-AIN", "ST.", "D.C.": letters, all upper case, at least two of them. */
function isCapsWord(tokens: Tokens, i: number): boolean {
  if (!isWord(tokens, i)) return false;
  const word = tokenText(tokens, i);
  if (hasLower(word)) return false;
  let letters = 0;
  for (const c of word) if (c.toLowerCase() !== c) letters++;
  return letters >= 2 || (letters === 1 && word.endsWith('.'));
}

function isCapitalized(tokens: Tokens, i: number): boolean {
  if (!isWord(tokens, i)) return false;
  const c = tokenText(tokens, i)[0];
  return c !== c.toLowerCase();
}

function monthOf(tokens: Tokens, i: number): number | undefined {
  if (!isWord(tokens, i)) return undefined;
  const text = tokenText(tokens, i);
  const word = text.endsWith('.') ? text.slice(0, -1) : text;
  if (!isCapitalized(tokens, i)) return undefined;
  return MONTHS.get(word.toLowerCase());
}

function numberOf(tokens: Tokens, i: number, min: number, max: number, digits: number[]): number | undefined {
  if (tokens.kinds[i] !== NUMBER) return undefined;
  const text = tokenText(tokens, i);
  if (!digits.includes(text.length) || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

// "2024-12-23" is one token; fixed-width, so the pattern cannot backtrack.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date starting at token i: "2024-12-23", "December 23", "Dec. 23, 2024", "23 December 2024",
 * optionally after a weekday ("Monday, Jan. 5").
 */
export function parseDate(tokens: Tokens, i: number): DateParts | undefined {
  let k = i;
  if (isWord(tokens, k) && WEEKDAYS.has(tokenText(tokens, k).replace(/\.$/, '').toLowerCase()) && isCapitalized(tokens, k)) {
    k++;
    if (tokenText(tokens, k) === ',') k++;
  }
  if (k >= tokens.length) return undefined;
  const iso = ISO_DATE.exec(tokenText(tokens, k));
  if (iso) {
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return { year: Number(iso[1]), month, day, end: k + 1 };
  }
  const month = monthOf(tokens, k);
  if (month !== undefined) {
    const day = numberOf(tokens, k + 1, 1, 31, [1, 2]);
    if (day === undefined) return undefined;
    let end = k + 2;
    const comma = tokenText(tokens, end) === ',' ? 1 : 0;
    const year = numberOf(tokens, end + comma, 1800, 2200, [4]);
    if (year !== undefined) end += comma + 1;
    return { year, month, day, end };
  }
  const day = numberOf(tokens, k, 1, 31, [1, 2]);
  const dayMonth = monthOf(tokens, k + 1);
  if (day !== undefined && dayMonth !== undefined) {
    const year = numberOf(tokens, k + 2, 1800, 2200, [4]);
    return { year, month: dayMonth, day, end: year !== undefined ? k + 3 : k + 2 };
  }
  return undefined;
}

/**
 * A header field at token i: "date 2024-12-23" (the value is one date, so a dateline may follow
 * on the same line), "Source: Acme Wire" (to the end of the line), "FOR IMMEDIATE RELEASE",
 * "EMBARGOED UNTIL 10:00 GMT", "By Jo Ng". Returns the token index after it.
 */
function matchHeader(text: string, tokens: Tokens, i: number, lines: Uint8Array):
  { end: number; date?: DateParts } | undefined {
  if (i >= tokens.length || i >= MAX_HEADER_TOKENS) return undefined;
  if (tokens.kinds[i] === NUMBER && lines[i]) {
    const date = parseDate(tokens, i);
    if (date && date.end === nextLineToken(tokens, i, lines) && date.year !== undefined) return { end: date.end, date };
  }
  if (!isWord(tokens, i)) return undefined;
  const word = tokenText(tokens, i).toLowerCase();
  const lineEnd = nextLineToken(tokens, i, lines);
  if (word === 'for' && tokenText(tokens, i + 1)?.toLowerCase() === 'immediate' && tokenText(tokens, i + 2)?.toLowerCase() === 'release') {
    return { end: lineEnd };
  }
  if (word === 'embargoed' || (word === 'embargo' && tokenText(tokens, i + 1) === ':') ||
    (word === 'for' && tokenText(tokens, i + 1)?.toLowerCase() === 'release' && lines[i])) {
    return { end: lineEnd };
  }
  if (lines[i]) {
    // "December 23, 2024" alone on its line at the top: a date header without a field name.
    const date = parseDate(tokens, i);
    if (date && date.end === lineEnd && date.year !== undefined) return { end: lineEnd, date };
  }
  if (!HEADER_KEYS.has(word)) return undefined;
  const colon = tokenText(tokens, i + 1) === ':' ? 1 : 0;
  if (DATE_HEADER_KEYS.has(word)) {
    const date = parseDate(tokens, i + 1 + colon);
    if (date && date.end <= lineEnd) return { end: date.end, date };
    if (!colon || !lines[i]) return undefined;
    return { end: lineEnd };
  }
  if (word === 'by' && !colon) {
    // "By Jo Ng" alone on its line: a byline, not a sentence starting with "By".
    if (!lines[i] || lineEnd - i > 8 || lineEnd - i < 2) return undefined;
    for (let k = i + 1; k < lineEnd; k++) {
      if (isWord(tokens, k) && !isCapitalized(tokens, k) && tokenText(tokens, k) !== 'and') return undefined;
      if (tokens.kinds[k] === PUNCT && tokenText(tokens, k) !== ',' && tokenText(tokens, k) !== '.') return undefined;
    }
    return { end: lineEnd };
  }
  if (!colon || !lines[i] || lineEnd <= i + 2) return undefined;
  // "Source: …" only as a header at the top, where a colon right after the first word on the
  // line is not prose.
  return text.charCodeAt(tokens.starts[i + 1]) === 58 ? { end: lineEnd } : undefined;
}

const DASHES = new Set(['-', '--', '—', '–', '---', '——']);

/** "OSLO" → "Oslo", "AL-AIN" → "Al-Ain", "NEW YORK" → "New York", "ST." → "St."; other case kept. */
export function titleCase(s: string): string {
  if (hasLower(s)) return s;
  let out = '';
  let run = 0; // letters since the word started
  for (const c of s) {
    const isLetter = c.toLowerCase() !== c.toUpperCase();
    if (isLetter) {
      out += run === 0 ? c : c.toLowerCase();
      run++;
    } else {
      out += c;
      // "O'HARE" → "O'Hare", but "CHINA'S" → "China's"
      if (!((c === "'" || c === '’') && run > 1)) run = 0;
    }
  }
  return out;
}

/** "BUSINESS WIRE" → "Business Wire"; short all-caps credits are acronyms and stay: "AP", "AFP". */
function creditName(s: string): string {
  return s.replace(/\s+/g, ' ').length > 4 && s.includes(' ') ? titleCase(s) : s;
}

/**
 * A credit right after a dateline: "(Reuters)", "(BUSINESS WIRE)", "/PRNewswire/", "--(AP)--".
 * Returns the name's token range and the token index after the closing mark.
 */
function matchAgency(tokens: Tokens, i: number, lineEnd: number): { from: number; to: number; end: number } | undefined {
  let k = i;
  if (DASHES.has(tokenText(tokens, k) ?? '')) k++;
  const open = tokenText(tokens, k);
  if (open !== '(' && open !== '/') return undefined;
  const close = open === '(' ? ')' : '/';
  const from = k + 1;
  let to = from;
  while (to < lineEnd && to - from < 5 && isWord(tokens, to) && isCapitalized(tokens, to)) to++;
  if (to === from || tokenText(tokens, to) !== close) return undefined;
  return { from, to, end: to + 1 };
}

/**
 * A dateline starting at token i, where a line starts or a date header ended:
 * "OSLO, Norway, May 2." · "WASHINGTON (Reuters) -" · "LONDON, March 3 (AP) —" ·
 * "NEW YORK--(BUSINESS WIRE)--" · "SAN FRANCISCO, Calif., Jan. 5, 2024 /PRNewswire/ --" ·
 * "BRUSSELS 1996-08-22" (CoNLL) · "Washington (Reuters) -" (title case needs the credit).
 * Not a dateline: an all-caps headline "SOCCER - JAPAN WIN" (what follows the dash has no lower
 * case), a sentence "NATO, Russia and China agreed" (no date, credit or dash after the place).
 */
function matchDateline(text: string, tokens: Tokens, i: number, lines: Uint8Array,
  headerDate: DateParts | undefined): DatelineMatch | undefined {
  const lineEnd = nextLineToken(tokens, i, lines);
  const lineStart = i;
  // Markdown emphasis around the dateline: "**LONDON, 12 June 2026** –".
  while (i < lineEnd && i - lineStart < 3 && isEmphasisMark(tokenText(tokens, i))) i++;
  const marks = i - lineStart;
  let k = i;
  const caps = isCapsWord(tokens, k);
  if (caps) {
    while (k < lineEnd && k - i < 5 && isCapsWord(tokens, k) && monthOf(tokens, k) === undefined) k++;
  } else if (isCapitalized(tokens, k) && lines[lineStart]) {
    while (k < lineEnd && k - i < 3 && isCapitalized(tokens, k) && monthOf(tokens, k) === undefined) k++;
  }
  if (k === i) return undefined;
  const placeEnd = k;
  let last = k; // token index after the last part of the dateline
  let regions = 0;
  let date: DateParts | undefined;
  let agency: { from: number; to: number; end: number } | undefined;
  // ", Norway" / ", Calif." / ", United Arab Emirates": up to two regions.
  while (regions < 2 && tokenText(tokens, k) === ',' && k + 1 < lineEnd && isCapitalized(tokens, k + 1) &&
    monthOf(tokens, k + 1) === undefined && !WEEKDAYS.has(tokenText(tokens, k + 1).replace(/\.$/, '').toLowerCase())) {
    let r = k + 1;
    while (r < lineEnd && r - k <= 3 && (isCapitalized(tokens, r) || (regions >= 0 && tokenText(tokens, r) === 'of'))) r++;
    k = r;
    last = r;
    regions++;
  }
  // ", May 2, 2026", " May 2", or in brackets: "RIVERTON, Ohio (June 2, 2026) –".
  const bracketed = tokenText(tokens, k) === '(';
  const dateAt = tokenText(tokens, k) === ',' || bracketed ? k + 1 : k;
  date = dateAt < lineEnd ? parseDate(tokens, dateAt) : undefined;
  if (date && bracketed && (date.end >= lineEnd || tokenText(tokens, date.end) !== ')')) date = undefined;
  if (date && date.end <= lineEnd) {
    k = bracketed ? date.end + 1 : date.end;
    last = k;
  } else {
    date = undefined;
  }
  agency = k < lineEnd ? matchAgency(tokens, k, lineEnd) : undefined;
  if (agency) {
    k = agency.end;
    last = k;
  }
  for (let closing = 0; closing < marks && k < lineEnd && isEmphasisMark(tokenText(tokens, k)); closing++) k++;
  let separator = '';
  while (k < lineEnd && (DASHES.has(tokenText(tokens, k)) || tokenText(tokens, k) === ':')) {
    separator ||= tokenText(tokens, k);
    k++;
  }
  // The date between two dashes: "CHICAGO, IL – October 5, 2026 – Acme today…".
  // In Markdown emphasis: "**BOSTON, MA — January 20, 2026** — Acme today…".
  if (!date && DASHES.has(separator) && k < lineEnd) {
    const between = parseDate(tokens, k);
    let after = between ? between.end : lineEnd;
    while (after < lineEnd && after - (between?.end ?? 0) < marks && isEmphasisMark(tokenText(tokens, after))) after++;
    if (between && after < lineEnd && DASHES.has(tokenText(tokens, after))) {
      date = between;
      last = between.end;
      k = after;
      while (k < lineEnd && DASHES.has(tokenText(tokens, k))) k++;
    }
  }
  // Emphasis marks end the span before them: "LONDON, 12 June 2026", not "… 2026** –".
  const spanEnd = separator && DASHES.has(separator) && marks === 0 ? k : last;
  if (!separator && k < lineEnd && tokenText(tokens, k) === '.' && (date || regions > 0)) {
    separator = '.';
    k++;
  }
  const atLineEnd = k >= lineEnd;
  if (caps) {
    if (!date && !agency && !(separator && separator !== '.') && !(regions > 0 && (separator === '.' || atLineEnd))) return undefined;
    // "PRESS DIGEST - Ireland - Aug 29": with only a dash after it, the place must be a known one.
    if (!date && !agency && regions === 0 && !isKnownPlace(text.slice(tokens.starts[i], tokens.ends[placeEnd - 1]))) return undefined;
    if (!separator && !atLineEnd) {
      // "BRUSSELS 1996-08-22" ends its line; "OSLO, May 2 Officials said" runs on without a mark.
      if (!agency && !date) return undefined;
    }
  } else if (!(separator && separator !== '.' && (agency || date)) &&
    !(date && !separator && atLineEnd && isKnownPlace(text.slice(tokens.starts[i], tokens.ends[placeEnd - 1])))) {
    // Title case reads as prose unless a credit or date is followed by a dash: "Washington
    // (Reuters) -", but not "Acme Corp. (ACME) said"; or unless a known place and a date are the
    // whole line: "Brussels, 14 May 2026".
    return undefined;
  }
  if (!atLineEnd) {
    // What follows a dateline is prose; an all-caps rest of line means a headline.
    const restText = text.slice(tokens.starts[k], tokens.ends[lineEnd - 1]);
    if (/[A-Za-z]/.test(restText) && !hasLower(restText)) return undefined;
  }

  const placeSpan = { start: tokens.starts[i], end: tokens.ends[placeEnd - 1] };
  const dateline: Dateline = {
    kind: 'dateline',
    span: { start: tokens.starts[i], end: tokens.ends[spanEnd - 1] },
    place: titleCase(text.slice(placeSpan.start, placeSpan.end)),
  };
  const iso = isoDate(date, headerDate);
  if (iso) dateline.date = iso;
  let credit: Span | undefined;
  if (agency) {
    credit = { start: tokens.starts[agency.from], end: tokens.ends[agency.to - 1] };
    dateline.source = creditName(text.slice(credit.start, credit.end));
  }
  return { dateline, placeSpan, credit, bodyToken: k };
}

/** A Markdown heading's "#" or an emphasis mark at the start of a line. */
function isMarkdownMark(token: string): boolean {
  return token === '#' || isEmphasisMark(token);
}

/** "*" and "_", which wrap Markdown emphasis. */
function isEmphasisMark(token: string): boolean {
  return token === '*' || token === '_' || token === '**' || token === '__';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The dateline's date in ISO form. A dateline without a year ("December 23") takes it from the
 * header date, choosing the year that puts the two dates closest ("December 31" under a
 * 2025-01-02 header is 2024-12-31). No dateline date: the header date itself.
 */
function isoDate(date: DateParts | undefined, header: DateParts | undefined): string | undefined {
  const chosen = date ?? header;
  if (!chosen) return undefined;
  let year = chosen.year;
  if (year === undefined && header?.year !== undefined) {
    const headerDay = header.month * 31 + header.day;
    const day = chosen.month * 31 + chosen.day;
    year = header.year + (day - headerDay > 183 ? -1 : headerDay - day > 183 ? 1 : 0);
  }
  if (year === undefined) return undefined;
  return `${pad(year, 4)}-${pad(chosen.month, 2)}-${pad(chosen.day, 2)}`;
}

const CREDIT_SCAN_TOKENS = 200;

// The credit verbs' lengths ("informs" 7 … "reported" 8) and first letters: a word of another
// length, or starting with another ASCII letter, is no credit verb, and most words are, so most
// are never lower-cased (a string each) to be looked up. That look-up was ~2.5% of analyze() on
// news articles one call each. Length and first letter are read from the token's offsets and the
// text, not from its string: the lead's 200 strings lie scattered in the heap, the offsets side by
// side. This stage on the 300 news articles (min of 15 x 10 passes): by length from the string
// 3.14 ms, from the offsets 2.8 ms; with the first letter too, 3.0-3.2 -> 2.3-2.4 ms.
let creditVerbMin = Infinity, creditVerbMax = 0;
const CREDIT_VERB_FIRST = new Uint8Array(128);
for (const verb of CREDIT_VERBS) {
  creditVerbMin = Math.min(creditVerbMin, verb.length);
  creditVerbMax = Math.max(creditVerbMax, verb.length);
  CREDIT_VERB_FIRST[verb.charCodeAt(0)] = 1;
}

function isCreditVerbAt(text: string, tokens: Tokens, k: number): boolean {
  const start = tokens.starts[k], length = tokens.ends[k] - start;
  if (length < creditVerbMin || length > creditVerbMax || !isWord(tokens, k)) return false;
  // an ASCII letter lower-cased by its 0x20 bit; any other first character is looked up
  const first = text.charCodeAt(start);
  if (first < 128 && CREDIT_VERB_FIRST[first | 0x20] === 0) return false;
  return CREDIT_VERBS.has(tokenText(tokens, k).toLowerCase());
}

/**
 * A news agency credited in a sentence of the lead: "…, said the minister, Acme News reports." →
 * "Acme News". Up to four capitalised words between a comma and a credit verb that ends the
 * sentence or goes on with "citing …". Looks at the first tokens of the body only.
 */
function findSourceCredit(text: string, tokens: Tokens, from: number): { name: string; span: Span } | undefined {
  const limit = Math.min(tokens.length, from + CREDIT_SCAN_TOKENS);
  for (let k = from + 2; k < limit; k++) {
    if (!isCreditVerbAt(text, tokens, k)) continue;
    const after = tokenText(tokens, k + 1); // undefined at the end
    if (after !== undefined && after !== '.' && after !== ',' && !CREDIT_CONTINUATIONS.has(after.toLowerCase())) continue;
    let s = k;
    while (s > from && k - s < 4 && isCapitalized(tokens, s - 1)) s--;
    if (s === k || tokenText(tokens, s - 1) !== ',') continue;
    const span = { start: tokens.starts[s], end: tokens.ends[k - 1] };
    return { name: creditName(text.slice(span.start, span.end)), span };
  }
  return undefined;
}

// Anchored at a line start, alternations of literals only: cannot backtrack.
const END_MARK = /^\s*(?:#\s*#\s*#|-\s*30\s*-|-?\s*ends?\s*-?|-+\s*#+\s*-+)\s*$/i;
const CONTACT_LINE = /^\s*(?:(?:media|press|investor|investors|public|company|news)\s+(?:relations|contacts?|inquiries|enquiries)|contacts?\s*:|for (?:further|more) (?:information|details)\b|(?:to )?learn more\b)/i;
// PR Newswire's closing credit, in capitals: "SOURCE Acme Robotics".
const SOURCE_LINE = /^\s*SOURCE [A-Z]/;
const EDITORS_LINE = /^\s*(?:notes? (?:to|for) editors?|editor'?s note|disclaimer)\b/i;
// "This interview has been edited for length and clarity."
const EDITED_LINE = /^\s*this (?:interview|conversation|transcript|article|story) (?:has been|was) (?:edited|condensed|updated|corrected)\b/i;
// A wire story's staff credit: "(Reporting by Jo Ng; Editing by Al Roe)", "Reporting by Jo Ng in
// Oslo"; not "Reporting by journalists has changed."
const STAFF_CREDIT_LINE = /^\s*(?:\(\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)\s+by\s|(?:Additional\s+)?(?:Reporting|Writing|Editing)\s+by\s+[A-Z])/;
const ABOUT_LINE = /^\s*about\s+\S/i;
const FLS_LINE = /^\s*(?:forward[-\s]looking\s+statements?|safe\s+harbou?r|cautionary\s+(?:note|statement)|(?:this|the)\s+(?:press|news)\s+release\s+(?:contains|includes|may contain)\s+(?:certain\s+)?["“]?forward[-\s]looking)/i;
/**
 * The first two letters (lower-cased) any of the patterns above can start with, as 1 in a table
 * indexed by their ASCII codes: 'ab' for 'About Acme', 'me' for 'Media contact', 'so' for 'SOURCE
 * Acme'. A line starting with '#', '-' or '*' ('###', '-30-', '### About Acme', '**Media
 * contact:**') is always tried.
 */
const BOILERPLATE_PAIRS = new Uint8Array(128 * 128);
for (const pair of ['en', 'me', 'pr', 'in', 'pu', 'co', 'ne', 'fo', 'so', 'no', 'ed', 'di', 'ab', 'sa', 'ca', 'th', 'wr', 'to', 'le']) {
  BOILERPLATE_PAIRS[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] = 1;
}
// A staff credit's first three letters: "Reporting by", "Additional reporting by" (many lines
// start with "Re" or "Ad"); after a bracket its first letter.
BOILERPLATE_PAIRS['r'.charCodeAt(0) * 128 + 'e'.charCodeAt(0)] = 'p'.charCodeAt(0);
BOILERPLATE_PAIRS['a'.charCodeAt(0) * 128 + 'd'.charCodeAt(0)] = 'd'.charCodeAt(0);
const CREDIT_INITIALS = new Set(['R', 'r', 'W', 'w', 'E', 'e', 'C', 'c', 'A', 'a'].map(c => c.charCodeAt(0)));

/** Whether the line starting at `start` may match a boilerplate pattern, from its first characters. */
function mayBeBoilerplate(text: string, start: number): boolean {
  const a = text.charCodeAt(start);
  if (a === 35 /* # */ || a === 45 /* - */ || a === 42 /* * */) return true;
  if (a === 40 /* ( */) return CREDIT_INITIALS.has(text.charCodeAt(start + 1));
  const b = text.charCodeAt(start + 1);
  if (!(a < 128 && b < 128)) return false;
  const pair = BOILERPLATE_PAIRS[(a | 0x20) * 128 + (b | 0x20)];
  return pair === 1 || (pair > 1 && (text.charCodeAt(start + 2) | 0x20) === pair);
}

/**
 * Blocks that are not the story, from their first line: an end mark ("###", "-30-") or an
 * "About Acme" heading runs to the end of the text; a forward-looking-statements heading too;
 * a contact line ("Media Contact:") runs to the end of its paragraph. Only after the lead.
 */
function findBoilerplate(text: string, tokens: Tokens, lines: Uint8Array, bodyToken: number): Span[] {
  const spans: Span[] = [];
  for (let i = bodyToken + 1; i < tokens.length; i++) {
    // A line starts at a token, so never with a space: only lines whose first two characters can
    // begin one of the patterns are cut out and tested. Most lines of a story ('Officials said…')
    // are not.
    if (lines[i] !== MAY_BE_BOILERPLATE) continue;
    const start = tokens.starts[i];
    const lineEnd = nextLineToken(tokens, i, lines);
    let lineText = text.slice(start, Math.min(tokens.ends[lineEnd - 1], start + 200));
    if (END_MARK.test(lineText)) {
      spans.push({ start, end: tokens.ends[tokens.length - 1] });
      break;
    }
    // Markdown: '### About Acme', '**Media contact:**' are the same lines as headings or in bold.
    let first = i;
    while (first < lineEnd - 1 && isMarkdownMark(tokenText(tokens, first))) first++;
    if (first > i) lineText = text.slice(tokens.starts[first], Math.min(tokens.ends[lineEnd - 1], start + 200)).replace(/[*_]+$/, '');
    // A heading is short and ends without a full stop: 'About Acme Corp', not 'About 40 people came.'
    if (((ABOUT_LINE.test(lineText) && isCapitalized(tokens, first + 1)) || FLS_LINE.test(lineText) || EDITORS_LINE.test(lineText)) &&
      lineEnd - i <= 12 && !/[.!?]["”’]?$/.test(lineText)) {
      spans.push({ start, end: tokens.ends[tokens.length - 1] });
      break;
    }
    if (CONTACT_LINE.test(lineText) || SOURCE_LINE.test(lineText) || FLS_LINE.test(lineText) || STAFF_CREDIT_LINE.test(lineText) ||
      EDITED_LINE.test(lineText)) {
      const end = paragraphEnd(text, tokens, i);
      spans.push({ start, end: tokens.ends[end - 1] });
      i = end - 1;
    }
  }
  return spans;
}

/**
 * A transcript's speaker labels: at the start of a line, up to three words in capitals (after a
 * courtesy title: "MS. LEAVITT", "SECRETARY RUBIO") or "Q", then a colon. A line per token at most.
 */
function findSpeakerLabels(tokens: Tokens, lines: Uint8Array): Span[] {
  const labels: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!lines[i]) continue;
    let k = i;
    while (k < tokens.length && k - i < 4 && (isCapsWord(tokens, k) || (k === i && tokenText(tokens, k) === 'Q'))) k++;
    if (k > i && k < tokens.length && tokenText(tokens, k) === ':' && !lines[k]) labels.push({ start: tokens.starts[i], end: tokens.ends[k] });
  }
  return labels;
}

/** Token index after the paragraph holding token i (paragraphs end at a blank line). */
function paragraphEnd(text: string, tokens: Tokens, i: number): number {
  let k = i + 1;
  for (; k < tokens.length; k++) {
    let breaks = 0;
    for (let c = tokens.ends[k - 1]; c < tokens.starts[k]; c++) if (text.charCodeAt(c) === 10) breaks++;
    if (breaks >= 2) break;
  }
  return k;
}
