/**
 * Word lists of the keywords stage only. Curated general English, lower case.
 */

/**
 * Nouns that name the act of reporting or a vague quantity, place or time rather than a topic:
 * never a keyword on their own ("details", "officials", "week"), though fine inside a phrase
 * ("press statement", "emergency room"). The background frequencies already rank most of them low;
 * these are the ones a long story repeats often enough to climb back ("words" ×12 in a story on a
 * speech, "problem" ×5 in an op-ed).
 */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set([
  // the reporting itself
  'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'report', 'reports', 'source', 'sources',
  'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'interview', 'news', 'story', 'stories',
  'word', 'words', 'question', 'questions', 'answer', 'detail', 'details', 'claim', 'claims',
  // vague things, amounts and kinds
  'thing', 'things', 'something', 'anything', 'everything', 'nothing', 'someone', 'anyone', 'everyone', 'nobody',
  'somebody', 'everybody', 'stuff', 'lot', 'lots', 'bit', 'piece', 'part', 'parts', 'kind', 'kinds', 'sort', 'type',
  'types', 'way', 'ways', 'number', 'numbers', 'percent', 'amount', 'rest', 'plenty', 'level', 'levels', 'side', 'sides',
  'end', 'place', 'places', 'area', 'areas', 'point', 'points', 'fact', 'facts', 'truth', 'idea', 'ideas', 'matter',
  'matters', 'problem', 'problems', 'issue', 'issues', 'situation', 'example', 'reason', 'reasons', 'result',
  'results', 'step', 'steps', 'effort', 'efforts', 'case', 'cases', 'man', 'men', 'person', 'people', 'member',
  'members', 'group', 'groups', 'others', 'thanks',
  // the vague abstractions of press-release prose ("exploring opportunities", "new directions")
  'opportunity', 'opportunities', 'potential', 'direction', 'directions', 'possibility', 'possibilities', 'prospect',
  'prospects', 'challenge', 'challenges', 'importance', 'role', 'basis', 'field', 'fields', 'progress', 'success',
  // time
  'time', 'times', 'moment', 'day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'decade',
  'decades', 'today', 'tonight', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night', 'period',
]);

/**
 * Subject pronouns: the word after one is a verb ("he drafts", "she researches"), whatever its
 * spelling suggests.
 */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who']);

/** Modal verbs: the word after one is a verb too ("will ride", "would prioritize"). */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'cannot']);

/**
 * Title heads (lexicon/titles.ts TITLE_HEADS) that name a topic more often than a person's role in
 * news text: "criminal justice", "attorney general" aside, "the general strike", "head injuries".
 */
export const TOPICAL_TITLE_HEADS: ReadonlySet<string> = new Set([
  'justice', 'general', 'major', 'head', 'chief', 'partner', 'speaker', 'principal', 'chair', 'fellow', 'deputy',
  'representative', 'officer', 'king', 'queen', 'controller',
]);
