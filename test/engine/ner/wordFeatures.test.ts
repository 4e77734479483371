import * as assert from 'assert';
import { tokenize } from '../../../src/engine/text/tokenize';
import { splitParagraphs, splitSentences } from '../../../src/engine/text/sentences';
import { Cap, buildDocContext, hasMemory, useNameMemory, wordCacheGeneration, wordFeatures, wordInfo, wordInfoOf } from '../../../src/engine/ner/features';

// Words' feature hashes live in a shared pool (see WordInfo.pool): each word's three runs must have
// the lengths the feature templates give and must never be overwritten by later words.
describe('ner: word features in the pool', () => {
  // [word, cap, distance-0 run length]: 6 base + 2 per prefix/suffix length (up to 4) + flags +
  // 2 clusters, + 2 name memory for a capitalised word.
  const cases: Array<[word: string, cap: Cap, center: number]> = [
    ['the', Cap.Lower, 6 + 6 + 3],
    ['Harbour', Cap.Title, 6 + 8 + 3 + 2],
    ['NORBURY', Cap.Upper, 6 + 8 + 3 + 2],
    ['McKinnel', Cap.Mixed, 6 + 8 + 3 + 2],
    ['1996-08-30', Cap.Digit, 6 + 8 + 3],
    ['"', Cap.Punct, 6 + 2 + 3],
    ['Zoë', Cap.Title, 6 + 6 + 3 + 2],
    ['ÉTÉ', Cap.Upper, 6 + 6 + 3 + 2],
  ];
  for (const [word, cap, center] of cases) {
    it(`${word}: cap ${Cap[cap]}, runs of ${center}, ${hasMemory(cap) ? 7 : 6} and 3`, () => {
      const info = wordInfo(word);
      assert.strictEqual(info.cap, cap);
      const [c, n, f] = [0, 1, 2].map(d => Array.from(wordFeatures(info, d)));
      assert.deepStrictEqual([c.length, n.length, f.length], [center, hasMemory(cap) ? 7 : 6, 3]);
      // The lower-case form's hash leads the farther runs and follows the word's own at distance 0.
      assert.strictEqual(c[1], info.lowerHash);
      assert.strictEqual(n[0], info.lowerHash);
      assert.strictEqual(f[0], info.lowerHash);
      assert.deepStrictEqual([n[1], n[4], n[5]], [f[1], f[2], c[center - (hasMemory(cap) ? 3 : 1)]]);
    });
  }

  it('keeps earlier words\' features through many new words and a cache restart', () => {
    const first = wordInfo('Quellbrook');
    const before = [0, 1, 2].map(d => Array.from(wordFeatures(first, d)));
    // Far more words than one pool chunk holds.
    for (let i = 0; i < 6000; i++) wordInfo(`Zq${i.toString(36)}xw`);
    useNameMemory(undefined);
    for (let i = 0; i < 3000; i++) wordInfo(`Yv${i.toString(36)}kp`);
    assert.deepStrictEqual([0, 1, 2].map(d => Array.from(wordFeatures(first, d))), before);
    // Computed again after the restart, the word gets the same features.
    assert.deepStrictEqual([0, 1, 2].map(d => Array.from(wordFeatures(wordInfo('Quellbrook'), d))), before);
  });

  it('gives a document\'s words the same WordInfo when its size restarts the cache (carried over)', function () {
    this.timeout(60000);
    useNameMemory(undefined);
    // 100,001 invented distinct words, in sentences: past the cache limit.
    const words: string[] = [];
    for (let i = 0; i <= 100_000; i++) words.push((i % 3 === 0 ? 'Kv' : 'zw') + i.toString(36) + (i % 10 === 9 ? '.' : ''));
    const text = words.join(' ');
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens, splitParagraphs(text, tokens));
    const first = buildDocContext(tokens, sentences);
    const picks = [0, 1, 2, 77_777, tokens.length - 1];
    const describe = (id: number) => {
      const info = wordInfoOf(id);
      return [info.text, info.lower, info.cap, info.casing, info.lowerHash, info.styleKind, info.opensQuote,
        ...[0, 1, 2].map(d => Array.from(wordFeatures(info, d)))];
    };
    const before = picks.map(t => describe(first.ids[t]));
    const generation = wordCacheGeneration();
    const second = buildDocContext(tokens, sentences);
    assert.notStrictEqual(wordCacheGeneration(), generation);
    assert.deepStrictEqual(picks.map(t => describe(second.ids[t])), before);
    // Numbered as a fresh cache numbers them: in order of first occurrence.
    assert.deepStrictEqual(picks.map(t => second.ids[t]), picks.map(t => first.ids[t]));
    useNameMemory(undefined);
  });
});
