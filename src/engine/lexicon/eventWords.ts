/**
 * Head words of named events, lower case: a capitalised name ending in one of them is an event
 * ("Paris Peace *Conference*", "Summer *Olympics*", "Gulf *War*", "World *Cup*"). General English
 * nouns for kinds of events, never particular events.
 */
export const EVENT_HEADS: ReadonlySet<string> = new Set([
  'summit', 'summits', 'conference', 'convention', 'congress', 'symposium', 'colloquium', 'forum', 'expo', 'exposition',
  'exhibition', 'fair', 'show', 'festival', 'fest', 'carnival', 'biennale', 'biennial', 'triennale', 'games',
  'olympics', 'olympiad', 'paralympics', 'cup', 'championship', 'championships', 'tournament', 'open', 'grand prix',
  'marathon', 'rally', 'race', 'derby', 'regatta', 'classic', 'series', 'bowl', 'league', 'war', 'wars', 'battle',
  'revolution', 'uprising', 'rebellion', 'crisis', 'massacre', 'genocide', 'siege', 'invasion', 'offensive',
  'ceasefire', 'treaty', 'accord', 'accords', 'agreement', 'talks', 'dialogue', 'meeting', 'session', 'assembly',
  'election', 'elections', 'referendum', 'primary', 'primaries', 'caucus', 'caucuses', 'inauguration', 'coronation',
  'jubilee', 'anniversary', 'week', 'day', 'awards', 'prize', 'ceremony', 'gala', 'pilgrimage', 'hajj', 'earthquake',
  'hurricane', 'cyclone', 'typhoon', 'storm', 'flood', 'floods', 'disaster', 'pandemic', 'epidemic', 'outbreak',
  'scandal', 'affair', 'trial', 'hearing', 'hearings', 'inquiry', 'round',
]);

/**
 * Heads that name an event only with a year or ordinal: "Davos Forum 2025" and "the 29th Congress"
 * are events, but "World Economic Forum", "Congress" and "Premier League" are usually
 * organisations or bodies. Must also be in EVENT_HEADS. (Days and weeks need no number:
 * "Armistice Day", "Fashion Week" are events; so are tournaments: "Australian Open".)
 */
export const EVENT_HEADS_NEEDING_NUMBER: ReadonlySet<string> = new Set([
  'forum', 'congress', 'assembly', 'session', 'league', 'series', 'show', 'fair', 'meeting', 'dialogue', 'talks',
  'round', 'treaty', 'accord', 'accords', 'agreement', 'prize', 'awards', 'trial', 'hearing',
  'hearings', 'inquiry', 'affair', 'election', 'elections', 'primary', 'primaries', 'caucus', 'caucuses', 'convention',
  'classic', 'rally', 'race',
]);

/**
 * The event heads that outweigh a tagger's place label: "G20 Summit" and "Web Summit" tagged as
 * places are events. Heads that often end real place names stay out ("Rose Bowl", "Vanity Fair",
 * "Battle Creek", "Epsom Derby" courses, "Grand Prix" circuits).
 */
export const EVENT_HEADS_OVER_PLACES: ReadonlySet<string> = new Set([
  'summit', 'summits', 'conference', 'convention', 'congress', 'symposium', 'forum', 'expo', 'exposition', 'olympics',
  'olympiad', 'paralympics', 'games', 'cup', 'championship', 'championships', 'tournament', 'festival', 'war', 'wars',
  'revolution', 'uprising', 'election', 'elections', 'referendum', 'talks',
]);

/** Event names that are a head word alone: "the Olympics"; "the Open" or "the Summit" are not. */
export const SELF_NAMED_EVENTS: ReadonlySet<string> = new Set(['olympics', 'paralympics', 'olympiad', 'hajj']);

/** Ordinal words that number an edition: "*Second* World War". Lower case. */
export const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
]);
