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

/**
 * Head nouns of institution names that take a complement: "Commission *on* Trade and Economic
 * Cooperation", "Department *of* Health and Human Services", "Committee *for* …". Lower case.
 */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'commission', 'committee', 'council', 'ministry', 'department', 'agency', 'office', 'bureau', 'institute',
  'institution', 'board', 'association', 'federation', 'union', 'organization', 'organisation', 'center', 'centre',
  'fund', 'bank', 'court', 'authority', 'foundation', 'society', 'school', 'university', 'academy', 'chamber',
  'service', 'directorate', 'secretariat', 'alliance', 'coalition', 'league', 'party', 'front', 'movement', 'forum',
  'conference', 'assembly', 'parliament', 'senate', 'tribunal', 'inspectorate', 'administration', 'corporation',
  'company', 'group', 'network', 'initiative', 'program', 'programme', 'partnership', 'panel', 'task force',
]);

/** Words that join an institution head to its complement: "Commission *on* Trade". */
export const ORG_COMPLEMENT_LINKS: ReadonlySet<string> = new Set(['of', 'on', 'for']);

/**
 * Heads of institutions that are not gatherings even when named after one: "*Organisation* of the
 * Islamic Conference" is a body, while "Group of Eight Summit" is a summit. Lower case.
 */
export const INSTITUTION_HEADS: ReadonlySet<string> = new Set([
  'organization', 'organisation', 'association', 'union', 'federation', 'council', 'committee', 'commission',
  'institute', 'secretariat', 'agency',
]);

/**
 * Last words that make a name a company or institution even when it looks like a person's
 * ("Northwind Labs", "Keller Robotics", "Hart Capital"). Lower case. Curated from common
 * English company-name endings.
 */
export const COMPANY_HEADS: ReadonlySet<string> = new Set([
  'labs', 'laboratories', 'systems', 'technologies', 'pharmaceuticals', 'pharma', 'therapeutics', 'biosciences',
  'robotics', 'software', 'networks', 'solutions', 'industries', 'enterprises', 'ventures', 'partners', 'capital',
  'airlines', 'airways', 'motor', 'motors', 'studios', 'foods', 'brands', 'logistics', 'consulting', 'associates',
  'insurance', 'securities', 'investments', 'realty', 'properties', 'telecom', 'communications', 'electronics',
  // trades and retail ("Bluefin Grocers", "Harbor Breweries")
  'grocers', 'supermarkets', 'markets', 'stores', 'pharmacies', 'bakeries', 'restaurants', 'hotels', 'resorts', 'farms',
  'mills', 'breweries', 'brewing', 'beverages', 'wines', 'vineyards', 'dairies', 'builders', 'construction', 'utilities',
  'shipping', 'freight', 'couriers', 'railways', 'railroad', 'cruises', 'travel', 'hospitality', 'outfitters', 'apparel',
  'cosmetics', 'furniture', 'appliances', 'automotive', 'aerospace', 'equipment', 'outdoor', 'outdoors',
  // industry and services ("Hart Energy", "Solvent Health", "Keller Media")
  'energy', 'health', 'healthcare', 'clinic', 'clinics', 'media', 'publishing', 'entertainment', 'pictures', 'films', 'interactive',
  'digital', 'wireless', 'analytics', 'dynamics', 'devices', 'instruments', 'materials', 'chemicals', 'metals', 'mining',
  'minerals', 'resources', 'renewables', 'petroleum', 'textiles', 'semiconductors', 'microsystems', 'biotech', 'genomics',
  'diagnostics', 'biologics', 'medicines', 'nutrition', 'holdings', 'advisors', 'advisers', 'management', 'financial',
  'bancorp', 'bancshares', 'assurance', 'developments', 'services',
]);
