/**
 * Verbs that introduce or attribute speech and writing ("said", "added", "told", "wrote"), every
 * inflected form spelled out so the stage needs no morphology. Curated by hand from general
 * English news style, after textacy's REPORTING_VERBS (the `constants.py` of textacy.extract);
 * lower case. One entry per verb: 'base 3rd-person past gerund [participle]'; verbs more often met as
 * nouns ('a report', 'the call') keep only their past and gerund forms.
 */
const FORMS = [
  'say says said saying',
  'tell tells told telling',
  'add adds added adding',
  'write writes wrote writing written',
  'stated stating',
  'noted noting',
  'explain explains explained explaining',
  'conclude concludes concluded concluding',
  'continue continues continued continuing',
  'declare declares declared declaring',
  'announce announces announced announcing',
  'insist insists insisted insisting',
  'argue argues argued arguing',
  'claimed claiming',
  'assert asserts asserted asserting',
  'stress stresses stressed stressing',
  'emphasize emphasizes emphasized emphasizing',
  'emphasise emphasises emphasised emphasising',
  'underline underlines underlined underlining',
  'underscore underscores underscored underscoring',
  'highlight highlights highlighted highlighting',
  'recall recalls recalled recalling',
  'remarked remarking',
  'commented commenting',
  'observe observes observed observing',
  'replied replying',
  'responded responding',
  'answered answering',
  'ask asks asked asking',
  'warn warns warned warning',
  'admit admits admitted admitting',
  'acknowledge acknowledges acknowledged acknowledging',
  'concede concedes conceded conceding',
  'confirm confirms confirmed confirming',
  'deny denies denied denying',
  'suggest suggests suggested suggesting',
  'predict predicts predicted predicting',
  'promised promising',
  'vowed vowing',
  'pledged pledging',
  'boasted boasting',
  'complain complains complained complaining',
  'joked joking',
  'quipped quipping',
  'shouted shouting',
  'yell yells yelled yelling',
  'scream screams screamed screaming',
  'cried crying',
  'exclaim exclaims exclaimed exclaiming',
  'whispered whispering',
  'chanted chanting',
  'sing sings sang singing sung',
  'tweeted tweeting',
  'reported reporting',
  'reveal reveals revealed revealing',
  'disclose discloses disclosed disclosing',
  'mention mentions mentioned mentioning',
  'repeated repeating',
  'reads read',
  'reiterate reiterates reiterated reiterating',
  'agree agrees agreed agreeing',
  'countered countering',
  'retort retorts retorted retorting',
  'objected objecting',
  'protested protesting',
  'contend contends contended contending',
  'maintain maintains maintained maintaining',
  'testify testifies testified testifying',
  'allege alleges alleged alleging',
  'accuse accuses accused accusing',
  'charged charging',
  'urge urges urged urging',
  'plead pleads pleaded pleading',
  'demanded demanding',
  'scold scolds scolded scolding',
  'describe describes described describing',
  'called calling',
  'dub dubs dubbed dubbing',
  'labeled labelled labeling labelling',
  'speak speaks spoke speaking spoken',
  'tout touts touted touting',
  'brag brags bragged bragging',
  'lament laments lamented lamenting',
  'sighed sighing',
  'recount recounts recounted recounting',
  'summarize summarizes summarized summarizing',
];

/** Every form of every reporting verb, lower case: 'said', 'adds', 'telling'. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(FORMS.flatMap(line => line.split(' ')));

/**
 * Present forms of the verbs above that are more often nouns ('the report', 'his claims'): a cue
 * only right before a colon or comma, 'The Times reports: "…"'.
 */
export const NOUN_LIKE_REPORTING_VERBS: ReadonlySet<string> = new Set([
  'states', 'notes', 'comments', 'answers', 'reports', 'claims', 'promises', 'vows', 'pledges', 'demands',
  'tweets', 'remarks', 'replies', 'jokes', 'quips', 'shouts', 'cries', 'chants', 'boasts', 'sighs',
  'whispers', 'repeats', 'posts', 'responds', 'counters', 'charges', 'protests', 'objects', 'calls',
]);

/**
 * Reporting verbs whose object is a name or label rather than an utterance: 'it was called "a
 * disaster"', 'he described it as "sad"'. A quotation right after one of these is partial, not a
 * direct quotation. Lower case.
 */
export const LABELLING_VERBS: ReadonlySet<string> = new Set([
  'call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'dubbing', 'label', 'labels', 'labeled', 'labelled',
  'labeling', 'labelling', 'describe', 'describes', 'described', 'describing', 'term', 'terms', 'termed', 'brand',
  'brands', 'branded', 'deem', 'deems', 'deemed', 'name', 'names', 'named', 'nickname', 'nicknamed', 'tout', 'touts',
  'touted', 'touting',
]);

/**
 * Reporting verbs that never take the quotation as their object: 'she wanted to speak "directly
 * to white people"'. A quotation right after one is partial. Lower case.
 */
export const INTRANSITIVE_REPORTING_VERBS: ReadonlySet<string> = new Set([
  'speak', 'speaks', 'spoke', 'speaking', 'spoken',
]);

/** Dashes that attribute a quotation in epigraph style: '"…" ― Jane Doe'. */
export const ATTRIBUTION_DASHES: ReadonlySet<string> = new Set(['―', '—', '–', '-', '--', '~']);

/**
 * Multi-word cues that attribute without a verb of saying, lower case, as token sequences:
 * 'according to X, …', 'in the words of X'.
 */
export const PREPOSITIONAL_CUES: readonly (readonly string[])[] = [
  ['according', 'to'],
  ['in', 'the', 'words', 'of'],
  ['quoted', 'by'],
];

/**
 * Multi-word cues built on a verb that alone reports nothing, lower case, as token sequences; the
 * speaker comes before them: 'as Jane Doe put it, "…"'.
 */
export const PHRASAL_CUES: readonly (readonly string[])[] = [
  ['put', 'it'],
];

/**
 * Audiences that belong to the cue rather than the speaker: '… told reporters', '… said to
 * journalists'. Lower case.
 */
export const CUE_AUDIENCES: ReadonlySet<string> = new Set([
  'reporters', 'journalists', 'correspondents', 'the press', 'the media', 'supporters', 'the crowd',
  'the audience', 'lawmakers', 'senators', 'members', 'delegates', 'listeners', 'viewers', 'readers',
]);

/** Adverbs and auxiliaries that may sit between a speaker and the cue: 'Smith also said', 'he has repeatedly said'. */
export const CUE_MODIFIERS: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'further', 'again', 'once', 'previously', 'recently', 'earlier', 'still',
  'had', 'has', 'have', 'was', 'is', 'were', 'are', 'would', 'will', 'could', 'might', 'did', 'does',
  'do', 'not', 'never', 'often', 'always', 'just', 'even', 'has', 'be', 'been', 'reportedly', 'once',
  'simply', 'only', 'first', 'finally', 'subsequently', 'afterwards', 'now',
]);
