import type { Entity, EntityType, Quote, Span } from '../model';
import type { Doc, Stage } from '../pipeline';
import { NUMBER, WORD, isPossessive, tokenText, type Tokens } from '../text/tokenize';
import { hasLineBreak, type Segment } from '../text/sentences';
import { ATTRIBUTION_DASHES, CUE_AUDIENCES, CUE_MODIFIERS, NOUN_LIKE_REPORTING_VERBS } from '../lexicon/reportingVerbs';
import { SPEAKER_DETERMINERS, SPEAKER_PRONOUNS } from '../lexicon/pronouns';
import { GENDERED_WORDS, ORGANIZATION_NOUNS, PERSON_ROLE_NOUNS, SPEECH_NOUNS } from '../lexicon/speakerNouns';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../lexicon/givenNameGender';
import { STOPWORDS } from '../lexicon/stopwords';
import { NAME_PARTICLES } from '../lexicon/nameWords';
import { isPersonDemonym } from '../lexicon/places';
import { forgetWordFacts, isReportingWord, phrasalCueLength, prepositionalCueLength } from './quotes';
import { segmentAt, tokenAt, tokenAtFrom } from '../text/search';
import { float64Scratch, int32Scratch } from '../text/scratch';

// Written by hand: textacy's direct_quotations() attributes with a dependency parse we do not
// have, and compromise has no attribution. Token patterns around the cue, nearest first, cover
// news style: '"…," X said', '"…," said X', 'X said: "…"', 'According to X, "…"'.

/** One quote's attribution: token ranges [start, end) for the cue and the speaker phrase. */
interface Attribution {
  /** Absent when the speaker is the subject of the sentence before the quotation, with no cue in it. */
  cue?: [number, number];
  speaker?: [number, number];
  /** Token range of the speaker's head phrase without its prepositional tail ('a spokesman' of 'a spokesman for X'). */
  head?: [number, number];
}

/** Prepositions that attach a speaker to an organization: 'a spokesman for the ministry'. */
const SPEAKER_PREPOSITIONS = new Set(['for', 'of', 'at', 'from', 'with']);

const AFTER_WINDOW = 14;
/** How far back a speaker without a cue next to it is looked for: 'Jane Doe, who …, attacked the plan, saying "…"'. */
const SUBJECT_WINDOW = 60;
/** The longest opening adverbial skipped before a subject, in tokens: 'In a statement on Monday,'. */
const ADVERBIAL_LENGTH = 9;
const BEFORE_WINDOW = 30;
/** A cue this close after the closing mark wins over one before the quote: '"…," he said'. */
const NEAR_AFTER = 6;

function isCapitalised(tokens: Tokens, i: number): boolean {
  if (tokens.kinds[i] !== WORD) return false;
  const c = tokenText(tokens, i)[0];
  return c !== c.toLowerCase();
}

function isLowerWord(tokens: Tokens, i: number): boolean {
  if (tokens.kinds[i] !== WORD) return false;
  const c = tokenText(tokens, i)[0];
  return c === c.toLowerCase() && c !== c.toUpperCase();
}

/** Attributes quotes: the scan over one article. */
class Attributor {
  private readonly text: string;
  private readonly tokens: Tokens;
  /** The first token of the article's body, after its header lines and dateline. */
  private readonly bodyToken: number;
  private readonly sentences: readonly Segment[];
  private readonly paragraphs: readonly Segment[];
  private readonly quotes: readonly Quote[];
  /** The quotes' span offsets as columns, for insideQuote's binary search over every token scanned. */
  private readonly quoteStarts: Int32Array;
  private readonly quoteEnds: Int32Array;

  /** The type of the person or organization mention starting at this offset ('person' first), or undefined. */
  private readonly mentionStartsAt: (offset: number) => EntityType | undefined;

  constructor(doc: Readonly<Doc>, mentionStartsAt: (offset: number) => EntityType | undefined) {
    this.text = doc.text;
    this.tokens = doc.tokens;
    this.bodyToken = tokenAt(doc.tokens, doc.structure.bodyStart);
    this.sentences = doc.sentences;
    this.paragraphs = doc.paragraphs;
    this.quotes = doc.quotes;
    this.mentionStartsAt = mentionStartsAt;
    this.quoteStarts = QUOTE_STARTS.take(doc.quotes.length);
    this.quoteEnds = QUOTE_ENDS.take(doc.quotes.length);
    for (let q = 0; q < doc.quotes.length; q++) {
      this.quoteStarts[q] = doc.quotes[q].span.start;
      this.quoteEnds[q] = doc.quotes[q].span.end;
    }
  }

  /** True when a person or organization mention starts at a token of [start, end): 'Charlotte Mayor Jane Doe'. */
  private holdsName(start: number, end: number): boolean {
    for (let t = start; t < end; t++) if (this.startsName(t)) return true;
    return false;
  }

  /** True when a person or organization mention starts at token t. */
  private startsName(t: number): boolean {
    return this.mentionStartsAt(this.tokens.starts[t]) !== undefined;
  }

  /** True when a person mention starts at token t. */
  private startsPerson(t: number): boolean {
    return this.mentionStartsAt(this.tokens.starts[t]) === 'person';
  }

  /**
   * The name a description's apposition gives, set off by commas from token `from` to the comma
   * at `to`: 'Jane Doe' of 'the group's president, Jane Doe,' and of 'its president for June,
   * Ambassador Jane Doe of Sweden,' (a name, then where she is from). -1 when there is none.
   */
  private appositionEnd(from: number, to: number): number {
    const end = this.nameStartingAt(from, to);
    if (end < 0 || !this.holdsName(from, end)) return -1;
    if (end === to) return end;
    const word = tokenText(this.tokens, end);
    return (word === 'of' || word === 'from') && this.nameStartingAt(end + 1, to) === to ? end : -1;
  }

  /** True when token t lies inside any quotation (binary search over the sorted quotes). */
  private insideQuote(t: number): boolean {
    const offset = this.tokens.starts[t];
    const starts = this.quoteStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && offset < this.quoteEnds[lo - 1];
  }

  private isSentenceStart(t: number): boolean {
    const s = this.sentences[segmentAt(this.sentences, this.tokens.starts[t])];
    return s !== undefined && s.tokenStart === t;
  }

  /** A reporting cue starting at token t: its token range, or undefined. 'told reporters' keeps the audience. */
  private cueAt(t: number, end: number): [number, number] | undefined {
    const tokens = this.tokens;
    const prepositional = prepositionalCueLength(tokens, t, end);
    if (prepositional) return [t, t + prepositional];
    // 'as Jane Doe put it, "…"'
    const phrasal = phrasalCueLength(tokens, t, end);
    if (phrasal) return [t, t + phrasal];
    // ('Said …' at a sentence start: the sentence is looked up, by binary search, only for a
    // word that reports when lower-cased, not for each of the tokens every quote scans)
    if (!(isReportingWord(tokens, t, false) || (isReportingWord(tokens, t, true) && this.isSentenceStart(t)))) {
      // 'The Times reports: "…"', but not 'the report said'
      if (!NOUN_LIKE_REPORTING_VERBS.has(tokenText(tokens, t))) return undefined;
      const next = t + 1 < end ? tokenText(tokens, t + 1) : '';
      if (!(next === ':' || next === ',')) return undefined;
    } else if (t > 0 && GERUND_NOUN_DETERMINERS.has(tokenText(tokens, t - 1).toLowerCase()) && tokenText(tokens, t).endsWith('ing')) {
      // 'Jane Doe had a warning for Congress:': a gerund after a determiner is a noun, no cue
      return undefined;
    }
    // 'the company said' is a cue, 'a said plan' is not worth guarding against; 'he told reporters'
    // keeps the audience so the speaker is not taken from it.
    if (t + 1 < end && /^tel|^tol/i.test(tokenText(tokens, t))) {
      const one = tokenText(tokens, t + 1).toLowerCase();
      const two = t + 2 < end ? `${one} ${tokenText(tokens, t + 2).toLowerCase()}` : '';
      if (CUE_AUDIENCES.has(two)) return [t, t + 3];
      if (CUE_AUDIENCES.has(one)) return [t, t + 2];
    }
    return [t, t + 1];
  }

  /** The capitalised name ending at token t ('Foreign Minister Maria Lopez', 'Mr. Obama'): its start, or -1. */
  private nameEndingAt(t: number, lo: number): number {
    const tokens = this.tokens;
    if (t < lo || !isCapitalised(tokens, t)) return -1;
    let s = t;
    while (s - 1 >= lo) {
      if (isCapitalised(tokens, s - 1) && !this.isSentenceStartCommonWord(s - 1)) s--;
      else if (NAME_PARTICLES.has(tokenText(tokens, s - 1)) && s - 2 >= lo && isCapitalised(tokens, s - 2)) s--;
      else break;
    }
    return s;
  }

  /** 'The' or 'Speaking' at a sentence start is capitalised but no part of a name. */
  private isSentenceStartCommonWord(t: number): boolean {
    const word = tokenText(this.tokens, t).toLowerCase();
    return SPEAKER_DETERMINERS.has(word) || SPEAKER_PRONOUNS.has(word) || CUE_MODIFIERS.has(word) ||
      (this.isSentenceStart(t) && (word.endsWith('ing') || word === 'but' || word === 'and' || word === 'as'));
  }

  /** The capitalised name starting at token t: its end, or -1. */
  private nameStartingAt(t: number, hi: number): number {
    const tokens = this.tokens;
    if (t >= hi || !isCapitalised(tokens, t) || SPEAKER_PRONOUNS.has(tokenText(tokens, t).toLowerCase())) return -1;
    let e = t + 1;
    while (e < hi) {
      if (isCapitalised(tokens, e)) e++;
      else if (NAME_PARTICLES.has(tokenText(tokens, e)) && e + 1 < hi && isCapitalised(tokens, e + 1)) e++;
      else break;
    }
    return e;
  }

  /**
   * The speaker phrase ending at token t (the word before the cue), or undefined:
   * 'he', 'Jane Doe', 'the minister', 'Obama's spokesman', 'police', and with appositions
   * 'Jane Doe, CEO of Acme,' → 'Jane Doe'.
   */
  private phraseEndingAt(t: number, lo: number, allowApposition = true): [number, number] | undefined {
    const tokens = this.tokens;
    while (t >= lo && isLowerWord(tokens, t) && (CUE_MODIFIERS.has(tokenText(tokens, t)) || (tokenText(tokens, t).endsWith('ly') && tokenText(tokens, t).length > 4))) t--;
    if (t < lo) return undefined;
    if (SPEAKER_PRONOUNS.has(tokenText(tokens, t).toLowerCase())) return [t, t + 1];
    if (tokenText(tokens, t) === ')') {
      // 'Rep. Jane Doe (D-Wis.) said': the party label belongs to the name before it
      for (let c = t - 1; c >= Math.max(lo, t - 8); c--) {
        if (tokenText(tokens, c) === '(') return this.phraseEndingAt(c - 1, lo, allowApposition);
      }
      return undefined;
    }
    if (tokenText(tokens, t) === ',' && allowApposition) {
      // 'Jane Doe, CEO of Acme, said' / 'Smith, 45, said': the name sits before the previous comma.
      for (let c = t - 1; c >= Math.max(lo, t - 40); c--) {
        const text = tokenText(tokens, c);
        // 'Mitch McConnell, R-Ky., said' keeps the period of an abbreviation
        if ((text === '.' && tokenText(tokens, c + 1) !== ',') || text === ';' || text === ':' || this.insideQuote(c)) return undefined;
        if (text === ',') {
          const phrase = this.phraseEndingAt(c - 1, lo, false);
          // '"…," Jane Doe, the attorney general of Ohio, one of the states suing, said': an
          // apposition that itself follows a comma right after the quotation names no one new;
          // the speaker is the name the quotation is followed by.
          if (phrase && phrase[0] - 2 > lo && tokenText(tokens, phrase[0] - 1) === ',') {
            const name = this.phraseEndingAt(phrase[0] - 2, lo, false);
            if (name && name[0] === lo) return name;
          }
          // 'the group's president, Jane Doe, said': a description, then the name it stands for;
          // also after a name that is no person ('Commissioner for Environment, Oceans and
          // Fisheries, Jane Doe, added': the portfolio's last word).
          if (phrase) {
            const end = this.appositionEnd(c + 1, t);
            if (end >= 0 && (!this.isProperName(phrase, lo) || (!this.startsPerson(phrase[0]) && this.startsPerson(c + 1)))) return [c + 1, end];
          }
          return phrase;
        }
      }
      return undefined;
    }
    let core: [number, number] | undefined;
    const nameStart = this.nameEndingAt(t, lo);
    if (nameStart >= 0) {
      // 'The Daily Planet reports' keeps its article
      const article = nameStart - 1 >= lo && tokenText(tokens, nameStart - 1).toLowerCase() === 'the';
      core = [article ? nameStart - 1 : nameStart, t + 1];
    } else if (isLowerWord(tokens, t) && !REPORTING_SKIP.has(tokenText(tokens, t))) {
      // 'the minister', 'a senior official', 'Obama's spokesman', bare plurals 'officials'
      for (let s = t; s >= Math.max(lo, t - 5); s--) {
        const word = tokenText(tokens, s).toLowerCase();
        if (SPEAKER_DETERMINERS.has(word)) {
          // 'marching through the streets chanted': a place, not the speaker
          if (s - 1 < lo || !LOCATIVE_PREPOSITIONS.has(tokenText(tokens, s - 1).toLowerCase())) core = [s, t + 1];
          break;
        }
        if (isPossessive(tokens, s) && s - 1 >= lo) {
          const owner = this.nameEndingAt(s - 1, lo);
          core = [owner >= 0 ? owner : s - 1, t + 1];
          break;
        }
        if (tokens.kinds[s] !== WORD || REPORTING_SKIP.has(word) || isReportingWord(tokens, s, false)) break;
      }
      const word = tokenText(tokens, t);
      if (!core && (PERSON_ROLE_NOUNS.has(word) || ORGANIZATION_NOUNS.has(word)) && word.endsWith('s')) core = [t, t + 1];
    }
    if (!core) return undefined;
    // 'a spokesman for the ministry': the preposition joins two phrases into one speaker.
    const prep = core[0] - 1;
    if (prep - 1 >= lo && SPEAKER_PREPOSITIONS.has(tokenText(tokens, prep))) {
      const outer = this.phraseEndingAt(prep - 1, lo, false);
      if (outer && outer[1] === prep && !SPEAKER_PRONOUNS.has(tokenText(tokens, outer[0]).toLowerCase())) return [outer[0], core[1]];
    }
    return core;
  }

  /** The speaker phrase starting at token t (after an inverted cue: 'said Jane Doe, CEO of Acme'). */
  private phraseStartingAt(t: number, hi: number, allowApposition = true): [number, number] | undefined {
    const tokens = this.tokens;
    if (t >= hi) return undefined;
    const word = tokenText(tokens, t).toLowerCase();
    if (SPEAKER_PRONOUNS.has(word)) return [t, t + 1];
    const nameEnd = this.nameStartingAt(t, hi);
    if (nameEnd >= 0) return [t, nameEnd];
    // 'said former Gov. Jane Doe', 'said 9/11 widow Jane Doe': lower-case words before a name
    const isModifier = (m: number) => isLowerWord(tokens, m) || tokens.kinds[m] === NUMBER ||
      (tokenText(tokens, m) === '/' && tokens.kinds[m - 1] === NUMBER && m + 1 < hi && tokens.kinds[m + 1] === NUMBER); // '9/11 widow'
    const isPreposition = (word: string) => LOCATIVE_PREPOSITIONS.has(word) || SPEAKER_PREPOSITIONS.has(word);
    for (let m = t; m < Math.min(hi, t + 5) && isModifier(m) && !COMPLEMENTIZERS.has(tokenText(tokens, m)) && !isPreposition(tokenText(tokens, m)); m++) {
      const end = this.nameStartingAt(m + 1, hi);
      if (end >= 0) return [t, end];
    }
    if (SPEAKER_DETERMINERS.has(word) && !COMPLEMENTIZERS.has(word)) {
      let e = t + 1;
      while (e < hi && e - t <= 5 && tokens.kinds[e] === WORD && !SPEAKER_PREPOSITIONS.has(tokenText(tokens, e)) && !isReportingWord(tokens, e, false)) e++;
      if (e === t + 1) return undefined;
      if (e + 1 < hi && SPEAKER_PREPOSITIONS.has(tokenText(tokens, e))) {
        const tail = this.phraseStartingAt(e + 1, hi, false);
        if (tail) e = tail[1];
      }
      return (allowApposition ? this.appositiveName(e, hi) : undefined) ?? [t, e];
    }
    return undefined;
  }

  /**
   * The name set off by commas right after a description that ends at token e: 'said the group's
   * president, Jane Doe.' / '…, Jane Doe, in a statement': the name, which is the speaker.
   */
  private appositiveName(e: number, hi: number): [number, number] | undefined {
    const tokens = this.tokens;
    if (e + 1 >= hi || tokenText(tokens, e) !== ',') return undefined;
    let close = e + 1;
    while (close < hi && close - e <= 8 && !/^[,.;:!?]$/.test(tokenText(tokens, close))) close++;
    const end = this.appositionEnd(e + 1, close);
    return end < 0 ? undefined : [e + 1, end];
  }

  /** True when the phrase is a capitalised name ('Jane Doe', 'Gov. Jane Doe'), not a description. */
  private isProperName(phrase: [number, number], lo: number): boolean {
    return this.nameEndingAt(phrase[1] - 1, lo) === phrase[0] && this.holdsName(phrase[0], phrase[1]);
  }

  /** The attribution of a cue at token t: speaker before it ('he said') or after it ('said Smith'). */
  private attributeCue(t: number, lo: number, hi: number): Attribution | undefined {
    const cue = this.cueAt(t, hi);
    if (!cue) return undefined;
    const prepositional = prepositionalCueLength(this.tokens, t, hi) > 0;
    if (prepositional) return { cue, speaker: this.phraseStartingAt(cue[1], hi) };
    // 'Trump attacked Clinton, saying, "…"': a participle speaks for the subject of its clause
    const participle = tokenText(this.tokens, t).endsWith('ing');
    const left = this.phraseEndingAt(t - 1, lo, !participle);
    if (left) return { cue, speaker: left };
    if (participle) return { cue, speaker: this.firstSubject(t) };
    return { cue, speaker: this.phraseStartingAt(cue[1], hi) ?? this.firstSubject(t) };
  }

  /**
   * A subject starting at token s, for clauses without a cue: a pronoun ('I'), a name ('President
   * Jane Doe') or a determiner and a role noun within three words ('the band leader', 'The
   * statement'). 'There', 'This' and the like open sentences without naming anyone.
   */
  private subjectAt(s: number, hi: number, sentenceStart: number): [number, number] | undefined {
    const tokens = this.tokens;
    const word = tokenText(tokens, s).toLowerCase();
    if (SPEAKER_PRONOUNS.has(word)) return word === 'it' || word === 'who' || word === 'which' ? undefined : [s, s + 1];
    if (SPEAKER_DETERMINERS.has(word)) {
      // 'one of the woman's quotes' stops at 'of': no function word inside the phrase
      for (let e = s + 1; e < Math.min(hi, s + 4) && isLowerWord(tokens, e) && !STOPWORDS.has(tokenText(tokens, e)); e++) {
        if (PERSON_ROLE_NOUNS.has(tokenText(tokens, e)) || ORGANIZATION_NOUNS.has(tokenText(tokens, e))) return [s, e + 1];
      }
      return undefined;
    }
    if (!isCapitalised(tokens, s) || this.isSentenceStartCommonWord(s)) return undefined;
    // 'Partial transcript as follows:': a sentence's first word is capitalised anyway, so it
    // must start a person or organization the entities stage found
    if (s === sentenceStart && (SENTENCE_START_PREPOSITIONS.has(tokenText(tokens, s)) || STOPWORDS.has(word) || !this.startsName(s))) return undefined;
    const end = this.nameStartingAt(s, hi);
    return end >= 0 ? [s, end] : undefined;
  }

  /**
   * The first pronoun, name or role ('the band leader') of the sentence before token t, outside
   * quotes and outside an opening adverbial: the likely subject when a cue has no speaker next
   * to it. 'Jane Doe attacked the plan, saying "…"' → 'Jane Doe'; 'In a statement, Acme Corp
   * said: "…," adding …' → 'Acme Corp'; 'When my mother asked, I laughed and said, "…"' → 'I'.
   * From token `from` when given (a clause); `strict` (before a colon) gives up at a first phrase
   * naming no one and takes only names the entities stage found.
   */
  private firstSubject(to: number, from?: number, strict = false): [number, number] | undefined {
    const sentence = this.sentences[segmentAt(this.sentences, this.tokens.starts[to])];
    if (!sentence) return undefined;
    let start = Math.max(from ?? sentence.tokenStart, sentence.tokenStart);
    // 'WASHINGTON (Reuters) - The Federal Reserve held…, saying': the dateline is no subject
    if (start < this.bodyToken && this.bodyToken < to) start = this.bodyToken;
    let skipping = false;
    let first = true;
    for (let s = start; s < to; s++) {
      if (this.insideQuote(s)) continue;
      if (skipping) {
        skipping = tokenText(this.tokens, s) !== ',';
        continue;
      }
      const word = tokenText(this.tokens, s).toLowerCase();
      // an adverbial before the subject runs to its comma: 'In a statement,', 'when my mother
      // asked,', 'Speaking alongside John Roe,'; without a comma close by ('At the convention
      // his aides forced a change') its end is unknown
      const opensClause = SUBORDINATORS.has(word) || (s === start && isCapitalised(this.tokens, s) && word.endsWith('ing'));
      if (opensClause || (s === start && SENTENCE_START_PREPOSITIONS.has(tokenText(this.tokens, s)))) {
        // a clause ('when my mother mentioned it to me while driving,') runs longer than a phrase
        // (before a colon the clause runs to it, so any comma closes the opening: 'With leaders
        // worried about a lack of passion for Jane Roe among voters, President John Doe has a message:')
        const reach = strict ? to : Math.min(to, s + (opensClause ? 2 * ADVERBIAL_LENGTH : ADVERBIAL_LENGTH));
        for (let c = s + 1; c < reach; c++) {
          if (tokenText(this.tokens, c) === ',') {
            skipping = true;
            break;
          }
        }
        // 'Though she called it "outrageous"': the word itself names no one
        if (skipping || opensClause) continue;
      }
      if (SPEAKER_PRONOUNS.has(word) && word !== 'it' && word !== 'who' && word !== 'which') return [s, s + 1];
      if (SPEAKER_DETERMINERS.has(word)) {
        const phrase = this.subjectAt(s, to, sentence.tokenStart);
        if (phrase) return this.personNamedAfter(phrase, to);
        // 'The piece used one of the woman's quotes as its headline:' has its subject in first
        // place; a clause opening with a phrase that names no one has no speaker to offer
        if (strict && first) return undefined;
      }
      // Inside the sentence ('On Tuesday's show, …', 'At the Republican convention his aides …')
      // a capitalised word is the subject only where the entities stage found a person or
      // organization; the sentence's first words are a subject unless a comma closes them
      // ('Meanwhile, …'), found or not ('Protesters marching through the streets chanted').
      if (isCapitalised(this.tokens, s) && !this.isSentenceStartCommonWord(s) && !(s === start && SENTENCE_START_PREPOSITIONS.has(tokenText(this.tokens, s)))) {
        const end = this.nameStartingAt(s, to);
        // (before a colon, where no cue vouches for a speaker, only names found: not 'There was one message:')
        if (end >= 0 && (this.holdsName(s, end) || (!strict && s === sentence.tokenStart && tokenText(this.tokens, end) !== ','))) return this.personNamedAfter([s, end], to);
      }
      first = false;
    }
    return undefined;
  }

  /**
   * The person a subject that names no person stands for, when her name follows it between
   * commas: 'Welsh Government Cabinet Secretary for the Economy, Jane Doe MS, welcomed the plan,
   * saying…' → 'Jane Doe MS'; 'The group's president, Jane Doe, …' → 'Jane Doe'; or after a
   * possessive: 'India's Prime Minister Jane Doe' → 'Prime Minister Jane Doe'. Else the subject.
   */
  private personNamedAfter(subject: [number, number], hi: number): [number, number] {
    if (this.startsPerson(subject[0])) return subject;
    const tokens = this.tokens;
    let e = subject[1];
    // 'India's Prime Minister Jane Doe congratulated her, calling…': the person after the possessive
    if (e + 1 < hi && isPossessive(tokens, e)) {
      const end = this.nameStartingAt(e + 1, hi);
      for (let t = e + 1; t < end; t++) if (this.startsPerson(t)) return [e + 1, end];
    }
    // the description's tail: 'for the Economy'
    if (e < hi && SPEAKER_PREPOSITIONS.has(tokenText(tokens, e))) {
      e++;
      while (e < hi && e - subject[1] <= 6 && tokens.kinds[e] === WORD) e++;
    }
    const name = this.appositiveName(e, hi);
    return name && this.startsPerson(name[0]) ? name : subject;
  }

  /**
   * The likely speaker of a quotation a colon introduces without a cue: the author named after a
   * speech noun ('how the site rated this statement by Jane Doe:'), else the subject of the
   * clause the colon closes, a clause starting after a dash, a semicolon or a subordinator:
   * 'Lamenting the turnout, President Jane Doe has a new message: "…"' → 'President Jane Doe';
   * 'Roe, 52, a father of three, had one request: "…"' → 'Roe' (appositions are no clauses);
   * 'She was so upset that I had to change my answer: "…"' → 'I';
   * 'Jane Doe Slams Acme Chief: ‘You Should Resign.’' (a headline) → 'Jane Doe Slams Acme Chief'.
   * Earlier clauses are asked, latest first, when that one has no subject. Looks back at most
   * SUBJECT_WINDOW tokens, so the whole stays linear.
   */
  private clauseSubject(to: number): [number, number] | undefined {
    const sentence = this.sentences[segmentAt(this.sentences, this.tokens.starts[to])];
    if (!sentence) return undefined;
    const lo = Math.max(sentence.tokenStart, to - SUBJECT_WINDOW);
    const starts = [lo];
    let author: [number, number] | undefined;
    for (let t = lo; t < to; t++) {
      if (this.insideQuote(t)) continue;
      if (CLAUSE_BOUNDARIES.has(tokenText(this.tokens, t).toLowerCase())) starts.push(t + 1);
      // 'this statement by Jane Doe:', 'a line from Jane Doe herself:'
      if (SPEECH_AUTHOR_PREPOSITIONS.has(tokenText(this.tokens, t)) && t > lo && SPEECH_NOUNS.has(tokenText(this.tokens, t - 1)) && t + 1 < to) {
        const end = this.nameStartingAt(t + 1, to);
        if (end >= 0) author = [t + 1, end];
      }
    }
    if (author) return author;
    for (let i = starts.length - 1; i >= 0; i--) {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : to;
      if (end <= starts[i]) continue;
      const subject = this.firstSubject(end, starts[i], true);
      if (subject) return subject;
    }
    return undefined;
  }

  /** A quotation introduced by a colon without a cue: the colon and the subject before it. */
  private colonAttribution(colon: number): Attribution | undefined {
    const speaker = this.clauseSubject(colon);
    return speaker && { cue: [colon, colon + 1], speaker };
  }

  /**
   * 'Many have said so, including the former candidate Jane Doe -- "It is disqualifying" -- and
   * John Roe': a quotation set off by a dash right after a person or organization's name is
   * theirs, whatever cue the sentence has further back.
   */
  private dashBefore(open: number, lo: number): Attribution | undefined {
    const dash = open - 1;
    if (dash - 1 < lo || !PARENTHETICAL_DASHES.has(tokenText(this.tokens, dash))) return undefined;
    const start = this.nameEndingAt(dash - 1, lo);
    return start >= 0 && this.startsName(start) ? { cue: [dash, dash + 1], speaker: [start, dash] } : undefined;
  }

  /** '"…" ― Jane Doe': an epigraph dash and a name closing the sentence. */
  private dashAttribution(after: number, hi: number): Attribution | undefined {
    if (after >= hi || !ATTRIBUTION_DASHES.has(tokenText(this.tokens, after))) return undefined;
    const name = this.nameStartingAt(after + 1, hi);
    if (name < 0 || (name < hi && !/^[.,;]$/.test(tokenText(this.tokens, name)))) return undefined;
    return { cue: [after, after + 1], speaker: [after + 1, name] };
  }

  /**
   * A testimonial's credit on the line under the quotation, which stands on its own line: '"We cut
   * the time by half."\n— Jo Ng, VP of Marketing, Acme' (a blank line between them too), also in
   * a Markdown block quote ('> "…"\n> — Jo Ng'). Not a reporter's sign-off under a paragraph that
   * ends in a quotation.
   */
  private dashLineAttribution(open: number, after: number, nextStart: number): Attribution | undefined {
    const { tokens } = this;
    if (after <= 0 || after >= nextStart) return undefined;
    let start = open; // the quotation's line starts here, but for block-quote marks
    while (start > 0 && tokenText(tokens, start - 1) === '>') start--;
    if (start > 0 && hasLineBreak(this.text, tokens.ends[start - 1], tokens.starts[start]) === 0) return undefined;
    let dash = after;
    while (dash < nextStart && dash - after < 4 && tokenText(tokens, dash) === '>') dash++;
    if (dash >= nextStart || !ATTRIBUTION_DASHES.has(tokenText(tokens, dash))) return undefined;
    const breaks = hasLineBreak(this.text, tokens.ends[after - 1], tokens.starts[dash]);
    if (breaks < 1 || breaks > 3) return undefined;
    const line = this.sentences[segmentAt(this.sentences, tokens.starts[dash])];
    if (!line || line.tokenStart > dash) return undefined;
    for (let t = line.tokenStart; t < dash; t++) if (tokenText(tokens, t) !== '>') return undefined;
    return this.dashAttribution(dash, Math.min(line.tokenEnd, nextStart));
  }

  /** The first cue in tokens [from, to) reading forward, skipping quoted tokens. */
  private cueForward(from: number, to: number, lo: number, hi: number): Attribution | undefined {
    for (let t = from; t < to; t++) {
      if (this.insideQuote(t)) continue;
      const found = this.attributeCue(t, lo, hi);
      if (found) return found;
    }
    return undefined;
  }

  /** The nearest cue in tokens [from, to) reading backward, skipping quoted tokens. */
  private cueBackward(from: number, to: number, lo: number, hi: number): Attribution | undefined {
    for (let t = to - 1; t >= from; t--) {
      if (this.insideQuote(t)) continue;
      const found = this.attributeCue(t, lo, hi);
      if (found) return found;
    }
    return undefined;
  }

  /** The cue and speaker of the sentence holding tokens [from, to), outside its quotes. */
  private cueInSentence(s: Segment | undefined): Attribution | undefined {
    if (!s) return undefined;
    const found = this.cueBackward(s.tokenStart, s.tokenEnd, s.tokenStart, s.tokenEnd);
    return found?.speaker ? found : undefined;
  }

  /**
   * Each quote's attribution, in order. Quotes without a cue of their own take one from the
   * sentence before, a paragraph ending in a colon ('Smith continued:'), or the quote before them
   * in the same or the previous paragraph ('"A," he said. "B."' → both his).
   */
  attributeAll(): (Attribution | undefined)[] {
    const { tokens, sentences, quotes } = this;
    const result: (Attribution | undefined)[] = [];
    // Each quotation's token indices are searched once, galloping from the one before (quotes
    // are sorted): its opening serves as the previous one's next start, its end as the next
    // one's previous end.
    let nextOpen = quotes.length > 0 ? tokenAt(tokens, quotes[0].span.start) : 0;
    let prevAfter = 0;
    for (let k = 0; k < quotes.length; k++) {
      const quote = quotes[k];
      const open = nextOpen;
      const after = tokenAtFrom(tokens, quote.span.end, open);
      const firstSentence = sentences[segmentAt(sentences, quote.span.start)];
      const lastSentence = sentences[segmentAt(sentences, quote.span.end - 1)];
      const prevEnd = k > 0 ? prevAfter : 0;
      if (k + 1 < quotes.length) nextOpen = tokenAtFrom(tokens, quotes[k + 1].span.start, after);
      const nextStart = k + 1 < quotes.length ? nextOpen : tokens.length;
      prevAfter = after;
      const afterHi = Math.min(lastSentence?.tokenEnd ?? tokens.length, nextStart);
      const beforeLo = Math.max(firstSentence?.tokenStart ?? 0, prevEnd, open - BEFORE_WINDOW);

      let found = this.dashAttribution(after, afterHi) ?? this.dashLineAttribution(open, after, nextStart);
      const near = found ? undefined : this.cueForward(after, Math.min(afterHi, after + NEAR_AFTER), after, afterHi);
      // 'McCaskill scolded him: "…," she said': a colon hands the quotation to the clause before
      // it, unless a name follows the quotation: 'The statement referenced the impact it said
      // Clinton would have: "…," the union wrote.'
      // ('In a statement, Acme said: "…," adding …': the participle's subject is the one before the colon, named before)
      const namedAfter = near?.speaker !== undefined && near.speaker[0] >= after && !SPEAKER_PRONOUNS.has(tokenText(tokens, near.speaker[0]).toLowerCase());
      if (!found && !namedAfter && open > 0 && tokenText(tokens, open - 1) === ':') {
        const colon = this.cueBackward(beforeLo, open, beforeLo, open);
        if (colon?.speaker) found = colon;
      }
      if (!found && near?.speaker) found = near;
      if (!found) found = this.dashBefore(open, beforeLo);
      found ??= this.attributionAfter(after, afterHi, lastSentence, nextStart);
      found ??= this.cueBackward(beforeLo, open, beforeLo, open);
      if (found && !found.speaker) found = undefined;
      found ??= this.cueForward(after, Math.min(afterHi, after + AFTER_WINDOW), after, afterHi);
      if (found && !found.speaker) found = undefined;

      // (a colon ending the paragraph before is handled with that paragraph's cue, in contextAttribution)
      if (!found && open > 0 && tokenText(tokens, open - 1) === ':' && tokens.starts[open - 1] >= (firstSentence?.start ?? 0)) found = this.colonAttribution(open - 1);
      if (!found) found = this.contextAttribution(k, open, result);
      result.push(found);
    }
    return result;
  }

  /**
   * An attribution that starts right after the quotation but lies beyond the near window:
   * '"…," Leonard Burman, director of the Tax Policy Center and a professor at Syracuse
   * University, said.' (a long apposition), or in the next sentence because a question or
   * exclamation closed the quotation: '"Why not?" Vitter demanded.' Only accepted when the
   * speaker or the cue is the very first word after the quotation.
   */
  private attributionAfter(after: number, afterHi: number, lastSentence: Segment | undefined, nextStart: number): Attribution | undefined {
    const { tokens, sentences } = this;
    if (after >= tokens.length || after >= nextStart) return undefined;
    let hi = afterHi;
    if (lastSentence && after >= lastSentence.tokenEnd) {
      const next = sentences[segmentAt(sentences, tokens.starts[after])];
      const paragraph = this.paragraphs[segmentAt(this.paragraphs, tokens.starts[after - 1])];
      if (!next || next.tokenStart !== after || !paragraph || after >= paragraph.tokenEnd) return undefined;
      hi = Math.min(next.tokenEnd, nextStart, after + NEAR_AFTER);
    }
    if (!isCapitalised(tokens, after) && !isReportingWord(tokens, after, false) && !SPEAKER_PRONOUNS.has(tokenText(tokens, after).toLowerCase())) return undefined;
    const found = this.cueForward(after, hi, after, hi);
    return found?.speaker && (found.speaker[0] === after || found.cue?.[0] === after) ? found : undefined;
  }

  private contextAttribution(k: number, open: number, earlier: readonly (Attribution | undefined)[]): Attribution | undefined {
    const { tokens, sentences, paragraphs, quotes } = this;
    const quote = quotes[k];
    const si = segmentAt(sentences, quote.span.start);
    const pi = segmentAt(paragraphs, quote.span.start);
    const paragraph = paragraphs[pi];
    const sentence = sentences[si];
    const startsSentence = sentence !== undefined && sentence.tokenStart === open;
    const previous = k > 0 ? quotes[k - 1] : undefined;
    const previousParagraph = previous ? segmentAt(paragraphs, previous.span.start) : -1;
    // '"A," Smith said at the gala, where Jones also spoke. "B."': the attribution between the
    // two quotations goes on; a cue in the sentence before is only a side remark.
    const prior = k > 0 ? earlier[k - 1] : undefined;
    if (prior?.cue && previous && previousParagraph === pi && tokens.starts[prior.cue[0]] >= previous.span.end) return prior;
    // the sentence before, in the same paragraph: 'Smith spoke on Monday. "We won."'
    if (startsSentence && si > 0 && paragraph && sentences[si - 1].start >= paragraph.start) {
      const found = this.cueInSentence(sentences[si - 1]);
      if (found) return found;
    }
    if (previous && previousParagraph === pi && earlier[k - 1]) return earlier[k - 1];
    // 'Jane Doe identified young voters as the key. "They are tired of it."': no cue, but the
    // quotation bears out what the sentence before says its subject did
    if (startsSentence && si > 0 && paragraph && sentences[si - 1].start >= paragraph.start) {
      const before = sentences[si - 1];
      const subject = before.tokenEnd > before.tokenStart ? this.firstSubject(before.tokenEnd - 1) : undefined;
      if (subject) return { speaker: subject };
    }
    // 'Smith continued:' ending the paragraph before
    if (paragraph && paragraph.tokenStart === open && pi > 0) {
      const before = paragraphs[pi - 1];
      if (tokenText(tokens, before.tokenEnd - 1) === ':' || tokenText(tokens, before.tokenEnd - 1) === ',') {
        const found = this.cueInSentence(sentences[segmentAt(sentences, tokens.starts[before.tokenEnd - 1])]) ??
          (tokenText(tokens, before.tokenEnd - 1) === ':' ? this.colonAttribution(before.tokenEnd - 1) : undefined);
        if (found) return found;
      }
      if (previous && previousParagraph === pi - 1 && earlier[k - 1]) return earlier[k - 1];
    }
    // the sentence after, in the same paragraph: '"We won." That was how Smith put it.'
    const nextSentenceIndex = segmentAt(sentences, quote.span.end - 1) + 1;
    if ( nextSentenceIndex < sentences.length && paragraph && sentences[nextSentenceIndex].end <= paragraph.end) {
      return this.cueInSentence(sentences[nextSentenceIndex]);
    }
    return undefined;
  }
}

/** Prepositions whose object is never the speaker: 'in the room said'. */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'on', 'into', 'through', 'across', 'near', 'outside', 'inside', 'around', 'during', 'after', 'before', 'to', 'over', 'under', 'behind', 'along', 'toward', 'towards', 'about', 'against']);

/** Words opening an adverbial clause before the subject: 'When my mother asked, I said, "…"'. */
const SUBORDINATORS = new Set(['when', 'while', 'whenever', 'if', 'because', 'although', 'though', 'since', 'once', 'after', 'before', 'until', 'unless', 'whereas']);

/**
 * Tokens that end a clause before a colon, so the subject is looked for after them: 'WASHINGTON —
 * Jane Doe had a warning:', 'so upset that I had to answer:'. Commas are not among them: they
 * set off appositions ('Roe, 52, a father of three, had one request:').
 */
const CLAUSE_BOUNDARIES = new Set([';', '(', ')', '—', '–', '--', 'that', 'because', 'so', 'when', 'while', 'since', 'until', 'if', 'although', 'though', 'where']);

/** Determiners that make the gerund after them a noun: 'a warning', 'his saying'. ('her' is left out: 'heard her saying'.) */
const GERUND_NOUN_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'his', 'its', 'their', 'our', 'my', 'your', 'one', 'no', 'any', 'every', 'each']);

/** Dashes that set off a quotation inside a sentence: 'Jane Doe -- "…" -- and John Roe'. */
const PARENTHETICAL_DASHES = new Set(['--', '—', '–']);

/** 'a statement by Jane Doe', 'this tweet from the mayor'. */
const SPEECH_AUTHOR_PREPOSITIONS = new Set(['by', 'from']);

/** Words that follow a verb without naming anyone: 'said that …'. */
const COMPLEMENTIZERS = new Set(['that', 'this', 'these', 'those', 'whether', 'how', 'what', 'why']);
/** Capitalised sentence openers that start an adverbial, not a subject: 'In a statement, …'. */
const SENTENCE_START_PREPOSITIONS = new Set(['In', 'On', 'At', 'After', 'Before', 'During', 'When', 'While', 'As', 'For', 'With', 'From', 'Asked', 'Speaking', 'Later', 'Earlier', 'Then', 'But', 'And', 'Still', 'Yet', 'Also']);

/** Lower-case words that end a speaker search: 'the plan was "x," officials said' must not take 'was'. */
const REPORTING_SKIP = new Set(['that', 'which', 'who', 'and', 'or', 'but', 'because', 'if', 'when', 'as', 'than', 'so', 'to']);

type Gender = 'male' | 'female';

/** Given name → gender, built once at module load from the generated lists. */
const GIVEN_NAME_GENDER: ReadonlyMap<string, Gender> = (() => {
  const map = new Map<string, Gender>();
  for (const line of MALE_GIVEN_NAMES) for (const name of line.split(' ')) map.set(name, 'male');
  for (const line of FEMALE_GIVEN_NAMES) for (const name of line.split(' ')) map.set(name, 'female');
  return map;
})();

/** Latin letters as the title words are written: ASCII and Latin-1 to Latin Extended-B. */
function isTitleLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * The word right before a mention at `start`, without a period, looking back at most 16
 * characters: 'Mr. Lee' → 'Mr'; undefined unless spaces separate it from the mention. Scanned
 * backwards by hand: a regular expression anchored at the end would retry from every position.
 */
function wordBefore(text: string, start: number): string | undefined {
  const lo = Math.max(0, start - 16);
  let j = start;
  while (j > lo) {
    const c = text.charCodeAt(j - 1);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
    j--;
  }
  if (j === start) return undefined;
  if (j > lo && text.charCodeAt(j - 1) === 46 /* . */) j--;
  let k = j;
  while (k > lo && isTitleLetter(text.charCodeAt(k - 1))) k--;
  return k < j ? text.slice(k, j) : undefined;
}

/** The ASCII letters a mention starts with: 'Chairwoman Berg' → 'Chairwoman'; undefined if none. */
function leadingAsciiWord(text: string, start: number, end: number): string | undefined {
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    k++;
  }
  return k > start ? text.slice(start, k) : undefined;
}

/**
 * A person's gender as the text and the given-name lists tell it, or undefined when unknown or
 * contradictory. A courtesy title or gendered title next to any mention ('Mr. Lee', 'Chairwoman
 * Berg') or in the role ('spokeswoman for the ministry') outweighs the given name ('Ms. Jordan
 * Roe'), which is read only from a name of two words or more: a lone 'Graham' or 'Kelly' is more
 * often a surname.
 */
function personGender(entity: Entity, text: string): Gender | undefined {
  let male = false;
  let female = false;
  const vote = (word: string | undefined) => {
    const g = word === undefined ? undefined : GENDERED_WORDS.get(word.toLowerCase());
    if (g === 'male') male = true;
    else if (g === 'female') female = true;
  };
  for (const m of entity.mentions) {
    vote(wordBefore(text, m.start));
    vote(leadingAsciiWord(text, m.start, m.end));
    // both genders seen: no later vote changes the answer ('Mr. Clinton' and 'Mrs. Clinton' in
    // one cluster), and a much-named entity is not read to its last mention
    if (male && female) return undefined;
  }
  if (entity.role) for (const word of entity.role.split(/[^A-Za-z]+/)) vote(word);
  if (male !== female) return male ? 'male' : 'female';
  if (male && female) return undefined;
  const words = entity.name.split(/\s+/);
  return words.length >= 2 ? GIVEN_NAME_GENDER.get(words[0].toLowerCase()) : undefined;
}

/** How many mentions a pronoun or title looks back over: keeps resolution linear. */
const LOOK_BACK = 200;

/**
 * The person and organization mentions of `entities` in columns, and their indices sorted by
 * start, then end, then entity order (what a stable sort of mention objects gives). 150,000
 * mentions on 5 MB of news: objects sorted by a comparator were a third of the stage; here each
 * mention is one number (start, length and index packed) sorted natively, when they fit in a
 * double's 53 bits (always, short of texts of tens of millions of characters), else the indices
 * sorted by comparator.
 */
export function mentionOrder(entities: readonly Entity[]): { starts: Int32Array; ends: Int32Array; entityOf: Int32Array; sorted: Int32Array } {
  let total = 0;
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e];
    if (entity.type === 'person' || entity.type === 'organization') total += entity.mentions.length;
  }
  const starts = MENTION_STARTS.take(total), ends = MENTION_ENDS.take(total), entityOf = MENTION_ENTITIES.take(total);
  let n = 0;
  let maxStart = 0;
  let maxLength = 0;
  let spans = true;
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e];
    if (entity.type !== 'person' && entity.type !== 'organization') continue;
    const mentions = entity.mentions;
    for (let k = 0; k < mentions.length; k++) {
      const start = mentions[k].start, end = mentions[k].end;
      starts[n] = start;
      ends[n] = end;
      entityOf[n] = e;
      if (start > maxStart) maxStart = start;
      if (end - start > maxLength) maxLength = end - start;
      if (start < 0 || end < start) spans = false;
      n++;
    }
  }
  const sorted = MENTION_ORDER.take(total);
  const indexBits = bitsFor(total);
  const lengthBits = bitsFor(maxLength + 1);
  if (spans && bitsFor(maxStart + 1) + lengthBits + indexBits <= 52) {
    const keys = MENTION_KEYS.take(total);
    const lengthScale = 2 ** indexBits, startScale = 2 ** (indexBits + lengthBits);
    for (let i = 0; i < total; i++) keys[i] = starts[i] * startScale + (ends[i] - starts[i]) * lengthScale + i;
    keys.sort();
    for (let i = 0; i < total; i++) sorted[i] = keys[i] % lengthScale;
  } else {
    const indices = Array.from({ length: total }, (_, i) => i);
    indices.sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b] || a - b);
    sorted.set(indices);
  }
  return { starts, ends, entityOf, sorted };
}

// Reused by the next call (see text/scratch.ts): mentionOrder's are dead once the resolver is
// built, the resolver's once attributeQuotes returns.
const MENTION_STARTS = int32Scratch(), MENTION_ENDS = int32Scratch(), MENTION_ENTITIES = int32Scratch();
const MENTION_ORDER = int32Scratch(), MENTION_KEYS = float64Scratch();
const RESOLVER_STARTS = int32Scratch(), RESOLVER_ENDS = int32Scratch();
// The Attributor's, dead once attributeQuotes returns.
const QUOTE_STARTS = int32Scratch(), QUOTE_ENDS = int32Scratch();

/** How many bits hold the numbers 0 … n - 1 (at least 1). */
function bitsFor(n: number): number {
  let bits = 1;
  while (2 ** bits < n) bits++;
  return bits;
}

/** Resolves speaker phrases to entities: overlapping mentions, names, pronouns and role nouns. */
class SpeakerResolver {
  /**
   * Person and organization mentions outside quotes, sorted by start then end (ties in entity
   * order), as columns: offsets and each one's entity.
   */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly owners: Entity[];
  private readonly count: number;
  /**
   * Entities by lower-cased name and alias, the first entity holding a name winning; built on
   * the first speaker phrase that needs it ('"…," the Acme chief said' rarely does).
   */
  private byName: Map<string, Entity> | undefined;
  /**
   * Each person's gender, computed when a pronoun or title first asks: a long text has tens of
   * thousands of people, and only those before a 'she said' are ever looked at.
   */
  private readonly genders = new Map<Entity, Gender | 'unknown'>();

  constructor(private readonly entities: readonly Entity[], quotes: readonly Quote[], private readonly text: string, private readonly paragraphs: readonly Segment[]) {
    const order = mentionOrder(entities);
    const { starts, ends, entityOf, sorted } = order;
    // Drop mentions inside quotations: the speaker is rarely named in their own words. Linear merge.
    this.starts = RESOLVER_STARTS.take(sorted.length);
    this.ends = RESOLVER_ENDS.take(sorted.length);
    this.owners = [];
    let q = 0;
    let n = 0;
    for (let k = 0; k < sorted.length; k++) {
      const m = sorted[k];
      const start = starts[m], end = ends[m];
      while (q < quotes.length && quotes[q].span.end <= start) q++;
      if (q < quotes.length && quotes[q].span.start <= start && end <= quotes[q].span.end) continue;
      this.starts[n] = start;
      this.ends[n] = end;
      this.owners.push(entities[entityOf[m]]);
      n++;
    }
    this.count = n;
  }

  private genderOf(entity: Entity): Gender | undefined {
    if (entity.type !== 'person') return undefined;
    // one lookup per call: latestPerson asks for each of up to LOOK_BACK mentions
    let gender = this.genders.get(entity);
    if (gender === undefined) {
      gender = personGender(entity, this.text) ?? 'unknown';
      this.genders.set(entity, gender);
    }
    return gender === 'unknown' ? undefined : gender;
  }

  private entityNamed(lowerCaseName: string): Entity | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const entity of this.entities) {
        if (entity.type !== 'person' && entity.type !== 'organization') continue;
        const key = entity.name.toLowerCase();
        if (!this.byName.has(key)) this.byName.set(key, entity);
        for (const alias of entity.aliases) {
          const aliasKey = alias.toLowerCase();
          if (!this.byName.has(aliasKey)) this.byName.set(aliasKey, entity);
        }
      }
    }
    return this.byName.get(lowerCaseName);
  }

  /** Index of the first mention starting at or after `offset`. */
  private firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.count;
    const starts = this.starts;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The type of a person or organization mention outside quotations starting at `offset` ('person' if any is one). */
  mentionStartsAt(offset: number): EntityType | undefined {
    let type: EntityType | undefined;
    for (let i = this.firstFrom(offset); i < this.count && this.starts[i] === offset && type !== 'person'; i++) type = this.owners[i].type;
    return type;
  }

  /** The entity of the latest mention ending before `anchor` that `accept` takes. */
  private latestBefore(anchor: number, accept: (entity: Entity) => boolean): Entity | undefined {
    for (let i = this.firstFrom(anchor) - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
      if (this.ends[i] <= anchor && accept(this.owners[i])) return this.owners[i];
    }
    return undefined;
  }

  /**
   * The person 'he' or 'she' (or 'the spokeswoman') most likely names: the latest person not
   * known to be of the other gender, unless a person known to be of this gender, mentioned at
   * least as often in the article, comes earlier in the same paragraph as that one.
   * 'Anna Berg met Robin Smith. "…," she said.' → Berg (Robin is either), but
   * 'Anna Berg spoke.\n\nRobin Smith arrived. "…," she said.' → Smith. The mention count keeps
   * the article's protagonist, whose name the lists may not know: 'Speaking alongside Foreign
   * Minister John Roe, Adebayo stressed…  "…," he said.' → Adebayo, named all along.
   */
  private latestPerson(anchor: number, gender: Gender): Entity | undefined {
    let fallback: Entity | undefined;
    let windowStart = 0;
    for (let i = this.firstFrom(anchor) - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
      const entity = this.owners[i];
      if (this.ends[i] > anchor || entity.type !== 'person') continue;
      if (fallback && this.starts[i] < windowStart) break;
      const known = this.genderOf(entity);
      if (known === gender && (!fallback || entity.mentions.length >= fallback.mentions.length)) return entity;
      if (known === undefined && !fallback) {
        fallback = entity;
        windowStart = this.paragraphs[segmentAt(this.paragraphs, this.starts[i])]?.start ?? 0;
      }
    }
    return fallback;
  }

  resolve(speaker: Span, anchor: number): string | undefined {
    // a mention inside the speaker phrase; a person wins over its organization ('Smith of Acme')
    let found: Entity | undefined;
    for (let i = this.firstFrom(speaker.start); i < this.count && this.starts[i] < speaker.end; i++) {
      const entity = this.owners[i];
      if (!found || (found.type !== 'person' && entity.type === 'person')) found = entity;
    }
    if (found) return found.id;
    const phrase = this.text.slice(speaker.start, speaker.end);
    const byName = this.entityNamed(phrase.toLowerCase());
    if (byName) return byName.id;
    const lower = phrase.toLowerCase();
    const pronoun = SPEAKER_PRONOUNS.get(lower);
    if (pronoun === 'male' || pronoun === 'female') return this.latestPerson(anchor, pronoun)?.id;
    if (pronoun === 'person') return this.latestBefore(anchor, e => e.type === 'person')?.id;
    if (pronoun === 'thing' || pronoun === 'group') {
      return this.latestBefore(anchor, e => e.type === 'organization')?.id;
    }
    // 'the Pole said', 'the 22-year-old said': a person named by nation or age, the latest one
    const words = lower.split(/\s+/);
    if (words.length === 2 && words[0] === 'the' && (isPersonDemonym(words[1]) || /^\d{1,3}-year-old$/.test(words[1]))) {
      return this.latestBefore(anchor, e => e.type === 'person')?.id;
    }
    // the head phrase, without its prepositional tail: 'the minister' of 'the minister for health'
    const head = phrase.split(/\s+(?:for|of|at|from|with)\s+/)[0];
    const headWord = head.toLowerCase().split(/\s+/).pop() ?? '';
    // 'a company spokesman said': the company, as 'the company said'
    if (SPOKES_NOUNS.has(headWord) && /\b(?:company|firm)\b/.test(head.toLowerCase())) return this.mainOrganizationBefore(anchor)?.id;
    if (PERSON_ROLE_NOUNS.has(headWord) && !headWord.endsWith('s')) {
      // 'the minister said' → the person whose role names a minister, else the latest person;
      // 'the spokeswoman said' skips men
      const gender = GENDERED_WORDS.get(headWord);
      const fits = (e: Entity) => e.type === 'person' && (gender === undefined || this.genderOf(e) !== (gender === 'male' ? 'female' : 'male'));
      const role = officePattern(headWord);
      const withRole = this.latestBefore(anchor, e => fits(e) && e.role !== undefined && role.test(e.role));
      if (withRole) return withRole.id;
      const guess = (gender ? this.latestPerson(anchor, gender) : this.latestBefore(anchor, fits));
      // 'the group's president said' after 'Prime Minister Jane Doe' or after 'Jane Doe, the
      // group's regional director': an office names one person, and the article gave her
      // another role; no speaker is better than the wrong one.
      if (guess?.role !== undefined && OFFICES.has(headWord)) return undefined;
      return guess?.id;
    }
    if (headWord === 'company' || headWord === 'firm') return this.mainOrganizationBefore(anchor)?.id;
    if (ORGANIZATION_NOUNS.has(headWord)) return this.latestBefore(anchor, e => e.type === 'organization')?.id;
    return undefined;
  }

  /**
   * 'the company said': the organization named most often in the article among those named
   * lately, the latest on a tie. A press release names its company throughout, and 'the company'
   * is that one even right after a donation to a food bank.
   */
  private mainOrganizationBefore(anchor: number): Entity | undefined {
    let best: Entity | undefined;
    for (let i = this.firstFrom(anchor) - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
      const entity = this.owners[i];
      if (this.ends[i] > anchor || entity.type !== 'organization') continue;
      if (!best || entity.mentions.length > best.mentions.length) best = entity;
    }
    return best;
  }
}

/**
 * Role nouns that name one office: a person the article gave another role is not 'the president'
 * ('Prime Minister Jane Doe', 'Jane Doe, the group's regional director'). Broader roles
 * ('official', 'executive', 'leader') describe people of many offices and are left out.
 */
const OFFICES: ReadonlySet<string> = new Set([
  'minister', 'president', 'vice-president', 'premier', 'prime', 'chancellor', 'secretary', 'governor', 'mayor',
  'senator', 'congressman', 'congresswoman', 'chairman', 'chairwoman', 'chair', 'chairperson', 'ceo', 'ambassador',
  'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'judge', 'coach', 'commissioner', 'prosecutor',
  'spokesman', 'spokeswoman', 'spokesperson',
]);

/** The words a role holding this office may use: 'ceo' is also 'chief executive'. */
function officePattern(headWord: string): RegExp {
  const words = OFFICE_SYNONYMS.get(headWord) ?? headWord;
  return new RegExp(`\\b(?:${words})\\b`, 'i');
}

const SPOKES_NOUNS: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'official']);

const OFFICE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['ceo', 'ceo|chief executive'],
  ['chairman', 'chair|chairman|chairwoman|chairperson'],
  ['chairwoman', 'chair|chairman|chairwoman|chairperson'],
  ['chair', 'chair|chairman|chairwoman|chairperson'],
  ['chairperson', 'chair|chairman|chairwoman|chairperson'],
  ['spokesman', 'spokesman|spokeswoman|spokesperson'],
  ['spokeswoman', 'spokesman|spokeswoman|spokesperson'],
  ['spokesperson', 'spokesman|spokeswoman|spokesperson'],
  ['congressman', 'congressman|congresswoman|representative|rep'],
  ['congresswoman', 'congressman|congresswoman|representative|rep'],
  ['senator', 'senator|sen'],
]);

/**
 * A copy of a quote from the quotes stage, fields in the same order as `{ ...quote }`. Written
 * out for the fields that stage sets (kind, span, content, partial): a spread of these objects,
 * then properties added to it, took a slow generic path per quote. Any other field falls back
 * to the spread.
 */
function copyQuote(quote: Quote): Quote {
  const known = quote.partial === undefined ? 3 : 4;
  if (Object.keys(quote).length !== known) return { ...quote };
  const copy: Quote = { kind: quote.kind, span: quote.span, content: quote.content };
  if (quote.partial !== undefined) copy.partial = quote.partial;
  return copy;
}

/** Fills each quote's cue, speaker mention and speaker entity. Quotes come back as new objects. */
export function attributeQuotes(doc: Readonly<Doc>): Quote[] {
  const resolver = new SpeakerResolver(doc.entities, doc.quotes, doc.text, doc.paragraphs);
  const attributions = new Attributor(doc, offset => resolver.mentionStartsAt(offset)).attributeAll();
  const tokens = doc.tokens;
  return doc.quotes.map((quote, k) => {
    const a = attributions[k];
    if (!a) return quote;
    const result = copyQuote(quote);
    if (a.cue) result.cue = { start: tokens.starts[a.cue[0]], end: tokens.ends[a.cue[1] - 1] };
    if (a.speaker) {
      const speakerMention = { start: tokens.starts[a.speaker[0]], end: tokens.ends[a.speaker[1] - 1] };
      result.speakerMention = speakerMention;
      const id = resolver.resolve(speakerMention, Math.min(quote.span.start, speakerMention.start));
      if (id) result.speakerId = id;
    }
    return result;
  });
}

/** Each quote's cue, speaker mention and speaker entity. */
export const speakersStage: Stage = {
  name: 'speakers',
  requires: ['tokens', 'sentences', 'structure', 'quotes', 'entities'],
  provides: ['speakers'],
  run(doc) {
    const quotes = attributeQuotes(doc);
    forgetWordFacts();
    return { quotes };
  },
};
