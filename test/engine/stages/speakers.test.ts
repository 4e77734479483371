import * as assert from 'assert';
import type { Entity, EntityType } from '../../../src/engine/model';
import { resolveOptions } from '../../../src/engine/options';
import { emptyDoc, runPipeline, STAGES, type Doc } from '../../../src/engine/pipeline';
import { mentionOrder, speakersStage } from '../../../src/engine/stages/speakers';

/** The doc after quotes, with hand-made entities instead of the entities stage, then speakers. */
function attribute(text: string, entities: Entity[] = []): Doc {
  const upTo = STAGES.findIndex(stage => stage.name === 'quotes');
  const doc = runPipeline(emptyDoc(text, resolveOptions()), STAGES.slice(0, upTo + 1));
  doc.entities = entities;
  return Object.assign(doc, speakersStage.run(doc));
}

/** An entity whose mentions are every occurrence of each of `forms` in `text`. */
function entity(text: string, type: EntityType, forms: string[], role?: string): Entity {
  const mentions = forms.flatMap(form => {
    const spans = [];
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) spans.push({ start: i, end: i + form.length });
    return spans;
  }).sort((a, b) => a.start - b.start);
  const id = `${type}:${forms[0].toLowerCase().replace(/\W+/g, '-')}`;
  return { kind: 'entity', id, type, name: forms[0], aliases: forms.slice(1), ...(role ? { role } : {}), mentions };
}

const slice = (text: string, span?: { start: number; end: number }) => span && text.slice(span.start, span.end);

describe('[speakers] cue and speaker mention', () => {
  // [input, which quote (index), cue, speaker mention]
  const cases: Array<[input: string, quote: number, cue: string | undefined, speaker: string | undefined]> = [
    ['"We won," he said.', 0, 'said', 'he'],
    ['"We won," said Jane Doe, CEO of Acme.', 0, 'said', 'Jane Doe'],
    ['Jane Doe said: "We won the game tonight."', 0, 'said', 'Jane Doe'],
    ['According to Jane Doe, "the plan failed completely and utterly."', 0, 'According to', 'Jane Doe'],
    ['Jane Doe, chief executive of Acme, said "we are thrilled with the results."', 0, 'said', 'Jane Doe'],
    ['"We are thrilled," the minister told reporters.', 0, 'told reporters', 'the minister'],
    ['"Growth continues," a spokesman for the ministry said.', 0, 'said', 'a spokesman for the ministry'],
    ['"We won," said the minister.', 0, 'said', 'the minister'],
    ['He called it "a historic step" for the region.', 0, 'called', 'He'],
    ['"We won," Rep. Jane Doe (D-Wis.) said on Friday.', 0, 'said', 'Rep. Jane Doe'],
    ['"We won," Senate Leader John Roe, R-Ky., said Tuesday.', 0, 'said', 'Senate Leader John Roe'],
    ['"A," he said, "B is the next thing we will do."', 1, 'said', 'he'],
    ['"Fear is the mind-killer, and it always wins." ― Jane Doe', 0, '―', 'Jane Doe'],
    ['Jane Doe spoke on Monday. "We will not stop until the job is done."', 0, 'spoke', 'Jane Doe'],
    ['"First thing we will do," she said.\n\n"Second thing we will do is this."', 1, 'said', 'she'],
    ['Jane Doe continued:\n\n"We will not stop until the job is done."', 0, 'continued', 'Jane Doe'],
    ['Jane Doe attacked the plan, saying, "It will never work in this city."', 0, 'saying', 'Jane Doe'],
    ['The Daily Planet reports: "The mayor has resigned after two years."', 0, 'reports', 'The Daily Planet'],
    // a long or doubled apposition after the quotation: the name right after it speaks
    ['"It is an invasion of the state domain," Jane Doe, the attorney general of Ohio, one of the states suing, said.', 0, 'said', 'Jane Doe'],
    ['"It is fiscally responsible," John Roe, director of the Tax Policy Center and a professor at the state university in the capital, said of the plan.', 0, 'said', 'John Roe'],
    // a question mark closes the sentence, but the attribution right after it still belongs to the quote
    ['"A," John Roe said, "B is next."\n"Why is this not proof that the bank is too big?" Jane Doe demanded.', 2, 'demanded', 'Jane Doe'],
    // a colon hands the quotation to the clause before it, even with a cue after
    ['Sen. Jane Doe scolded him: "The science is against you on all three products," she said.', 0, 'scolded', 'Sen. Jane Doe'],
    // ... but a name after the quotation wins over a cue buried in the clause before the colon
    ['The statement noted the impact it said the law would have on workers: "Our union has fought for this for years," the union wrote.', 0, 'wrote', 'the union'],
    // the attribution between two quotations goes on past a side remark in the sentence before
    ['"Our progress is on the ballot," John Roe said at the gala, where Jane Doe also spoke. "Tolerance is on the ballot."', 1, 'said', 'John Roe'],
    ['"The rationale is wrong," said 9/11 widow Jane Doe.', 0, 'said', '9/11 widow Jane Doe'],
    ['They turned to the police department, which reported "2,521 shooting incidents" in the city.', 0, 'reported', 'which'],
    // a cue without a speaker next to it: the subject of the sentence, past an opening adverbial
    ['At the rally, the band leader called the senators to the stage, singing "It Is Our Time."', 0, 'singing', 'the band leader'],
    ['In a statement, Acme Corp said: "Our results were strong this year," adding that more would come.', 0, 'said', 'Acme Corp'],
    ['Once, when my mother mentioned the devil to me while driving on the highway, I laughed and said, "I do not believe in the devil."', 0, 'said', 'I'],
    // a phrasal cue: the speaker before it
    ['As Jane Doe recently put it, "Did they lower their taxes through legal avoidance?"', 0, 'put it', 'Jane Doe'],
    // no cue anywhere: the subject of the sentence before, in the same paragraph
    ['Jane Doe named young voters as the key to the race. "They are tired of it, and they will vote."', 0, undefined, 'Jane Doe'],
    ['The weather was fine that day. "They are tired of it, and they will vote."', 0, undefined, undefined],
    // no cue and no context: no speaker
    ['The weather was fine.\n\n"We will not stop until the job is done."', 0, undefined, undefined],
  ];
  for (const [input, index, cue, speaker] of cases) {
    it(JSON.stringify(input), () => {
      const quote = attribute(input).quotes[index];
      assert.ok(quote, 'the quote is found');
      assert.strictEqual(slice(input, quote.cue), cue);
      assert.strictEqual(slice(input, quote.speakerMention), speaker);
    });
  }
});

describe('[speakers] subjects: a colon or a dash without a cue, a cue without a speaker next to it', () => {
  // [input, names the entities stage would find, cue, speaker mention]
  const cases: Array<[input: string, names: string[], cue: string | undefined, speaker: string | undefined]> = [
    // the subject of the clause before the colon, not a name earlier in the sentence
    ['Lamenting the low turnout of Jane Roe, President John Doe has a new message: "It is about me now."', ['Jane Roe', 'John Doe'], ':', 'President John Doe'],
    ['She was so upset that I had to change my answer: "Of course I believe it."', [], ':', 'I'],
    // a headline: the whole capitalised run before the colon
    ['Jane Doe Slams Acme Chief: ‘You Should Resign Today.’\n\nJane Doe spoke on Monday.', ['Jane Doe'], ':', 'Jane Doe Slams Acme Chief'],
    // a colon ending the paragraph before
    ['Jane Doe made the following comment:\n\n“Our schools need more teachers than ever before.”', ['Jane Doe'], ':', 'Jane Doe'],
    // a determiner and a role noun
    ['At the rally, the band leader had one line for the crowd: "It is our time to win."', [], ':', 'the band leader'],
    // the author of a statement named after it
    ['Critics looked at how the site rated this statement by Jane Doe on June 11:\n\n“Our schools need more teachers than ever before.”', ['Jane Doe'], ':', 'Jane Doe'],
    // a clause opening with a phrase that names no one offers no speaker: not 'the woman'
    ['The piece used one of the woman’s quotes as its headline: “Finally, someone who thinks like me.”', [], undefined, undefined],
    // a quotation set off by a dash right after a name is theirs, not the subject of 'said'
    ['Many have said so, including the former candidate Jane Doe -- "It is disqualifying for any nominee" -- and John Roe.', ['Jane Doe', 'John Roe'], '--', 'Jane Doe'],
    // the subject past an opening adverbial
    ['In August, Jane Doe wrote to the board, saying "the money was less than expected."', ['Jane Doe'], 'saying', 'Jane Doe'],
    // the subject past an opening subordinator, not the subordinator
    ['Though she called the plan "outrageous" and called for pay to be "clawed back," she stopped there.', [], 'called', 'she'],
    // inside the sentence a capitalised word is the subject only where a name was found
    ['On Tuesday’s episode of the show, the former secretary said she wanted to speak "directly to the voters."', [], 'speak', 'the former secretary'],
    ['Meanwhile, Jane Doe attacked the plan, saying it “has offended every voter in this state.”', ['Jane Doe'], 'saying', 'Jane Doe'],
    // a gerund after a determiner is a noun, not a cue; a dash opens the clause
    ['WASHINGTON — President Jane Doe on Monday had a warning for Congress: "Pass the bill or own the shutdown."', ['Jane Doe'], ':', 'President Jane Doe'],
    // appositions are no clauses: the name before them
    ['John Roe, 52, a father of three from Ohio, had one request: "Let us keep our jobs."', ['John Roe'], ':', 'John Roe'],
    // a long opening adverbial before the subject, with a name inside it
    ['With leaders worried about a lack of passion for Jane Roe among voters, President John Doe has a message: "It is about me."', ['Jane Roe', 'John Doe'], ':', 'President John Doe'],
    // the author of 'a line from'
    ['The ad ends with a line from Jane Doe herself: "I will never stop fighting for you."', ['Jane Doe'], ':', 'Jane Doe'],
    // before a colon a capitalised first word that is no name found is no speaker
    ['There was only one message for voters: "Get out and vote tomorrow."', [], undefined, undefined],
    // a capitalised first word that starts no name found by the entities stage
    ['Partial transcript as follows:\n\n"We will win this election, and we will win it big."', [], undefined, undefined],
  ];
  for (const [input, names, cue, speaker] of cases) {
    it(JSON.stringify(input), () => {
      const quote = attribute(input, names.map(name => entity(input, 'person', [name]))).quotes[0];
      assert.ok(quote, 'the quote is found');
      assert.strictEqual(slice(input, quote.cue), cue);
      assert.strictEqual(slice(input, quote.speakerMention), speaker);
    });
  }
});

describe('[speakers] a description and the name it stands for', () => {
  // [input, names the entities stage would find, speaker mention]
  const cases: Array<[input: string, names: string[], speaker: string]> = [
    ['"We cannot call these events exceptional," the group\'s president, Jane Doe, said in a statement.', ['Jane Doe'], 'Jane Doe'],
    ['"We cannot call these events exceptional," the president of the group, Jane Doe, said.', ['Jane Doe'], 'Jane Doe'],
    ['"We cannot call these events exceptional," said the group\'s president, Jane Doe.', ['Jane Doe'], 'Jane Doe'],
    ['"We cannot call these events exceptional," said the president of the group, Jane Doe, on Monday.', ['Jane Doe'], 'Jane Doe'],
    // a name first, then its description: the name, as before
    ['"We cannot call these events exceptional," Jane Doe, the group\'s president, said.', ['Jane Doe'], 'Jane Doe'],
    // no name found after the comma: the description stays the speaker
    ['"We cannot call these events exceptional," said the group\'s president, adding more.', [], 'the group\'s president'],
  ];
  for (const [input, names, speaker] of cases) {
    it(JSON.stringify(input), () => {
      const quote = attribute(input, names.map(name => entity(input, 'person', [name]))).quotes[0];
      assert.strictEqual(slice(input, quote.speakerMention), speaker);
    });
  }
});

describe('[speakers] speaker entity', () => {
  // [input, entities (type, forms, role), expected speakerId per quote]
  const cases: Array<[input: string, entities: Array<[EntityType, string[], string?]>, ids: Array<string | undefined>]> = [
    ['Jane Doe arrived. "We won the match tonight," she said.', [['person', ['Jane Doe']]], ['person:jane-doe']],
    ['"We won," said Jane Doe.', [['person', ['Jane Doe']]], ['person:jane-doe']],
    // a title finds the person whose role holds it, not just the latest person
    ['John Roe met Jane Doe. "We agreed on everything today," the minister said.',
      [['person', ['John Roe'], 'Minister of Finance'], ['person', ['Jane Doe'], 'CEO of Acme']], ['person:john-roe']],
    // names inside the quotation are not the speaker
    ['Jane Doe spoke. "I met John Roe today and we talked," she said.', [['person', ['Jane Doe']], ['person', ['John Roe']]], ['person:jane-doe']],
    // a pronoun after a surname-only mention resolves to the same entity; continued quotes keep it
    ['Jane Doe met John Roe. Doe praised the deal.\n\n"It is a good deal for both of us," she said.\n\n"We will sign it next week," she added.',
      [['person', ['Jane Doe', 'Doe']], ['person', ['John Roe']]], ['person:jane-doe', 'person:jane-doe']],
    ['Acme Corp announced results. "Sales rose by ten percent this year," it said.', [['organization', ['Acme Corp']]], ['organization:acme-corp']],
    ['"Sales rose by ten percent this year," a spokesman for Acme Corp said.', [['organization', ['Acme Corp']]], ['organization:acme-corp']],
    // a description naming an office someone else holds is not them: no speaker rather than the wrong one
    ['Prime Minister John Roe spoke. "We cannot call these events exceptional," the group\'s president said.',
      [['person', ['John Roe'], 'Prime Minister']], [undefined]],
    // ... nor is a person the article gave another role
    ['Jane Doe, the group\'s regional director, spoke. "We cannot call these events exceptional," the group\'s president said.',
      [['person', ['Jane Doe'], 'the group\'s regional director']], [undefined]],
    // an office's other words: 'the congressman' is 'Representative John Roe'
    ['Rep. John Roe spoke. "We cannot call these events exceptional," the congressman said.',
      [['person', ['John Roe'], 'Representative']], ['person:john-roe']],
    // a portfolio's list before the name: not its last word
    ['"We cannot call these events exceptional," Commissioner for Environment, Oceans and Fisheries, Jane Doe, added.',
      [['organization', ['Fisheries']], ['person', ['Jane Doe']]], ['person:jane-doe']],
    // a name, then where she is from
    ['Its president for June, Ambassador Jane Doe of Sweden, told reporters that members were "deeply alarmed by it".',
      [['person', ['Jane Doe']]], ['person:jane-doe']],
    // the subject of a participle's clause, a title that names no one, then the name
    ['Acme Cabinet Secretary for the Economy, Jane Doe, welcomed the plan, saying it "will make a real difference to us".',
      [['organization', ['Acme Cabinet']], ['person', ['Jane Doe']]], ['person:jane-doe']],
    // a testimonial's credit on the line under it
    ['Customers agree:\n\n"We cut the time we spend by half."\n— Jo Ng, VP of Marketing, Acme',
      [['person', ['Jo Ng']]], ['person:jo-ng']],
    // ... also in a Markdown block quote
    ['Customers agree:\n\n> "We cut the time we spend by half."\n>\n> -- Jo Ng, CIO at Acme', [['person', ['Jo Ng']]], ['person:jo-ng']],
    // ... not a reporter's sign-off under a paragraph that ends in a quotation
    ['The chairman said in a statement that "prices will rise."\n-- Jo Ng, London Newsroom', [['person', ['Jo Ng']]], [undefined]],
    // the person after a possessive, as the subject of a participle's clause
    ['Ruritania\'s Prime Minister Jo Ng congratulated her, calling her "a champion of the nation".',
      [['organization', ['Ruritania']], ['person', ['Jo Ng']]], ['person:jo-ng']],
    // 'a company spokesman' speaks for the company, not for the latest person
    ['Jo Ng of the union spoke. Acme Steel said it was disappointed. "We made a fair offer," a company spokesman said.',
      [['person', ['Jo Ng']], ['organization', ['Acme Steel']]], ['organization:acme-steel']],
    // the dateline in the sentence is no subject
    ['WASHINGTON (Reuters) - The Federal Reserve held rates, saying inflation remained "somewhat elevated."',
      [['organization', ['Reuters']], ['organization', ['Federal Reserve']]], ['organization:federal-reserve']],
    // a person named by nation: the latest one
    ['Iga Swiatek lost the final. "She played well today," the Pole said.', [['person', ['Iga Swiatek']]], ['person:iga-swiatek']],
    // ... while a person of no known role is still the best guess
    ['John Roe spoke. "We cannot call these events exceptional," the group\'s president said.', [['person', ['John Roe']]], ['person:john-roe']],
    // 'the company' is the organization the article names most, not the latest one
    ['Acme Corp opened a store. Acme Corp hired staff. Acme Corp also gave to the Food Bank. "We are just getting started," the company said.',
      [['organization', ['Acme Corp']], ['organization', ['Food Bank']]], ['organization:acme-corp']],
    ['The Food Bank thanked Acme Corp. "We are just getting started," the company said.',
      [['organization', ['Acme Corp']], ['organization', ['Food Bank']]], ['organization:acme-corp']],
    // no entities: no id, but the mention is still there
    ['"We won," he said.', [], [undefined]],
  ];
  for (const [input, specs, ids] of cases) {
    it(JSON.stringify(input), () => {
      const entities = specs.map(([type, forms, role]) => entity(input, type, forms, role));
      const quotes = attribute(input, entities).quotes;
      assert.deepStrictEqual(quotes.map(q => q.speakerId), ids);
    });
  }
});

describe('[speakers] sample-like article', () => {
  it('resolves "he said", "he added", "he concluded" to the minister named earlier', () => {
    const text = 'Tom Doe, the Minister of Trade, met John Roe.\n\nSpeaking alongside John Roe, Doe noted progress.\n\n' +
      '"We are working on it," he said.\n\nDoe further noted the figures.\n\n"We will keep working on trade and energy," he added.\n\n' +
      'The minister also highlighted the new visa regime.\n\n"This is a big step for both of our countries," he concluded.';
    const entities = [entity(text, 'person', ['Tom Doe', 'Doe'], 'Minister of Trade'), entity(text, 'person', ['John Roe'])];
    const quotes = attribute(text, entities).quotes;
    assert.deepStrictEqual(quotes.map(q => [slice(text, q.cue), slice(text, q.speakerMention), q.speakerId]), [
      ['said', 'he', 'person:tom-doe'],
      ['added', 'he', 'person:tom-doe'],
      ['concluded', 'he', 'person:tom-doe'],
    ]);
  });
});

describe('[speakers] pronoun gender', () => {
  // [input, entities (type, forms, role), expected speakerId per quote]
  const cases: Array<[input: string, entities: Array<[EntityType, string[], string?]>, ids: Array<string | undefined>]> = [
    // 'she' skips the man named last
    ['Prime Minister Anna Berg met John Smith. "We agreed on everything," she said.',
      [['person', ['Anna Berg'], 'Prime Minister'], ['person', ['John Smith']]], ['person:anna-berg']],
    ['Anna Berg met John Smith. "We agreed on everything," he said.',
      [['person', ['Anna Berg']], ['person', ['John Smith']]], ['person:john-smith']],
    ['John Smith met Anna Berg. "We agreed on everything," he said.',
      [['person', ['John Smith']], ['person', ['Anna Berg']]], ['person:john-smith']],
    // a courtesy title tells the gender where the name does not: 'Mr. Lee ... she said' is not Lee
    ['Robin Park met Mr. Lee on Monday. "We agreed on everything," she said.',
      [['person', ['Robin Park']], ['person', ['Lee']]], ['person:robin-park']],
    ['Robin Park met Ms. Lee on Monday. "We agreed on everything," he said.',
      [['person', ['Robin Park']], ['person', ['Lee']]], ['person:robin-park']],
    // a gendered title before the name or in the role
    ['Chairwoman Lee met Robin Park. "We agreed on everything," he said.',
      [['person', ['Lee']], ['person', ['Robin Park']]], ['person:robin-park']],
    ['Lee, a spokesman for Acme, met Robin Park. "We agreed on everything," she said.',
      [['person', ['Lee'], 'spokesman for Acme'], ['person', ['Robin Park']]], ['person:robin-park']],
    // unknown gender still resolves, by recency
    ['Anna Berg spoke first.\n\nRobin Park arrived later. "We agreed on everything," she said.',
      [['person', ['Anna Berg']], ['person', ['Robin Park']]], ['person:robin-park']],
    ['Robin Park arrived. "We agreed on everything," he said.', [['person', ['Robin Park']]], ['person:robin-park']],
    // within one paragraph a person of the pronoun's known gender beats one of unknown gender
    ['Anna Berg met Robin Park. "We agreed on everything," she said.',
      [['person', ['Anna Berg']], ['person', ['Robin Park']]], ['person:anna-berg']],
    // ... unless the unknown one is the article's protagonist, named more often
    ['Robin Park spoke.\n\nSpeaking alongside Foreign Minister John Smith, Park stressed the deal. "We agreed on everything," he said.',
      [['person', ['Robin Park', 'Park']], ['person', ['John Smith']]], ['person:robin-park']],
    // only persons of the other known gender before: no one
    ['John Smith met Tom Roe. "We agreed on everything," she said.',
      [['person', ['John Smith']], ['person', ['Tom Roe']]], [undefined]],
    // a gendered role noun: 'the spokeswoman' skips the man
    ['Anna Berg met John Smith. "We agreed on everything," the spokeswoman said.',
      [['person', ['Anna Berg']], ['person', ['John Smith']]], ['person:anna-berg']],
    // 'they' and 'it' keep to organizations
    ['Jane Doe spoke for Acme Corp. "Sales rose by ten percent this year," it said.',
      [['person', ['Jane Doe']], ['organization', ['Acme Corp']]], ['organization:acme-corp']],
  ];
  for (const [input, specs, ids] of cases) {
    it(JSON.stringify(input), () => {
      const entities = specs.map(([type, forms, role]) => entity(input, type, forms, role));
      const quotes = attribute(input, entities).quotes;
      assert.deepStrictEqual(quotes.map(q => q.speakerId), ids);
    });
  }
});

describe('[speakers] mention order', () => {
  // Mentions of person and organization entities, sorted by start, then end, then entity order;
  // a mention 2^26 characters long at offset 2^26 leaves no room to pack start, length and index
  // into one number, so the comparator path must give the same order.
  const big = 2 ** 26;
  const of = (type: EntityType, spans: Array<[number, number]>): Entity =>
    ({ kind: 'entity', id: `${type}:${spans[0][0]}`, type, name: 'x', aliases: [], mentions: spans.map(([start, end]) => ({ start, end })) });
  const cases: Array<[name: string, entities: Entity[], expected: Array<[start: number, end: number, entity: number]>]> = [
    ['interleaved entities', [of('person', [[10, 14], [40, 44]]), of('organization', [[0, 5], [20, 30]])],
      [[0, 5, 1], [10, 14, 0], [20, 30, 1], [40, 44, 0]]],
    ['same start: shorter first, then entity order', [of('person', [[5, 9]]), of('organization', [[5, 7]]), of('person', [[5, 9]])],
      [[5, 7, 1], [5, 9, 0], [5, 9, 2]]],
    ['places left out', [of('place', [[0, 3]]), of('person', [[8, 9]])], [[8, 9, 1]]],
    ['offsets too large to pack', [of('person', [[big + 10, big + 14]]), of('organization', [[big, 2 * big], [big + 10, big + 12]]), of('person', [[big + 10, big + 12]])],
      [[big, 2 * big, 1], [big + 10, big + 12, 1], [big + 10, big + 12, 2], [big + 10, big + 14, 0]]],
    ['no mentions', [], []],
  ];
  for (const [name, entities, expected] of cases) {
    it(name, () => {
      const { starts, ends, entityOf, sorted } = mentionOrder(entities);
      assert.deepStrictEqual([...sorted].map(m => [starts[m], ends[m], entityOf[m]]), expected);
    });
  }
});
