import * as assert from 'assert';
import { tokenize } from '../../../src/engine/text/tokenize';
import { splitParagraphs, splitSentences } from '../../../src/engine/text/sentences';

describe('[segment] tokenize', () => {
  const cases: Array<[input: string, tokens: string[]]> = [
    ['Norway’s minister', ['Norway', '’s', 'minister']],
    ["Japan 's exports", ['Japan', "'s", 'exports']],
    ["We don't know O'Neill", ['We', 'do', "n't", 'know', "O'Neill"]],
    ['Mr. J. Smith of the U.S. left.', ['Mr.', 'J.', 'Smith', 'of', 'the', 'U.S.', 'left', '.']],
    ['G-20 and a tax-free regime', ['G-20', 'and', 'a', 'tax-free', 'regime']],
    ['$1,000.50 in 2024-12-23', ['$', '1,000.50', 'in', '2024-12-23']],
    ['“Yes,” he said...', ['“', 'Yes', ',', '”', 'he', 'said', '...']],
    ['Çavuşoğlu met Đurić 😀 in 「東京」', ['Çavuşoğlu', 'met', 'Đurić', '😀', 'in', '「', '東京', '」']],
    ['', []],
    // The end of the text is no letter: the last number keeps its separator, the last clitic splits.
    ['Attendance : 3,900', ['Attendance', ':', '3,900']],
    ["we don't", ['we', 'do', "n't"]],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const tokens = tokenize(input);
      assert.deepStrictEqual(tokens.map(t => t.text), expected);
      for (const t of tokens) assert.strictEqual(input.slice(t.start, t.end), t.text);
    });
  }
});

describe('[segment] sentences and paragraphs', () => {
  const cases: Array<[input: string, sentences: string[]]> = [
    ['He left. "We won," he said. Mr. Smith met Jan. 5 in the U.S. The end.',
      ['He left.', '"We won," he said.', 'Mr. Smith met Jan. 5 in the U.S.', 'The end.']],
    ['First para?\r\n\r\nSecond!  Yes.', ['First para?', 'Second!', 'Yes.']],
    ['EU rejects call .\nPeter Blackburn\nBRUSSELS 1996-08-22', ['EU rejects call .', 'Peter Blackburn', 'BRUSSELS 1996-08-22']],
    ['a hard-wrapped\nline goes on.', ['a hard-wrapped\nline goes on.']],
    ['"Stop." She left.', ['"Stop."', 'She left.']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const tokens = tokenize(input);
      const sentences = splitSentences(input, tokens, splitParagraphs(input, tokens));
      assert.deepStrictEqual(sentences.map(s => input.slice(s.start, s.end)), expected);
    });
  }
});
