import * as assert from 'assert';
import { scanTokens, tokenObject, tokenize, tokensOf } from '../../../src/engine/text/tokenize';
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

describe('[segment] word ids', () => {
  // Past 512 distinct words the intern table grows: "w0 … w1999" checks that ids survive it.
  const many = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
  const cases: Array<[input: string, ids: number[] | undefined]> = [
    ['the cat and the hat and the cat', [0, 1, 2, 0, 3, 2, 0, 1]],
    ['The the THE', [0, 1, 2]],
    ["Japan's Japan 's", [0, 1, 0, 1]],
    // the same word from each way a token is cut: whole, before "n't", with an abbreviation's
    // period, a number's separators, hyphens, apostrophes, letters beyond ASCII and in two code units
    ["do don't do", [0, 0, 1, 0]],
    ['U.S. U.S. Mr. Mr Mr.', [0, 0, 1, 2, 1]],
    ["1,000.5 e-mail O'Neill 1,000.5 e-mail O'Neill", [0, 1, 2, 0, 1, 2]],
    ['naïve 𝒜x naïve 𝒜x', [0, 1, 0, 1]],
    ['', []],
    [many + ' ' + many, undefined],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input.slice(0, 40)), () => {
      const columns = scanTokens(input);
      const { wordIds, words } = columns;
      const tokens = tokenize(input);
      assert.deepStrictEqual(tokens.map((_, i) => tokenObject(columns, i)), tokens);
      assert.strictEqual(wordIds.length, tokens.length);
      if (expected) assert.deepStrictEqual([...wordIds], expected);
      const firstIdOf = new Map<string, number>();
      tokens.forEach((t, i) => {
        assert.strictEqual(words[wordIds[i]], t.text);
        if (!firstIdOf.has(t.text)) firstIdOf.set(t.text, firstIdOf.size);
        assert.strictEqual(wordIds[i], firstIdOf.get(t.text));
      });
      assert.strictEqual(words.length, firstIdOf.size);
      // Token objects (from scripts) convert back to the same columns, less the vocabulary keys.
      const { keys, epoch, ...plain } = columns;
      assert.deepStrictEqual(tokensOf(tokens), plain);
      // Vocabulary keys: one per word, distinct words distinct keys, the same again next call.
      assert.strictEqual(keys!.length, words.length);
      assert.strictEqual(new Set(keys).size, words.length);
      const again = scanTokens('x ' + input);
      assert.strictEqual(again.epoch, epoch);
      words.forEach((word, id) => assert.strictEqual(again.keys![again.words.indexOf(word)], keys![id]));
    });
  }
});

describe('[segment] vocabulary keys across calls', () => {
  // "Xq0 Xq1 …": 100,000 distinct words fill the vocabulary; the call after starts a new epoch.
  it('a full vocabulary starts a new epoch at the next call, never during one', () => {
    const before = scanTokens('Ann met Bob');
    const junk = Array.from({ length: 100_000 }, (_, i) => `Xq${i.toString(36)}`).join(' ') + ' Ann';
    const full = scanTokens(junk);
    assert.strictEqual(full.epoch, before.epoch);
    assert.strictEqual(full.keys![full.wordIds[full.length - 1]], before.keys![0]);
    const after = scanTokens('Bob met Ann');
    assert.strictEqual(after.epoch, before.epoch! + 1);
    assert.deepStrictEqual([...after.keys!], [0, 1, 2]);
    assert.deepStrictEqual(after.words, ['Bob', 'met', 'Ann']);
  });

  // tokenize() reads the tokenizer's reused columns, but its words still join the vocabulary, so
  // the keys of later calls are what they would be had scanTokens been called instead.
  const calls: Array<[first: (text: string) => unknown, second: (text: string) => unknown]> = [
    [tokenize, tokenize], [scanTokens, tokenize], [tokenize, scanTokens],
  ];
  calls.forEach(([first, second], i) => {
    it(`words met by ${first.name} then ${second.name} take the next keys`, () => {
      const before = scanTokens(`Yq${i}a`);
      first(`Yq${i}b Yq${i}a`);
      second(`Yq${i}c Yq${i}b`);
      const after = scanTokens(`Yq${i}c Yq${i}b Yq${i}a`);
      assert.strictEqual(after.epoch, before.epoch);
      const key = before.keys![0];
      assert.deepStrictEqual([...after.keys!], [key + 2, key + 1, key]);
      assert.deepStrictEqual(tokenize(`Yq${i}b, Yq${i}a`).map(t => t.text), [`Yq${i}b`, ',', `Yq${i}a`]);
    });
  });
});

describe('[segment] sentences and paragraphs', () => {
  const cases: Array<[input: string, sentences: string[]]> = [
    ['He left. "We won," he said. Mr. Smith met Jan. 5 in the U.S. The end.',
      ['He left.', '"We won," he said.', 'Mr. Smith met Jan. 5 in the U.S.', 'The end.']],
    ['First para?\r\n\r\nSecond!  Yes.', ['First para?', 'Second!', 'Yes.']],
    ['EU rejects call .\nPeter Blackburn\nBRUSSELS 1996-08-22', ['EU rejects call .', 'Peter Blackburn', 'BRUSSELS 1996-08-22']],
    ['a hard-wrapped\nline goes on.', ['a hard-wrapped\nline goes on.']],
    ['"Stop." She left.', ['"Stop."', 'She left.']],
    // an abbreviation that often ends a sentence ends one before a typical sentence opener
    ['He works at Acme Inc. The firm grew.', ['He works at Acme Inc.', 'The firm grew.']],
    ['He works at Acme Inc. Board members met.', ['He works at Acme Inc. Board members met.']],
    ['Shares of Acme Inc. rose in the U.S. They fell.', ['Shares of Acme Inc. rose in the U.S.', 'They fell.']],
    // a Markdown heading's marks stand apart, so its first word starts a sentence; a hashtag stays
    ['# Acme Names New Chief\n\n## Study details\n#MeToo grew.', ['#', 'Acme Names New Chief', '##', 'Study details', '#MeToo grew.']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const tokens = tokenize(input);
      const sentences = splitSentences(input, tokens, splitParagraphs(input, tokens));
      assert.deepStrictEqual(sentences.map(s => input.slice(s.start, s.end)), expected);
    });
  }
});

describe('[segment] token columns', () => {
  // The tokenizer reuses its working arrays from call to call; a result must not share them (a
  // second text of as many tokens would overwrite a view of them).
  it('a result is unchanged by the next call', () => {
    const text = 'Alpha beta, gamma.';
    const first = scanTokens(text);
    const before = tokenize(text);
    scanTokens('Psi! Omega delta; x');
    assert.deepStrictEqual(before.map((_, i) => tokenObject(first, i)), before);
  });

  // Past 65,536 tokens the columns are made for the one call and not kept; "We met Ann; " is 4 tokens.
  for (const repeats of [10, 20_000, 40_000]) {
    it(`"We met Ann; " × ${repeats}, then a short text`, () => {
      const tokens = scanTokens('We met Ann; '.repeat(repeats));
      assert.strictEqual(tokens.length, 4 * repeats);
      const last = tokenObject(tokens, tokens.length - 1);
      assert.deepStrictEqual(last, { start: 12 * repeats - 2, end: 12 * repeats - 1, text: ';', kind: 'punct' });
      assert.deepStrictEqual([...tokens.wordIds.subarray(0, 8)], [0, 1, 2, 3, 0, 1, 2, 3]);
      assert.deepStrictEqual(tokenize('Hi there.').map(t => t.text), ['Hi', 'there', '.']);
    });
  }

  it('sentences from columns and from Token objects agree', () => {
    const text = 'He left. "We won," he said.\n\nMr. Smith met Jan. 5 in the U.S. The end.';
    const columns = scanTokens(text);
    const objects = tokenize(text);
    assert.deepStrictEqual(splitSentences(text, columns, splitParagraphs(text, columns)), splitSentences(text, objects, splitParagraphs(text, objects)));
  });
});
