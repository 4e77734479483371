/**
 * Words that keep their trailing period as part of the token ("Mr.", "Jan.", "Corp."), so the
 * period does not end a sentence. Lower case, without the period. Curated by hand from common
 * English news style (AP abbreviations for titles, months, states and company forms).
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles and honorifics
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'rev', 'fr', 'sr', 'jr', 'st', 'hon',
  'sen', 'rep', 'gov', 'lt', 'col', 'gen', 'maj', 'capt', 'cpt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt',
  'supt', 'insp', 'det', 'amb', 'pres', 'sec', 'atty', 'dep', 'asst', 'assoc', 'mt', 'ft',
  // months and days
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // company and organisation forms
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'dept', 'univ', 'assn', 'intl', 'natl', 'govt',
  // US states in AP style
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
  // other
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'fig', 'vol', 'ave', 'blvd', 'rd', 'cf', 'al', 'ca',
]);

/**
 * Abbreviations that often end a sentence too ("… based in the U.S. The company …"): after them
 * a capitalised word starts a new sentence. Lower case, with their inner periods, without the last.
 */
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'inc', 'corp', 'co', 'ltd', 'plc', 'etc', 'jr', 'sr', 'a.m', 'p.m', 'd.c',
]);
