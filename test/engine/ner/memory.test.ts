import * as assert from 'assert';
import { tokenize } from '../../../src/engine/text/tokenize';
import { splitParagraphs, splitSentences } from '../../../src/engine/text/sentences';
import { PAIRED, buildDocContext, hasMemory, sentenceStyle, useNameMemory, wordInfo } from '../../../src/engine/ner/features';
import { sentenceFeatures } from '../../../src/engine/ner/tagger';

function docOf(text: string) {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text, tokens, splitParagraphs(text, tokens)) };
}

describe('ner: sentence style', () => {
  // Invented lines: 1 ALL CAPS headline, 2 Title Case headline, 3 results or table line, 0 prose.
  const cases: Array<[text: string, style: number]> = [
    ['Norbury 2 Fellmouth 1', 3],
    ['Norbury 4 3 1 0 8 2 10', 3],
    ['NORBURY 2 FELLMOUTH 1', 3],
    ['NORBURY BEAT FELLMOUTH IN CUP', 1],
    ['Norbury Beat Fellmouth In Cup Replay', 2],
    ['Norbury beat Fellmouth 2-1 in the cup on Saturday.', 0],
    ['The council spent 4 million on 12 new buses last year.', 0],
  ];
  for (const [text, style] of cases) {
    it(`${text} → ${style}`, () => {
      const doc = docOf(text);
      const context = buildDocContext(doc.tokens, doc.sentences);
      assert.strictEqual(sentenceStyle(context, doc.sentences[0].tokenStart, doc.sentences[0].tokenEnd), style);
    });
  }
});

describe('ner: names paired in the document', () => {
  // Invented text: whether each word stands next to another capitalised word somewhere in prose.
  const text = 'PORLOCK CABLES NAME NEW HEAD\nMaria Quennell joined Porlock on Monday. Quennell said Porlock would grow.';
  const doc = docOf(text);
  const context = buildDocContext(doc.tokens, doc.sentences);
  const pairedOf = (word: string) => {
    const i = doc.tokens.findIndex(token => token.text === word);
    return context.docCasing[context.slots[i]] & PAIRED;
  };
  const cases: Array<[word: string, paired: boolean]> = [
    ['Quennell', true], // after "Maria", once is enough
    ['Maria', true], // before "Quennell"
    ['Porlock', false], // alone in prose; the ALL CAPS headline does not count
    ['Monday', false], // after "on"
  ];
  for (const [word, paired] of cases) {
    it(`${word}: ${paired ? 'paired' : 'alone'}`, () => assert.strictEqual(pairedOf(word) !== 0, paired));
  }
});

describe('ner: name memory', () => {
  // Back to the shipped memory for the tests after these.
  after(() => useNameMemory(undefined));

  it('is a feature of capitalised words only', () => {
    assert.ok(hasMemory(wordInfo('Quistbury').cap));
    assert.ok(hasMemory(wordInfo('QUISTBURY').cap));
    assert.ok(!hasMemory(wordInfo('quistbury').cap));
    assert.ok(!hasMemory(wordInfo('1996').cap));
  });

  it('gives training (per-token memo) the same features as inference (memory in the word)', () => {
    const text = 'Shares of Quistbury rose after Vellacort said Quistbury would buy Ormsby Ltd.';
    const memory = new Map([['quistbury', 2], ['vellacort', 1 | 16]]);
    const doc = docOf(text);
    const { tokenStart, tokenEnd } = doc.sentences[0];

    useNameMemory(memory);
    const inference = buildDocContext(doc.tokens, doc.sentences);
    const inferred: number[] = [], inferredOffsets: number[] = [];
    sentenceFeatures(inference, tokenStart, tokenEnd, inferred, inferredOffsets);

    useNameMemory(null);
    const training = buildDocContext(doc.tokens, doc.sentences);
    training.memo = Uint8Array.from(doc.tokens, token => {
      const info = wordInfo(token.text);
      return hasMemory(info.cap) ? 1 + (memory.get(info.lower) ?? 0) : 0;
    });
    const trained: number[] = [], trainedOffsets: number[] = [];
    sentenceFeatures(training, tokenStart, tokenEnd, trained, trainedOffsets);
    // Without the memo, training sees fewer features: the test would notice a memo left unused.
    const without: number[] = [], withoutOffsets: number[] = [];
    training.memo = undefined;
    sentenceFeatures(training, tokenStart, tokenEnd, without, withoutOffsets);

    assert.deepStrictEqual(trainedOffsets, inferredOffsets);
    for (let t = 0; t + 1 < trainedOffsets.length; t++) {
      const a = trained.slice(trainedOffsets[t], trainedOffsets[t + 1]).sort();
      const b = inferred.slice(inferredOffsets[t], inferredOffsets[t + 1]).sort();
      assert.deepStrictEqual(a, b, `token ${t}`);
    }
    assert.ok(without.length < trained.length);
  });
});

describe('ner: document context, the word of each token', () => {
  // Built on first use (training's features); the same WordInfo objects as the word cache's.
  const cases: string[] = ['Maria Quennell joined Porlock on Monday.', 'PORLOCK CABLES NAME NEW HEAD\nShares rose.', ''];
  for (const text of cases) {
    it(JSON.stringify(text), () => {
      const doc = docOf(text);
      const context = buildDocContext(doc.tokens, doc.sentences);
      assert.deepStrictEqual(context.words.map(word => word.text), doc.tokens.map(token => token.text));
      context.words.forEach((word, i) => assert.strictEqual(word, wordInfo(doc.tokens[i].text)));
      assert.strictEqual(context.words, context.words);
    });
  }
});
