import * as assert from 'assert';
import { analyze } from '../../../src/engine';
import type { Entity, EntityType, Span } from '../../../src/engine/model';
import { resolveOptions, type AnalysisOptions } from '../../../src/engine/options';
import { emptyDoc, type Doc, type Structure } from '../../../src/engine/pipeline';
import { segmentStage } from '../../../src/engine/stages/segment';
import { DEFAULT_WEIGHTS, scoreKeywords } from '../../../src/engine/stages/keywords';
import { scanTokens, tokenize, tokensOf } from '../../../src/engine/text/tokenize';

// The keywords stage alone, on invented texts: segmentation from the segment stage, structure and
// entities given by each case, so these tests do not depend on the other stages' heuristics.

interface Setup {
  options?: AnalysisOptions;
  /** Names marked as entities: every occurrence of the string gets a mention. */
  names?: Array<[text: string, type: EntityType]>;
  /** Strings whose first occurrence is a quotation's content. */
  quotes?: string[];
  /** Strings whose first occurrence is a header line. */
  headers?: string[];
  /** Strings whose first occurrence is a person's role (doc.roles). */
  roles?: string[];
}

function prepare(text: string, setup: Setup = {}): Doc {
  const doc = emptyDoc(text, resolveOptions(setup.options));
  Object.assign(doc, segmentStage.run(doc));
  const structure: Structure = { bodyStart: 0, headers: [], boilerplate: [], links: [], labels: [] };
  for (const header of setup.headers ?? []) structure.headers.push(spanOf(text, header));
  doc.structure = structure;
  doc.entities = (setup.names ?? []).map(([name, type]): Entity => ({
    kind: 'entity', id: `${type}:${name}`, type, name, aliases: [], mentions: allSpans(text, name),
  }));
  doc.roles = (setup.roles ?? []).map(role => spanOf(text, role));
  doc.quotes = (setup.quotes ?? []).map(quote => ({ kind: 'quote', span: spanOf(text, quote), content: spanOf(text, quote) }));
  return doc;
}

function spanOf(text: string, part: string): Span {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `${part} not in text`);
  return { start, end: start + part.length };
}

function allSpans(text: string, part: string): Span[] {
  const spans: Span[] = [];
  for (let start = text.indexOf(part); start >= 0; start = text.indexOf(part, start + 1)) spans.push({ start, end: start + part.length });
  return spans;
}

function phrases(text: string, setup?: Setup): string[] {
  return scoreKeywords(prepare(text, setup)).map(keyword => keyword.phrase);
}

const WATER = 'The town council approved a plan to repair the water supply. Water supply failures have left ' +
  'hundreds of homes without drinking water this winter. Engineers will replace old pipes and build a new pumping ' +
  'station. The water supply network is more than eighty years old, and leaking pipes waste a third of the water.';

describe('[keywords] candidates and ranking', () => {
  const cases: Array<[name: string, text: string, setup: Setup | undefined, check: (found: string[]) => void]> = [
    ['the repeated topic phrase ranks first', WATER, undefined, found => {
      assert.strictEqual(found[0], 'water supply');
      assert.ok(found.some(phrase => /\bpipes\b/.test(phrase)), found.join(' | '));
      assert.ok(!found.includes('eighty') && !found.includes('hundreds'), found.join(' | '));
    }],
    ['variants merge on stems and case', 'Wind turbines are noisy. A wind turbine near the school was stopped. Wind Turbines need wind.',
      undefined, found => {
        assert.strictEqual(found.filter(p => /^wind turbines?$/.test(p)).length, 1, found.join(' | '));
      }],
    ['stopwords and verbs end a phrase', 'Farmers said that prices among neighbours were rising quickly.', undefined, found => {
      for (const phrase of found) assert.ok(!/\b(said|that|among|were|rising|quickly)\b/.test(phrase), phrase);
      assert.ok(found.includes('farmers') && found.includes('prices'), found.join(' | '));
    }],
    ['a phrase never spans punctuation', 'Talks covered fisheries, shipping, tourism and customs.', undefined, found => {
      for (const phrase of found) assert.ok(!/[,]/.test(phrase) && phrase.split(' ').length === 1, phrase);
    }],
    ['names never join a topic phrase; a central name is a keyword of its own', 'Mara Lindqvist visited Oslo to discuss fishing quotas with Nordfisk. ' +
      'Mara Lindqvist said fishing quotas must fall.', { names: [['Mara Lindqvist', 'person'], ['Oslo', 'place'], ['Nordfisk', 'organization']] },
    found => {
      assert.ok(found.includes('fishing quotas'), found.join(' | '));
      assert.ok(found.includes('Mara Lindqvist'), found.join(' | '));
      for (const phrase of found) assert.ok(!/lindqvist|oslo|nordfisk/i.test(phrase) || ['Mara Lindqvist', 'Oslo', 'Nordfisk'].includes(phrase), phrase);
    }],
    ['a title and a surname already listed are not listed again', 'Ana Berg spoke on fishing quotas. Ms. Berg said fishing quotas fell. ' +
      'Ms. Berg left. Ana Berg returned.', { names: [['Ana Berg', 'person'], ['Ms. Berg', 'person']] },
    found => {
      assert.ok(found.includes('Ana Berg'), found.join(' | '));
      assert.ok(!found.includes('Ms. Berg'), found.join(' | '));
    }],
    ['a name said once after the lead is a detail, not a keyword', 'Fishing quotas fell again. Boats stayed in port. ' +
      'Fishing quotas hurt small towns. Later, Nordfisk said little.', { names: [['Nordfisk', 'organization']] },
    found => {
      assert.ok(found.includes('fishing quotas'), found.join(' | '));
      assert.ok(!found.includes('Nordfisk'), found.join(' | '));
    }],
    ['names in a header line do not make a name central', 'Nordfisk news\nFishing quotas fell. Fishing quotas hurt towns. Nordfisk said little.',
      { names: [['Nordfisk', 'organization']], headers: ['Nordfisk news'] },
    found => {
      assert.ok(!found.includes('Nordfisk'), found.join(' | '));
    }],
    ['a named event is a candidate as a whole', 'The Harbour Light Festival opened on Friday. Crowds came to the Harbour Light Festival for lanterns.',
      { names: [['Harbour Light Festival', 'event']] }, found => {
        assert.ok(found.includes('Harbour Light Festival'), found.join(' | '));
      }],
    ['header lines are skipped', 'category budget deficit\nThe mayor cut library funding to save money. Library funding fell again.',
      { headers: ['category budget deficit'] }, found => {
        assert.ok(found.includes('library funding'), found.join(' | '));
        for (const phrase of found) assert.ok(!/budget|deficit|category/.test(phrase), phrase);
      }],
    ['honorifics, numbers and adverbs are not topics', 'Mr. Okafor paid 300 dollars in 2021 for 11-year-old bikes very quickly.', undefined, found => {
      for (const phrase of found) assert.ok(!/mr\.|300|2021|11-year-old|quickly/i.test(phrase), phrase);
    }],
    ['one word said once in a Title Case Headline is no topic', 'Governor Signs Water Act\n\nThe water act passed. Water prices fell.', undefined, found => {
      assert.ok(!found.includes('signs'), found.join(' | '));
    }],
    ['... nor in a headline in sentence case', 'Rivals clash over school funding\n\nThe union and the city argued about school funding. School funding rose.',
      undefined, found => {
        assert.ok(!found.some(p => /rivals|clash/.test(p)), found.join(' | '));
        assert.ok(found.includes('school funding'), found.join(' | '));
      }],
    ['... a lead sentence is no headline', 'Rivals clash over school funding.\n\nThe union and the city argued about school funding. School funding rose.',
      undefined, found => {
        assert.ok(found.some(p => /clash/.test(p)), found.join(' | '));
      }],
    ['a phrase said once in a headline, none of whose words comes again, is no topic',
      'ACME REPORTS RECORD QUARTER\n\nAcme said net income rose. The bank hired staff and net income grew.',
      { names: [['ACME', 'organization'], ['Acme', 'organization']] }, found => {
        assert.ok(!found.some(p => /reports|record/i.test(p)), found.join(' | '));
        assert.ok(found.includes('net income'), found.join(' | '));
      }],
    ['the word after a modal is a verb, not a topic', 'The city will ride out the storm. Buses would prioritize schools. City buses run late.', undefined, found => {
      assert.ok(!found.some(p => /^(?:ride|prioritize)\b/.test(p)), found.join(' | '));
      assert.ok(found.includes('city buses'), found.join(' | '));
    }],
    ['a word seen only inside a chosen phrase is not repeated alone', 'Solar panels cover the roof. The solar panels were cheap.', undefined, found => {
      assert.ok(found.includes('solar panels'), found.join(' | '));
      assert.ok(!found.includes('panels'), found.join(' | '));
    }],
    ['lower case keeps acronyms; a capitalized name keeps its capitals', 'The XR-7 program pays for bridges. Critics of the ' +
      'XR-7 program say Varnholt profits. Varnholt denies it, and Varnholt is building bridges.', undefined, found => {
        assert.ok(found.includes('XR-7 program'), found.join(' | '));
        assert.ok(!found.includes('varnholt'), found.join(' | '));
      }],
    ['generic nouns of reporting, amount and time are never keywords alone', 'Officials gave few details on the flood barrier this week. ' +
      'The officials said details of the flood barrier would come next week. Details matter, officials said.', undefined, found => {
        assert.ok(found.includes('flood barrier'), found.join(' | '));
        for (const phrase of found) assert.ok(!/^(officials|details|week)$/.test(phrase), phrase);
      }],
    ['the word after a subject pronoun is a verb', 'He drafts budgets for farmers. She researches tariffs. I plan harvests. ' +
      'Farmers want budgets.', undefined, found => {
        assert.ok(found.includes('budgets') && found.includes('farmers'), found.join(' | '));
        for (const phrase of found) assert.ok(!/drafts|researches|plan/.test(phrase), phrase);
      }],
    ['an unknown -ed word after a noun or a name is a verb, after an article an adjective', 'The committee snorfled regulators. ' +
      'Mara Lindqvist snorfled auditors. The snorfled regulators resigned.', { names: [['Mara Lindqvist', 'person']] }, found => {
        assert.ok(!found.some(phrase => /snorfled (regulators|auditors)/.test(phrase) && phrase !== 'snorfled regulators'), found.join(' | '));
        assert.ok(found.includes('auditors'), found.join(' | '));
      }],
    ['the word before a role is part of a title, not a topic', 'The prime minister met farmers. The prime minister promised farmers ' +
      'cheaper diesel. The district attorney was absent.', undefined, found => {
        assert.ok(found.includes('farmers'), found.join(' | '));
        for (const phrase of found) assert.ok(!/^(prime|district)$/.test(phrase), phrase);
      }],
    ['a phrase whose head the story repeats outranks a detail said once', 'The speech drew praise. Her acceptance speech ran long. ' +
      'The speech quoted poets, and the speech ended with a joke. She read from crumpled yellow pages.', undefined, found => {
        const acceptance = found.indexOf('acceptance speech');
        const pages = found.indexOf('crumpled yellow pages');
        assert.ok(acceptance >= 0 && (pages < 0 || acceptance < pages), found.join(' | '));
      }],
    ['social-media handles and link ids are not topics', 'Fishing quotas fell, wrote @NordFisker. Fishing quotas ' +
      'hurt towns pic.twitter.com/hbaWqfjJcp', undefined, found => {
        assert.ok(found.includes('fishing quotas'), found.join(' | '));
        for (const phrase of found) assert.ok(!/NordFisker|hbaWqfjJcp/i.test(phrase), phrase);
      }],
    ['a name said once, only in a Title Case headline, is not central', 'Harbor Towns Brace for Lower Fishing Quotas\n\n' +
      'Fishing quotas will fall next year, the ministry said. Fishing quotas hurt small towns.',
      { names: [['Harbor Towns Brace', 'organization']] }, found => {
        assert.ok(found.includes('fishing quotas'), found.join(' | '));
        assert.ok(!found.includes('Harbor Towns Brace'), found.join(' | '));
      }],
    ['two phrases sharing words in every mention are not both listed', 'Cyclists praised the bike lane network. ' +
      'The bike lane network grew. Critics of the bike lane network complained.', undefined, found => {
        const overlapping = ['bike lane', 'lane network', 'bike lane network'].filter(phrase => found.includes(phrase));
        assert.strictEqual(overlapping.length, 1, found.join(' | '));
      }],
    ['a quotation in another language gives no keywords; one in English does', 'Vaccine partners met in Geneva. ' +
      '"Nous sommes prêts à coopérer avec nos partenaires," said Dubois. "We are ready to cooperate with our partners," ' +
      'said Roe. The partners will meet again.', { quotes: ['Nous sommes prêts à coopérer avec nos partenaires,', 'We are ready to cooperate with our partners,'] },
    found => {
      for (const phrase of found) assert.ok(!/nous|sommes|prêts|coopérer|partenaires/.test(phrase), phrase);
      assert.ok(found.includes('partners'), found.join(' | '));
    }],
    ['no words, no keywords', '... 2024 -- !!!', undefined, found => assert.deepStrictEqual(found, [])],
    ['empty text', '', undefined, found => assert.deepStrictEqual(found, [])],
  ];
  for (const [name, text, setup, check] of cases) it(name, () => check(phrases(text, setup)));
});

describe('[keywords] people\'s roles', () => {
  const text = 'Jo Ng, chief executive of Varnholt Robotics, said robots sort parcels. Varnholt Robotics sells parcel robots.';
  const names: Setup['names'] = [['Jo Ng', 'person'], ['Varnholt Robotics', 'organization']];

  it('a role is no topic, though the names in it still count', () => {
    const found = phrases(text, { names, roles: ['chief executive of Varnholt Robotics'] });
    assert.ok(!found.includes('chief executive'), found.join(' | '));
    assert.ok(found.includes('Varnholt Robotics'), found.join(' | '));
  });

  it('(the same text without the role marked gives the role as a topic)', () => {
    assert.ok(phrases(text, { names }).includes('chief executive'));
  });
});

describe('[keywords] one keyword per name', () => {
  it('entities of one name ("Leeds" the club and the city) make one keyword with the mentions of both', () => {
    const text = 'Leeds won the derby at home. Fans in Leeds cheered the derby win, and Leeds fans sang.';
    const doc = prepare(text);
    const at = (from: number) => ({ start: text.indexOf('Leeds', from), end: text.indexOf('Leeds', from) + 5 });
    const club = at(0), city = at(club.end), again = at(city.end);
    doc.entities = [
      { kind: 'entity', id: 'organization:leeds', type: 'organization', name: 'Leeds', aliases: [], mentions: [club, again] },
      { kind: 'entity', id: 'place:leeds', type: 'place', name: 'Leeds', aliases: [], mentions: [city] },
    ];
    const keywords = scoreKeywords(doc).filter(k => k.phrase.toLowerCase() === 'leeds');
    assert.strictEqual(keywords.length, 1);
    assert.deepStrictEqual(keywords[0].mentions, [club, city, again]);
  });

  it('a topic spelled like a name already shown is left out', () => {
    const text = 'Fellows Named\n\nThe fellows met the fellows of last year. Fellows gave talks.';
    const found = phrases(text, { names: [['Fellows', 'person']] });
    assert.strictEqual(found.filter(p => p.toLowerCase() === 'fellows').length, 1, found.join(' | '));
  });
});

describe('[keywords] output contract', () => {
  it('mentions cover every occurrence of every variant, sorted, and match the text', () => {
    const text = 'Wind turbines are noisy. A wind turbine near the school was stopped. Wind Turbines need wind.';
    const keywords = scoreKeywords(prepare(text));
    const turbines = keywords.find(k => /^wind turbines?$/.test(k.phrase));
    assert.ok(turbines);
    assert.deepStrictEqual(turbines.mentions.map(m => text.slice(m.start, m.end)), ['Wind turbines', 'wind turbine', 'Wind Turbines']);
    for (const keyword of keywords) {
      assert.strictEqual(keyword.kind, 'keyword');
      for (let i = 1; i < keyword.mentions.length; i++) assert.ok(keyword.mentions[i - 1].start <= keyword.mentions[i].start);
    }
  });

  it('is best first and respects maxKeywords', () => {
    for (const maxKeywords of [1, 3, 15]) {
      const keywords = scoreKeywords(prepare(WATER, { options: { maxKeywords } }));
      assert.ok(keywords.length <= maxKeywords && keywords.length > 0);
      for (let i = 1; i < keywords.length; i++) assert.ok(keywords[i - 1].score >= keywords[i].score);
    }
  });

  it('adds personal-list keywords beyond maxKeywords, with all their mentions', () => {
    const keywords = scoreKeywords(prepare(WATER, { options: { maxKeywords: 1, personalLists: { keyword: ['Leaking Pipes', 'old', 'absent phrase'] } } }));
    const phrasesFound = keywords.map(k => k.phrase);
    assert.ok(phrasesFound.includes('water supply'), phrasesFound.join(' | '));
    const pipes = keywords.find(k => k.phrase === 'Leaking Pipes');
    assert.ok(pipes, phrasesFound.join(' | '));
    assert.deepStrictEqual(pipes.mentions.map(m => WATER.slice(m.start, m.end)), ['leaking pipes']);
    assert.deepStrictEqual(keywords.find(k => k.phrase === 'old')?.mentions.length, 2);
    assert.ok(!phrasesFound.includes('absent phrase'));
  });

  it('names take at most their share of the places, and none with entity weight 0', () => {
    const text = 'Ana Berg met Ola Dahl, Eva Holm and Per Lind. Ana Berg, Ola Dahl, Eva Holm and Per Lind discussed fishing quotas. ' +
      'Fishing quotas fell.';
    const names: Array<[string, EntityType]> = [['Ana Berg', 'person'], ['Ola Dahl', 'person'], ['Eva Holm', 'person'], ['Per Lind', 'person']];
    const doc = prepare(text, { names, options: { maxKeywords: 5 } });
    const found = scoreKeywords(doc).map(k => k.phrase);
    assert.strictEqual(found.filter(p => names.some(([name]) => name === p)).length, 2, found.join(' | '));
    const none = scoreKeywords(doc, { ...DEFAULT_WEIGHTS, entity: 0 }).map(k => k.phrase);
    assert.ok(none.every(p => !names.some(([name]) => name === p)), none.join(' | '));
    assert.ok(none.includes('fishing quotas'), none.join(' | '));
  });

  // Topics and names are each best first; the places go to the better of the two lists' heads.
  it('interleaves names and topics by score, fewer places keeping the best of them', () => {
    const text = 'Ana Berg met Ola Dahl about fishing quotas. Ana Berg said fishing quotas and harbour fees hurt the ' +
      'coastal towns. Harbour fees rose again. Ola Dahl, Ana Berg and the coastal towns want lower harbour fees.';
    const names: Array<[string, EntityType]> = [['Ana Berg', 'person'], ['Ola Dahl', 'person']];
    const all = scoreKeywords(prepare(text, { names, options: { maxKeywords: 6 } }));
    const found = all.map(k => k.phrase);
    const firstName = found.findIndex(p => names.some(([name]) => name === p));
    assert.ok(firstName > 0 && firstName < found.length - 1, found.join(' | '));
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score, found.join(' | '));
    for (const maxKeywords of [1, 2, 3, 4, 5]) {
      const fewer = scoreKeywords(prepare(text, { names, options: { maxKeywords } })).map(k => k.phrase);
      assert.deepStrictEqual(fewer, found.slice(0, maxKeywords));
    }
  });

  it('gives the same result twice', () => {
    assert.deepStrictEqual(scoreKeywords(prepare(WATER)), scoreKeywords(prepare(WATER)));
  });

  // The stage keeps word facts across calls by the tokenizer's vocabulary keys: the same text must
  // score the same after the vocabulary starts a new epoch (100,000 new words fill it), and with
  // tokens that have no keys (tokensOf). A quotation in a foreign language exercises the
  // background look-ups by key.
  it('gives the same result across a new vocabulary epoch and without vocabulary keys', () => {
    const text = WATER + ' "Nous sommes prets a reparer le reseau," said the mayor.';
    const setup: Setup = { quotes: ['Nous sommes prets a reparer le reseau,'] };
    const before = prepare(text, setup);
    const first = scoreKeywords(before);
    assert.ok(first.length > 0);
    scanTokens(Array.from({ length: 100_000 }, (_, i) => `Zk${i.toString(36)}`).join(' '));
    const again = prepare(text, setup);
    assert.ok(again.tokens.epoch! > before.tokens.epoch!);
    assert.deepStrictEqual(scoreKeywords(again), first);
    const unkeyed = prepare(text, setup);
    unkeyed.tokens = tokensOf(tokenize(text));
    assert.strictEqual(unkeyed.tokens.keys, undefined);
    assert.deepStrictEqual(scoreKeywords(unkeyed), first);
  });

  // The stage reuses one phrase trie from call to call, and drops the columns a long document grew:
  // a short text must score the same before and after one. 24,000 invented nouns in runs of eight
  // give some 78,000 candidate phrases, past the 65,536 kept.
  it('gives the same result before and after a document with many candidates', () => {
    const first = scoreKeywords(prepare(WATER));
    const sentences: string[] = [];
    for (let i = 0; i < 24_000; i += 8) {
      sentences.push(Array.from({ length: 8 }, (_, k) => `qx${(i + k).toString(36)}`).join(' ') + '.');
    }
    assert.ok(scoreKeywords(prepare(sentences.join(' '))).length > 0);
    assert.deepStrictEqual(scoreKeywords(prepare(WATER)), first);
  });
});

describe('[keywords] a transcript (whole engine)', () => {
  it('takes no topic from the speaker labels', () => {
    const text = 'MS. LEAVITT: The executive order takes effect today.\n\nQ: When will the order start?\n\nMS. LEAVITT: Today. The executive order is signed.';
    const found = analyze(text).keywords.map(k => k.phrase);
    assert.ok(!found.some(p => /leavitt|^q$/i.test(p)), found.join(' | '));
    assert.ok(found.includes('executive order'), found.join(' | '));
  });
});
