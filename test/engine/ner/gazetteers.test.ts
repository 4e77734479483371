import * as assert from 'assert';
import { tokenize } from '../../../src/engine/text/tokenize';
import { wordInfo } from '../../../src/engine/ner/features';
import { GAZETTEER_NAMES, matchGazetteers } from '../../../src/engine/ner/gazetteers';

/** "list:BILU-code" marks per token, e.g. "New York" → ["city:B", "city:L"]. */
function marks(text: string): string[][] {
  const words = tokenize(text).map(token => wordInfo(token.text));
  const codes = new Int32Array(words.length);
  matchGazetteers(words, 0, words.length, codes);
  return words.map((_, i) => GAZETTEER_NAMES.flatMap((name, list) => {
    const code = (codes[i] >> (3 * list)) & 7;
    return code === 0 ? [] : [`${name}:${'-BILU'[code]}`];
  }));
}

describe('ner: gazetteers', () => {
  const cases: Array<[text: string, token: number, expected: string, present: boolean]> = [
    ['She moved to New York in May.', 3, 'region:B', true], // the state, from states-us
    ['She moved to New York in May.', 4, 'region:L', true],
    ['Talks with France ended.', 2, 'country:U', true],
    ['He was born in Germany.', 4, 'country:U', true],
    ['a german car', 1, 'demonym:U', false], // lower case never matches
    ['Officials from Kenya and Peru met.', 2, 'country:U', true],
    ['John spoke.', 0, 'firstName:U', true],
    // One first word, several continuations, and a repeat: the remembered paths must keep them apart.
    ['In New York, then New Zealand, then New York again.', 6, 'country:L', true],
    ['In New York, then New Zealand, then New York again.', 9, 'region:B', true],
    ['In New York, then New Zealand, then New York again.', 10, 'region:L', true],
    ['In New York, then New Zealand, then New York again.', 10, 'country:L', false],
    ['a New york deal', 2, 'region:L', false], // a lower-case word ends no match
    // A lower-case word inside an entry carries the match on; a word in no entry after the first stops it.
    ['Flights to Rio de Janeiro resumed.', 2, 'city:B', true],
    ['Flights to Rio de Janeiro resumed.', 3, 'city:I', true],
    ['Flights to Rio de Janeiro resumed.', 4, 'city:L', true],
    ['Visitors to the United States of America rose.', 5, 'country:I', true],
    ['Visitors to the United States of Zqxland rose.', 4, 'country:L', true],
    ['Visitors to the United States of Zqxland rose.', 5, 'country:I', false],
  ];
  for (const [text, token, expected, present] of cases) {
    it(`${text} → token ${token} ${present ? 'has' : 'lacks'} ${expected}`, () => {
      assert.strictEqual(marks(text)[token].includes(expected), present, JSON.stringify(marks(text)));
    });
  }
});
