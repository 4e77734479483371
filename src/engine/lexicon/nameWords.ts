/** Generational suffixes after a surname, lower case: "Harry F. Byrd *Sr.*" is not a surname. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/**
 * Capitalised prepositions a tagger may take into a name at a line start ("*About* Acme", a
 * boilerplate heading); as written, case-sensitive.
 */
export const LEADING_PREPOSITIONS: ReadonlySet<string> = new Set(['About', 'For', 'In', 'At', 'On', 'With', 'By', 'From', 'To', 'Of']);

/**
 * Lower-case pieces inside a person's name, as written: "Charles de Gaulle", "Ursula von der
 * Leyen", "Mohammed bin Salman", "Juan de la Cruz".
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'bin', 'bint', 'ibn', 'ben', 'al', 'el', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'der',
  'den', 'ter',
]);
