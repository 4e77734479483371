/**
 * Words right before a quotation that make it a name, title or scare quote rather than speech:
 * 'so-called "experts"', 'a program dubbed "Fast Track"', 'the film "Dune"'. Lower case.
 * Curated by hand (general English).
 */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'so-called', 'dubbed', 'titled', 'entitled', 'named', 'nicknamed', 'termed', 'branded', 'labeled',
  'labelled', 'word', 'words', 'term', 'phrase', 'slogan', 'motto', 'hashtag', 'label', 'nickname',
  'film', 'movie', 'documentary', 'book', 'novel', 'memoir', 'song', 'album', 'show', 'series',
  'play', 'musical', 'opera', 'poem', 'article', 'essay', 'column', 'headline', 'report', 'program',
  'programme', 'campaign', 'operation', 'project', 'initiative', 'exhibition', 'podcast', 'episode',
  'brand', 'app', 'game', 'painting', 'sculpture', 'category', 'status', 'mark',
]);

/**
 * Words before 'as' (or 'to as') that make the quotation after them a name: 'known as "Big
 * Jim"', 'billed as "the fight of the century"', 'referred to as "the Gang of Eight"'. Lower case.
 */
export const NAMING_BEFORE_AS: ReadonlySet<string> = new Set([
  'known', 'billed', 'referred', 'styled', 'nicknamed', 'dubbed', 'christened', 'marketed', 'branded', 'rebranded',
]);

/**
 * Head nouns of a descriptive speaker that is a person: 'the minister said', 'a spokeswoman for
 * the ministry said'. Lower case, singular and plural. Curated by hand (general English news roles).
 */
export const PERSON_ROLE_NOUNS: ReadonlySet<string> = new Set([
  'minister', 'ministers', 'president', 'presidents', 'vice-president', 'premier', 'prime', 'chancellor',
  'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople',
  'official', 'officials', 'source', 'sources', 'ambassador', 'envoy', 'diplomat', 'diplomats',
  'senator', 'senators', 'congressman', 'congresswoman', 'lawmaker', 'lawmakers', 'legislator',
  'governor', 'mayor', 'chairman', 'chairwoman', 'chair', 'chairperson', 'director', 'executive',
  'executives', 'ceo', 'founder', 'co-founder', 'head', 'chief', 'leader', 'leaders', 'manager',
  'analyst', 'analysts', 'economist', 'economists', 'expert', 'experts', 'professor', 'researcher',
  'researchers', 'scientist', 'scientists', 'doctor', 'doctors', 'lawyer', 'lawyers', 'attorney',
  'prosecutor', 'prosecutors', 'judge', 'candidate', 'nominee', 'adviser', 'advisor', 'aide', 'aides',
  'general', 'commander', 'officer', 'officers', 'police', 'witness', 'witnesses', 'resident',
  'residents', 'man', 'woman', 'father', 'mother', 'king', 'queen', 'prince', 'princess', 'pope',
  'bishop', 'ruler', 'representative', 'representatives', 'delegate', 'member', 'members',
  'strategist', 'pollster', 'activist', 'activists', 'organizer', 'author', 'writer', 'reporter',
  'journalist', 'editor', 'host', 'anchor', 'coach', 'player', 'owner', 'partner', 'worker', 'workers',
  'employee', 'employees', 'student', 'students', 'voter', 'voters', 'supporter', 'supporters',
  'critic', 'critics', 'person', 'people', 'colleague', 'friend', 'counterpart', 'deputy', 'speaker',
  'commissioner', 'inspector', 'investigator', 'agent', 'narrator', 'billionaire', 'businessman',
  'businesswoman', 'mogul', 'nominee', 'incumbent', 'challenger', 'rival', 'opponent',
]);

/** Head nouns of a descriptive speaker that is an organization: 'the company said', 'the ministry said'. */
export const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'group', 'ministry', 'department', 'agency', 'government', 'administration',
  'party', 'campaign', 'committee', 'commission', 'council', 'board', 'bank', 'university', 'office',
  'embassy', 'organization', 'organisation', 'union', 'association', 'federation', 'court', 'army',
  'military', 'police', 'service', 'network', 'newspaper', 'paper', 'daily', 'magazine', 'channel',
  'station', 'statement', 'report', 'letter', 'website', 'foundation', 'institute', 'center', 'centre',
  'team', 'club', 'club', 'parliament', 'congress', 'senate', 'cabinet', 'kremlin', 'regime', 'coalition',
  'alliance', 'bloc', 'corporation', 'authority', 'authorities', 'secretariat', 'presidency',
]);

/**
 * Words that tell a person's gender when they stand right before the name or in its role:
 * courtesy titles ('Mr. Lee', 'Ms. Berg', without the period) and gendered titles and nouns
 * ('Chairwoman Berg', role 'spokesman for the ministry'). Lower case. Curated by hand (general
 * English); 'his'/'her' next to a name is left out as too fragile ('her rival, John Roe').
 */
export const GENDERED_WORDS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...['mr', 'mister', 'sir', 'lord', 'messrs', 'monsieur', 'herr', 'señor', 'senor', 'signor',
    'chairman', 'spokesman', 'spokesmen', 'congressman', 'councilman', 'alderman', 'assemblyman', 'businessman',
    'anchorman', 'sportsman', 'statesman', 'countryman', 'frontman', 'policeman', 'fireman', 'cameraman',
    'king', 'prince', 'emperor', 'duke', 'earl', 'baron', 'sultan', 'emir', 'sheikh', 'tsar', 'czar',
    'father', 'brother', 'son', 'husband', 'boyfriend', 'uncle', 'nephew', 'grandfather', 'man', 'boy',
    'actor', 'waiter', 'monk', 'priest', 'pope', 'cardinal', 'archbishop', 'rabbi', 'imam'].map(w => [w, 'male'] as const),
  ...['mrs', 'ms', 'miss', 'madam', 'madame', 'mme', 'mlle', 'lady', 'dame', 'señora', 'senora', 'señorita',
    'signora', 'frau', 'chairwoman', 'spokeswoman', 'spokeswomen', 'congresswoman', 'councilwoman',
    'assemblywoman', 'businesswoman', 'anchorwoman', 'sportswoman', 'stateswoman', 'policewoman',
    'queen', 'princess', 'empress', 'duchess', 'countess', 'baroness', 'sultana', 'sheikha', 'tsarina',
    'mother', 'sister', 'daughter', 'wife', 'girlfriend', 'aunt', 'niece', 'grandmother', 'woman', 'girl',
    'actress', 'waitress', 'nun', 'widow', 'heiress', 'hostess'].map(w => [w, 'female'] as const),
]);

/**
 * Nouns for a piece of speech or writing, whose author follows 'by' or 'from': 'this statement
 * by Jane Doe:', 'a tweet from the mayor:', 'a line from Jane Doe herself:'. Lower case, singular and plural. Curated by hand.
 */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'statements', 'comment', 'comments', 'remark', 'remarks', 'tweet', 'tweets', 'post', 'posts',
  'message', 'messages', 'speech', 'speeches', 'letter', 'letters', 'quote', 'quotes', 'quotation', 'words',
  'answer', 'reply', 'response', 'warning', 'promise', 'pledge', 'claim', 'claims', 'question', 'questions',
  'testimony', 'email', 'e-mail', 'note', 'memo', 'op-ed', 'editorial', 'interview', 'announcement',
  'line', 'lines', 'passage', 'excerpt',
]);
