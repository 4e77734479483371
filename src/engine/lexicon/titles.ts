/**
 * Job titles and honorifics of general English news style, lower case. Curated by hand from
 * compromise's lexicon (its `Honorific` tags and the official and occupational part of its 1,017
 * `Actor` nouns: "minister", "chancellor", "spokesperson"...), leaving out family and everyday
 * nouns ("friend", "baby") that would make any apposition look like a role.
 */

/** Head nouns of a title: "Foreign *Minister*", "chief *executive*", "*Secretary* of State". */
export const TITLE_HEADS: ReadonlySet<string> = new Set([
  // government and diplomacy
  'minister', 'ministers', 'premier', 'president', 'vice-president', 'chancellor', 'secretary', 'secretary-general',
  'undersecretary', 'under-secretary', 'ambassador', 'envoy', 'consul', 'diplomat', 'attaché', 'governor', 'mayor',
  'senator', 'congressman', 'congresswoman', 'representative', 'lawmaker', 'legislator', 'deputy', 'mp', 'mep',
  'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'supervisor', 'commissioner', 'spokesman', 'spokeswoman',
  'spokesperson', 'press secretary', 'speaker', 'king', 'queen', 'prince', 'princess', 'monarch', 'emperor', 'sultan',
  'emir', 'sheikh', 'taoiseach', 'chief of staff', 'aide', 'adviser', 'advisor', 'counsellor', 'counselor', 'official',
  'administrator', 'ombudsman', 'auditor', 'comptroller', 'controller', 'treasurer', 'registrar', 'prefect', 'mufti',
  // justice and security
  'judge', 'justice', 'magistrate', 'prosecutor', 'attorney', 'attorney general', 'lawyer', 'solicitor', 'barrister',
  'sheriff', 'marshal', 'constable', 'inspector', 'superintendent', 'detective', 'commander', 'general', 'admiral',
  'colonel', 'lieutenant', 'major', 'captain', 'sergeant', 'brigadier', 'commodore', 'chief',
  // business and organisations
  'ceo', 'cfo', 'coo', 'cto', 'cio', 'cmo', 'vp', 'svp', 'evp', 'executive', 'chairman', 'chairwoman', 'chairperson', 'chair', 'director',
  'director-general', 'manager', 'head', 'founder', 'co-founder', 'cofounder', 'owner', 'partner', 'officer',
  'principal', 'analyst', 'economist', 'strategist', 'consultant', 'coordinator', 'leader', 'vice-chairman',
  'board member', 'shareholder', 'investor', 'banker', 'broker', 'trader', 'entrepreneur', 'tycoon', 'publisher',
  'editor', 'correspondent', 'reporter', 'journalist', 'columnist', 'producer',
  // church, academia, professions
  'pope', 'cardinal', 'archbishop', 'bishop', 'priest', 'pastor', 'rabbi', 'imam', 'ayatollah', 'cleric', 'reverend',
  'professor', 'lecturer', 'researcher', 'scientist', 'dean', 'rector', 'provost', 'fellow', 'historian', 'teacher',
  'doctor', 'physician', 'surgeon', 'nurse', 'engineer', 'architect', 'coach', 'captain', 'player', 'striker',
  'goalkeeper', 'midfielder', 'defender', 'forward', 'champion', 'athlete', 'author', 'writer', 'actor', 'actress',
  'singer', 'artist', 'activist', 'campaigner', 'organiser', 'organizer', 'farmer', 'expert', 'specialist',
]);

/**
 * Words that modify a title head: "*Deputy Prime* Minister", "*chief* executive", "*acting* director".
 * Together with TITLE_HEADS they may stand in lower case before a name: "said deputy minister Jo Ng".
 */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'deputy', 'vice', 'prime', 'first', 'second', 'senior', 'junior', 'chief', 'executive', 'assistant', 'associate',
  'acting', 'interim', 'former', 'ex', 'late', 'managing', 'general', 'foreign', 'defence', 'defense', 'finance',
  'interior', 'justice', 'trade', 'economy', 'energy', 'health', 'education', 'culture', 'labour', 'labor',
  'agriculture', 'environment', 'transport', 'state', 'junior', 'lead', 'head', 'principal', 'regional', 'national',
  'international', 'global', 'chief executive', 'financial', 'operating', 'technology', 'marketing', 'press', 'news',
  'communications', 'public', 'permanent', 'special', 'high', 'grand', 'supreme', 'top', 'opposition', 'party',
  'union', 'board', 'group', 'presidential', 'ministry', 'government', 'city', 'county', 'federal', 'outgoing',
  'incoming', 'newly', 'elected', 'appointed', 'founding', 'co', 'lieutenant', 'major', 'attorney', 'police',
  'military', 'army', 'navy', 'air', 'force', 'fire', 'team', 'club', 'company', 'bank', 'central', 'security',
  'intelligence', 'affairs', 'secretary', 'minister', 'director', 'officer', 'president',
]);

/**
 * Courtesy titles and rank abbreviations before a name that are not roles: "Mr. Smith" says nothing
 * about a job. Lower case, without the final period.
 */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'mme', 'mlle', 'madam', 'madame', 'sir', 'dame', 'lord', 'lady',
  'master', 'mister', 'dr', 'prof', 'hon', 'rt', 'esq', 'jr', 'sr', 'phd', 'his', 'her', 'excellency', 'herr',
  'frau', 'monsieur', 'señor', 'senor', 'señora', 'senora',
]);

/**
 * Abbreviated titles that are roles ("Sen. Jo Ng", "Gov. Jo Ng"), with their spelled-out form.
 * Lower case, without the final period.
 */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['sen', 'Senator'], ['rep', 'Representative'], ['gov', 'Governor'], ['lt', 'Lieutenant'], ['col', 'Colonel'],
  ['gen', 'General'], ['maj', 'Major'], ['capt', 'Captain'], ['cmdr', 'Commander'], ['adm', 'Admiral'],
  ['sgt', 'Sergeant'], ['supt', 'Superintendent'], ['insp', 'Inspector'], ['det', 'Detective'],
  ['amb', 'Ambassador'], ['pres', 'President'], ['sec', 'Secretary'], ['atty', 'Attorney'], ['rev', 'Reverend'],
]);

/** Words that end an apposition before it names a role: "Jo Ng, who …", "Jo Ng, 45, …". */
export const NON_ROLE_APPOSITION_STARTS: ReadonlySet<string> = new Set([
  'who', 'whom', 'whose', 'which', 'that', 'where', 'when', 'while', 'and', 'but', 'or', 'as', 'said', 'says',
  'told', 'added', 'noted', 'according', 'however', 'meanwhile', 'he', 'she', 'they', 'it', 'we', 'i',
]);

/**
 * Government titles whose "of" complement is a portfolio, not an organisation mention:
 * "Minister of *Foreign Affairs*", "Secretary of *State*". Lower case.
 */
export const PORTFOLIO_TITLES: ReadonlySet<string> = new Set([
  'minister', 'ministers', 'secretary', 'secretaries', 'undersecretary', 'under-secretary', 'commissioner',
  'commissioners', 'secretary-general', 'director-general',
]);
