import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { resolveOptions } from '../../../src/engine/options';
import { emptyDoc, runPipeline, STAGES, type Doc } from '../../../src/engine/pipeline';
import { isReportingWord, phrasalCueLength, prepositionalCueLength } from '../../../src/engine/stages/quotes';
import { scanTokens, tokenize, tokensOf, type Tokens } from '../../../src/engine/text/tokenize';

/** The doc after segment, structure and quotes. */
function quotesOf(text: string): Doc {
  const upTo = STAGES.findIndex(stage => stage.name === 'quotes');
  return runPipeline(emptyDoc(text, resolveOptions()), STAGES.slice(0, upTo + 1));
}

describe('[quotes] spans', () => {
  const cases: Array<[input: string, quotes: string[]]> = [
    // conventions
    ['"We won," he said.', ['"We won,"']],
    ['“We won,” he said.', ['“We won,”']],
    ['‘We won,’ he said.', ['‘We won,’']],
    ['«Nous avons gagné ce soir à Paris», a-t-il dit.', ['«Nous avons gagné ce soir à Paris»']],
    ['»Vi vandt kampen i aften i København«, sagde han.', ['»Vi vandt kampen i aften i København«']],
    ['„Wir haben heute das Spiel gewonnen“, sagte er.', ['„Wir haben heute das Spiel gewonnen“']],
    ['‚Wir haben heute das Spiel gewonnen‘, sagte er.', ['‚Wir haben heute das Spiel gewonnen‘']],
    ['‹Nous avons gagné ce soir à Paris›, a-t-il dit.', ['‹Nous avons gagné ce soir à Paris›']],
    ['他说：「我们今天赢了比赛」。', ['「我们今天赢了比赛」']],
    ["``We won the game tonight in Paris,'' he said.", ["``We won the game tonight in Paris,''"]],
    ['"We won,” he said.', ['"We won,”']],
    ['He said:"We won the game tonight in Paris."', ['"We won the game tonight in Paris."']],
    // one quotation over several paragraphs: an opening mark on each, one closing mark
    ['"First part of the statement.\n\n"Second part.\n\n“Third part of it,” she said.',
      ['"First part of the statement.\n\n"Second part.\n\n“Third part of it,”']],
    // ... also with the second paragraph's opening mark left out, when that one closes it
    ['The minister said:\n\n"Fast broadband is no luxury.\n\nThis contract means more."\n\nShe left.',
      ['"Fast broadband is no luxury.\n\nThis contract means more."']],
    // ... but not a quotation that opened mid-paragraph, nor into a paragraph of other marks
    ['He called it "a plan.\n\nThis contract means more."', []],
    ['"Fast broadband is no luxury.\n\nShe said "yes" to it."', ['"yes"']],
    // ... but an excerpt pasted in straight marks, in a text that types its quotations in curly
    // ones, does not run on into the curly quotation after it
    ['“Here it comes,” she said.\n\n"Kevin was asleep.\n\n“Here he is, babe,” she said.',
      ['“Here it comes,”', '“Here he is, babe,”']],
    ['“Here it comes,” she said.\n\n"Kevin was asleep.\n\n"Here he is, babe," she said.',
      ['“Here it comes,”', '"Kevin was asleep.\n\n"Here he is, babe,"']],
    // nested quotations stay inside
    ['"He told me \'no way\' and left," she said.', ['"He told me \'no way\' and left,"']],
    ['“He called it ‘a disaster’ yesterday,” she said.', ['“He called it ‘a disaster’ yesterday,”']],
    ['"The sign read "No entry" in red letters," she said.', ['"The sign read "No entry" in red letters,"']],
    // partial quotes with a cue are speech
    ['He called it "a historic step" for the region.', ['"a historic step"']],
    ['The minister said the talks were "constructive."', ['"constructive."']],
    // Title Case after a colon is speech, spaced or not
    ['Senator to the banker: "You Should Be Criminally Investigated."', ['"You Should Be Criminally Investigated."']],
    // scare quotes and titles are not
    ['The so-called "experts" were wrong.', []],
    ['We watched the film "Dune" last night.', []],
    ['He appeared on CBS\'s "Face the Nation" on Sunday.', []],
    ['The "reform" failed.', []],
    // apostrophes never open or close
    ["Norway’s minister said the '90s were hard and students' books don't matter.", []],
    ["‘Tis the season for rock 'n' roll and the ’80s, y'all.", []],
    ['"We don\'t know what the students\' books say," he said.', ['"We don\'t know what the students\' books say,"']],
    ["'We will win this election by a wide margin,' she said.", ["'We will win this election by a wide margin,'"]],
    ['"A," he said, "B is the next thing we will do."', ['"A,"', '"B is the next thing we will do."']],
    // unbalanced marks: skipped
    ['"We won, he said. Then he left.\n\nThe end.', []],
    ['He left." Then he came back.', []],
    ['', []],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const doc = quotesOf(input);
      assert.deepStrictEqual(doc.quotes.map(q => input.slice(q.span.start, q.span.end)), expected);
      for (const q of doc.quotes) {
        assert.ok(q.span.start < q.content.start && q.content.end < q.span.end, 'content lies between the marks');
      }
    });
  }
});

describe('[quotes] direct or partial', () => {
  // [input, one entry per quote found: true when partial]
  const cases: Array<[input: string, partial: boolean[]]> = [
    // direct: the attributed content begins with the quotation
    ['"We won the game tonight," he said.', [false]],
    ['He said: "We won the game tonight."', [false]],
    ['He said, "We won the game tonight."', [false]],
    ['He declared "We won the game tonight."', [false]],
    ['Smith spoke on Monday. "We won the game tonight."', [false]],
    ['According to Jane Doe, "the plan failed completely and utterly."', [false]],
    ['"A," he said, "B is the next thing we will do."', [false, false]],
    ['"We won the game," Smith said in Ohio on Monday, "but it was a close one."', [false, false]],
    ['Jane Doe, one voter:\n“Maybe we can build a better city for everyone.” ― Jane Doe', [false]],
    ["''This is not tax reform at all,'' said John Roe, an economist.", [false]],
    // an opening phrase, then a whole sentence reported by the cue right after it
    ['As for the cost, "Closing loopholes always takes some work," said John Roe.', [false]],
    // a phrasal cue before the comma
    ['As Jane Doe recently put it, "Did they lower their taxes through legal avoidance?"', [false]],
    // a whole sentence set off by dashes
    ['He took the remark as a compliment -- "That makes me smart" -- and said so.', [false]],
    ['He took the remark as a compliment — “That makes me smart” — and said so.', [false]],
    // partial: the reporter's own words lead into it
    ['With thousands of systems, "there is no single point of failure," he said.', [true]],
    ['He called the deal -- "a terrible one for workers" -- before he left.', [true]],
    ['Senator Doe called the bill "a betrayal of working families" on Monday.', [true]],
    ['The minister said the talks were "constructive and open."', [true]],
    ['He said that "the deal is terrible for all of us."', [true]],
    ['She described the plan as "a disaster for the region."', [true]],
    ['The deal was "terrible for everyone involved," he said.', [true]],
    ['Trump tweeted that, "For those who doubt me, I will be there."', [true]],
    ['Mr. Roe said, "we were floored by the decision."', [true]],
    ['She said "the question is the timing of the release."', [true]],
    ['She said she wanted to speak "directly to the voters of this state."', [true]],
    ['"We won," he said, adding that the result was "a clear mandate."', [false, true]],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const quotes = quotesOf(input).quotes;
      assert.deepStrictEqual(quotes.map(q => q.partial === true), expected);
      for (const q of quotes) assert.ok(q.partial === undefined || q.partial === true, 'partial is true or absent');
    });
  }
});

describe('[quotes] speech or not', () => {
  // [input, the quotations kept as speech]
  const cases: Array<[input: string, quotes: string[]]> = [
    // a title set off by a comma after a naming word, even with a cue near
    ['In his 2002 book, "Make Your Kid a Millionaire," Mr. Roe suggested saving early.', []],
    // a whole sentence in quotation marks after others in its paragraph is said, however short
    ['John Roe spoke first. "No," he added. "Never."', ['"No,"', '"Never."']],
    // ... but a heading on a line of its own is not
    ['"Never Again."\n\nThe report came out on Monday.', []],
    // a name after 'known as', 'referred to as', even with a cue near
    ['The senator, known as "Big Jim," said nothing.', []],
    ['The law, often referred to as "the Gang of Eight bill," was signed.', []],
    // a defined short name in brackets, even before a cue
    ['Northwind Robotics, Inc. ("Northwind") today announced a round.', []],
    ['Meridian Health Partners (“Meridian”), a physician group, said so.', []],
    // a short quotation kept for a phrasal cue in its sentence
    ['As the magazine put it, "the operator."', ['"the operator."']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      assert.deepStrictEqual(quotesOf(input).quotes.map(q => input.slice(q.span.start, q.span.end)), expected);
    });
  }
});

describe('[quotes] notes', () => {
  const cases: Array<[input: string, notes: number]> = [
    ['"We won, he said. Then he left.\n\nThe end.', 1],
    ['He left." Then he came back.', 1],
    ['"We won," he said.', 0],
    ["The '90s were students' best years, 'cause they said so.", 0],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const doc = quotesOf(input);
      assert.strictEqual(doc.notes.length, expected);
      for (const note of doc.notes) assert.ok(note.span && note.span.end <= input.length);
    });
  }
});

describe('[quotes] sample article', () => {
  it('has exactly three quotes, each one span from opening to closing mark', () => {
    const text = readFileSync(join(__dirname, '../../../../samples/trend-azerbaijan-serbia.txt'), 'utf8');
    const quotes = quotesOf(text).quotes;
    assert.strictEqual(quotes.length, 3);
    for (const q of quotes) {
      assert.strictEqual(text[q.span.start], '"');
      assert.strictEqual(text[q.span.end - 1], '"');
      assert.ok(!text.slice(q.content.start, q.content.end).includes('"'));
      assert.strictEqual(q.partial, undefined, 'the sample\'s quotes are direct');
    }
  });
});

describe('[quotes] cue words asked of one text, then of another', () => {
  // The answers are kept per vocabulary key across texts, or per word id for tokens without keys;
  // word ids restart at 0 in every text, so an answer for one text must not leak into the next
  // ('said' is word 0 of the first, 'table' of the second), nor one for a word into another
  // spelling of it ('said', 'Said').
  const cases: Array<[first: string, second: string, reporting: boolean, prepositional: number, phrasal: number]> = [
    ['said', 'table', false, 0, 0],
    ['table', 'said', true, 0, 0],
    ['said', 'Said', false, 0, 0],
    ['Said', 'said', true, 0, 0],
    ['According to Smith', 'Accordingly, to', false, 0, 0],
    ['Accordingly, to', 'According to Smith', false, 2, 0],
    ['put it', 'putt it', false, 0, 0],
    ['putt it', 'put it', false, 0, 2],
  ];
  const tokenizers: Array<[name: string, tokens: (text: string) => Tokens]> = [
    ['scanTokens', scanTokens],
    ['tokensOf', text => tokensOf(tokenize(text))],
  ];
  for (const [name, tokensFor] of tokenizers) {
    for (const [first, second, reporting, prepositional, phrasal] of cases) {
      it(`${name}: ${JSON.stringify(first)} then ${JSON.stringify(second)}`, () => {
        const a = tokensFor(first);
        isReportingWord(a, 0, true);
        prepositionalCueLength(a, 0, a.length);
        phrasalCueLength(a, 0, a.length);
        const b = tokensFor(second);
        assert.strictEqual(isReportingWord(b, 0, false), reporting);
        assert.strictEqual(prepositionalCueLength(b, 0, b.length), prepositional);
        assert.strictEqual(phrasalCueLength(b, 0, b.length), phrasal);
      });
    }
  }
});
