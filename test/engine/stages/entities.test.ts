import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { scanTokens, tokenize, tokensOf, tokenText, type Tokens } from '../../../src/engine/text/tokenize';
import { splitParagraphs, splitSentences } from '../../../src/engine/text/sentences';
import { detectStructure } from '../../../src/engine/stages/structure';
import { findEntities, isEventName, isEventShape } from '../../../src/engine/stages/entities';
import { resolveOptions, type AnalysisOptions } from '../../../src/engine/options';
import type { NameLabel, TaggedName } from '../../../src/engine/ner/index';
import type { Entity } from '../../../src/engine/model';
import { analyze } from '../../../src/engine/index';

/** What a tagger would say: every occurrence of the phrase, or only the first with `once`, the last with `last`. */
type Tag = [phrase: string, label: NameLabel, once?: 'once' | 'last'];

function fakeTagger(tokens: Tokens, tags: readonly Tag[]): TaggedName[] {
  const names: TaggedName[] = [];
  for (const [phrase, label, which] of tags) {
    const words = tokenize(phrase).map(t => t.text);
    const found: TaggedName[] = [];
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (!words.every((w, k) => tokenText(tokens, i + k) === w)) continue;
      const end = i + words.length;
      found.push({ tokenStart: i, tokenEnd: end, start: tokens.starts[i], end: tokens.ends[end - 1], label });
    }
    names.push(...(which === 'once' ? found.slice(0, 1) : which === 'last' ? found.slice(-1) : found));
  }
  return names.sort((a, b) => a.start - b.start);
}

function run(text: string, tags: readonly Tag[], options?: AnalysisOptions, keyed = true) {
  const tokens = keyed ? scanTokens(text) : tokensOf(tokenize(text));
  const paragraphs = splitParagraphs(text, tokens);
  const sentences = splitSentences(text, tokens, paragraphs);
  const structure = detectStructure(text, tokens);
  const doc = { text, tokens, sentences, structure, options: resolveOptions(options) };
  return findEntities(doc, fakeTagger(tokens, tags));
}

/** "type name [aliases] (role) ×mentions" per entity, for compact expectations. */
function describeEntity(text: string, e: Entity): string {
  const aliases = e.aliases.length ? ` [${e.aliases.join('; ')}]` : '';
  const role = e.role ? ` (${e.role})` : '';
  return `${e.type} ${e.name}${aliases}${role} ×${e.mentions.length}`;
}

function assertInvariants(text: string, result: ReturnType<typeof run>): void {
  const ids = new Set<string>();
  for (const e of result.entities) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].start < e.mentions[i].start, 'entity mentions sorted');
  }
  for (let i = 1; i < result.mentions.length; i++) {
    assert.ok(result.mentions[i - 1].end <= result.mentions[i].start, 'mentions sorted and disjoint');
  }
  for (const m of result.mentions) assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
}

describe('[entities] sample article', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../../../samples/trend-azerbaijan-serbia.txt'), 'utf8');
  // What a CoNLL-trained tagger says on it, misses and over-splits included.
  const tags: Tag[] = [
    ['Azerbaijan', 'LOC', 'once'], ['Serbia', 'LOC', 'once'], ['Jeyhun Bayramov', 'PER'], ['Foreign Affairs', 'ORG'],
    ['Trend', 'ORG'], ['Serbian', 'MISC'], ['Marko Djuric', 'PER'], ['Bayramov', 'PER', 'once'],
    ['Strategic Partnership Council', 'ORG'], ['Intergovernmental Commission', 'ORG'],
    ['Trade and Economic Cooperation', 'ORG'], ['COP29', 'MISC'],
  ];
  // The stage keeps word facts across calls by the tokenizer's vocabulary keys: the same result
  // after the vocabulary starts a new epoch (100,000 new words fill it), and without keys.
  it('gives the same result across a new vocabulary epoch and without vocabulary keys', () => {
    const first = run(text, tags);
    assert.ok(first.entities.length > 5);
    scanTokens(Array.from({ length: 100_000 }, (_, i) => `Zj${i.toString(36)}`).join(' '));
    assert.deepStrictEqual(run(text, tags), first);
    assert.deepStrictEqual(run(text, tags, undefined, false), first);
  });

  it('finds the people, organizations, places and events with roles', () => {
    const result = run(text, tags);
    assertInvariants(text, result);
    assert.deepStrictEqual(result.entities.map(e => describeEntity(text, e)), [
      'place Baku ×1',
      'place Azerbaijan ×6',
      'place Serbia ×4',
      'person Jeyhun Bayramov [Bayramov] (Minister of Foreign Affairs of Azerbaijan) ×3',
      'organization Trend ×1',
      'person Marko Djuric (Serbian Foreign Minister) ×1',
      'organization Strategic Partnership Council ×1',
      'organization Intergovernmental Commission on Trade and Economic Cooperation ×1',
      'event COP29 ×1',
      'event EXPO-2027 ×1',
    ]);
    assert.strictEqual(result.entities[3].id, 'person:jeyhun-bayramov');
  });
  it('without a tagger still has the dateline place, the credit and event shapes', () => {
    assert.deepStrictEqual(run(text, []).entities.map(e => describeEntity(text, e)), [
      'place Baku ×1', 'organization Trend ×1', 'event COP29 ×1', 'event EXPO-2027 ×1',
    ]);
  });
});

describe('[entities] events', () => {
  const cases: Array<[name: string, isEvent: boolean]> = [
    ['Summer Olympics', true], ['World Cup', true], ['Second World War', true], ['Paris Peace Conference', true],
    ['Davos Forum 2025', true], ['Monaco Grand Prix', true], ['APEC 2023', true], ['World War II', true],
    ['Australian Open', true], ['Armistice Day', true], ['King MOHAMMED VI', false], ['Sultan Qaboos II', false],
    ['World Economic Forum', false], ['Congress', false], ['Premier League', false], ['Acme Corp', false],
    ['Vienna', false], ['Open', false], ['Group of Eight Summit', true], ['Summit', false], ['Olympics', true], ['Organisation of the Islamic Conference', false], ['United Nations Climate Change Conference', true],
  ];
  for (const [name, expected] of cases) {
    it(name, () => {
      const tokens = scanTokens(name);
      assert.strictEqual(isEventName(tokens, 0, tokens.length), expected);
    });
  }
  const shapes: Array<[word: string, isEvent: boolean]> = [
    ['COP29', true], ['EXPO-2027', true], ['EXPO2020', true], ['COVID-19', false], ['G20', false], ['MH17', false],
    ['FY2024', false], ['ABC', false], ['ABC-1999x', false],
  ];
  for (const [word, expected] of shapes) it(`shape ${word}`, () => assert.strictEqual(isEventShape(word), expected));

  // A word's head bits are remembered for both lists at once: each name is asked both ways, in
  // both orders, so what one list says of a word never answers for the other.
  const overPlaces: Array<[name: string, isEvent: boolean, overPlace: boolean]> = [
    ['Monaco Grand Prix', true, false], ['Rose Bowl', true, false], ['Epsom Derby', true, false], ['APEC 2023', true, false],
    ['G20 Summit', true, true], ['Davos Forum 2025', true, true], ['World Cup', true, true], ['Vienna', false, false],
  ];
  for (const [name, expected, expectedOverPlace] of overPlaces) {
    it(`${name} (a place's name: ${expectedOverPlace})`, () => {
      const tokens = scanTokens(name);
      assert.strictEqual(isEventName(tokens, 0, tokens.length, true), expectedOverPlace);
      assert.strictEqual(isEventName(tokens, 0, tokens.length), expected);
      const again = scanTokens(`${name} `);
      assert.strictEqual(isEventName(again, 0, again.length), expected);
      assert.strictEqual(isEventName(again, 0, again.length, true), expectedOverPlace);
    });
  }

  it('takes an edition year into the name and lets strong event heads outweigh a place label', () => {
    const text = 'Delegates at the Davos Forum 2025 and the G20 Summit met near the Rose Bowl.';
    const result = run(text, [['Davos Forum', 'ORG'], ['G20 Summit', 'LOC'], ['Rose Bowl', 'LOC']]);
    assert.deepStrictEqual(result.entities.map(e => describeEntity(text, e)),
      ['event Davos Forum 2025 ×1', 'event G20 Summit ×1', 'place Rose Bowl ×1']);
  });

  it('drops MISC names that are not events and types event-shaped MISC as events', () => {
    const text = 'Ruritanian fans flew to the Summer Olympics and the COP31 talks.';
    const result = run(text, [['Ruritanian', 'MISC'], ['Summer Olympics', 'MISC']]);
    assert.deepStrictEqual(result.entities.map(e => describeEntity(text, e)), ['event Summer Olympics ×1', 'event COP31 ×1']);
  });
});

describe('[entities] roles', () => {
  const cases: Array<[text: string, person: string, role: string | undefined]> = [
    ['Jo Ng, Ruritania’s Minister of Foreign Affairs, said so.', 'Jo Ng', 'Minister of Foreign Affairs of Ruritania'],
    ['Talks with Ruritanian Foreign Minister Jo Ng ended.', 'Jo Ng', 'Ruritanian Foreign Minister'],
    ['Serbian Foreign Minister Jo Ng spoke.', 'Jo Ng', 'Serbian Foreign Minister'],
    ['CEO John Smith said so.', 'John Smith', 'CEO'],
    ['Yesterday CEO John Smith said so.', 'John Smith', 'CEO'],
    ['"Yes," said John Smith, chief executive of Acme.', 'John Smith', 'chief executive of Acme'],
    ['John Smith, the chief executive of Acme, said so.', 'John Smith', 'chief executive of Acme'],
    ["Acme's chief executive John Smith said so.", 'John Smith', 'chief executive of Acme'],
    ['"No," said deputy minister Jo Ng.', 'Jo Ng', 'deputy minister'],
    ['Sen. John Smith said so.', 'John Smith', 'Senator'],
    ['U.S. Secretary of State Jo Ng flew in.', 'Jo Ng', 'U.S. Secretary of State'],
    // a role ends at its line
    ['The board:\n- Jo Ng, Acme General Hospital\n- Al Roe, Treasurer', 'Jo Ng', 'Acme General Hospital'],
    // a title that opens the sentence and the name set off by commas; a portfolio's list
    ['Commissioner for Environment, Oceans and Fisheries, Jo Ng, added more.', 'Jo Ng', 'Commissioner for Environment, Oceans and Fisheries'],
    ['Minister for Digital Infrastructure, Jo Ng, said so.', 'Jo Ng', 'Minister for Digital Infrastructure'],
    ['Prices rose in Oslo, Paris and London, Jo Ng, an analyst, said.', 'Jo Ng', 'analyst'],
    ['Mr. John Smith said so.', 'John Smith', undefined],
    ['John Smith, who founded Acme, said so.', 'John Smith', undefined],
    ['John Smith, 45, said so.', 'John Smith', undefined],
    ['John Smith, Jane Doe and Jo Ng met.', 'John Smith', undefined],
    ['On Monday John Smith said so.', 'John Smith', undefined],
    ['Yesterday Arizona Sen. John Smith said so.', 'John Smith', 'Arizona Senator'],
    ['Homeland Security Secretary Jeh Smith said so.', 'Smith', undefined],
    ['Jo Ng, one of the president’s closest aides, said so.', 'Jo Ng', 'one of the president’s closest aides'],
    ['Jo Ng, the campaign’s press secretary, said so.', 'Jo Ng', 'campaign’s press secretary'],
    ['John Smith, Homeland Security Secretary Jane Doe and others met.', 'John Smith', undefined],
    ['Mr. John Smith met CEO Jane Doe.', 'Jane Doe', 'CEO'],
    // degrees before the role
    ['"Yes," said Helen Vasquez, M.D., Chief Medical Officer of Acme.', 'Helen Vasquez', 'Chief Medical Officer of Acme'],
    // a description set off before the name
    ['"Yes," the fund\'s managing partner, John Smith, said.', 'John Smith', 'fund\'s managing partner'],
    ['Police questioned the manager, John Smith, on Monday.', 'John Smith', 'manager'],
    ['He met the crowd, John Smith, and others.', 'John Smith', undefined],
    // an acronym is no pronoun ("who"), and a portfolio may follow "for"
    ['"Yes," said Dr John Smith, WHO Regional Director for Europe.', 'John Smith', 'WHO Regional Director for Europe'],
    ['"Yes," WHO Regional Director for Europe Dr John Smith said.', 'John Smith', 'WHO Regional Director for Europe'],
  ];
  for (const [text, person, role] of cases) {
    it(text, () => {
      const result = run(text, [[person, 'PER'], ['Jane Doe', 'PER'], ['Jo Ng', 'PER']]);
      const entity = result.entities.find(e => e.name === person);
      assert.ok(entity, `no entity ${person}`);
      assert.strictEqual(entity.role, role);
    });
  }
});

describe('[entities] clustering and types', () => {
  const cases: Array<[title: string, text: string, tags: Tag[], expected: string[], options?: AnalysisOptions]> = [
    ['surname joins the full name', 'Jo Ng arrived. Later Ng said so.', [['Jo Ng', 'PER'], ['Ng', 'PER']],
      ['person Jo Ng [Ng] ×2']],
    ['a company ending outweighs a person tag', 'Maria Lopez of Northwind Labs and Ann Lee of Hart Capital met.',
      [['Maria Lopez', 'PER'], ['Northwind Labs', 'PER'], ['Ann Lee', 'PER'], ['Hart Capital', 'PER']],
      ['person Maria Lopez ×1', 'organization Northwind Labs ×1', 'person Ann Lee ×1', 'organization Hart Capital ×1']],
    ['one-word names keep the tag', 'Capital and Labs left.', [['Capital', 'PER']], ['person Capital ×1']],
    ['untagged surname found from the full name', 'Jo Ng arrived. Later Ng said so.', [['Jo Ng', 'PER']],
      ['person Jo Ng [Ng] ×2']],
    ['ambiguous surname goes to the person introduced first', 'John Smith met Jane Smith. Later Smith left.',
      [['John Smith', 'PER'], ['Jane Smith', 'PER'], ['Smith', 'PER']],
      ['person John Smith [Smith] ×2', 'person Jane Smith ×1']],
    ['… among those introduced before it', 'Smith arrived. Jane Smith met John Smith. Later Smith left.',
      [['John Smith', 'PER'], ['Jane Smith', 'PER'], ['Smith', 'PER']],
      ['person Jane Smith [Smith] ×3', 'person John Smith ×1']],
    ['a first name that is also a title stays', 'Dean Headley and Don Rich bowled.', [['Dean Headley', 'PER'], ['Don Rich', 'PER']],
      ['person Dean Headley ×1', 'person Don Rich ×1']],
    ['letters after a name end a person\'s name', 'Sir Jo Ng MP met Amy Reyes MS in Cardiff.', [['Sir Jo Ng MP', 'ORG'], ['Amy Reyes MS', 'PER'], ['Cardiff', 'LOC']],
      ['person Jo Ng ×1', 'person Amy Reyes ×1', 'place Cardiff ×1']],
    ['a clinic is an institution, not a place or a person', 'She joined Mayo Clinic. Dr. Jo Ng, Cleveland Clinic, agreed.',
      [['Mayo Clinic', 'LOC'], ['Jo Ng', 'PER'], ['Cleveland Clinic', 'PER']],
      ['organization Mayo Clinic ×1', 'person Jo Ng ×1', 'organization Cleveland Clinic ×1']],
    ['a capitalised plural the text uses in lower case is no person', 'Twelve Community Fellows were named. These fellows work hard.',
      [['Fellows', 'PER']], []],
    ['a portfolio is part of a role, every item of its list', 'Commissioner for Environment, Oceans and Fisheries Jo Ng spoke.',
      [['Environment', 'ORG'], ['Oceans', 'ORG'], ['Fisheries', 'ORG'], ['Jo Ng', 'PER']], ['person Jo Ng (Commissioner for Environment, Oceans and Fisheries) ×1']],
    ['… but a name after a comma that no "and" closes is not', 'The Minister for Trade, Acme Corp and others met.',
      [['Trade', 'ORG'], ['Acme Corp', 'ORG']], ['organization Acme Corp ×1']],
    ['two institutions joined by "and the"', 'It goes to the European Parliament and the Council of the EU.',
      [['European Parliament and the Council', 'ORG'], ['EU', 'ORG']],
      ['organization European Parliament ×1', 'organization Council ×1', 'organization EU ×1']],
    ['… but not a ministry\'s portfolio', 'The Ministry of Agriculture and the Environment said so.',
      [['Ministry of Agriculture and the Environment', 'ORG']], ['organization Ministry of Agriculture and the Environment ×1']],
    ['a name ending in a model code is a product, no place', 'Lumora unveiled the Halo X2 in San Jose.',
      [['Lumora', 'ORG'], ['Halo X2', 'LOC'], ['San Jose', 'LOC']], ['organization Lumora ×1', 'place San Jose ×1']],
    ['an institution the tagger took for a place is an organization', 'Tests at the Smithsonian Institution in Washington.',
      [['Smithsonian Institution', 'LOC'], ['Washington', 'LOC']], ['organization Smithsonian Institution ×1', 'place Washington ×1']],
    ['a well-known company is an organization, whatever the tagger saw', 'She thanked Netflix, Google and Jo Ng.',
      [['Netflix', 'PER'], ['Google', 'LOC'], ['Jo Ng', 'PER']], ['organization Netflix ×1', 'organization Google ×1', 'person Jo Ng ×1']],
    ['a known city after "near" is the place, not a club', 'Fans of Marseille cheered. Fires burned near Marseille.',
      [['Marseille', 'ORG'], ['Marseille', 'ORG']], ['organization Marseille ×1', 'place Marseille ×1']],
    ['a technology\'s initials are no organization', 'AI will not replace nurses, Acme said.', [['AI', 'ORG'], ['Acme', 'ORG']],
      ['organization Acme ×1']],
    ['a heading\'s word on the line above is no part of a company\'s name', 'Conference Call\nSolvent Health will host a call.',
      [['Solvent Health', 'ORG']], ['organization Solvent Health ×1']],
    ['… nor an instruction\'s verb', 'Call Solvent Health Investor Relations today.', [['Call Solvent Health Investor Relations', 'ORG']],
      ['organization Solvent Health Investor Relations ×1']],
    ['… and a thing\'s initials are no organization', 'Show a school ID or a PDF.', [['ID', 'ORG'], ['PDF', 'ORG']], []],
    ['a definition gives the type, to every mention of the name', 'Veltora rose. Veltora is a Danish shipping company.',
      [['Veltora', 'PER'], ['Veltora', 'PER']], ['organization Veltora ×2']],
    ['… a place\'s too', 'Kerman is a city in Fresno County.', [['Kerman', 'PER'], ['Fresno County', 'LOC']],
      ['place Kerman ×1', 'place Fresno County ×1']],
    ['… but only its head noun, before "of"', 'Jo Ng is a member of the band.', [['Jo Ng', 'PER']], ['person Jo Ng ×1']],
    ['… and not a noun a person may be too', 'Jo Ng is a real estate developer.', [['Jo Ng', 'PER']], ['person Jo Ng ×1']],
    ['a brand with its generic name in brackets is a product', 'The FDA approved Zelvora (rimegepant) today.',
      [['FDA', 'ORG'], ['Zelvora', 'PER']], ['organization FDA ×1']],
    ['… but a name with an explanation is a name', 'The Russian Duma (parliament) met.', [['Duma', 'ORG']], ['organization Duma ×1']],
    ['a stock listing is no name of its own', 'Brightpath Software Inc. (NYSE: BPTH) and Hoshino Motor (TSE: 7291) rose.',
      [['Brightpath Software Inc.', 'ORG'], ['BPTH', 'ORG'], ['Hoshino Motor', 'PER'], ['TSE', 'ORG']],
      ['organization Brightpath Software Inc. ×1', 'organization Hoshino Motor ×1']],
    ['a street is a place, and a weekday in the plural no name', 'The bakery on Warren Avenue opens on Saturdays.',
      [['Warren Avenue', 'PER'], ['Saturdays', 'LOC']], ['place Warren Avenue ×1']],
    ['a reporting period is no part of a name', 'Newcrest Q4 profit rose.', [['Newcrest Q4', 'ORG']], ['organization Newcrest ×1']],
    ['a name carried on over particles', 'Saudi Crown Prince Mohammed bin Salman met Juan de la Cruz.',
      [['Prince Mohammed', 'PER'], ['Salman', 'MISC'], ['Juan', 'PER']],
      ['person Mohammed bin Salman (Saudi Crown Prince) ×1', 'person Juan de la Cruz ×1']],
    ['… not over a line break', 'Jo Ng\nde Bruin scored.', [['Jo Ng', 'PER']], ['person Jo Ng ×1']],
    ['a department after a title is part of the role', 'It works, said Jo Ng, VP of Marketing, Brightwater Outdoor.',
      [['Jo Ng', 'PER'], ['VP of Marketing', 'ORG'], ['Brightwater Outdoor', 'PER']],
      ['person Jo Ng (VP of Marketing) ×1', 'organization Brightwater Outdoor ×1']],
    ['a surname that speaks is the person, not her firm', 'Angela Ruiz, President, Ruiz & Partners, spoke. "We won," said Ruiz.',
      [['Angela Ruiz', 'PER'], ['Ruiz & Partners', 'ORG'], ['Ruiz', 'ORG']],
      ['person Angela Ruiz [Ruiz] (President) ×2', 'organization Ruiz & Partners ×1']],
    ['… but a surname is', 'Jo Fellows spoke. Fellows said the fellows agreed.', [['Jo Fellows', 'PER'], ['Fellows', 'PER']],
      ['person Jo Fellows [Fellows] ×2']],
    ['a title inside a tagged name becomes the role', 'Charlotte Mayor Jo Ng spoke. Gov. Ann Lee agreed.',
      [['Charlotte Mayor Jo Ng', 'PER'], ['Gov. Ann Lee', 'PER']],
      ['person Jo Ng (Charlotte Mayor) ×1', 'person Ann Lee (Governor) ×1']],
    ['bracketed acronym joins its expansion', 'The World Health Organization (WHO) warned. WHO experts agreed.',
      [['World Health Organization', 'ORG']], ['organization World Health Organization [WHO] ×3']],
    ['a defined short name in quotation marks is the organization everywhere', 'Meridian Health Partners (“Meridian”) grew. Meridian hired staff in Meridian.',
      [['Meridian Health Partners', 'ORG'], ['Meridian', 'LOC']], ['organization Meridian Health Partners [Meridian] ×4']],
    ['… when it is one of the name\'s words', 'Meridian Health Partners ("Company") grew. Company said so.',
      [['Meridian Health Partners', 'ORG'], ['Company', 'ORG']], ['organization Meridian Health Partners ×1', 'organization Company ×2']],
    ['acronym joins by initials', 'The European Union met. The EU agreed.', [['European Union', 'ORG'], ['EU', 'ORG']],
      ['organization European Union [EU] ×2']],
    ['legal suffix variants merge', 'Acme Corp. grew. Later Acme said so.', [['Acme Corp.', 'ORG'], ['Acme', 'ORG']],
      ['organization Acme Corp. [Acme] ×2']],
    ['one type per form, the majority', 'Jordan met Syria. Jordan and Iraq agreed. Jordan left.',
      [['Jordan', 'LOC'], ['Jordan', 'PER', 'once'], ['Syria', 'LOC'], ['Iraq', 'LOC']],
      ['place Jordan ×3', 'place Syria ×1', 'place Iraq ×1']],
    ['a form tagged once counts everywhere', 'Ruritania met Osterlich. Later Ruritania left.',
      [['Ruritania', 'LOC', 'once'], ['Osterlich', 'LOC']], ['place Ruritania ×2', 'place Osterlich ×1']],
    ['but not inside a longer name', 'Ruritania met. Ruritania Telecom grew.', [['Ruritania', 'LOC', 'once']],
      ['place Ruritania ×1']],
    ['… a form of several words and a surname too', 'Maria Lopez met the Osterlich Trade Board. Later Lopez and the Osterlich Trade Board left.',
      [['Maria Lopez', 'PER', 'once'], ['Osterlich Trade Board', 'ORG', 'once']],
      ['person Maria Lopez [Lopez] ×2', 'organization Osterlich Trade Board ×2']],
    ['personal lists win over the tagger, every occurrence', 'Acme met Zeta. Later Acme left.', [['Acme', 'ORG', 'once']],
      ['person Acme ×2', 'event Zeta ×1'], { personalLists: { person: ['Acme'], event: ['Zeta'] } }],
    ['possessive is not part of the name', "Acme's profit rose.", [["Acme's", 'ORG']], ['organization Acme ×1']],
    ['portfolio after a minister title is not an organization', 'Jo Ng, Minister of Foreign Affairs, spoke.',
      [['Jo Ng', 'PER'], ['Foreign Affairs', 'ORG']], ['person Jo Ng (Minister of Foreign Affairs) ×1']],
    ['a courtesy title is not part of the name', 'Mr. Jo Ng arrived.', [['Mr. Jo Ng', 'PER']], ['person Jo Ng ×1']],
    ['a title is not part of an organization name', 'Tom Reyes, CEO of Acme Robotics, spoke at the Bank of Ruritania.',
      [['Tom Reyes', 'PER'], ['CEO of Acme Robotics', 'ORG'], ['Bank of Ruritania', 'ORG']],
      ['person Tom Reyes (CEO of Acme Robotics) ×1', 'organization Acme Robotics ×1', 'organization Bank of Ruritania ×1']],
    ['… but only in an apposition', 'Queen of the South won.', [['Queen of the South', 'ORG']], ['organization Queen of the South ×1']],
    ['a boilerplate heading is not part of a name', 'Acme Robotics grew.\n\nAbout Acme Robotics\nAcme Robotics makes robots.',
      [['Acme Robotics', 'ORG'], ['About Acme Robotics', 'ORG']], ['organization Acme Robotics ×3']],
    ['a weekday ends an institution name', 'The Treasury Department on Wednesday said so.', [['Treasury Department', 'ORG']],
      ['organization Treasury Department ×1']],
    ['a copy at a sentence start is dropped if the word also occurs in lower case',
      'Apple sales rose. Apple fell. We ate an apple.', [['Apple', 'ORG', 'once']], ['organization Apple ×1']],
    ['… and kept if it does not', 'Apple sales rose. Apple fell. We ate a pear.', [['Apple', 'ORG', 'once']],
      ['organization Apple ×2']],
    ['table lines found between CRLF line breaks', '\r\n\r\nChicago beat Denver.\r\nCHICAGO 61 74 .452\r\n\r\nIn Chicago, rain.',
      [['Chicago', 'LOC'], ['CHICAGO', 'ORG'], ['Denver', 'LOC']], ['place Chicago ×2', 'place Denver ×1', 'organization CHICAGO ×1']],
    ['names in table lines keep their own type', 'Chicago beat Denver.\nCHICAGO 61 74 .452\nDENVER 60 70 .460\nIn Chicago, rain.',
      [['Chicago', 'LOC'], ['CHICAGO', 'ORG'], ['DENVER', 'ORG'], ['Denver', 'LOC']],
      ['place Chicago ×2', 'place Denver ×1', 'organization CHICAGO ×1', 'organization DENVER ×1']],
    ['a name that trades on a market is a company, not a person', "Magna shares rose. Halvorsen's stockholders met. Traders bought shares of Quist. Icahn's shares fell.",
      [['Magna', 'PER'], ['Halvorsen', 'PER'], ['Quist', 'PER'], ['Icahn', 'PER']],
      ['organization Magna ×1', 'organization Halvorsen ×1', 'organization Quist ×1', 'person Icahn ×1']],
    ['overlapping names: the longer wins', 'The New York Stock Exchange rose.',
      [['New York', 'LOC'], ['New York Stock Exchange', 'ORG'], ['Stock Exchange', 'ORG']],
      ['organization New York Stock Exchange ×1']],
    ['… then the earlier', 'Ann Lee Chen spoke.', [['Ann Lee', 'PER'], ['Lee Chen', 'PER']], ['person Ann Lee ×1']],
    ['initials skip connectors or not', 'The Bank of England met. The BoE agreed. The BE did not.',
      [['Bank of England', 'ORG'], ['BoE', 'ORG'], ['BE', 'ORG']], ['organization Bank of England [BoE; BE] ×3']],
    ['initials keep their letters', 'The Øresund Bridge Consortium met. The OBC agreed. The ØBC did not.',
      [['Øresund Bridge Consortium', 'ORG'], ['OBC', 'ORG'], ['ØBC', 'ORG']],
      ['organization Øresund Bridge Consortium ×1', 'organization OBC ×1', 'organization ØBC ×1']],
    ['a surname after a suffix joins', 'Martin Luther King Jr. spoke. Later King left. Luther stayed.',
      [['Martin Luther King Jr.', 'PER'], ['King', 'PER'], ['Luther', 'PER']],
      ['person Martin Luther King Jr. [King] ×2', 'person Luther ×1']],
    ['a suffix in capitals is no surname', 'John Doe III spoke. Later Doe left. III stayed.',
      [['John Doe III', 'PER'], ['Doe', 'PER'], ['III', 'PER']],
      ['person John Doe III [Doe] ×2', 'person III ×1']],
    ['initials skip a connector in capitals', 'The BANK OF ENGLAND met. The BE agreed.',
      [['BANK OF ENGLAND', 'ORG'], ['BE', 'ORG']], ['organization BANK OF ENGLAND [BE] ×2']],
    ['a person-shaped name after "the" is an organization', 'The Tigers beat the Hawkshead Hawks 3-2.', [['Hawkshead Hawks', 'PER']],
      ['organization Hawkshead Hawks ×1']],
    ['… unless it modifies a noun', 'Jo Ng spoke for the Jo Ng administration.', [['Jo Ng', 'PER']], ['person Jo Ng ×2']],
    ['a company goes by its first word', 'Northwind Robotics grew. We watched Northwind execute.',
      [['Northwind Robotics', 'ORG'], ['Northwind', 'PER']], ['organization Northwind Robotics [Northwind] ×2']],
    ['… unless a person has that name', 'Gerald Ford met Ford Motor executives. Ford said so.',
      [['Gerald Ford', 'PER'], ['Ford Motor', 'ORG'], ['Ford', 'PER']], ['person Gerald Ford [Ford] ×2', 'organization Ford Motor ×1']],
    ['… or its last word', 'The Detroit Tigers won. Hawks coach Jo Ng watched the Hawkshead Hawks lose. The Tigers celebrated.',
      [['Detroit Tigers', 'ORG'], ['Hawks', 'PER'], ['Jo Ng', 'PER'], ['Hawkshead Hawks', 'ORG'], ['Tigers', 'ORG']],
      ['organization Detroit Tigers [Tigers] ×2', 'organization Hawkshead Hawks [Hawks] ×2', 'person Jo Ng (Hawks coach) ×1']],
    ['… or its name without a trade word', 'Harbor Lane Capital grew. Jo Ng joined Harbor Lane in May.',
      [['Harbor Lane Capital', 'ORG'], ['Jo Ng', 'PER'], ['Harbor Lane', 'PER']],
      ['organization Harbor Lane Capital [Harbor Lane] ×2', 'person Jo Ng ×1']],
    ['a company name cut short on the left takes the capitalised word before it', 'The round was led by Harbor Lane Capital on Monday.',
      [['Lane Capital', 'ORG']], ['organization Harbor Lane Capital ×1']],
    ['… but not a hyphenated one, a demonym or a sentence start', 'Boston-based Reagan Communications and the German Hart Capital grew. Lane Capital too.',
      [['Reagan Communications', 'ORG'], ['Hart Capital', 'ORG'], ['Lane Capital', 'ORG']],
      ['organization Reagan Communications ×1', 'organization Hart Capital ×1', 'organization Lane Capital ×1']],
    ['a name cut short on the left takes the longer form the text has', 'Harbor Lane Capital grew.\n\nAbout Harbor Lane Capital\nHarbor Lane Capital invests.',
      [['Harbor Lane Capital', 'ORG', 'once'], ['Lane Capital', 'PER']], ['organization Harbor Lane Capital ×3']],
    ['… which the tagger may have taken for an unknown place, but not for a known one', 'Kestrel Pharmaceuticals grew. Kestrel hired. U.S. Food and Drug Administration staff met in U.S. offices.',
      [['Kestrel Pharmaceuticals', 'ORG'], ['Kestrel', 'LOC'], ['U.S. Food and Drug Administration', 'ORG'], ['U.S.', 'LOC']],
      ['organization Kestrel Pharmaceuticals [Kestrel] ×2', 'organization U.S. Food and Drug Administration ×1', 'place U.S. ×1']],
    ['… nor by a place name', 'Leeds City Council met. Leeds said so.',
      [['Leeds City Council', 'ORG'], ['Leeds', 'ORG']], ['organization Leeds City Council ×1', 'organization Leeds ×1']],
    ['a generic first word names no company', 'The Bank of Ruritania met. Bank said so.',
      [['Bank of Ruritania', 'ORG'], ['Bank', 'ORG']], ['organization Bank of Ruritania ×1', 'organization Bank ×1']],
    // Title Case headlines: the names found in the text decide
    ['a headline name is cut to the name the text has', 'Acme Robotics Raises $48 Million\n\nAcme Robotics said so.',
      [['Acme Robotics Raises', 'PER'], ['Acme Robotics', 'ORG']], ['organization Acme Robotics ×2']],
    ['… or to the names inside it', 'Zeta Foods Partners With Acme Robotics\n\nAcme Robotics and Zeta Foods said so.',
      [['Zeta Foods Partners With Acme Robotics', 'ORG'], ['Acme Robotics', 'ORG'], ['Zeta Foods', 'ORG']],
      ['organization Zeta Foods ×2', 'organization Acme Robotics ×2']],
    ['… and dropped if a word of it is common in the text', 'Hartwell Trust Names Community Fellows\n\nThe fellows met.',
      [['Community Fellows', 'PER']], []],
    ['… but a person is not cut to the surname', 'Jo Ng Wins Award\n\nLater Ng said so.',
      [['Jo Ng', 'PER'], ['Ng', 'PER']], ['person Jo Ng [Ng] ×2']],
    ['a form found in the text is found in a headline too, before another capitalised word',
      'Solvent Health Reports Third Quarter Results\n\nSolvent Health said revenue rose.', [['Solvent Health', 'ORG', 'last']],
      ['organization Solvent Health ×2']],
    ['… which elsewhere makes it part of a longer name', 'Solvent Health said so. Later Solvent Health Reports appeared.',
      [['Solvent Health', 'ORG', 'once']], ['organization Solvent Health ×1']],
    ['… and kept without evidence either way', 'Ruritania Signs Trade Pact\n\nThe pact was signed.',
      [['Ruritania', 'LOC']], ['place Ruritania ×1']],
    ['a title alone after "the" is no one\'s name', 'Jo Ng met the Mayor. Call the Office of the Mayor.',
      [['Jo Ng', 'PER'], ['Mayor', 'PER']], ['person Jo Ng ×1']],
    ['a bank or company of three words is no place, a venue is', 'Granite Bay Bank grew near the National Tennis Centre. Jo Ng, President and CEO, spoke.',
      [['Granite Bay Bank', 'LOC'], ['National Tennis Centre', 'LOC'], ['Jo Ng', 'PER'], ['CEO', 'ORG']],
      ['organization Granite Bay Bank ×1', 'place National Tennis Centre ×1', 'person Jo Ng (President and CEO) ×1']],
    ['a degree after a name is no place', 'Helen Vasquez, M.D., spoke.', [['Helen Vasquez', 'PER'], ['M.D.', 'LOC']], ['person Helen Vasquez ×1']],
    ['a party label holds no place', 'Sen. Amy Reyes (D-N.M.) and Rep. Jo Ng, R-Mont., spoke in Gallup.',
      [['Amy Reyes', 'PER'], ['M.', 'LOC'], ['Jo Ng', 'PER'], ['Mont.', 'LOC'], ['Gallup', 'LOC']],
      ['person Amy Reyes (Senator) ×1', 'person Jo Ng (Representative) ×1', 'place Gallup ×1']],
    ['the words around a name can say it is a place', 'The Po river flooded the province of Parma. The City of London Corporation met.',
      [['Po', 'ORG'], ['Parma', 'ORG'], ['City of London Corporation', 'ORG']],
      ['place Po ×1', 'place Parma ×1', 'organization City of London Corporation ×1']],
    ['institution head takes its complement', 'The Committee on Foreign Relations and Iraq met.',
      [['Committee', 'ORG'], ['Foreign Relations', 'ORG'], ['Iraq', 'LOC']],
      ['organization Committee on Foreign Relations ×1', 'place Iraq ×1']],
  ];
  for (const [title, text, tags, expected, options] of cases) {
    it(title, () => {
      const result = run(text, tags, options);
      assertInvariants(text, result);
      assert.deepStrictEqual(result.entities.map(e => describeEntity(text, e)), expected);
    });
  }

  it('hands on the role and honorific at every mention, the first role as the entity\'s', () => {
    const text = 'Gov. Jo Ng spoke. Later Dr. Jo Ng, the state governor, left.';
    const result = run(text, [['Jo Ng', 'PER']]);
    assert.strictEqual(result.entities[0].role, 'Governor');
    assert.deepStrictEqual(result.roles.map(r => text.slice(r.start, r.end)).sort(), ['Dr.', 'Gov.', 'state governor']);
  });

  it('hands on party labels with the roles, for the keywords to skip', () => {
    const text = 'Sen. Amy Reyes (D-N.M.) and Rep. Jo Ng, R-Mont., spoke.';
    const result = run(text, [['Amy Reyes', 'PER'], ['Jo Ng', 'PER']]);
    assert.deepStrictEqual(result.roles.map(r => text.slice(r.start, r.end)).filter(r => r.includes('-')), ['D-N.M.', 'R-Mont.']);
  });

  it('hands on letters after a name with the roles, the tagger\'s name holding them or not', () => {
    const text = 'Sir Jo Ng MP met Jenny Gilruth MSP.';
    const result = run(text, [['Sir Jo Ng MP', 'ORG'], ['Jenny Gilruth', 'PER']]);
    assert.deepStrictEqual(result.roles.map(r => text.slice(r.start, r.end)).filter(r => /^M/.test(r)), ['MP', 'MSP']);
  });

  it('takes an ambiguous surname as the person the story introduced, not the reporter in the byline', () => {
    const text = 'Budget approved\n\nBy Marcus Lee, Staff Reporter\n\nOAKLAND — Mayor Barbara Lee welcomed the vote. Lee said so.';
    const result = run(text, [['Marcus Lee', 'PER'], ['Barbara Lee', 'PER'], ['Lee', 'PER']]);
    assert.deepStrictEqual(result.entities.filter(e => e.type === 'person').map(e => describeEntity(text, e)),
      ['person Marcus Lee (Staff Reporter) ×1', 'person Barbara Lee [Lee] (Mayor) ×2']);
  });

  it('says which person an ambiguous surname was taken as', () => {
    const text = 'Ted Cruz met Heidi Cruz. Later Cruz left.';
    const result = run(text, [['Ted Cruz', 'PER'], ['Heidi Cruz', 'PER'], ['Cruz', 'PER']]);
    assert.deepStrictEqual(result.notes, [{ span: { start: 31, end: 35 }, message: '"Cruz" may be Ted Cruz or Heidi Cruz; taken as Ted Cruz.' }]);
  });

  it('ids are slugs, unique and stable', () => {
    const text = 'Đurić met Đuric. Later Đurić left.';
    const result = run(text, [['Đurić', 'PER'], ['Đuric', 'LOC']]);
    assert.deepStrictEqual(result.entities.map(e => e.id), ['person:duric', 'place:duric']);
  });
});

describe('[entities] a press release in Markdown (whole engine)', () => {
  const text = '# Brightline Health Partners with Mayo Clinic on AI Triage Study\n\n' +
    '**BOSTON, MA — January 20, 2026** — Brightline Health, a digital health company, today announced a research ' +
    'partnership with [Mayo Clinic](https://www.mayoclinic.org) to study whether its triage software works.\n\n' +
    '## Study details\n\n- **Lead investigator:** Dr. Samuel Adeyemi, Mayo Clinic\n\n' +
    '> "We need to know with real evidence," said Dr. Adeyemi.\n\n' +
    '### About Brightline Health\n\nBrightline Health builds software for hospitals. It is based in Boston.\n';
  const analysis = analyze(text);
  const names = (type: string) => analysis.entities.filter(e => e.type === type).map(e => e.name);

  it('reads the heading\'s names against the text: "Partners" is the verb, "Study" a word', () => {
    assert.deepStrictEqual(names('organization'), ['Brightline Health', 'Mayo Clinic']);
    assert.deepStrictEqual(names('person'), ['Samuel Adeyemi']);
  });

  it('takes the date from the emphasised dateline and "About" off the company', () => {
    assert.strictEqual(analysis.dateline?.date, '2026-01-20');
    const company = analysis.entities.find(e => e.name === 'Brightline Health');
    assert.ok(company?.mentions.every(m => text.slice(m.start, m.end).startsWith('Brightline')));
  });
});

describe('[entities] a release\'s headline under header lines (whole engine)', () => {
  it('cuts the company at the headline\'s verb', () => {
    const text = 'FOR IMMEDIATE RELEASE\n\nContact: Jo Ng, jo@acme.example\n\nKestrel Robotics Names Jane Doe Chief Executive\n\n' +
      'BOSTON, May 2, 2026 – The company today named Jane Doe as its chief executive. Doe joins from Harbor Labs.';
    const analysis = analyze(text);
    assert.deepStrictEqual(analysis.entities.filter(e => e.type === 'organization').map(e => e.name), ['Kestrel Robotics', 'Harbor Labs']);
    assert.deepStrictEqual(analysis.entities.filter(e => e.type === 'person').map(e => e.name), ['Jo Ng', 'Jane Doe']);
  });
});

describe('[entities] a press release under a Title Case headline (whole engine)', () => {
  const text = 'Northwind Robotics Raises $48 Million Series B to Expand Warehouse Automation Platform\n\n' +
    'AUSTIN, Texas, March 4, 2026 /PRNewswire/ -- Northwind Robotics, Inc., a provider of picking systems, today ' +
    'announced a $48 million round.\n\n"We have watched Northwind execute," said Marcus Oyelaran, a partner at Granite Peak Ventures.';
  const analysis = analyze(text);
  const byName = (name: string) => analysis.entities.find(e => e.name === name);

  it('takes no headline words into the company name, and no company for a person', () => {
    assert.deepStrictEqual(analysis.entities.filter(e => e.type === 'person').map(e => e.name), ['Marcus Oyelaran']);
    const company = byName('Northwind Robotics, Inc.');
    assert.strictEqual(company?.type, 'organization');
    assert.deepStrictEqual(company.mentions.map(m => text.slice(m.start, m.end)), ['Northwind Robotics', 'Northwind Robotics, Inc.', 'Northwind']);
  });

  it('finds no place in "Inc."', () => {
    assert.deepStrictEqual(analysis.entities.filter(e => e.type === 'place').map(e => e.name), ['Austin', 'Texas']);
  });
});
