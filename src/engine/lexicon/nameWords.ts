/** Generational suffixes after a surname, lower case: "Harry F. Byrd *Sr.*" is not a surname. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/**
 * Capitalised prepositions a tagger may take into a name at a line start ("*About* Acme", a
 * boilerplate heading); as written, case-sensitive.
 */
export const LEADING_PREPOSITIONS: ReadonlySet<string> = new Set(['About', 'For', 'In', 'At', 'On', 'With', 'By', 'From', 'To', 'Of']);
