import { GAZETTEER, LOWER_CASE_WORDS } from './gazetteer';

let knownPlaces: Set<string> | undefined;

/** "WASHINGTON", "ST. LOUIS", "Leeds": a city, country or region in the gazetteer; built on first use. */
export function isKnownPlace(name: string): boolean {
  if (!knownPlaces) {
    knownPlaces = new Set<string>();
    for (const list of ['city', 'country', 'region']) for (const place of (GAZETTEER[list] ?? '').split('|')) knownPlaces.add(place);
  }
  return knownPlaces.has(name.toLowerCase().replace(/\s+/g, ' '));
}

/** "Norwegian", "Chilean", "Americans": the gazetteer's nationality words (lower case). */
export const DEMONYMS: ReadonlySet<string> = new Set((GAZETTEER.demonym ?? '').split('|'));

/**
 * Nouns for a person of a nation that the nationality list (adjectives and plurals) lacks: "the
 * Pole said", "the Briton". Lower case.
 */
const PERSON_DEMONYMS: ReadonlySet<string> = new Set([
  'pole', 'briton', 'brit', 'scot', 'serb', 'finn', 'turk', 'swede', 'dane', 'spaniard', 'frenchman', 'frenchwoman',
  'englishman', 'englishwoman', 'irishman', 'irishwoman', 'welshman', 'welshwoman', 'scotsman', 'scotswoman',
  'dutchman', 'dutchwoman', 'kiwi', 'aussie', 'argentine', 'filipino', 'filipina', 'thai', 'czech', 'slovak',
]);

/** True for a word naming one person by nation: "Pole", "American", "Spaniard". */
export function isPersonDemonym(word: string): boolean {
  const lower = word.toLowerCase();
  return PERSON_DEMONYMS.has(lower) || (DEMONYMS.has(lower) && !lower.endsWith('s') && !lower.endsWith('ish'));
}

let knownCompanies: Set<string> | undefined;

/**
 * "Netflix", "Google", "Boeing": one-word organizations of the gazetteer (compromise's lexicon)
 * that are no lower-case word, place or person's name anywhere in the gazetteers. Lower case;
 * built on first use.
 */
export function isKnownCompany(lowerCaseWord: string): boolean {
  if (!knownCompanies) {
    // The few one-word names first, then each other list read once to strike them out (a search
    // of the lists per name took 40 ms on first use).
    knownCompanies = new Set<string>();
    for (const name of (GAZETTEER.organization ?? '').split('|')) if (name.length > 2 && !name.includes(' ')) knownCompanies.add(name);
    for (const list of [LOWER_CASE_WORDS, ...['city', 'country', 'region', 'firstName', 'lastName', 'person'].map(key => GAZETTEER[key] ?? '')]) {
      for (const word of list.split('|')) knownCompanies.delete(word);
    }
  }
  return knownCompanies.has(lowerCaseWord);
}
