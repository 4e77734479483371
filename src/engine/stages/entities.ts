import type { Entity, EntityType, Note, Span } from '../model';
import { int32Scratch, uint8Scratch } from '../text/scratch';
import type { Doc, Mention, Stage, Structure } from '../pipeline';
import { NUMBER, WORD, isPossessive, tokenize, tokenText, type Tokens } from '../text/tokenize';
import { tagNames, type TaggedName } from '../ner/index';
import { leadingHeadlines, leadingTitleCaseSentences } from '../ner/features';
import { hasLineBreak, type Segment } from '../text/sentences';
import { firstTokenFrom, segmentAt } from '../text/search';
import {
  EVENT_HEADS, EVENT_HEADS_NEEDING_NUMBER, EVENT_HEADS_OVER_PLACES, ORDINAL_WORDS, SELF_NAMED_EVENTS,
} from '../lexicon/eventWords';
import { ACRONYM_SKIP_WORDS, COMPANY_HEADS, INSTITUTION_HEADS, ORG_COMPLEMENT_LINKS, ORG_HEADS, ORG_SUFFIXES } from '../lexicon/orgWords';
import { LEADING_PREPOSITIONS, NAME_PARTICLES, NAME_SUFFIXES } from '../lexicon/nameWords';
import { REPORTING_VERBS } from '../lexicon/reportingVerbs';
import { DEMONYMS, isKnownCompany, isKnownPlace } from '../lexicon/places';
import { MONTHS, WEEKDAYS } from '../lexicon/months';
import {
  HONORIFICS, NON_ROLE_APPOSITION_STARTS, PORTFOLIO_TITLES, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS,
} from '../lexicon/titles';

// Loops over mentions and names are indexed, not for…of: these functions run once per document,
// mostly before V8 optimises them, and unoptimised for…of allocates an iterator result per step
// (14 MB of garbage in clusterMentions alone on the bench's 5 MB news).

/** Name mentions, typed and clustered into entities with roles. */
export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'structure', 'quotes'],
  provides: ['mentions', 'entities'],
  run(doc) {
    // The tagger forgets its labels of Title Case headlines (it learnt headlines in capitals);
    // the entity logic checks both kinds against the text.
    const headlines = leadingHeadlines(doc.tokens, doc.sentences, doc.structure.headers);
    const { mentions, entities, notes, roles } = findEntities(doc, tagNames(doc, headlines.titleCase), headlines.all);
    return { mentions, entities, roles, ...(notes.length ? { notes } : {}) };
  },
};

export type EntitiesInput = Pick<Doc, 'text' | 'tokens' | 'sentences' | 'structure' | 'options'>;

/** A word id per token and the text per id (see Tokens.wordIds). */
interface WordTable {
  wordIds: Int32Array;
  words: readonly string[];
}

// Per-call working arrays, reused by the next call (see text/scratch.ts): each is local to one
// call of a function that is never re-entered, and no result keeps one.
const SCRATCH = {
  occupied: uint8Scratch(), named: uint8Scratch(), shaped: uint8Scratch(), keptAt: int32Scratch(), startsAt: int32Scratch(),
  votes: int32Scratch(), slotOf: int32Scratch(), inTable: uint8Scratch(), isLastWord: uint8Scratch(),
  sentenceStarts: uint8Scratch(), personAt: uint8Scratch(), endingAt: int32Scratch(), clusterAt: int32Scratch(),
};

/** A mention while the stage works on it: where it came from and how sure that source is. */
interface Candidate extends Mention {
  /** Higher wins an overlap: personal list 3, structure (dateline, credit) 2, tagger 1, shape rule 0. */
  priority: number;
  /** The form to show when the text shouts it: "Oslo" for a dateline's "OSLO". */
  display: string | undefined;
  /** formKey of the surface, computed once. */
  key: string | undefined;
}

const PRIORITY_PERSONAL = 3;
const PRIORITY_STRUCTURE = 2;
const PRIORITY_TAGGER = 1;
const PRIORITY_SHAPE = 0;
/** Copies of a form found elsewhere: they follow the form's type and never outvote evidence. */
const PRIORITY_COPY = -1;

/**
 * Typed mentions and the entities they cluster into, from the tagger's names plus the user's
 * personal lists, the dateline place, the source credit and event-shaped tokens.
 *
 * - MISC and ORG names shaped like events become events ("Summer Olympics", "WCC12"); other MISC
 *   (nationalities, products) is dropped.
 * - One surface form keeps one type in an article (the majority; names on table lines such as
 *   sports standings keep their own), and every other occurrence of a form found once is a
 *   mention too (the tagger may miss the second "Norway").
 * - Clusters: a surname joins the full name, an acronym its expansion (defined in brackets or
 *   matching initials), "Acme" joins "Acme Corp.", case variants merge. A surname shared by
 *   several people goes to the one introduced first, with a note saying so.
 * - Roles of people from titles before the name and appositions after it.
 *
 * Everything sorted by start; linear apart from sorting.
 */
export function findEntities(doc: EntitiesInput, tagged: readonly TaggedName[],
  headlines = leadingTitleCaseSentences(doc.tokens, doc.sentences, true)): { mentions: Mention[]; entities: Entity[]; notes: Note[]; roles: Span[] } {
  const { text, tokens } = doc;
  const structure = doc.structure;
  const table = doc.tokens;
  const roles: Span[] = partyLabels(text, tokens);
  const listings = stockListings(text);
  let candidates: Candidate[] = [];
  const postNominals: Span[] = [];
  tagged = joinParticles(text, tokens, tagged);
  for (let nameIndex = 0; nameIndex < tagged.length; nameIndex++) {
    const candidate = fromTagger(tokens, tagged[nameIndex]);
    if (!candidate || (roles.length > 0 && inSpans(roles, tokens.starts[candidate.tokenStart]))) continue;
    // "(NYSE: BPTH)": a company's ticker and exchange, said right after its name, are no names of their own
    if (listings.length > 0 && inSpans(listings, candidate.start)) continue;
    // the letters after a name ("MP", cut off by fromTagger) describe the person, like a role
    // (or that it left out: "Jenny Gilruth MSP")
    const tail = candidate.type === 'person' ? Math.max(tagged[nameIndex].tokenEnd, candidate.tokenEnd + 1) : tagged[nameIndex].tokenEnd;
    if (candidate.tokenEnd < tail && tail <= tokens.length && POST_NOMINALS.has(tokenText(tokens, candidate.tokenEnd))) {
      postNominals.push({ start: tokens.starts[candidate.tokenEnd], end: tokens.ends[tail - 1] });
    }
    // "press@acme.example", "https://www.mayoclinic.org": an address holds no name
    if (structure.links.length > 0 && (inSpans(structure.links, candidate.start) || inSpans(structure.links, candidate.end - 1))) continue;
    pushSplitAtAndThe(tokens, candidate, candidates);
  }
  append(roles, postNominals);
  append(roles, listings);
  const personal = findPersonalMentions(tokens, doc.options.personalLists);
  const structural = findStructureMentions(tokens, structure);
  const headlineSegments = headlines.map(k => doc.sentences[k]);
  if (headlines.length > 0) candidates = fitTitleCaseNames(tokens, table, candidates, headlineSegments, [personal, structural]);
  append(candidates, personal);
  append(candidates, structural);
  append(candidates, findEventShapes(tokens));

  const occupied = SCRATCH.occupied.take(tokens.length);
  let mentions = preferLongerSpans(candidates, occupied);
  mentions = repairOrganizations(tokens, mentions, occupied);
  extendCompanyNames(text, tokens, mentions, occupied, headlineSegments);
  const definitions = new Set<Candidate>();
  append(mentions, findDefinedAcronyms(tokens, mentions, occupied, definitions));
  append(mentions, propagateForms(text, tokens, table, doc.sentences, headlineSegments, mentions, occupied));
  retypeCompanies(tokens, mentions);
  retypeShortCompanyNames(tokens, mentions);
  retypePlaces(tokens, mentions);
  typeByDefinition(tokens, mentions, definitions);
  unifyTypes(text, tokens, mentions, tableLines(text, tokens), definitions);
  retypeSpeakingSurnames(tokens, mentions);
  mentions = dropCommonPlurals(tokens, table, mentions, occupied);
  mentions.sort(bySpan);

  // Words the tagger put inside a name count as name words for roles, even when trimmed off it:
  // "Charlotte" in "Charlotte Mayor Jo Ng".
  const named = SCRATCH.named.take(occupied.length);
  named.set(occupied);
  for (let nameIndex = 0; nameIndex < tagged.length; nameIndex++) {
    const name = tagged[nameIndex];
    if (name.tokenEnd <= tokens.length) named.fill(1, name.tokenStart, name.tokenEnd);
  }
  const notes: Note[] = [];
  const entities = clusterMentions(text, tokens, mentions, named, notes, roles, structure.headers);
  // Candidates are Mentions with bookkeeping fields; the layer is internal, so they go out as they are.
  return { mentions, entities, notes, roles };
}

/**
 * Last words of institutions the tagger may take for places ("Smithsonian Institution"); CoNLL
 * files its universities, schools, institutes and foundations as organizations (its hospitals,
 * museums and centres as places, which stay).
 */
const LOC_INSTITUTIONS: ReadonlySet<string> = new Set([
  'institution', 'institute', 'university', 'college', 'school', 'foundation', 'association', 'agency', 'society', 'academy',
]);

/** A company's departments, which a title names after "of": "VP of Marketing". Lower case. */
const DEPARTMENTS: ReadonlySet<string> = new Set([
  'marketing', 'sales', 'digital', 'operations', 'engineering', 'finance', 'communications', 'product', 'products',
  'technology', 'research', 'strategy', 'people', 'hr', 'legal', 'design', 'partnerships', 'growth', 'compliance',
  'procurement', 'security', 'innovation', 'sustainability', 'talent', 'brand', 'analytics', 'data', 'it',
]);

/** "Q4", "H1", "FY2025": a quarter, a half or a fiscal year. Anchored, no repetition to backtrack. */
const REPORTING_PERIOD = /^(?:Q[1-4]|H[12]|FY\d\d(?:\d\d)?)$/;

/** "X2", "A310", "S23", "F-35": letters and digits in one word, as product models are named. */
function isModelCode(word: string): boolean {
  let letters = 0, digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c !== 45) return false;
  }
  return letters > 0 && digits > 0 && word.length <= 8;
}

/**
 * Pushes the candidate, or the two institutions in it: "the European Parliament and the Council"
 * is two names when the first ends in an institution's head word ("Parliament"); "Ministry of
 * Agriculture and the Environment" stays one.
 */
function pushSplitAtAndThe(tokens: Tokens, m: Candidate, to: Candidate[]): void {
  if (m.type === 'organization' && m.tokenEnd - m.tokenStart >= 5) {
    for (let k = m.tokenStart + 2; k + 2 < m.tokenEnd; k++) {
      if (tokenText(tokens, k) !== 'and' || tokenText(tokens, k + 1) !== 'the' || !ORG_HEADS.has(bareAt(tokens, k - 1))) continue;
      to.push(candidate(tokens, m.tokenStart, k, m.type, m.source, m.priority));
      to.push(candidate(tokens, k + 2, m.tokenEnd, m.type, m.source, m.priority));
      return;
    }
  }
  to.push(m);
}

/**
 * The tagger's names with a person's name carried on over particles and the capitalised word
 * after them: "Mohammed" + "bin" + "Salman" (tagged apart, or the last word not at all) is one
 * name. A new array only when one changes.
 */
function joinParticles(text: string, tokens: Tokens, tagged: readonly TaggedName[]): readonly TaggedName[] {
  const spaceBefore = (k: number) => tokens.starts[k] - tokens.ends[k - 1] === 1 && text.charCodeAt(tokens.ends[k - 1]) === 32;
  let out: TaggedName[] | undefined;
  for (let n = 0; n < tagged.length; n++) {
    const name = tagged[n];
    let end = name.tokenEnd;
    if (name.label === 'PER') {
      for (;;) {
        let k = end;
        while (k < tokens.length && k - end < 2 && NAME_PARTICLES.has(tokenText(tokens, k)) && spaceBefore(k)) k++;
        if (k === end || k >= tokens.length || !spaceBefore(k) || tokens.kinds[k] !== WORD || !isCapitalizedWord(tokenText(tokens, k))) break;
        end = k + 1;
      }
    }
    if (end === name.tokenEnd) {
      out?.push(name);
      continue;
    }
    out ??= tagged.slice(0, n);
    out.push({ ...name, tokenEnd: end, end: tokens.ends[end - 1] });
    // a name the tagger found in the words taken in ("Salman") is part of this one now
    while (n + 1 < tagged.length && tagged[n + 1].tokenStart < end) n++;
  }
  return out ?? tagged;
}

/** push(...items) without the argument limit that a 5 MB text would hit. */
function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

function bySpan(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}


// ---------------------------------------------------------------------------------------------
// Candidates

function fromTagger(tokens: Tokens, name: TaggedName): Candidate | undefined {
  let { tokenStart, tokenEnd } = name;
  // A tagger may take in "Acme's": the possessive is not part of the name.
  while (tokenEnd > tokenStart && isPossessive(tokens, tokenEnd - 1)) tokenEnd--;
  // "Sir Jo Ng MP", "Jo Ng MS": letters after a name (a seat, an honour) end a person's name and
  // are no part of it; having seen few, the tagger may call the whole an organization.
  let label = name.label;
  if (tokenEnd - tokenStart >= 3 && POST_NOMINALS.has(tokenText(tokens, tokenEnd - 1)) && label !== 'LOC') {
    while (tokenEnd - tokenStart >= 3 && POST_NOMINALS.has(tokenText(tokens, tokenEnd - 1))) tokenEnd--;
    label = 'PER';
  }
  // "Mr. Obama" → "Obama": a courtesy title is not part of the name (CoNLL leaves it out too).
  while (tokenEnd - tokenStart > 1 && label === 'PER' && (nameWordBitsAt(tokens, tokenStart) & HONORIFIC) !== 0 &&
    isCapitalizedWord(tokenText(tokens, tokenStart))) tokenStart++;
  // "Gov. Ralph Northam", "Charlotte Mayor Jo Ng": a title before the name is a role, found later.
  // A spelled-out title needs two words after it: "Dean Headley" is a first name and a surname.
  if (label === 'PER') {
    for (let k = Math.min(tokenEnd - 2, tokenStart + 4); k >= tokenStart; k--) {
      const word = tokenText(tokens, k);
      const bits = nameWordBitsAt(tokens, k);
      const abbreviated = word.endsWith('.') && (bits & TITLE_ABBREVIATION) !== 0;
      if (isCapitalizedWord(word) && (abbreviated || ((bits & TITLE_HEAD) !== 0 && tokenEnd - k >= 3))) {
        tokenStart = k + 1;
        break;
      }
    }
  }
  // "Acme Q4 profit": a reporting period after a name is not part of it. "Halo X2", "Airbus A310":
  // a name ending in a model code is a product (CoNLL's MISC), no one's name.
  if (tokenEnd - tokenStart >= 2 && REPORTING_PERIOD.test(tokenText(tokens, tokenEnd - 1))) tokenEnd--;
  else if (tokenEnd - tokenStart >= 2 && isModelCode(tokenText(tokens, tokenEnd - 1))) return undefined;
  // "President and CEO": an executive's title in capitals is no organization.
  if (tokenEnd - tokenStart === 1 && EXECUTIVE_TITLES.has(tokenText(tokens, tokenStart))) return undefined;
  // "Zelvora (rimegepant)": a brand (one word) with its generic name in brackets is a product
  // (CoNLL's MISC); "Jo Ng (captain)" in a team list is a person.
  if (tokenEnd - tokenStart === 1 && tokenEnd + 2 < tokens.length && tokenText(tokens, tokenEnd) === '(' && tokenText(tokens, tokenEnd + 2) === ')' &&
    isGenericName(tokens, tokenEnd + 1)) return undefined;
  // "AI", "IoT": a technology's initials are no organization; "on Saturdays" no place.
  if (tokenEnd - tokenStart === 1 && (TECHNOLOGY_INITIALS.has(tokenText(tokens, tokenStart)) || isCalendarPlural(lowerAt(tokens, tokenStart)))) return undefined;
  // "Helen Vasquez, M.D.": a degree is no name.
  if (tokenEnd - tokenStart === 1 && DEGREES.has(tokenText(tokens, tokenStart))) return undefined;
  // "(Reporting by Jo Ng; Editing by Al Roe)": a staff credit's words are no names.
  if (tokenEnd - tokenStart === 1 && CREDIT_WORDS.has(lowerAt(tokens, tokenStart)) && lowerAt(tokens, tokenEnd) === 'by') return undefined;
  // "About Acme" (a boilerplate heading): a leading preposition is not part of a name; nor is
  // an instruction's verb before a name of two words or more: "Call Acme Investor Relations".
  if (tokenEnd - tokenStart > 1 && LEADING_PREPOSITIONS.has(tokenText(tokens, tokenStart))) tokenStart++;
  else if (tokenEnd - tokenStart > 2 && IMPERATIVES.has(tokenText(tokens, tokenStart))) tokenStart++;
  // "Jo Ng, CEO of Acme" with "CEO of Acme" tagged as one organization: in an apposition the title
  // belongs to the person's role and the rest is the name ("Queen of the South", a club, stays).
  if (label === 'ORG' && tokenStart > 0 && tokenText(tokens, tokenStart - 1) === ',') {
    let k = tokenStart;
    while (k < tokenEnd && isTitleWordAt(tokens, k)) k++;
    // "Bank of England" stays: the word before "of" must head a title.
    if (k > tokenStart && k + 1 < tokenEnd && (tokenText(tokens, k) === 'of' || tokenText(tokens, k) === 'at') && isTitleHeadAt(tokens, k - 1)) {
      tokenStart = k + 1;
      // "Jo Ng, VP of Marketing, Acme": a department, part of the role
      if (tokenEnd - tokenStart === 1 && DEPARTMENTS.has(lowerAt(tokens, tokenStart))) return undefined;
    }
  }
  if (tokenEnd <= tokenStart || tokenEnd > tokens.length) return undefined;
  // "the Mayor", "the President": a title alone is no one's name.
  if (label === 'PER' && tokenEnd - tokenStart === 1 && tokenStart > 0 && lowerAt(tokens, tokenStart - 1) === 'the' &&
    (nameWordBitsAt(tokens, tokenStart) & (TITLE_HEAD | HONORIFIC)) !== 0) return undefined;
  // "Davos Forum" + "2025": the edition year right after an event-like name belongs to it.
  if (label !== 'PER' && tokenEnd < tokens.length && isYear(tokenText(tokens, tokenEnd)) &&
    tokens.starts[tokenEnd] - tokens.ends[tokenEnd - 1] <= 1 && EVENT_HEADS.has(lowerAt(tokens, tokenEnd - 1)) &&
    isEventName(tokens, tokenStart, tokenEnd + 1)) tokenEnd++;
  let type: EntityType | undefined;
  // "thanked Netflix", "Meta and Google": a well-known company, whatever shape the tagger saw.
  if (tokenEnd - tokenStart === 1 && (label === 'PER' || label === 'LOC') && isKnownCompany(lowerAt(tokens, tokenStart))) type = 'organization';
  // "Warren Avenue": a street, no person.
  else if (label === 'PER' && tokenEnd - tokenStart >= 2 && STREET_WORDS.has(bareAt(tokens, tokenEnd - 1))) type = 'place';
  // "Northwind Labs", "Keller Robotics Inc.": a company ending outweighs a person-like shape.
  else if (label === 'PER') type = endsInOrganizationWord(tokens, tokenStart, tokenEnd) ? 'organization' : 'person';
  else if (label === 'LOC') {
    // "Granite Bay Bank", "Harbor Point Capital": three words or more ending in a bank's or a
    // company's word are no place ("West Bank" is; so is a "National Tennis Centre"). A clinic
    // ("Mayo Clinic", "Cleveland Clinic") is an institution; hospitals stay places, as in CoNLL.
    const last = bareAt(tokens, tokenEnd - 1);
    type = isEventName(tokens, tokenStart, tokenEnd, true) ? 'event' :
      (tokenEnd - tokenStart >= 3 && (last === 'bank' || COMPANY_HEADS.has(last) || (ORG_SUFFIXES.has(last) && last !== 'and' && last !== '&'))) ||
      (tokenEnd - tokenStart >= 2 && (last === 'clinic' || LOC_INSTITUTIONS.has(last))) ? 'organization' : 'place';
  }
  else if (isEventName(tokens, tokenStart, tokenEnd)) type = 'event';
  else if (label === 'ORG') type = 'organization';
  if (!type) return undefined;
  return candidate(tokens, tokenStart, tokenEnd, type, 'tagger', PRIORITY_TAGGER);
}

// "D-N", "R-Mont", "I-Vt": the start of a US politician's party and state, "(D-N.M.)".
const PARTY_LABEL = /^[DRI]-[A-Z][A-Za-z]*$/;

/**
 * True when the offset lies in one of the spans (in order, not overlapping): a party label
 * (partyLabels; the tagger reads "N.M." of "(D-N.M.)" or "Mont." of ", R-Mont.," as a place, and
 * it is part of the label) or a web address.
 */
function inSpans(spans: readonly Span[], offset: number): boolean {
  const k = segmentAt(spans, offset);
  return spans[k].start <= offset && offset < spans[k].end;
}

/**
 * A company's stock listings in brackets, as spans of what is inside them: "(NYSE: BPTH)",
 * "(Nasdaq: HVF; TSX: HVF.U)", "(TSE: 7291)". They describe the company named before them, like
 * a role, and give no names or keywords. The pattern reads at most 40 characters from a bracket
 * followed by an exchange's name, so it cannot backtrack far.
 */
function stockListings(source: string): Span[] {
  const spans: Span[] = [];
  if (source.indexOf(':') < 0) return spans;
  for (const m of source.matchAll(STOCK_LISTING)) spans.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
  return spans;
}

const STOCK_LISTING = new RegExp(`\\((?:${[
  'NYSE', 'NASDAQ', 'Nasdaq', 'AMEX', 'NYSE American', 'NYSE Arca', 'TSX', 'TSX-V', 'TSXV', 'TSE', 'LSE', 'AIM', 'ASX', 'OTC',
  'OTCQX', 'OTCQB', 'OTC Pink', 'Euronext', 'HKEX', 'SEHK', 'SGX', 'TYO', 'FRA', 'XETRA', 'BSE', 'NSE', 'JSE', 'SIX', 'KRX',
].join('|')})(?: [A-Z]{2,3})?:[^()]{1,40}\\)`, 'g');

/** The party labels of the text ("(D-N.M.)" → "D-N.M."): they describe a person, like a role. */
function partyLabels(source: string, tokens: Tokens): Span[] {
  const spans: Span[] = [];
  // Most texts have none: three searches of the text, then the tokens only if one finds one.
  if (source.indexOf('D-') < 0 && source.indexOf('R-') < 0 && source.indexOf('I-') < 0) return spans;
  for (let i = 1; i < tokens.length; i++) {
    // "D-", "R-", "I-" read from the text: a token's string is a cache miss on every token.
    const start = tokens.starts[i];
    if (source.charCodeAt(start + 1) !== 45 || tokens.ends[i] - start < 3) continue;
    const first = source.charCodeAt(start);
    if ((first !== 68 && first !== 82 && first !== 73) || tokens.kinds[i] !== WORD) continue;
    const text = tokenText(tokens, i);
    if (!PARTY_LABEL.test(text)) continue;
    const before = tokenText(tokens, i - 1);
    if (before !== '(' && before !== ',') continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= 3 && tokenText(tokens, end) !== ')' && tokenText(tokens, end) !== ',') end++;
    spans.push({ start: tokens.starts[i], end: tokens.ends[end - 1] });
  }
  return spans;
}

/** Executives' titles in capitals: "President and CEO". */
const EXECUTIVE_TITLES: ReadonlySet<string> = new Set(['CEO', 'CFO', 'COO', 'CTO', 'CMO', 'CIO', 'CSO', 'CRO', 'CHRO', 'EVP', 'SVP', 'VP']);

/** Initials of technologies, things and terms that releases write in capitals, as written. */
const TECHNOLOGY_INITIALS: ReadonlySet<string> = new Set([
  'AI', 'GenAI', 'AGI', 'ML', 'IT', 'IoT', 'API', 'APIs', 'GPU', 'GPUs', 'CPU', 'CPUs', 'VR', 'AR', 'XR', 'EV', 'EVs', 'SaaS',
  'LLM', 'LLMs', '5G', 'ESG', 'KPI', 'KPIs', 'ROI', 'B2B', 'B2C', 'SME', 'SMEs', 'R&D', 'ID', 'IDs', 'PIN', 'PDF', 'URL',
  'USB', 'GPS', 'DNA', 'RNA', 'TV', 'PC', 'PCs', 'LED', 'LEDs', 'SUV', 'SUVs', 'FAQ', 'QR', 'PET', 'LPs', 'GPs',
]);

/**
 * Token i is a drug's generic name as a release gives it after the brand: one lower-case word
 * ending in a stem of the WHO's International Nonproprietary Names ("semaglutide", "rimegepant",
 * "pembrolizumab"); "Duma (parliament)", "FLORIDA (doubleheader)" explain a name instead.
 */
function isGenericName(tokens: Tokens, i: number): boolean {
  const word = tokenText(tokens, i);
  return word.length <= 40 && isLowerCaseWordAt(tokens, i) && INN_STEM.test(word);
}

// Anchored, tried on a word of at most 40 letters (isGenericName): its backtracking stays small.
const INN_STEM = new RegExp(`^[a-z]{2,}(?:${[
  'mab', 'nib', 'tide', 'vir', 'prazole', 'olol', 'pril', 'sartan', 'statin', 'parin', 'cycline', 'mycin', 'cillin', 'conazole',
  'fungin', 'dronate', 'gliptin', 'gliflozin', 'lukast', 'tadine', 'setron', 'oxacin', 'cept', 'kinra', 'platin', 'taxel',
  'rubicin', 'relin', 'dipine', 'semide', 'thiazide', 'gepant', 'pitant', 'lisib', 'ciclib', 'rafenib', 'degib', 'tinib',
  'zomib', 'parib',
].join('|')})$`);

/** Verbs that open a release's instructions: "Call Acme Investor Relations", "Visit Acme Labs". */
const IMPERATIVES: ReadonlySet<string> = new Set(['Call', 'Contact', 'Visit', 'Email', 'E-mail', 'Join', 'Follow', 'Register', 'Watch']);

/**
 * Letters after a person's name, as written: seats ("MP", "MS" of the Senedd, "MSP", "MEP", "TD")
 * and honours ("OBE", "KC"). Not degrees ("M.D.", DEGREES), which follow a comma.
 */
const POST_NOMINALS: ReadonlySet<string> = new Set([
  'MP', 'MS', 'MSP', 'MLA', 'MEP', 'TD', 'QC', 'KC', 'OBE', 'CBE', 'MBE', 'KBE', 'DBE', 'GBE', 'FRS',
]);

/** Degrees and credentials written after a name, as tokens: "Jo Ng, M.D., said". */
const DEGREES: ReadonlySet<string> = new Set(['M.D.', 'D.O.', 'R.N.', 'J.D.', 'D.D.S.', 'M.P.H.', 'Esq.', 'MBA', 'CPA', 'FACS', 'FRCP', 'PhD', 'MD']);

/** The first words of a staff credit: "Reporting by", "Editing by". */
const CREDIT_WORDS: ReadonlySet<string> = new Set(['reporting', 'editing', 'writing', 'compiled', 'photos', 'photo', 'video', 'graphics']);

function endsInOrganizationWord(tokens: Tokens, tokenStart: number, tokenEnd: number): boolean {
  return tokenEnd - tokenStart >= 2 && (nameWordBitsAt(tokens, tokenEnd - 1) & ORGANIZATION_WORD) !== 0;
}

/** Verbs of a press release's headline, lower case: "Acme *Names* New Chief", "Acme *Launches* Halo". */
const HEADLINE_VERBS: ReadonlySet<string> = new Set([
  'names', 'announces', 'appoints', 'launches', 'unveils', 'reports', 'raises', 'acquires', 'completes', 'expands',
  'introduces', 'opens', 'receives', 'wins', 'celebrates', 'welcomes', 'hires', 'selects', 'signs', 'secures',
  'debuts', 'honors', 'honours', 'awards', 'joins', 'adds', 'releases', 'files', 'declares', 'posts', 'elects',
  'promotes', 'invests', 'closes', 'reaches', 'achieves', 'surpasses', 'partners', 'teams', 'taps',
]);

/**
 * The tagger's names in Title Case Headlines, checked against the rest of the document. There
 * every word is capitalised, so a name's edges are a guess ("Acme Robotics Raises $48 Million":
 * a person "Acme Robotics Raises"; "Foundation Names 2026 Community Fellows": a person "Community
 * Fellows"). A press release names its subjects again in the text, where capitals do mark names:
 *
 * - a name found there (or its surname) stays as it is;
 * - otherwise the names found there inside it replace it ("Acme Robotics", typed as there);
 * - otherwise it stays unless one of its capitalised words is used in lower case elsewhere in the
 *   document ("fellows"): then it is a common word, and the name a guess.
 *
 * `headlines`: the headlines in Title Case or capitals (leadingTitleCaseSentences). `others`: mentions from
 * elsewhere (personal lists, structure) that count as found in the text.
 */
function fitTitleCaseNames(tokens: Tokens, table: WordTable, candidates: readonly Candidate[], headlines: readonly Segment[],
  others: ReadonlyArray<readonly Candidate[]>): Candidate[] {
  // Both in order of position: one walk.
  const titleCase = new Array<boolean>(candidates.length).fill(false);
  for (let k = 0, h = 0; k < candidates.length && h < headlines.length; k++) {
    while (h < headlines.length && headlines[h].tokenEnd <= candidates[k].tokenStart) h++;
    titleCase[k] = h < headlines.length && headlines[h].tokenStart <= candidates[k].tokenStart && candidates[k].tokenEnd <= headlines[h].tokenEnd;
  }
  if (!titleCase.includes(true)) return candidates as Candidate[];
  // Only names whose first or last word is in a headline can be found there.
  const headlineWords = new Set<string>();
  for (const s of headlines) for (let k = s.tokenStart; k < s.tokenEnd; k++) headlineWords.add(formKeyAt(tokens, k));
  const known = new Map<string, EntityType>();
  const firstWords = new Set<string>(); // of the known names of several words
  // Case-blind: a headline in capitals names "ACME ROBOTICS".
  const keyOfSpan = (from: number, to: number) => {
    let key = formKeyAt(tokens, from);
    for (let k = from + 1; k < to; k++) key += '\u0001' + formKeyAt(tokens, k);
    return key;
  };
  const learn = (m: Candidate) => {
    if (!headlineWords.has(formKeyAt(tokens, m.tokenStart)) && !headlineWords.has(formKeyAt(tokens, m.tokenEnd - 1))) return;
    const key = keyOfSpan(m.tokenStart, m.tokenEnd);
    if (!known.has(key)) known.set(key, m.type);
    if (m.tokenEnd - m.tokenStart >= 2) firstWords.add(formKeyAt(tokens, m.tokenStart));
    const last = formKeyAt(tokens, m.tokenEnd - 1);
    if (m.type === 'person' && m.tokenEnd - m.tokenStart >= 2 && !known.has(last)) known.set(last, 'person');
    if (m.type === 'organization') {
      // "Acme Robotics" of "Acme Robotics, Inc."
      const words = wordsOf(tokens, m);
      const stripped = stripOrgSuffixes(words);
      if (stripped.length < words.length) {
        const strippedKey = keyOfSpan(m.tokenStart, m.tokenStart + stripped.length);
        if (!known.has(strippedKey)) known.set(strippedKey, 'organization');
      }
    }
  };
  for (let k = 0; k < candidates.length; k++) if (!titleCase[k]) learn(candidates[k]);
  for (const list of others) for (let k = 0; k < list.length; k++) learn(list[k]);

  // Known names of several words in the headlines, longest first at each word: they replace the
  // tagger's names inside them ("GRANITE BAY" and "BANCORP" for "GRANITE BAY BANCORP").
  const merged: Candidate[] = [];
  for (const s of headlines) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!firstWords.has(formKeyAt(tokens, i))) continue;
      for (let end = Math.min(s.tokenEnd, i + MAX_KNOWN_WORDS); end > i + 1; end--) {
        const type = known.get(keyOfSpan(i, end));
        if (type === undefined) continue;
        merged.push(candidate(tokens, i, end, type, 'tagger', PRIORITY_TAGGER));
        i = end - 1;
        break;
      }
    }
  }
  let nextMerged = 0;
  const insideMerged = (m: Candidate) => {
    while (nextMerged < merged.length && merged[nextMerged].tokenEnd <= m.tokenStart) nextMerged++;
    return nextMerged < merged.length && merged[nextMerged].tokenStart <= m.tokenStart && m.tokenEnd <= merged[nextMerged].tokenEnd;
  };

  const out: Candidate[] = merged.slice();
  const doubtful: Candidate[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const m = candidates[k];
    if (titleCase[k] && insideMerged(m)) continue;
    if (!titleCase[k] || known.has(keyOfSpan(m.tokenStart, m.tokenEnd))) {
      out.push(m);
      continue;
    }
    // The longest known names inside it, left to right (a name holds a handful of words); but a
    // person whose known names are all people is a fuller name of one ("Jo Ng" of "Ng").
    const pieces: Candidate[] = [];
    let people = 0;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) {
      for (let end = m.tokenEnd; end > i; end--) {
        const type = known.get(keyOfSpan(i, end));
        if (type === undefined) continue;
        pieces.push(candidate(tokens, i, end, type, 'tagger', PRIORITY_TAGGER));
        if (type === 'person') people++;
        i = end - 1;
        break;
      }
    }
    // "Cedarvale School District Names Jo Ng …", "Lumora Launches Halo": a release's verb ends
    // the name before it
    let verb = m.tokenStart + 1;
    while (verb < m.tokenEnd && !HEADLINE_VERBS.has(lowerAt(tokens, verb))) verb++;
    if (m.type === 'person' && people === pieces.length && people > 0) {
      out.push(m);
    } else if (pieces.length > 0) {
      // what stands before the known names and a verb: "Kestrel Robotics" of "Kestrel Robotics Names Jane Doe"
      if (verb < pieces[0].tokenStart && verb + 1 === pieces[0].tokenStart) {
        const before = candidate(tokens, m.tokenStart, verb, m.type === 'person' ? 'organization' : m.type, 'tagger', PRIORITY_TAGGER);
        out.push(before);
        doubtful.push(before);
      }
      append(out, pieces);
    } else {
      const fitted = verb < m.tokenEnd ? candidate(tokens, m.tokenStart, verb, m.type, 'tagger', PRIORITY_TAGGER) : m;
      out.push(fitted);
      doubtful.push(fitted);
    }
  }
  if (merged.length > 0) out.sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
  if (doubtful.length === 0) return out;
  // Capitalised words of the doubtful names that the text also has in lower case.
  const wanted = new Set<string>();
  for (const m of doubtful) for (let k = m.tokenStart; k < m.tokenEnd; k++) if (isCapitalizedWord(tokenText(tokens, k))) wanted.add(lowerAt(tokens, k));
  const common = new Set<string>();
  for (const word of table.words) if (wanted.has(word)) common.add(word);
  if (common.size === 0) return out;
  const dropped = new Set<Candidate>();
  for (const m of doubtful) {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) {
      if (isCapitalizedWord(tokenText(tokens, k)) && common.has(lowerAt(tokens, k))) dropped.add(m);
    }
  }
  return out.filter(m => !dropped.has(m));
}

/** The most words of a known name looked for in a headline. */
const MAX_KNOWN_WORDS = 6;

/** Every candidate is built here, so all share one object shape (property order and types). */
function candidate(tokens: Tokens, tokenStart: number, tokenEnd: number, type: EntityType, source: Mention['source'],
  priority: number, display?: string): Candidate {
  return {
    start: tokens.starts[tokenStart], end: tokens.ends[tokenEnd - 1], type, tokenStart, tokenEnd, source, priority,
    display, key: undefined,
  };
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isYear(s: string): boolean {
  return s.length === 4 && isDigits(s) && (s.startsWith('19') || s.startsWith('20'));
}

// "29th", "2nd", "II", "XXI": a numbered edition.
const ORDINAL = /^(?:\d{1,4}(?:st|nd|rd|th)|[IVX]{1,5})$/;

function isEditionNumber(word: string): boolean {
  // Only a digit, I, V or X can start one: most words skip the regular expression.
  const c = word.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 73 || c === 86 || c === 88 ? isYear(word) || ORDINAL.test(word) : false;
}

function isUpperLetters(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (c === c.toLowerCase() || c.toUpperCase() !== c) return false;
  return true;
}

/**
 * One token shaped like a numbered event: an acronym of three or more capitals with a year
 * ("FAIR-2031", "FAIR2020") or an edition number written solid ("WCC12"). Not "COVID-19" (a
 * hyphen before two digits reads as a name, not an edition), "G20" or "MH17" (one or two letters:
 * groups, flights, products), "FY2024".
 */
export function isEventShape(word: string): boolean {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 65 && word.charCodeAt(i) <= 90) i++;
  if (i < 3 || i === word.length) return false;
  const hyphen = word[i] === '-' ? 1 : 0;
  const digits = word.slice(i + hyphen);
  if (!isDigits(digits)) return false;
  if (isYear(digits)) return true;
  return !hyphen && digits.length === 2;
}

/**
 * A name that is a named event: an event shape ("WCC12"), or capitalised words ending in an event
 * head word ("Summer Olympics", "Second World War", "Davos Forum 2025", "Paris Peace
 * Conference"); heads like "Forum" or "Congress" need an edition ("World Economic Forum" is an
 * organisation). `overPlaces`: a place's name, which only EVENT_HEADS_OVER_PLACES make an event
 * ("Paris Marathon", not "Paris Forum").
 */
export function isEventName(tokens: Tokens, tokenStart: number, tokenEnd: number, overPlaces = false): boolean {
  if (tokenEnd - tokenStart === 1 && isEventShapeWord(tokens, tokens.wordIds[tokenStart])) return true;
  const heads = overPlaces ? EVENT_HEADS_OVER_PLACES : EVENT_HEADS;
  let end = tokenEnd;
  let numbered = false;
  let year = false;
  while (end > tokenStart + 1 && isEditionNumber(tokenText(tokens, end - 1))) {
    end--;
    numbered = true;
    year ||= isYear(tokenText(tokens, end));
  }
  const head = tokenText(tokens, end - 1);
  if (!isCapitalizedWord(head)) return false;
  // Most names end in no head word ("Acme Corp", "New York"): they are turned away by the head's
  // bits before its lower case is read or the two-word key is built.
  const bits = nameWordBitsAt(tokens, end - 1) >> (overPlaces ? 2 : 0);
  const twoWords = end - tokenStart >= 2 && (bits & LAST_OF_TWO_WORD_HEAD) !== 0 &&
    heads.has(`${lowerAt(tokens, end - 2)} ${lowerAt(tokens, end - 1)}`);
  const acronymYear = !twoWords && year && isUpperLetters(head) && head.length >= 3 && !overPlaces; // "APEC 2023", not "MOHAMMED VI"
  if (!twoWords && !acronymYear && (bits & HEAD_WORD) === 0) return false;
  const lower = lowerAt(tokens, end - 1);
  // "Organisation of the Islamic Conference" is an institution named after an event.
  for (let k = tokenStart + 1; k < end - 1; k++) {
    if ((tokenText(tokens, k) === 'of' || tokenText(tokens, k) === 'for') && INSTITUTION_HEADS.has(lowerAt(tokens, k - 1))) return false;
  }
  if (twoWords || acronymYear) return true;
  const first = tokenText(tokens, tokenStart);
  if (ORDINAL.test(first) || ORDINAL_WORDS.has(lowerOf(first))) numbered = true;
  // A head word alone is a common noun ("the Open", "the Summit"), except names like "Olympics".
  if (end - tokenStart === 1 && !numbered && !SELF_NAMED_EVENTS.has(lower)) return false;
  return numbered || !EVENT_HEADS_NEEDING_NUMBER.has(lower);
}

/** The last words of a head list's entries of several words: "prix" for "grand prix". */
function lastWordsOf(heads: ReadonlySet<string>): Set<string> {
  const last = new Set<string>();
  for (const head of heads) if (head.includes(' ')) last.add(head.slice(head.lastIndexOf(' ') + 1));
  return last;
}
const LAST_WORDS_OF_EVENT_HEADS = lastWordsOf(EVENT_HEADS);
const LAST_WORDS_OF_EVENT_HEADS_OVER_PLACES = lastWordsOf(EVENT_HEADS_OVER_PLACES);

// Bits of nameWordBits. In EVENT_HEADS, the lower case is a head word, or the last word of one of
// several words; shifted left by 2, the same in EVENT_HEADS_OVER_PLACES.
const HEAD_WORD = 1;
const LAST_OF_TWO_WORD_HEAD = 2;
// Of the bare form (see bare): a courtesy title, an abbreviated or spelled-out title, a word that
// ends an organisation's name ("Labs", "Inc").
const HONORIFIC = 16;
const TITLE_ABBREVIATION = 32;
const TITLE_HEAD = 64;
const ORGANIZATION_WORD = 128;
/** Set in every nameWordBits, so 0 can stand for not yet known. */
const NAME_WORD_BITS_KNOWN = 256;
/** A word no organization goes by alone: an article, an institution head, a place (see isShortFormWord). */
const NO_SHORT_FORM = 512;

/** What fromTagger and isEventName ask of the words of a tagged name, as bits (see HEAD_WORD...). */
function nameWordBits(lower: string, bared: string): number {
  let bits = NAME_WORD_BITS_KNOWN;
  if (EVENT_HEADS.has(lower)) bits |= HEAD_WORD;
  if (LAST_WORDS_OF_EVENT_HEADS.has(lower)) bits |= LAST_OF_TWO_WORD_HEAD;
  if (EVENT_HEADS_OVER_PLACES.has(lower)) bits |= HEAD_WORD << 2;
  if (LAST_WORDS_OF_EVENT_HEADS_OVER_PLACES.has(lower)) bits |= LAST_OF_TWO_WORD_HEAD << 2;
  if (HONORIFICS.has(bared)) bits |= HONORIFIC;
  if (TITLE_ABBREVIATIONS.has(bared)) bits |= TITLE_ABBREVIATION;
  if (TITLE_HEADS.has(bared)) bits |= TITLE_HEAD;
  if (COMPANY_HEADS.has(bared) || ORG_HEADS.has(bared) || (ORG_SUFFIXES.has(bared) && bared !== 'and' && bared !== '&')) {
    bits |= ORGANIZATION_WORD;
  }
  // "U.S." is the gazetteer's "us"
  if (ARTICLES.has(lower) || INSTITUTION_HEADS.has(bared) || isKnownPlace(lower) || (lower.includes('.') && isKnownPlace(lower.replace(/\./g, '')))) {
    bits |= NO_SHORT_FORM;
  }
  return bits;
}

/** A quotation mark token: " “ ” ' ‘ ’ « ». */
function isQuoteMark(text: string): boolean {
  return text === '"' || text === '“' || text === '”' || text === "'" || text === '‘' || text === '’' || text === '«' || text === '»';
}

/** Token i is a word in lower-case ASCII letters ("administration"). */
function isLowerCaseWordAt(tokens: Tokens, i: number): boolean {
  if (tokens.kinds[i] !== WORD) return false;
  const c = tokenText(tokens, i).charCodeAt(0);
  return c >= 97 && c <= 122;
}

function isCapitalizedWord(s: string): boolean {
  // ASCII (most words) without toLowerCase, a call into ICU per test (~1% of analyze() in all).
  const code = s.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = s[0];
  return c !== undefined && c !== c.toLowerCase();
}

/**
 * Event-shaped tokens the tagger may not know at all: "WCC12", "FAIR-2031". The shape is a
 * property of the word, so it is tested once per vocabulary word (see isEventShapeWord) and the
 * tokens are scanned by id (4 bytes each, where reading a million token objects was most of the cost).
 */
function findEventShapes(tokens: Tokens): Candidate[] {
  const { wordIds, words } = tokens;
  const shaped = SCRATCH.shaped.take(words.length);
  let any = false;
  for (let id = 0; id < words.length; id++) {
    if (!isEventShapeWord(tokens, id)) continue;
    shaped[id] = 1;
    any = true;
  }
  const out: Candidate[] = [];
  if (!any) return out;
  for (let i = 0; i < tokens.length; i++) {
    if (shaped[wordIds[i]] === 0 || tokens.kinds[i] !== WORD) continue;
    out.push(candidate(tokens, i, i + 1, 'event', 'rule', PRIORITY_SHAPE));
  }
  return out;
}

function spanCandidate(tokens: Tokens, span: Span, type: EntityType, display?: string): Candidate | undefined {
  const tokenStart = firstTokenFrom(tokens, span.start);
  const tokenEnd = firstTokenFrom(tokens, span.end);
  if (tokenEnd <= tokenStart) return undefined;
  return candidate(tokens, tokenStart, tokenEnd, type, 'rule', PRIORITY_STRUCTURE, display);
}

/** The dateline's place ("OSLO", shown as "Oslo") and the credited source ("…, Acme News reports."). */
function findStructureMentions(tokens: Tokens, structure: Structure): Candidate[] {
  const out: Candidate[] = [];
  if (structure.placeSpan) {
    const place = spanCandidate(tokens, structure.placeSpan, 'place', structure.dateline?.place);
    if (place) out.push(place);
  }
  if (structure.credit) {
    const credit = spanCandidate(tokens, structure.credit, 'organization', structure.dateline?.source);
    if (credit) out.push(credit);
  }
  return out;
}

interface Phrase {
  words: string[];
  type: EntityType;
}

/**
 * Every whole-word, case-sensitive occurrence of the user's names. Matched token by token (a
 * map from first word to phrases), so the cost is one lookup per token, not one scan per name.
 */
function findPersonalMentions(tokens: Tokens, lists: Doc['options']['personalLists']): Candidate[] {
  const byFirst = new Map<string, Phrase[]>();
  for (const type of ['person', 'organization', 'place', 'event'] as const) {
    for (const name of lists[type] ?? []) {
      const words = tokenize(name).map(t => t.text);
      if (words.length === 0) continue;
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, type });
      byFirst.set(words[0], list);
    }
  }
  const out: Candidate[] = [];
  if (byFirst.size === 0) return out;
  for (let i = 0; i < tokens.length; i++) {
    const phrases = byFirst.get(tokenText(tokens, i));
    if (!phrases) continue;
    let best: Phrase | undefined;
    for (const phrase of phrases) {
      if (best && phrase.words.length <= best.words.length) continue;
      if (matchesAt(tokens, i, phrase.words)) best = phrase;
    }
    if (!best) continue;
    const end = i + best.words.length;
    out.push(candidate(tokens, i, end, best.type, 'personal', PRIORITY_PERSONAL));
  }
  return out;
}

function matchesAt(tokens: Tokens, i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokenText(tokens, i + k) !== words[k]) return false;
  return true;
}

/**
 * Settles overlapping candidates: the higher priority wins (the user's list over the structure
 * over the tagger over shape rules), then the longer span, then the earlier. Marks the tokens
 * the winners cover in `occupied`.
 */
export function preferLongerSpans(candidates: readonly Candidate[], occupied: Uint8Array): Candidate[] {
  // Candidate index + 1 by first token. Winners never share a token, so each has its own first
  // token, and token order is span order: one sweep over the tokens replaces sorting the winners.
  const keptAt = SCRATCH.keptAt.take(occupied.length);
  let count = 0;
  // Priority by priority (every candidate has one of the PRIORITY_ values). Candidates of one
  // priority that share no token cannot take one from another, so they need no order among them:
  // the tagger's names, most candidates, come in text order and disjoint. Sorting them all by a
  // comparator was ~5% of the entity logic on the 5 MB news (min ~150 -> ~140 ms).
  for (let priority = PRIORITY_PERSONAL; priority >= PRIORITY_COPY; priority--) {
    const level: number[] = [];
    let disjoint = true;
    let lastEnd = 0;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      if (c.priority !== priority) continue;
      if (c.tokenStart < lastEnd) disjoint = false;
      lastEnd = c.tokenEnd;
      level.push(i);
    }
    if (!disjoint) {
      level.sort((a, b) => {
        const x = candidates[a], y = candidates[b];
        return (y.tokenEnd - y.tokenStart) - (x.tokenEnd - x.tokenStart) || x.start - y.start;
      });
    }
    for (let l = 0; l < level.length; l++) {
      const c = candidates[level[l]];
      let free = true;
      for (let k = c.tokenStart; k < c.tokenEnd && free; k++) if (occupied[k]) free = false;
      if (!free) continue;
      for (let k = c.tokenStart; k < c.tokenEnd; k++) occupied[k] = 1;
      keptAt[c.tokenStart] = level[l] + 1;
      count++;
    }
  }
  const kept: Candidate[] = new Array(count);
  let n = 0;
  for (let t = 0; n < count; t++) if (keptAt[t] > 0) kept[n++] = candidates[keptAt[t] - 1];
  return kept;
}

const MAX_COMPLEMENT = 8;

/**
 * Repairs organization names at the edges of titles and institutions:
 * - "Minister of Health": a name right after a government title and "of" is its
 *   portfolio, part of a role, not an organization mention; dropped.
 * - "Joint Committee" + "on Fisheries and Coastal Shipping": a name ending in an
 *   institution head, followed by "on/of/for" and capitalised words (joined by "and"), takes them
 *   in, with any names the tagger found there. Not across another "of": "Ministry of Foreign
 *   Affairs of Norway" leaves the country a place.
 * Mentions stay sorted and non-overlapping; `occupied` follows.
 */
function repairOrganizations(tokens: Tokens, mentions: Candidate[], occupied: Uint8Array): Candidate[] {
  // Mention index + 1 by first token (mentions do not overlap), 0 for none.
  const startsAt = SCRATCH.startsAt.take(tokens.length + 1);
  for (let i = 0; i < mentions.length; i++) startsAt[mentions[i].tokenStart] = i + 1;
  const byStart = { get: (t: number) => (startsAt[t] > 0 ? mentions[startsAt[t] - 1] : undefined), has: (t: number) => startsAt[t] > 0 };
  const dropped = new Set<Candidate>();
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    if (m.type !== 'organization' || m.source !== 'tagger' || (dropped.size > 0 && dropped.has(m))) continue;
    const link = m.tokenStart >= 2 ? tokenText(tokens, m.tokenStart - 1) : '';
    if ((link === 'of' || link === 'for') && PORTFOLIO_TITLES.has(bareAt(tokens, m.tokenStart - 2))) {
      for (const item of portfolioList(tokens, mentions, mIndex)) {
        dropped.add(item);
        for (let k = item.tokenStart; k < item.tokenEnd; k++) occupied[k] = 0;
      }
      continue;
    }
    if (!ORG_HEADS.has(bareAt(tokens, m.tokenEnd - 1)) || m.tokenEnd >= tokens.length ||
      !ORG_COMPLEMENT_LINKS.has(tokenText(tokens, m.tokenEnd))) continue;
    let k = m.tokenEnd + 1;
    let end = -1;
    while (k < tokens.length && k - m.tokenEnd <= MAX_COMPLEMENT) {
      const word = tokenText(tokens, k);
      if (tokens.kinds[k] === WORD && isCapitalizedWord(word) && !isCalendarWord(word)) end = ++k;
      else if ((word === 'and' || word === '&') && end === k && (byStart.get(k + 1)?.type ?? 'organization') === 'organization') k++;
      else break;
    }
    if (end < 0) continue;
    // A name that starts inside the complement must end there too, or the repair would cut it.
    let fits = true;
    const inside: Candidate[] = [];
    for (let t = m.tokenEnd; t < end; t++) {
      const other = byStart.get(t);
      if (!other || dropped.has(other)) continue;
      if (other.tokenEnd > end || other.source === 'personal') fits = false;
      inside.push(other);
    }
    if (!fits || (occupied[m.tokenEnd] && !byStart.has(m.tokenEnd))) continue;
    for (const other of inside) dropped.add(other);
    for (let t = m.tokenEnd; t < end; t++) occupied[t] = 1;
    m.tokenEnd = end;
    m.end = tokens.ends[end - 1];
  }
  return dropped.size === 0 ? mentions : mentions.filter(m => !dropped.has(m));
}

/**
 * The tagger's organizations that make up a portfolio starting at mentions[first]: "Commissioner
 * for *Environment*, *Oceans* and *Fisheries*". Names joined by commas belong to it only when an
 * "and" closes the list ("Minister for Trade, Acme Corp said" leaves Acme Corp).
 */
function portfolioList(tokens: Tokens, mentions: readonly Candidate[], first: number): Candidate[] {
  const items = [mentions[first]];
  let closed = false;
  for (let n = first + 1; n < mentions.length && !closed; n++) {
    const previous = items[items.length - 1], next = mentions[n];
    const joint = tokenText(tokens, previous.tokenEnd);
    if (next.tokenStart !== previous.tokenEnd + 1 || next.type !== 'organization' || next.source !== 'tagger' ||
      !(joint === ',' || joint === 'and' || joint === '&')) break;
    items.push(next);
    closed = joint !== ',';
  }
  return closed ? items : items.slice(0, 1);
}

/** Last words of a street's name: "Warren Avenue", "Wall Street" (CoNLL train: 15 places, 1 organization). */
const STREET_WORDS: ReadonlySet<string> = new Set(['street', 'avenue', 'road', 'boulevard', 'square', 'highway']);

/** "Saturdays", "Mondays": a weekday in the plural. */
function isCalendarPlural(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('s') && WEEKDAYS.has(lower.slice(0, -1));
}

/** "Wednesday", "Jan.": "Department on Wednesday" is not a longer name. */
function isCalendarWord(word: string): boolean {
  const w = bare(word);
  return MONTHS.has(w) || WEEKDAYS.has(w);
}

/** "WHO", "U.S.", "BoE": 2–10 ASCII letters or digits (periods aside), starting with and mostly capitals. */
function isAcronymWord(s: string): boolean {
  const first = s.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return false;
  let length = 0;
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) continue;
    if (c >= 65 && c <= 90) upper++;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38)) return false;
    length++;
  }
  return length >= 2 && length <= 10 && upper * 2 > length;
}

/**
 * "the World Health Organization (WHO)": the bracketed acronym after a name is a mention of the
 * same type, even when the tagger skipped it, so later "WHO" mentions find their expansion.
 * "Meridian Health Partners (“Meridian”)": a press release's defined short name, in quotation
 * marks, is one of the name's words; it is a mention of the same type whatever the tagger said
 * (added to `definitions`, whose types hold for every occurrence: "Meridian" is also a city).
 */
function findDefinedAcronyms(tokens: Tokens, mentions: readonly Candidate[], occupied: Uint8Array, definitions: Set<Candidate>): Candidate[] {
  const out: Candidate[] = [];
  // Mention index + 1 by first token, for a defined name the tagger found too.
  let startsAt: Int32Array | undefined;
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    if (m.type === 'person' || m.tokenEnd - m.tokenStart < 2) continue;
    const k = m.tokenEnd;
    if (tokenText(tokens, k) === '(' && isQuoteMark(tokenText(tokens, k + 1)) && isQuoteMark(tokenText(tokens, k + 3)) &&
      tokenText(tokens, k + 4) === ')' && tokens.kinds[k + 2] === WORD && isCapitalizedWord(tokenText(tokens, k + 2))) {
      const alias = formKeyAt(tokens, k + 2);
      let isNameWord = false;
      for (let w = m.tokenStart; w < m.tokenEnd; w++) if (formKeyAt(tokens, w) === alias) isNameWord = true;
      if (!isNameWord) continue;
      if (!occupied[k + 2]) {
        occupied[k + 2] = 1;
        const defined = candidate(tokens, k + 2, k + 3, m.type, 'rule', PRIORITY_STRUCTURE);
        out.push(defined);
        definitions.add(defined);
        continue;
      }
      if (!startsAt) {
        startsAt = SCRATCH.startsAt.take(tokens.length + 1);
        for (let i = 0; i < mentions.length; i++) startsAt[mentions[i].tokenStart] = i + 1;
      }
      const found = startsAt[k + 2] > 0 ? mentions[startsAt[k + 2] - 1] : undefined;
      if (found && found.tokenEnd === k + 3) {
        found.type = m.type;
        definitions.add(found);
      }
      continue;
    }
    if (tokenText(tokens, k) !== '(' || tokenText(tokens, k + 2) !== ')' || occupied[k + 1]) continue;
    const acronym = tokenText(tokens, k + 1);
    if (tokens.kinds[k + 1] !== WORD || !isAcronymWord(acronym)) continue;
    if (initialsOf(tokens, m).every(i => i !== acronymKey(acronym))) continue;
    occupied[k + 1] = 1;
    out.push(candidate(tokens, k + 1, k + 2, m.type, 'rule', PRIORITY_STRUCTURE));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Types and propagation

/** Case- and punctuation-blind key of a surface form: "FAIR-2031" = "Fair 2031", "OSLO" = "Oslo". */
function formKey(s: string): string {
  const lower = s.toLowerCase();
  let clean = true;
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i++) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      clean = false;
      if (c > 127) ascii = false;
    }
  }
  if (clean) return lower;
  if (!ascii) return lower.replace(NOT_ALNUM, '');
  // ASCII with spaces or punctuation ("new york", "fair-2031"), most multi-word names: the letters
  // and digits are what NOT_ALNUM keeps, copied run by run without a Unicode regular expression.
  let out = '';
  let run = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (keep && run < 0) run = i;
    else if (!keep && run >= 0) {
      out += lower.slice(run, i);
      run = -1;
    }
  }
  return out;
}

const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;

function keyOf(text: string, tokens: Tokens, m: Candidate): string {
  // Most mentions are one word: its key is known by vocabulary key.
  m.key ??= m.display === undefined && m.tokenEnd - m.tokenStart === 1 ? formKeyAt(tokens, m.tokenStart) : formKey(surfaceOf(text, m));
  return m.key;
}

function surfaceOf(text: string, m: Candidate): string {
  return m.display ?? text.slice(m.start, m.end);
}

/** After a company's name, not a person's: "Magna shares rose", "Acme stock". */
const SECURITIES_AFTER = new Set(['shares', 'stock', 'stocks', 'shareholders', 'stockholders']);
/** After a possessive, still a company's ("Acme's shareholders"), but "Icahn's shares" may be his. */
const OWNERS_AFTER_POSSESSIVE = new Set(['shareholders', 'stockholders', 'stock']);

/**
 * A name the tagger took for a person that trades on a market is a company: "Jones shares fell",
 * "Magna's stockholders", "bought shares of Jones". Only the tagger's own person mentions: a
 * user's list or a title's evidence stays. (+0.1 F1 on CoNLL-2003 valid, with the train-only model.)
 */
function retypeCompanies(tokens: Tokens, mentions: readonly Candidate[]): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'person' || m.priority !== PRIORITY_TAGGER) continue;
    // Lower-case forms by vocabulary key (lowerAt): four toLowerCase calls per person were ~3% of
    // the entity logic on the 300 articles.
    const next = m.tokenEnd < tokens.length ? tokenText(tokens, m.tokenEnd) : '';
    const possessive = next === "'s" || next === '’s';
    const after = possessive && m.tokenEnd + 1 < tokens.length ? lowerAt(tokens, m.tokenEnd + 1) : '';
    const b = m.tokenStart;
    const sharesOf = b >= 2 && lowerAt(tokens, b - 1) === 'of' && lowerAt(tokens, b - 2) === 'shares';
    // "the Hawkshead Hawks", "the Rolling Stones": a person's name takes no article, except as a
    // modifier ("the Clinton administration").
    const article = b >= 1 && tokenText(tokens, b - 1) === 'the' && !(m.tokenEnd < tokens.length && isLowerCaseWordAt(tokens, m.tokenEnd));
    if ((m.tokenEnd < tokens.length && SECURITIES_AFTER.has(lowerAt(tokens, m.tokenEnd))) || (possessive && OWNERS_AFTER_POSSESSIVE.has(after)) ||
      sharesOf || article) m.type = 'organization';
  }
}

/** Lower-case nouns of a kind of place, before "of" ("the province of Parma") or after the name ("the Po river"). */
const PLACE_KINDS: ReadonlySet<string> = new Set([
  'city', 'town', 'village', 'province', 'region', 'state', 'county', 'district', 'municipality', 'island', 'islands',
  'river', 'lake', 'valley', 'mountains', 'coast', 'peninsula', 'capital', 'suburb', 'neighbourhood', 'neighborhood',
]);

/**
 * A name the tagger typed as a club or a person that the words around it say is a place: "the
 * province of Parma", "the city of Leeds", "the Po river", "near Marseille". Lower-case kinds only
 * ("the City of London Corporation" is a name).
 */
function retypePlaces(tokens: Tokens, mentions: readonly Candidate[]): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type === 'place' || m.type === 'event' || m.priority !== PRIORITY_TAGGER) continue;
    const b = m.tokenStart;
    const kindBefore = b >= 2 && tokenText(tokens, b - 1) === 'of' && isLowerCaseWordAt(tokens, b - 2) && PLACE_KINDS.has(tokenText(tokens, b - 2));
    const kindAfter = m.tokenEnd < tokens.length && isLowerCaseWordAt(tokens, m.tokenEnd) && PLACE_KINDS.has(tokenText(tokens, m.tokenEnd)) &&
      b >= 1 && lowerAt(tokens, b - 1) === 'the';
    // "homes near Marseille": a known city or country after a preposition of place, no club
    // ("around Porto's new keeper" is the club's)
    const near = m.tokenEnd - b === 1 && b >= 1 && NEAR_PREPOSITIONS.has(tokenText(tokens, b - 1)) && isKnownPlace(lowerAt(tokens, b)) &&
      !(m.tokenEnd < tokens.length && isPossessive(tokens, m.tokenEnd));
    if (kindBefore || kindAfter || near) m.type = 'place';
  }
}

/**
 * A name that a sentence defines: "Careflow is a Berlin-based startup", "Hoshino Motor Corporation
 * is a Japanese automaker", "Coldplay are a British rock band", "Kerman is a city in Fresno
 * County": the noun that heads the definition gives the type, for every mention of that form
 * (added to `definitions`, as unifyTypes reads it). The noun is the last word before the
 * definition's first preposition, clause or punctuation, within a few words.
 */
function typeByDefinition(tokens: Tokens, mentions: readonly Candidate[], definitions: Set<Candidate>): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.priority !== PRIORITY_TAGGER || m.type === 'event') continue;
    let i = m.tokenEnd;
    if (i + 2 >= tokens.length || !COPULAS.has(tokenText(tokens, i)) || !ARTICLES.has(lowerAt(tokens, i + 1))) continue;
    i += 2;
    let head = -1;
    for (const end = Math.min(tokens.length, i + MAX_DEFINITION_WORDS); i < end && tokens.kinds[i] === WORD; i++) {
      const word = tokenText(tokens, i);
      if (DEFINITION_STOPS.has(word)) break;
      head = i;
    }
    if (head < 0 || !isLowerCaseWordAt(tokens, head)) continue;
    const type = DEFINING_NOUNS.get(tokenText(tokens, head));
    if (type === undefined) continue;
    m.type = type;
    definitions.add(m);
  }
}

const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were']);
const MAX_DEFINITION_WORDS = 6;
/** Words that end a definition's noun phrase: "a provider *of* …", "a band *from* …", "a company *that* …". */
const DEFINITION_STOPS: ReadonlySet<string> = new Set([
  'of', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'to', 'that', 'which', 'who', 'whose', 'and', 'or', 'based', 'founded',
  'headquartered', 'located', 'formed', 'where', 'when', 'than', 'since', 'but',
]);
/**
 * Head nouns of a definition, and the type they give the name defined; not nouns a person may be
 * too ("a real estate developer", "a publisher", "a general").
 */
const DEFINING_NOUNS: ReadonlyMap<string, EntityType> = new Map([
  ...[
    'company', 'firm', 'corporation', 'business', 'startup', 'start-up', 'group', 'band', 'club', 'team', 'organization',
    'organisation', 'charity', 'nonprofit', 'non-profit', 'provider', 'maker', 'manufacturer', 'retailer',
    'chain', 'supplier', 'distributor', 'brand', 'label', 'newspaper', 'magazine', 'broadcaster',
    'airline', 'bank', 'lender', 'insurer', 'fund', 'foundation', 'association', 'society', 'institute',
    'institution', 'university', 'college', 'school', 'academy', 'agency', 'ministry', 'party', 'union', 'federation',
    'league', 'alliance', 'coalition', 'consortium', 'conglomerate', 'subsidiary', 'automaker', 'carmaker', 'drugmaker',
    'chipmaker', 'orchestra', 'choir', 'duo', 'trio', 'quartet', 'collective', 'cooperative', 'co-op',
  ].map((noun): [string, EntityType] => [noun, 'organization']),
  ...[
    'city', 'town', 'village', 'suburb', 'county', 'district', 'province', 'region', 'country', 'nation', 'island',
    'river', 'lake', 'mountain', 'valley', 'municipality', 'neighborhood', 'neighbourhood', 'capital', 'port', 'commune',
    'parish', 'borough', 'hamlet',
  ].map((noun): [string, EntityType] => [noun, 'place']),
  ...[
    'singer', 'actor', 'actress', 'politician', 'footballer', 'writer', 'author', 'musician', 'rapper', 'painter', 'poet',
    'journalist', 'businessman', 'businesswoman', 'entrepreneur', 'scientist', 'economist', 'lawyer', 'composer',
    'guitarist', 'drummer', 'athlete', 'cricketer', 'golfer', 'sprinter', 'novelist', 'philosopher', 'historian',
    'physicist', 'chemist', 'mathematician', 'diplomat',
  ].map((noun): [string, EntityType] => [noun, 'person']),
]);

/** Prepositions after which a known place's name is the place: "near Marseille", "outside Lyon". */
const NEAR_PREPOSITIONS: ReadonlySet<string> = new Set(['near', 'outside', 'throughout', 'towards', 'toward']);

/**
 * A first or last word an organization may go by: "Northwind" of "Northwind Robotics", "Tigers"
 * of "Detroit Tigers". Not a generic word ("Bank" of "Bank of England", "Council", "Corp.", "The"),
 * nor a place ("Leeds" of "Leeds City Council", "England" of "Bank of England").
 */
function isShortFormWord(word: string, bits: number): boolean {
  return isCapitalizedWord(word) && (bits & (ORGANIZATION_WORD | NO_SHORT_FORM)) === 0;
}

/** nameWordBits of m's word k (see wordsOf): a token's by vocabulary key. */
function nameWordBitsOfWord(tokens: Tokens, m: Candidate, words: readonly string[], k: number): number {
  if (m.display === undefined) return nameWordBitsAt(tokens, m.tokenStart + k);
  const lower = lowerOf(words[k]);
  return nameWordBits(lower, bare(lower));
}

/**
 * A short person the tagger found that is an organization's short form: one word that starts or
 * ends its name, when no person of the article has it as a first or last name ("Northwind
 * Robotics … we've watched Northwind execute"; "Gerald Ford" keeps "Ford" a person beside "Ford
 * Motor"), or two words that are its name without the trade word ("Harbor Lane" of "Harbor Lane
 * Capital"). Likewise one word taken for a place that no gazetteer knows ("Kestrel" of "Kestrel
 * Pharmaceuticals").
 */
function retypeShortCompanyNames(tokens: Tokens, mentions: readonly Candidate[]): void {
  // The forms of the tagger's short people first (most articles have a few), then the
  // organizations' short forms among them. People of two words only where an organization of
  // three or more ends in a trade word ("Harbor Lane Capital"): keys of two words cost a string each.
  let twoWords = false;
  for (let k = 0; k < mentions.length && !twoWords; k++) {
    const m = mentions[k];
    twoWords = m.type === 'organization' && m.tokenEnd - m.tokenStart >= 3 && COMPANY_HEADS.has(bareAt(tokens, m.tokenEnd - 1));
  }
  let wanted: Map<string, Candidate[]> | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.priority !== PRIORITY_TAGGER || m.tokenEnd - m.tokenStart > (twoWords ? 2 : 1)) continue;
    // a person, or one word the tagger took for a place that the gazetteer does not know ("Kestrel")
    if (m.type !== 'person' && (m.type !== 'place' || m.tokenEnd - m.tokenStart !== 1 || (nameWordBitsAt(tokens, m.tokenStart) & NO_SHORT_FORM) !== 0)) continue;
    const key = m.tokenEnd - m.tokenStart === 1 ? formKeyAt(tokens, m.tokenStart) : formKey(wordsOf(tokens, m).join(' '));
    const list = (wanted ??= new Map()).get(key);
    if (list) list.push(m);
    else wanted.set(key, [m]);
  }
  if (wanted === undefined) return;
  const found = new Set<string>();
  let ofCompanies: Set<string> | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'organization' || m.tokenEnd - m.tokenStart < 2) continue;
    if (twoWords && m.tokenEnd - m.tokenStart >= 3 && COMPANY_HEADS.has(bareAt(tokens, m.tokenEnd - 1))) {
      const key = formKey(wordsOf(tokens, m).slice(0, -1).join(' '));
      if (wanted.has(key)) found.add(key);
    }
    // its first and last word; for a place, only of a company's name ("Kestrel Pharmaceuticals";
    // clubs are named after towns the gazetteer does not know: "Gloria Bistrita", "in Bistrita")
    const company = (nameWordBitsAt(tokens, m.tokenEnd - 1) & ORGANIZATION_WORD) !== 0 && !ORG_HEADS.has(bareAt(tokens, m.tokenEnd - 1));
    for (let i = m.tokenStart; i < m.tokenEnd; i += Math.max(1, m.tokenEnd - 1 - m.tokenStart)) {
      const key = formKeyAt(tokens, i);
      if (wanted.has(key) && isShortFormWord(tokenText(tokens, i), nameWordBitsAt(tokens, i))) {
        found.add(key);
        if (company) (ofCompanies ??= new Set()).add(key);
      }
    }
  }
  if (found.size === 0) return;
  let personWords: Set<string> | undefined;
  for (const key of found) {
    for (const m of wanted.get(key)!) {
      if (m.tokenEnd - m.tokenStart === 2) {
        m.type = 'organization';
        continue;
      }
      if (m.type === 'place') {
        if (ofCompanies?.has(key)) m.type = 'organization';
        continue;
      }
      if (personWords === undefined) {
        personWords = new Set();
        for (let j = 0; j < mentions.length; j++) {
          const p = mentions[j];
          if (p.type !== 'person' || p.tokenEnd - p.tokenStart < 2) continue;
          personWords.add(formKeyAt(tokens, p.tokenStart));
          personWords.add(formKeyAt(tokens, p.tokenEnd - 1));
        }
      }
      if (!personWords.has(key)) m.type = 'organization';
    }
  }
}

/**
 * One form keeps one type in an article, with one exception. The user's list decides if it names
 * the form, else the majority of the mentions that have evidence (copies of a form found elsewhere
 * carry none), structure mentions counting double, ties going to the first mention: "Brightwave
 * Robotics" tagged as an organization where it announces and as a place in "CEO of Brightwave
 * Robotics" is an organization throughout. The exception is a one-word name the tagger typed
 * from its own sentence: it keeps that type, because one word is where the senses really differ
 * within one article ("Washington" the player and the city, "Milan" the club and the city).
 * Overruling those by majority lost 0.3 F1 on CoNLL-2003 valid (93.6 against 93.9; 93.7 with
 * this exception, which keeps multi-word names consistent).
 */
function unifyTypes(text: string, tokens: Tokens, mentions: Candidate[], inTable: Uint8Array, definitions: ReadonlySet<Candidate>): void {
  // Per form key, six counters at 6 × its index: votes per type (ENTITY_TYPES order), the first
  // type, the forced type + 1.
  const keyIndex = new Map<string, number>();
  const votes = SCRATCH.votes.take(6 * mentions.length);
  const slotOf = SCRATCH.slotOf.take(mentions.length).fill(-1);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (inTable[m.tokenStart]) continue;
    const key = keyOf(text, tokens, m);
    let at = keyIndex.get(key);
    const type = ENTITY_TYPES.indexOf(m.type);
    if (at === undefined) {
      at = 6 * keyIndex.size;
      keyIndex.set(key, at);
      votes[at + 4] = type;
    }
    slotOf[i] = at;
    if ((m.source === 'personal' || (definitions.size > 0 && definitions.has(m))) && votes[at + 5] === 0) votes[at + 5] = type + 1;
    // Propagated mentions copy a form's type: they carry no evidence of their own.
    votes[at + type] += m.priority === PRIORITY_STRUCTURE ? 2 : m.priority === PRIORITY_COPY ? 0 : 1;
  }
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const at = slotOf[i];
    if (at < 0) continue;
    let best = votes[at + 4];
    if (votes[at + 5] > 0) best = votes[at + 5] - 1;
    else if (m.priority > PRIORITY_SHAPE && m.tokenEnd - m.tokenStart === 1) continue;
    else for (let t = 0; t < 4; t++) if (votes[at + t] > votes[at + best]) best = t;
    m.type = ENTITY_TYPES[best];
  }
}

const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'event'];

/**
 * inTable[i]: token i is on a line of a table, where numbers outnumber words ("DETROIT 61 74 .452
 * 17"). Names there are often metonyms (a city for its team), so they neither vote on a form's
 * type nor take the article's majority type.
 */
function tableLines(text: string, tokens: Tokens): Uint8Array {
  const inTable = SCRATCH.inTable.take(tokens.length);
  let lineStart = 0;
  let numbers = 0;
  let words = 0;
  // The first line break at or after the end of the previous token (-1: none), found by indexOf
  // once per line instead of reading every gap between tokens (a third of this function's time).
  let lineBreak = text.indexOf('\n');
  for (let i = 0; i <= tokens.length; i++) {
    if (i > 0 && lineBreak >= 0 && lineBreak < tokens.ends[i - 1]) lineBreak = text.indexOf('\n', tokens.ends[i - 1]);
    const newLine = i === tokens.length || (i > 0 && lineBreak >= 0 && lineBreak < tokens.starts[i]);
    if (newLine && i > lineStart) {
      if (numbers >= 2 && numbers >= words) inTable.fill(1, lineStart, i);
      lineStart = i;
      numbers = 0;
      words = 0;
    }
    if (i === tokens.length) break;
    if (tokens.kinds[i] === NUMBER) numbers++;
    else if (tokens.kinds[i] === WORD) words++;
  }
  return inTable;
}

/**
 * Every other occurrence of a form already found is a mention too: the tagger finds "Norway" in
 * one sentence and misses it in the next. A person's surname alone counts as a form ("Maria
 * Lopez" → "Lopez"). Only whole names: "Norway" inside "Norway Telecom" (a capitalised
 * word follows) is left alone. A one-word form that also occurs in lower case ("Acme" and
 * "acme") is not taken at a sentence start, where it may be the common word.
 */
function propagateForms(source: string, tokens: Tokens, table: WordTable, sentences: Doc['sentences'], headlines: readonly Segment[],
  mentions: readonly Candidate[], occupied: Uint8Array): Candidate[] {
  const { wordIds, words } = table;
  // Forms by their words joined with U+0001; per word id of a first word, the lengths of its
  // forms, longest first, so each token costs one array read, and one lookup per length only
  // where a form starts.
  const forms = new Map<string, EntityType>();
  const lengthsOf = new Array<number[] | undefined>(words.length);
  const isLastWord = SCRATCH.isLastWord.take(words.length); // the last words of the forms of several words
  // A dateline's display form ("Oslo" for "OSLO") may hold words the text never has: id -1. At
  // most a couple of mentions have one, so a scan beats building a map of every word.
  const idOfWord = (word: string) => words.indexOf(word);
  // A form by its key (its words joined) and word count: a mention's key is built from its tokens
  // without a word list to join, and a one-word form's key is the word itself (building and joining
  // a list per mention, and looking its key up twice, took ~18% of propagateForms on the 300 articles).
  const add = (key: string, length: number, type: EntityType, firstId: number, lastId: number) => {
    if (length === 0 || forms.has(key)) return;
    forms.set(key, type);
    if (length > 1 && lastId >= 0) isLastWord[lastId] = 1;
    if (firstId < 0) return;
    const lengths = lengthsOf[firstId];
    if (!lengths) lengthsOf[firstId] = [length];
    else if (!lengths.includes(length)) lengths.push(length), lengths.sort((a, b) => b - a);
  };
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    let key = tokenText(tokens, m.tokenStart);
    for (let k = m.tokenStart + 1; k < m.tokenEnd; k++) key += '\u0001' + tokenText(tokens, k);
    add(key, m.tokenEnd - m.tokenStart, m.type, wordIds[m.tokenStart], wordIds[m.tokenEnd - 1]);
    if (m.display) {
      const displayWords = wordsOfDisplay(m.display);
      if (displayWords.length > 0) add(displayWords.join('\u0001'), displayWords.length, m.type, idOfWord(displayWords[0]), idOfWord(displayWords[displayWords.length - 1]));
    }
    if (m.type === 'person' && m.tokenEnd - m.tokenStart >= 2) {
      const last = tokenText(tokens, m.tokenEnd - 1);
      if (!forms.has(last) && last.length >= 2 && isCapitalizedWord(last) && !last.endsWith('.') && !NAME_SUFFIXES.has(lowerAt(tokens, m.tokenEnd - 1))) {
        add(last, 1, 'person', wordIds[m.tokenEnd - 1], wordIds[m.tokenEnd - 1]);
      }
    }
  }
  if (forms.size === 0) return [];
  extendToKnownForms(source, tokens, mentions, forms, occupied);
  const sentenceStarts = SCRATCH.sentenceStarts.take(tokens.length);
  for (let sIndex = 0; sIndex < sentences.length; sIndex++) {
    const s = sentences[sIndex];
    if (s.tokenStart < tokens.length) sentenceStarts[s.tokenStart] = 1;
  }

  // A one-word match at a sentence start waits in `pending` until lowerWords can say whether the
  // word is also common ("Acme" first in a sentence, "acme" elsewhere). The wait changes nothing
  // else: a one-word match occupies only its own token, which no later match looks at.
  const out: Array<Candidate | undefined> = [];
  const pending: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (occupied[i]) continue;
    const lengths = lengthsOf[wordIds[i]];
    if (lengths === undefined) continue;
    let type: EntityType | undefined;
    let end = i;
    for (let lengthIndex = 0; lengthIndex < lengths.length; lengthIndex++) {
      const length = lengths[lengthIndex];
      if (i + length > tokens.length) continue;
      // "Maria" heads "Maria Lopez" and "Maria Ruiz": a form can match only where its last word
      // is, so most places skip building the joined key (a new string to hash) at all.
      if (length > 1 && !isLastWord[wordIds[i + length - 1]]) continue;
      let key = tokenText(tokens, i);
      for (let k = i + 1; k < i + length; k++) key += '\u0001' + tokenText(tokens, k);
      type = forms.get(key);
      if (type) {
        end = i + length;
        break;
      }
    }
    if (!type) continue;
    let free = true;
    for (let k = i; k < end; k++) if (occupied[k]) free = false;
    if (!free) continue;
    // "Acme" before "Robotics" is part of a longer name, unless in a Title Case Headline, where
    // every word is capitalised ("Acme Robotics Reports Results").
    if (end < tokens.length && tokens.kinds[end] === WORD && isCapitalizedWord(tokenText(tokens, end)) &&
      tokens.starts[end] - tokens.ends[end - 1] <= 1 && !sentenceStarts[end] && !inHeadline(headlines, tokens, i)) continue;
    if (end - i === 1 && sentenceStarts[i]) {
      pending.push(out.length);
      out.push(candidate(tokens, i, end, type, 'rule', PRIORITY_COPY));
      continue;
    }
    for (let k = i; k < end; k++) occupied[k] = 1;
    out.push(candidate(tokens, i, end, type, 'rule', PRIORITY_COPY));
    i = end - 1;
  }
  if (pending.length === 0) return out as Candidate[];
  const lowerWords = lowerCaseWordsOf(tokens, table, pending.map(p => out[p]!));
  for (let p = 0; p < pending.length; p++) {
    const m = out[pending[p]]!;
    if (lowerWords.has(lowerAt(tokens, m.tokenStart))) out[pending[p]] = undefined;
    else occupied[m.tokenStart] = 1;
  }
  return out.filter((m): m is Candidate => m !== undefined);
}

/**
 * A company's name the tagger cut short on the left: "led by Harbor Lane Capital" tagged "Lane
 * Capital". A capitalised word right before a name of two words at most that ends in a trade
 * word ("Capital", "Robotics") belongs to it, on the same line, unless it starts the sentence,
 * has a hyphen ("Boston-based"), is "About" ("### About Acme Health"; "In Home Health" is a
 * company), or is a title, a courtesy title, a month or weekday, a demonym or a place ("Texas Lane
 * Capital" stays two names). Not in a Title Case Headline, where every word has a capital.
 */
function extendCompanyNames(source: string, tokens: Tokens, mentions: readonly Candidate[], occupied: Uint8Array,
  headlines: readonly Segment[]): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const before = m.tokenStart - 1;
    if (m.type !== 'organization' || m.source !== 'tagger' || before < 0 || occupied[before] || tokens.kinds[before] !== WORD) continue;
    if (m.tokenEnd - m.tokenStart > 2 || tokens.starts[m.tokenStart] - tokens.ends[before] !== 1 || source.charCodeAt(tokens.ends[before]) !== 32 ||
      !COMPANY_HEADS.has(bareAt(tokens, m.tokenEnd - 1))) continue;
    const word = tokenText(tokens, before);
    // "Boston-based Reagan Communications": a hyphenated word describes the name.
    if (!isCapitalizedWord(word) || word.includes('-') || word === 'About' || isSentenceInitial(source, tokens, before) ||
      inHeadline(headlines, tokens, before)) continue;
    const bits = nameWordBitsAt(tokens, before);
    if ((bits & (TITLE_HEAD | HONORIFIC | TITLE_ABBREVIATION | NO_SHORT_FORM | ORGANIZATION_WORD)) !== 0 || isTitleWordAt(tokens, before) ||
      isCalendarWord(word) || DEMONYMS.has(lowerAt(tokens, before)) || isAcronymWord(word)) continue;
    takeInLeft(tokens, m, before, occupied);
  }
}

/** Moves m's start left to token `from`, taking the tokens in between. */
function takeInLeft(tokens: Tokens, m: Candidate, from: number, occupied: Uint8Array): void {
  occupied.fill(1, from, m.tokenStart);
  m.tokenStart = from;
  m.start = tokens.starts[from];
  m.key = undefined;
}

/**
 * A name the tagger cut short on the left, where the text has the longer form elsewhere: "Lane
 * Capital" after "Harbor" in a release that says "Harbor Lane Capital". The capitalised words
 * before it (two at most, none taken) are taken in, with the longer form's type. `forms`: by the
 * words joined with U+0001 (see propagateForms).
 */
function extendToKnownForms(source: string, tokens: Tokens, mentions: readonly Candidate[], forms: ReadonlyMap<string, EntityType>,
  occupied: Uint8Array): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const before = m.tokenStart - 1;
    // Most names follow a lower-case word, punctuation or another name: no key to build, and the
    // first letter read from the text, near the name, rather than from the word's string.
    if (before < 0 || occupied[before] || tokens.kinds[before] !== WORD) continue;
    const letter = source.charCodeAt(tokens.starts[before]);
    if ((letter < 65 || letter > 90) && (letter < 128 || !isCapitalizedWord(tokenText(tokens, before)))) continue;
    let key = tokenText(tokens, m.tokenStart);
    for (let i = m.tokenStart + 1; i < m.tokenEnd; i++) key += '\u0001' + tokenText(tokens, i);
    // (word by word, each followed by one space: never across a line)
    for (let s = before; s >= 0 && s >= m.tokenStart - 2 && !occupied[s] && tokens.kinds[s] === WORD && isCapitalizedWord(tokenText(tokens, s)) &&
      tokens.starts[s + 1] - tokens.ends[s] === 1 && source.charCodeAt(tokens.ends[s]) === 32; s--) {
      key = tokenText(tokens, s) + '\u0001' + key;
      const type = forms.get(key);
      if (type === undefined) continue;
      takeInLeft(tokens, m, s, occupied);
      m.type = type;
      break;
    }
  }
}

/** True when token i lies in one of the headlines (in order). */
function inHeadline(headlines: readonly Segment[], tokens: Tokens, i: number): boolean {
  if (headlines.length === 0) return false;
  const k = segmentAt(headlines, tokens.starts[i]);
  return headlines[k].tokenStart <= i && i < headlines[k].tokenEnd;
}

/**
 * The lower-case forms of the mentions' words that occur in the text starting with a lower-case
 * ASCII letter ("acme" for "Acme"): every word of the text is one of `words`, so looking at each
 * distinct word once is looking at every token. Asked only for the one-word matches at sentence
 * starts, instead of for every one-word form (a Set of them and a look-up per distinct word, on
 * every call: ~3% of the entity logic on the 300 articles).
 */
function lowerCaseWordsOf(tokens: Tokens, table: WordTable, mentions: readonly Candidate[]): Set<string> {
  const wanted = new Set<string>();
  for (let k = 0; k < mentions.length; k++) wanted.add(lowerAt(tokens, mentions[k].tokenStart));
  const found = new Set<string>();
  const { words } = table;
  for (let id = 0; id < words.length; id++) {
    const word = words[id];
    const c = word.charCodeAt(0);
    if (c >= 97 && c <= 122 && wanted.has(word)) found.add(word);
  }
  return found;
}

/**
 * A one-word organization that is the surname of a person of the text and speaks: in "Angela
 * Ruiz, President, Ruiz & Partners … said Ruiz" the tagger, having seen the firm, calls the last
 * "Ruiz" the firm; a firm speaks as "the firm" or by its full name, a founder by her surname.
 */
function retypeSpeakingSurnames(tokens: Tokens, mentions: readonly Candidate[]): void {
  let surnames: Set<string> | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'organization' || m.source !== 'tagger' || m.tokenEnd - m.tokenStart !== 1) continue;
    const speaks = (m.tokenStart > 0 && REPORTING_VERBS.has(lowerAt(tokens, m.tokenStart - 1))) ||
      (m.tokenEnd < tokens.length && REPORTING_VERBS.has(lowerAt(tokens, m.tokenEnd)));
    if (!speaks) continue;
    if (!surnames) {
      surnames = new Set();
      for (let j = 0; j < mentions.length; j++) {
        const p = mentions[j];
        if (p.type === 'person' && p.tokenEnd - p.tokenStart >= 2) surnames.add(formKeyAt(tokens, p.tokenEnd - 1));
      }
    }
    if (surnames.has(formKeyAt(tokens, m.tokenStart))) m.type = 'person';
  }
}

/**
 * People the tagger found in one capitalised plural that the text also uses in lower case:
 * "twelve Community Fellows" beside "these fellows" names a programme's members, not someone
 * called Fellows. The surname of a fuller name ("Jo Fellows", later "Fellows") stays.
 */
function dropCommonPlurals(tokens: Tokens, table: WordTable, mentions: Candidate[], occupied: Uint8Array): Candidate[] {
  const plurals = new Set<Candidate>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type !== 'person' || m.source !== 'tagger' || m.tokenEnd - m.tokenStart !== 1) continue;
    const word = tokenText(tokens, m.tokenStart);
    if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith("'s")) plurals.add(m);
  }
  if (plurals.size === 0) return mentions;
  const lower = lowerCaseWordsOf(tokens, table, [...plurals]);
  if (lower.size === 0) return mentions;
  const surnames = new Set<string>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.type === 'person' && m.tokenEnd - m.tokenStart >= 2) surnames.add(lowerAt(tokens, m.tokenEnd - 1));
  }
  return mentions.filter(m => {
    const word = plurals.has(m) ? lowerAt(tokens, m.tokenStart) : undefined;
    if (word === undefined || !lower.has(word) || surnames.has(word)) return true;
    occupied[m.tokenStart] = 0;
    return false;
  });
}

// ---------------------------------------------------------------------------------------------
// Clustering

interface Cluster {
  /** Position in the list of clusters. */
  index: number;
  type: EntityType;
  members: Candidate[];
}

function wordsOf(tokens: Tokens, m: Candidate): readonly string[] {
  if (m.display) return wordsOfDisplay(m.display);
  const words: string[] = [];
  for (let k = m.tokenStart; k < m.tokenEnd; k++) words.push(tokenText(tokens, k));
  return words;
}

/** formKey(words.join(' ')) of m's words (see wordsOf). */
function formKeyOfWords(tokens: Tokens, m: Candidate, words: readonly string[]): string {
  return words.length === 1 ? formKeyOfWord(tokens, m, words, 0) : formKey(words.join(' '));
}

/** formKey(words[k]) of m's words (see wordsOf): a token's by vocabulary key. */
function formKeyOfWord(tokens: Tokens, m: Candidate, words: readonly string[], k: number): string {
  return m.display === undefined ? formKeyAt(tokens, m.tokenStart + k) : formKey(words[k]);
}

/**
 * lowerOf(words[k]) of m's words (see wordsOf): a token's by vocabulary key. Indexing a cluster
 * asks it of every word (initials, name suffixes), and the LOWER Map's lookups were most of
 * indexCluster's cost (~0.8 of its ~1.3 ms per pass on the 300 articles).
 */
function lowerOfWord(tokens: Tokens, m: Candidate, words: readonly string[], k: number): string {
  return m.display === undefined ? lowerAt(tokens, m.tokenStart + k) : lowerOf(words[k]);
}

function acronymKey(s: string): string {
  return (s.includes('.') ? s.split('.').join('') : s).toUpperCase();
}

/**
 * Initials a name may be shortened to: "World Health Organization" → WHO, "Bank of England" →
 * BE and BOE, "Joint Committee on Fisheries" → JCF and JCOF.
 */
function initialsOf(tokens: Tokens, m: Candidate): string[] {
  const words = wordsOf(tokens, m);
  let count = 0;
  let content = '';
  let all = '';
  for (let k = 0; k < words.length; k++) {
    const initial = initialOf(words[k]);
    if (initial === undefined) continue;
    count++;
    all += initial;
    if (!ACRONYM_SKIP_WORDS.has(lowerOfWord(tokens, m, words, k))) content += initial;
  }
  if (count < 2) return [];
  return content === all ? [content] : [content, all];
}

/** The first letter in upper case; undefined if the word starts with no letter ("2025", "&"). */
function initialOf(w: string): string | undefined {
  // ASCII (most words) without two case conversions, each a call into ICU.
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return w[0];
  if (c >= 97 && c <= 122) return String.fromCharCode(c - 32);
  if (c < 128 || w.length === 0) return undefined;
  const first = w[0];
  return first.toLowerCase() !== first.toUpperCase() ? first.toUpperCase() : undefined;
}

function stripOrgSuffixes(words: readonly string[]): string[] {
  let end = words.length;
  while (end > 1 && ORG_SUFFIXES.has(bare(words[end - 1]))) end--;
  if (end > 1 && (words[end - 1] === ',' )) end--;
  return words.slice(0, end);
}

/** The words without a last company head, if two or more are left: "Harbor Lane" of "Harbor Lane Capital". */
function withoutCompanyHead(words: readonly string[]): readonly string[] {
  return words.length >= 3 && COMPANY_HEADS.has(bare(lowerOf(words[words.length - 1]))) ? words.slice(0, -1) : words;
}

/**
 * Groups mentions into entities. Mentions with the same form key (case and punctuation aside)
 * and type share a cluster; then a shorter form joins a longer one of the same type when it is
 * its first or last word (people: "Lopez"), its initials or bracketed acronym (organizations,
 * places, events: "WHO"), or the same name without a legal suffix ("Acme" / "Acme Corp."). A
 * form that fits several clusters goes, mention by mention, to the one introduced first.
 */
function clusterMentions(text: string, tokens: Tokens, mentions: readonly Candidate[], covered: Uint8Array,
  notes: Note[], roles: Span[], headers: readonly Span[] = []): Entity[] {
  const personAt = SCRATCH.personAt.take(tokens.length);
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    if (m.type === 'person') personAt.fill(1, m.tokenStart, m.tokenEnd);
  }
  // One map per type, keyed by the form key itself: no key string built per mention.
  const byForm = ENTITY_TYPES.map(() => new Map<string, Candidate[]>());
  const lists: Candidate[][] = [];
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    const forType = byForm[ENTITY_TYPES.indexOf(m.type)];
    const key = keyOf(text, tokens, m);
    const list = forType.get(key);
    if (list) list.push(m);
    else {
      const created = [m];
      forType.set(key, created);
      lists.push(created);
    }
  }
  // Longest forms first, so short forms can find the clusters of long ones.
  const forms = lists.map(list => ({ list, words: wordsOf(tokens, list[0]) }))
    .sort((a, b) => b.words.length - a.words.length || a.list[0].start - b.list[0].start);

  const clusters: Cluster[] = [];
  // byEdgeWord holds people only and byStripped organizations only: their keys are bare form keys.
  const byEdgeWord = new Map<string, Cluster[]>(); // person clusters by first and last word
  const byInitials = new Map<string, Cluster[]>(); // org/place/event clusters by initials
  const byStripped = new Map<string, Cluster[]>(); // org clusters by name without legal suffix
  // org clusters of several words by a word that may stand for them; kept only when some
  // organization is named by one word
  let oneWordOrganization = false;
  for (let f = 0; f < forms.length && !oneWordOrganization; f++) oneWordOrganization = forms[f].words.length === 1 && forms[f].list[0].type === 'organization';
  const byShortForm = oneWordOrganization ? new Map<string, Cluster[]>() : undefined;
  // A cluster is indexed once, right after it is made, so a key it already holds ends the list
  // ("Jo Jo" gives the key "jo" twice): checking the last entry is enough. Scanning the list, as
  // includes() did, grew with every "John" or "Smith" a long text introduced.
  const index = (map: Map<string, Cluster[]>, key: string, cluster: Cluster) => {
    const list = map.get(key);
    if (!list) map.set(key, [cluster]);
    else if (list[list.length - 1] !== cluster) list.push(cluster);
  };
  const definedBy = new Map<Candidate, Candidate>(); // "(WHO)" → the name before it
  // Mention index + 1 by end token (mentions do not overlap), 0 for none.
  const endingAt = SCRATCH.endingAt.take(tokens.length + 1);
  for (let i = 0; i < mentions.length; i++) endingAt[mentions[i].tokenEnd] = i + 1;
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    if (m.tokenStart < 2 || m.tokenEnd - m.tokenStart !== 1) continue;
    // "(WHO)", or "(“Meridian”)"
    const quoted = m.tokenStart >= 3 && isQuoteMark(tokenText(tokens, m.tokenStart - 1)) && isQuoteMark(tokenText(tokens, m.tokenEnd)) ? 1 : 0;
    if (tokenText(tokens, m.tokenStart - 1 - quoted) !== '(' || tokenText(tokens, m.tokenEnd + quoted) !== ')') continue;
    const ownerEnd = m.tokenStart - 1 - quoted;
    const owner = endingAt[ownerEnd] > 0 ? mentions[endingAt[ownerEnd] - 1] : undefined;
    if (!owner || owner.type !== m.type) continue;
    // An acronym in brackets; a word of the name in quotation marks ("Company" is no short name).
    let defines = quoted === 0 && isAcronymWord(tokenText(tokens, m.tokenStart));
    for (let w = owner.tokenStart; quoted === 1 && w < owner.tokenEnd; w++) if (formKeyAt(tokens, w) === formKeyAt(tokens, m.tokenStart)) defines = true;
    if (defines) definedBy.set(m, owner);
  }
  const clusterAt = SCRATCH.clusterAt.take(tokens.length).fill(-1); // first token of a mention → cluster index

  for (let formIndex = 0; formIndex < forms.length; formIndex++) {
    const { list, words } = forms[formIndex];
    const type = list[0].type;
    let targets: Cluster[] = [];
    if (type === 'person' && words.length === 1) {
      targets = byEdgeWord.get(formKeyOfWords(tokens, list[0], words)) ?? [];
    } else if (type !== 'person' && words.length === 1 && (definedBy.size > 0 || isAcronymWord(words[0]))) {
      const defined = definedBy.size > 0 ? list.map(m => definedBy.get(m)).find(o => o !== undefined) : undefined;
      const owner = defined && clusterAt[defined.tokenStart] >= 0 ? clusters[clusterAt[defined.tokenStart]] : undefined;
      if (owner) targets = [owner];
      else if (isAcronymWord(words[0])) targets = byInitials.get(`${type}\u0000${acronymKey(words[0])}`) ?? [];
    }
    if (targets.length === 0 && type === 'organization') {
      targets = byStripped.get(formKeyOfWords(tokens, list[0], words)) ?? [];
      // "Northwind" for "Northwind Robotics", "Tigers" for "Detroit Tigers".
      if (targets.length === 0 && words.length === 1) targets = byShortForm?.get(formKeyOfWords(tokens, list[0], words)) ?? [];
    }
    if (targets.length <= 1) {
      const cluster = targets[0] ?? newCluster(type, clusters);
      for (let mIndex = 0; mIndex < list.length; mIndex++) {
        const m = list[mIndex];
        cluster.members.push(m);
      }
      for (let mIndex = 0; mIndex < list.length; mIndex++) {
        const m = list[mIndex];
        clusterAt[m.tokenStart] = cluster.index;
      }
      if (targets.length === 0) indexCluster(cluster, words, tokens, list[0], index, byEdgeWord, byInitials, byStripped, byShortForm);
      continue;
    }
    // Ambiguous ("Cruz" with "Ted Cruz" and "Heidi Cruz"): a bare surname is the person the
    // story introduced first, among those introduced before it; writers name the others in full.
    // A byline introduces no one: "By Marcus Lee" above a story about Mayor Barbara Lee.
    const inHeader = (o: Candidate) => headers.some(h => h.start <= o.start && o.end <= h.end);
    const firsts = targets.map(t => t.members.reduce((min, o) => (headers.length > 0 && inHeader(o) ? min : Math.min(min, o.start)), Infinity));
    for (let mIndex = 0; mIndex < list.length; mIndex++) {
      const m = list[mIndex];
      let best = -1;
      for (let i = 0; i < targets.length; i++) {
        const before = firsts[i] < m.start;
        if (best < 0) best = i;
        else if (before && (firsts[best] > m.start || firsts[i] < firsts[best])) best = i;
        else if (!before && firsts[best] > m.start && firsts[i] < firsts[best]) best = i;
      }
      targets[best].members.push(m);
      clusterAt[m.tokenStart] = targets[best].index;
      if (m === list[0]) {
        // A cluster's first member comes from the form that founded it, its longest.
        const names = targets.map(t => surfaceOf(text, t.members[0]));
        notes.push({
          span: { start: m.start, end: m.end },
          message: `"${surfaceOf(text, m)}" may be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}; taken as ${names[best]}.`,
        });
      }
    }
  }

  const usedIds = new Map<string, number>();
  const entities: Entity[] = [];
  const ordered = orderClusters(mentions, clusters, clusterAt);
  for (let clusterIndex = 0; clusterIndex < ordered.length; clusterIndex++) {
    const { c, members } = ordered[clusterIndex];
    const entity = toEntity(text, tokens, c.type, members, usedIds);
    if (c.type === 'person') {
      // The role is the first one found, mention by mention; every mention's role and
      // honorific ("Sir", "Dr") is handed on.
      for (let k = 0; k < members.length; k++) {
        const role = findApposition(text, tokens, members[k], personAt) ?? findTitleBefore(text, tokens, members[k], covered, personAt) ??
          findDescriptionBefore(text, tokens, members[k], personAt);
        if (role) {
          entity.role ??= role.role;
          roles.push({ start: tokens.starts[role.from], end: tokens.ends[role.to - 1] });
        }
        const before = members[k].tokenStart - 1;
        if (before >= 0 && isCapitalizedWord(tokenText(tokens, before)) && HONORIFICS.has(bareAt(tokens, before))) {
          roles.push({ start: tokens.starts[before], end: tokens.ends[before] });
        }
      }
    }
    entities.push(entity);
  }
  return entities;
}

/**
 * Clusters with members, each with its members in span order, ordered by their first members.
 * `mentions` is in span order already: when no two mentions start at one token (the usual case),
 * `clusterAt` names each mention's cluster and one sweep gives both orders without sorting.
 */
function orderClusters(mentions: readonly Candidate[], clusters: readonly Cluster[], clusterAt: Int32Array): Array<{ c: Cluster; members: Candidate[] }> {
  let distinctStarts = true;
  for (let i = 1; i < mentions.length && distinctStarts; i++) if (mentions[i].tokenStart <= mentions[i - 1].tokenStart) distinctStarts = false;
  if (!distinctStarts) {
    return clusters.filter(c => c.members.length > 0).map(c => ({ c, members: [...c.members].sort(bySpan) }))
      .sort((a, b) => bySpan(a.members[0], b.members[0]));
  }
  const membersOf: Array<Candidate[] | undefined> = new Array(clusters.length);
  const ordered: Array<{ c: Cluster; members: Candidate[] }> = [];
  for (let mIndex = 0; mIndex < mentions.length; mIndex++) {
    const m = mentions[mIndex];
    const index = clusterAt[m.tokenStart];
    let members = membersOf[index];
    if (!members) {
      members = membersOf[index] = [];
      ordered.push({ c: clusters[index], members });
    }
    members.push(m);
  }
  return ordered;
}

function newCluster(type: EntityType, clusters: Cluster[]): Cluster {
  const cluster: Cluster = { index: clusters.length, type, members: [] };
  clusters.push(cluster);
  return cluster;
}

function indexCluster(cluster: Cluster, words: readonly string[], tokens: Tokens, m: Candidate,
  index: (map: Map<string, Cluster[]>, key: string, cluster: Cluster) => void,
  byEdgeWord: Map<string, Cluster[]>, byInitials: Map<string, Cluster[]>, byStripped: Map<string, Cluster[]>,
  byShortForm: Map<string, Cluster[]> | undefined): void {
  const type = cluster.type;
  if (type === 'person' && words.length >= 2) {
    // "Jo Ng Jr." → "jo" and "ng": the first and last words that are no suffix or initial.
    let first = -1;
    let last = -1;
    for (let k = 0; k < words.length; k++) {
      if (NAME_SUFFIXES.has(lowerOfWord(tokens, m, words, k)) || words[k].endsWith('.')) continue;
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) {
      index(byEdgeWord, formKeyOfWord(tokens, m, words, first), cluster);
      index(byEdgeWord, formKeyOfWord(tokens, m, words, last), cluster);
    }
  }
  if (type !== 'person') {
    for (const initials of initialsOf(tokens, m)) index(byInitials, `${type}\u0000${initials}`, cluster);
  }
  if (type === 'organization') {
    const stripped = stripOrgSuffixes(words);
    if (stripped.length < words.length) index(byStripped, formKey(stripped.join(' ')), cluster);
    // "Harbor Lane" of "Harbor Lane Capital"
    const trade = withoutCompanyHead(stripped);
    if (trade.length < stripped.length) index(byStripped, formKey(trade.join(' ')), cluster);
    if (byShortForm && words.length >= 2) {
      if (isShortFormWord(words[0], nameWordBitsOfWord(tokens, m, words, 0))) index(byShortForm, formKeyOfWord(tokens, m, words, 0), cluster);
      const last = words.length - 1;
      if (isShortFormWord(words[last], nameWordBitsOfWord(tokens, m, words, last))) index(byShortForm, formKeyOfWord(tokens, m, words, last), cluster);
    }
  }
}

// Letters that NFKD does not take apart into a base letter and a mark.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  'đ': 'd', 'ø': 'o', 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ð': 'd', 'ı': 'i', 'ħ': 'h',
};

/** 'person:jo-ng' for the slug 'jo-ng', then 'person:jo-ng-2' if taken. `used` counts the ids given per base. */
function uniqueId(type: EntityType, slug: string, used: Map<string, number>): string {
  const base = `${type}:${slug}`;
  let n = used.get(base);
  if (n === undefined) {
    used.set(base, 1);
    return base;
  }
  let id: string;
  do id = `${base}-${++n}`; while (used.has(id));
  used.set(base, n);
  used.set(id, 1);
  return id;
}

/** "Maria Lopez" → "maria-lopez", "Đurić" → "duric"; scripts without Latin letters stay. */
function slugify(s: string): string {
  // ASCII names (most of them) skip normalisation and Unicode classes.
  let ascii = '';
  let dash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return slugifyUnicode(s);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      if (dash && ascii) ascii += '-';
      ascii += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
      dash = false;
    } else {
      dash = true;
    }
  }
  return ascii || 'x';
}

function slugifyUnicode(s: string): string {
  const lower = s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  let out = '';
  for (const c of lower) out += TRANSLITERATIONS[c] ?? c;
  return out.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** text.slice(start, end) === s, without the slice. */
function sameText(text: string, start: number, end: number, s: string): boolean {
  if (end - start !== s.length) return false;
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(start + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** `s` with each run of white space as one space; "Jo  Ng" → "Jo Ng". Most names need no change and skip the regular expression. */
function singleSpaced(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Any other character \s may match (tab, line break, no-break space, U+1680 and above) goes the slow way.
    const other = c < 32 || c === 0xa0 || c >= 0x1680;
    if (other || (c === 32 && s.charCodeAt(i + 1) === 32)) return s.replace(/\s+/g, ' ');
  }
  return s;
}

function isShouted(s: string): boolean {
  return s.length > 4 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/**
 * Name = the fullest form: most words, then not shouted in capitals ("Oslo" over "OSLO"), then
 * most frequent, then first. Aliases = the other forms, case variants of the name left out.
 */
function toEntity(text: string, tokens: Tokens, type: EntityType, members: Candidate[], usedIds: Map<string, number>): Entity {
  if (members.length === 1) {
    const m = members[0];
    // Most entities are one mention of one word: its text and slug are known by vocabulary key.
    if (m.display === undefined && m.tokenEnd - m.tokenStart === 1) {
      const name = tokenText(tokens, m.tokenStart);
      return { kind: 'entity', id: uniqueId(type, slugAt(tokens, m.tokenStart), usedIds), type, name, aliases: [], mentions: [{ start: m.start, end: m.end }] };
    }
    const raw = surfaceOf(text, m);
    const name = m.tokenEnd - m.tokenStart > 1 ? singleSpaced(raw) : raw;
    return { kind: 'entity', id: uniqueId(type, slugify(name), usedIds), type, name, aliases: [], mentions: [{ start: m.start, end: m.end }] };
  }
  type Form = { surface: string; words: number; count: number; first: number };
  const forms = new Map<string, Form>();
  // An entity's mentions mostly repeat one form: a member whose text equals the previous member's
  // raw form counts for it without slicing the text.
  let lastRaw = '';
  let lastMulti = false;
  let lastForm: Form | undefined;
  for (let mIndex = 0; mIndex < members.length; mIndex++) {
    const m = members[mIndex];
    const multi = m.tokenEnd - m.tokenStart > 1;
    if (lastForm !== undefined && m.display === undefined && multi === lastMulti && sameText(text, m.start, m.end, lastRaw)) {
      lastForm.count++;
      continue;
    }
    const raw = surfaceOf(text, m);
    const surface = multi ? singleSpaced(raw) : raw;
    let form = forms.get(surface);
    if (form) form.count++;
    else forms.set(surface, form = { surface, words: m.display ? wordsOfDisplay(m.display).length : m.tokenEnd - m.tokenStart, count: 1, first: m.start });
    lastRaw = raw;
    lastMulti = multi;
    lastForm = form;
  }
  const ranked = [...forms.values()].sort((a, b) =>
    b.words - a.words || Number(isShouted(a.surface)) - Number(isShouted(b.surface)) || b.count - a.count || a.first - b.first);
  const name = ranked[0].surface;
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  for (const form of [...ranked].sort((a, b) => a.first - b.first)) {
    const lower = form.surface.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    aliases.push(form.surface);
  }
  const id = uniqueId(type, slugify(name), usedIds);
  const mentions: Span[] = [];
  for (let mIndex = 0; mIndex < members.length; mIndex++) {
    const m = members[mIndex];
    const last = mentions[mentions.length - 1];
    if (!last || last.start !== m.start || last.end !== m.end) mentions.push({ start: m.start, end: m.end });
  }
  return { kind: 'entity', id, type, name, aliases, mentions };
}

// ---------------------------------------------------------------------------------------------
// Roles

function bare(word: string): string {
  let bared = BARE.get(word);
  if (bared === undefined) {
    if (BARE.size >= MEMO_LIMIT) BARE.clear();
    bared = (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
    BARE.set(word, bared);
  }
  return bared;
}

/**
 * word.toLowerCase(), the same string object each time for a word: the lexicon tests of titles,
 * heads and honorifics run per mention (70k on the 5 MB news), and a new lower-case string per
 * test was an allocation plus a fresh string hash for the Set lookup. Token texts are interned
 * by the tokenizer, so the memo's own lookup finds their hash already computed.
 */
function lowerOf(word: string): string {
  let lower = LOWER.get(word);
  if (lower === undefined) {
    if (LOWER.size >= MEMO_LIMIT) LOWER.clear();
    lower = word.toLowerCase();
    LOWER.set(word, lower);
  }
  return lower;
}

// lowerOf, bare, formKey, slugify and isEventShape of token texts by vocabulary key (see
// Tokens.keys): an array read instead of a Map lookup or a pass over the string, for an article's
// words mostly met in earlier calls (the lowerOf and bare Maps were 3.3% of analyze() on 300
// articles one call each; testing the event shape of each distinct word, scattered strings read
// once per call, was ~8% of the entity logic after the tagger). Valid for one vocabulary epoch; as
// long as the vocabulary, which is bounded; grown by push, so the arrays stay packed.
// Emptied in place at a new epoch (never replaced), so memoAt can be handed them before keyOfWord runs.
const lowerByKey: string[] = [];
const bareByKey: string[] = [];
const formKeyByKey: string[] = [];
const slugByKey: string[] = [];
/** 0 not yet tested, else EVENT_SHAPE or NO_EVENT_SHAPE. */
let eventShapeByKey: number[] = [];
/**
 * 0 not yet known, else nameWordBits. For speed only: fromTagger and isEventName test the words of
 * every tagged name against their word lists by one small integer instead of reading the word's
 * lower case and bare form and looking each up in a Set; fromTagger on the 300 articles went from
 * 2.6% to 1.5% of analyze()'s profile samples.
 */
let nameWordBitsByKey: number[] = [];
let byKeyEpoch = -1;
const EVENT_SHAPE = 1;
const NO_EVENT_SHAPE = 2;

/** The vocabulary key of word id `id`, with the memo arrays ready for it; -1 if the tokens have none. */
function keyOfWord(tokens: Tokens, id: number): number {
  const { keys, epoch } = tokens;
  if (keys === undefined || epoch === undefined) return -1;
  if (byKeyEpoch !== epoch) {
    lowerByKey.length = 0;
    bareByKey.length = 0;
    formKeyByKey.length = 0;
    slugByKey.length = 0;
    eventShapeByKey = [];
    nameWordBitsByKey = [];
    byKeyEpoch = epoch;
  }
  const key = keys[id];
  while (lowerByKey.length <= key) {
    lowerByKey.push('');
    bareByKey.push('');
    formKeyByKey.push('');
    slugByKey.push('');
    eventShapeByKey.push(0);
    nameWordBitsByKey.push(0);
  }
  return key;
}

/** lowerOf(tokenText(tokens, i)). */
function lowerAt(tokens: Tokens, i: number): string {
  return memoAt(lowerByKey, lowerOf, tokens, i);
}

/** bare(tokenText(tokens, i)). */
function bareAt(tokens: Tokens, i: number): string {
  return memoAt(bareByKey, bare, tokens, i);
}

/** formKey(tokenText(tokens, i)). A word of marks alone has the key '': computed again each time, still right. */
function formKeyAt(tokens: Tokens, i: number): string {
  return memoAt(formKeyByKey, formKey, tokens, i);
}

/** slugify(tokenText(tokens, i)). */
function slugAt(tokens: Tokens, i: number): string {
  return memoAt(slugByKey, slugify, tokens, i);
}

/** of(tokenText(tokens, i)), kept in memo by vocabulary key; '' there stands for not yet known (no token's text is empty). */
function memoAt(memo: string[], of: (word: string) => string, tokens: Tokens, i: number): string {
  const key = keyOfWord(tokens, tokens.wordIds[i]);
  if (key < 0) return of(tokenText(tokens, i));
  return memo[key] || (memo[key] = of(tokenText(tokens, i)));
}

/** isEventShape(words[id]). */
function isEventShapeWord(tokens: Tokens, id: number): boolean {
  const key = keyOfWord(tokens, id);
  if (key < 0) return isEventShape(tokens.words[id]);
  if (eventShapeByKey[key] === 0) eventShapeByKey[key] = isEventShape(tokens.words[id]) ? EVENT_SHAPE : NO_EVENT_SHAPE;
  return eventShapeByKey[key] === EVENT_SHAPE;
}

/** nameWordBits(lowerAt(tokens, i), bareAt(tokens, i)). */
function nameWordBitsAt(tokens: Tokens, i: number): number {
  const key = keyOfWord(tokens, tokens.wordIds[i]);
  if (key < 0) return nameWordBits(lowerAt(tokens, i), bareAt(tokens, i));
  return nameWordBitsByKey[key] || (nameWordBitsByKey[key] = nameWordBits(lowerAt(tokens, i), bareAt(tokens, i)));
}

const MEMO_LIMIT = 50_000;

/**
 * The words of a display form ("Oslo", "Acme News"), memoised: a source's articles repeat the same
 * few, and each mention with one asked three times for a tokenize() of ~1 µs. Shared: no caller
 * changes the array.
 */
function wordsOfDisplay(display: string): readonly string[] {
  let words = DISPLAY_WORDS.get(display);
  if (words === undefined) {
    if (DISPLAY_WORDS.size >= MEMO_LIMIT) DISPLAY_WORDS.clear();
    words = tokenize(display).map(t => t.text);
    DISPLAY_WORDS.set(display, words);
  }
  return words;
}

const DISPLAY_WORDS = new Map<string, readonly string[]>();
const LOWER = new Map<string, string>();
/** bare(word) per word, as LOWER. */
const BARE = new Map<string, string>();

/** Token i is a title word ("Minister", "Foreign", "Gov."); by vocabulary key, see bareAt. */
function isTitleWordAt(tokens: Tokens, i: number): boolean {
  return isBareTitleWord(bareAt(tokens, i));
}

/** Token i is a title's head ("Minister", "Gov."). */
function isTitleHeadAt(tokens: Tokens, i: number): boolean {
  return isBareTitleHead(bareAt(tokens, i));
}

function isBareTitleWord(w: string): boolean {
  return TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w);
}

function isBareTitleHead(w: string): boolean {
  return TITLE_HEADS.has(w) || TITLE_ABBREVIATIONS.has(w);
}


const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', '&']);

/** A person's role as shown, and the tokens [from, to) that say it. */
interface RoleAt {
  role: string;
  from: number;
  to: number;
}

function roleAt(text: string, tokens: Tokens, from: number, to: number): RoleAt | undefined {
  const role = normalizeRole(text, tokens, from, to);
  return role === undefined ? undefined : { role, from, to };
}

/**
 * "X’s Minister of Y" → "Minister of Y of X"; "Acme's chief executive" → "chief executive of
 * Acme": a role reads the same whichever way the text put it, so titles compare.
 */
function normalizeRole(text: string, tokens: Tokens, from: number, to: number): string | undefined {
  // Only a name owns the title: "one of the president's closest aides" stays as written.
  for (let k = from + 1; k < to - 1 && k - from <= 4 && isCapitalizedWord(tokenText(tokens, from)); k++) {
    if (tokenText(tokens, k) === '’s' || tokenText(tokens, k) === "'s") {
      const owner = spelledOut(text, tokens, from, k);
      const title = spelledOut(text, tokens, k + 1, to);
      return `${title} of ${owner}`;
    }
    if (!isCapitalizedWord(tokenText(tokens, k)) && tokenText(tokens, k) !== 'of' && tokenText(tokens, k) !== 'and') break;
  }
  return spelledOut(text, tokens, from, to);
}

/** The text of tokens [from, to) with abbreviated titles spelled out: "Arizona Sen." → "Arizona Senator". */
function spelledOut(text: string, tokens: Tokens, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    if (k > from) out += text.slice(tokens.ends[k - 1], tokens.starts[k]);
    const word = tokenText(tokens, k);
    const expanded = word.endsWith('.') && isCapitalizedWord(word) ? TITLE_ABBREVIATIONS.get(bare(word)) : undefined;
    out += expanded ?? word;
  }
  return out;
}

const ARTICLES = new Set(['the', 'a', 'an']);
const APPOSITION_END = new Set([',', '.', ';', ':', ')', '(', '"', '“', '”', '—', '–', '--', '!', '?']);
const MAX_APPOSITION = 12;

/**
 * A role in an apposition right after the name: "Maria Lopez, Norway’s Minister of
 * Fisheries, said" or "John Smith, the chief executive of Acme." It must hold a title word
 * and end within a dozen tokens; "Jo Ng, who …" and "Jo Ng, 45," are not roles.
 */
function findApposition(text: string, tokens: Tokens, m: Candidate, personAt: Uint8Array): RoleAt | undefined {
  if (tokenText(tokens, m.tokenEnd) !== ',') return undefined;
  let from = m.tokenEnd + 1;
  // "Helen Vasquez, M.D., Chief Medical Officer": degrees first
  while (from + 1 < tokens.length && DEGREES.has(tokenText(tokens, from)) && tokenText(tokens, from + 1) === ',') from += 2;
  while (from < tokens.length && ARTICLES.has(lowerAt(tokens, from))) from++;
  // "Jo Ng, who …" is no role; "Jo Ng, WHO Regional Director" is.
  const opensClause = (k: number) => NON_ROLE_APPOSITION_STARTS.has(lowerAt(tokens, k)) && !isAcronymWord(tokenText(tokens, k));
  if (from >= tokens.length || opensClause(from) || tokens.kinds[from] !== WORD) return undefined;
  let to = from;
  let hasHead = false;
  // a role ends at its line too: "Jo Ng, Acme Hospital\n- **Treasurer:** …" is a list of lines
  const lineEndsBefore = (k: number) => hasLineBreak(text, tokens.ends[k - 1], tokens.starts[k]) > 0;
  while (to < tokens.length && to - from < MAX_APPOSITION && !APPOSITION_END.has(tokenText(tokens, to)) && !(to > from && lineEndsBefore(to))) {
    const word = lowerAt(tokens, to);
    // "Jo Ng, Ann Lee and …", "Jo Ng, Homeland Security Secretary Al Ng": a list of people.
    if ((opensClause(to) && word !== 'and') || personAt[to]) return undefined;
    if (isTitleHeadAt(tokens, to)) hasHead = true;
    to++;
  }
  if (!hasHead || to === from || to - from >= MAX_APPOSITION) return undefined;
  if (to < tokens.length && !APPOSITION_END.has(tokenText(tokens, to)) && !lineEndsBefore(to)) return undefined;
  return roleAt(text, tokens, from, to);
}

const MAX_TITLE_BEFORE = 8;

/**
 * A title right before the name: "Norwegian Foreign Minister Maria Lopez", "CEO John Smith",
 * "said chief executive John Smith", "Acme's chief executive John Smith" (→ "chief executive of
 * Acme"). Scans back over title words, capitalised words and connectors; stops at other lower-case
 * words and punctuation. Honorifics ("Mr.") are skipped, not roles; a sentence's first word
 * counts only if it is a title word, a demonym or part of a name ("Yesterday CEO Jo Ng …" →
 * "CEO", but "Norwegian Foreign Minister Jo Ng …" keeps "Norwegian").
 */
function findTitleBefore(text: string, tokens: Tokens, m: Candidate, covered: Uint8Array, personAt: Uint8Array): RoleAt | undefined {
  let end = m.tokenStart;
  while (end > 0 && isCapitalizedWord(tokenText(tokens, end - 1)) && HONORIFICS.has(bareAt(tokens, end - 1))) end--;
  const role = titleEndingAt(text, tokens, end, covered, personAt);
  if (role || end !== m.tokenStart || end < 2 || tokenText(tokens, end - 1) !== ',' || tokenText(tokens, m.tokenEnd) !== ',') return role;
  // Set off by commas, a title that opens the sentence: "Commissioner for Environment, Oceans and
  // Fisheries, Jo Ng, added".
  const title = titleEndingAt(text, tokens, end - 1, covered, personAt);
  return title && isSentenceInitial(text, tokens, title.from) ? title : undefined;
}

/** findTitleBefore's title ending before token `end` (the name's first token, after any honorific). */
function titleEndingAt(text: string, tokens: Tokens, end: number, covered: Uint8Array, personAt: Uint8Array): RoleAt | undefined {
  // Most names follow "said", "the" or a comma: nothing to scan.
  if (end === 0 || tokens.kinds[end - 1] !== WORD) return undefined;
  const last = tokenText(tokens, end - 1);
  if (!isCapitalizedWord(last) && !isTitleWordAt(tokens, end - 1)) return undefined;
  let from = end;
  let hasHead = false;
  let listClosed = false; // an "and" closes a list of portfolios after the commas before it
  for (let k = end - 1; k >= 0 && end - k <= MAX_TITLE_BEFORE; k--) {
    if (hasLineBreak(text, tokens.ends[k], tokens.starts[k + 1]) > 0 || personAt[k]) break;
    const word = tokenText(tokens, k);
    const lower = lowerAt(tokens, k);
    if (word === ',' && listClosed && isCapitalizedWord(tokenText(tokens, k + 1))) {
      // "Commissioner for Environment, Oceans and Fisheries"
    } else if (tokens.kinds[k] !== WORD) {
      break;
    } else if (isTitleWordAt(tokens, k) || TITLE_ABBREVIATIONS.has(bareAt(tokens, k))) {
      if (isTitleHeadAt(tokens, k)) hasHead = true;
    } else if (CONNECTORS.has(lower) || word === '’s' || word === "'s") {
      // kept only between accepted words; trimmed below when leading
      if (lower === 'and') listClosed = true;
    } else if (!isCapitalizedWord(word)) {
      break;
    }
    from = k;
  }
  if (!hasHead || from === end) return undefined;
  // Next to the name stands a title word, or a portfolio ("Minister of Trade Jo Ng", "Director
  // for Europe Jo Ng"); not a first name the tagger left out ("Secretary Jeh Johnson").
  let portfolio = false;
  for (let k = from; k < end; k++) if (tokenText(tokens, k) === 'of' || tokenText(tokens, k) === 'for') portfolio = true;
  if (!isTitleWordAt(tokens, end - 1) && !TITLE_ABBREVIATIONS.has(bareAt(tokens, end - 1)) && !portfolio) return undefined;
  while (from < end && (CONNECTORS.has(lowerAt(tokens, from)) || isPossessive(tokens, from) || tokenText(tokens, from) === ',' ||
    (isSentenceInitial(text, tokens, from) && !isTitleWordAt(tokens, from) && !TITLE_ABBREVIATIONS.has(bareAt(tokens, from)) &&
      !covered[from] && !DEMONYMS.has(lowerAt(tokens, from)) && !isAcronymWord(tokenText(tokens, from)) &&
      !isPossessive(tokens, from + 1)))) from++;
  if (from >= end) return undefined;
  return roleAt(text, tokens, from, end);
}

const MAX_DESCRIPTION_BEFORE = 6;

/**
 * A description set off before the name: "the fund's managing partner, Marcus Oyelaran, said" →
 * "fund's managing partner". It opens with an article and ends in a title head, and the name is
 * set off by commas on both sides.
 */
function findDescriptionBefore(text: string, tokens: Tokens, m: Candidate, personAt: Uint8Array): RoleAt | undefined {
  const comma = m.tokenStart - 1;
  if (comma < 2 || tokenText(tokens, comma) !== ',' || tokenText(tokens, m.tokenEnd) !== ',' || !isTitleHeadAt(tokens, comma - 1)) return undefined;
  for (let k = comma - 1; k >= 0 && comma - k <= MAX_DESCRIPTION_BEFORE; k--) {
    if (personAt[k] || hasLineBreak(text, tokens.ends[k], tokens.starts[k + 1]) > 0) return undefined;
    if (tokens.kinds[k] !== WORD && !isPossessive(tokens, k)) return undefined;
    if (ARTICLES.has(lowerAt(tokens, k))) return k + 1 < comma ? roleAt(text, tokens, k + 1, comma) : undefined;
  }
  return undefined;
}

/** Token k starts a sentence: first in the text, or after a terminal mark or a line break. */
function isSentenceInitial(text: string, tokens: Tokens, k: number): boolean {
  if (k === 0) return true;
  const prev = tokenText(tokens, k - 1);
  return prev === '.' || prev === '!' || prev === '?' || prev === '"' || prev === '“' || hasLineBreak(text, tokens.ends[k - 1], tokens.starts[k]) > 0;
}
