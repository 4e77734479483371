/**
 * Field names of header lines at the top of a scraped or exported article ("date 2024-12-23",
 * "Source: Acme Newswire", "By Jo Ng"), lower case. Fields in DATE_HEADER_KEYS carry a date.
 */
export const HEADER_KEYS: ReadonlySet<string> = new Set([
  'date', 'dated', 'published', 'updated', 'posted', 'modified', 'created', 'source', 'author', 'authors', 'by',
  'byline', 'title', 'headline', 'subtitle', 'url', 'link', 'section', 'category', 'categories', 'tags', 'keywords',
  'language', 'lang', 'id', 'publisher', 'agency', 'location', 'place', 'dateline', 'contact', 'release', 'embargo',
]);

export const DATE_HEADER_KEYS: ReadonlySet<string> = new Set([
  'date', 'dated', 'published', 'updated', 'posted', 'modified', 'created', 'release',
]);

/** Verbs of a news agency credit at the end of a sentence: "…, Acme News reports." Lower case. */
export const CREDIT_VERBS: ReadonlySet<string> = new Set(['reports', 'reported', 'informs', 'informed']);

/** What may follow a credit verb instead of the sentence end: "…, Acme News reports citing the ministry." */
export const CREDIT_CONTINUATIONS: ReadonlySet<string> = new Set(['citing', 'quoting', 'with', 'referring']);
