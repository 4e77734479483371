/**
 * Legal-form and group suffixes of organisation names, lower case, without the final period:
 * "Acme" and "Acme Corp." name the same company, so a short form joins the long one when only
 * these words differ.
 */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'ag',
  'gmbh', 'sa', 'sas', 'nv', 'bv', 'spa', 'srl', 'ab', 'asa', 'oy', 'kk', 'pte', 'pty', 'group', 'holdings',
  'holding', 'international', 'intl', 'worldwide', 'global', '&', 'and',
]);

/**
 * Function words that acronyms skip: "World Health Organization" → WHO, "Bank *of* England" → BoE,
 * "Ministry *of* Foreign Affairs" → MFA. Lower case.
 */
export const ACRONYM_SKIP_WORDS: ReadonlySet<string> = new Set([
  'of', 'and', 'the', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'del', 'der', 'für', 'und', '&', '-',
]);
