import * as assert from 'assert';
import { tokenize } from '../../../src/engine/text/tokenize';
import { splitParagraphs, splitSentences } from '../../../src/engine/text/sentences';
import { loadNameModel, tagNames } from '../../../src/engine/ner/index';
import { LABEL_COUNT, buildDocContext } from '../../../src/engine/ner/features';
import { emissionsCached, emissionsFromFeatures, sentenceFeatures } from '../../../src/engine/ner/tagger';
import { decodeBase64, encodeBase64 } from '../../../src/engine/ner/modelCodec';

function docOf(text: string) {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text, tokens, splitParagraphs(text, tokens)) };
}

function names(text: string): string[] {
  return tagNames(docOf(text)).map(name => `${name.label} ${text.slice(name.start, name.end)}`);
}

describe('ner: tagNames', () => {
  // Invented sentences; each expected name must be found with its type.
  const cases: Array<[text: string, expected: string[]]> = [
    ['Angela Merkel met officials of Siemens AG in Munich.', ['PER Angela Merkel', 'ORG Siemens AG', 'LOC Munich']],
    ['The talks in Paris were chaired by John Smith, a spokesman for the United Nations.', ['LOC Paris', 'PER John Smith', 'ORG United Nations']],
    ['Shares of Microsoft Corp. rose 3 percent in New York on Tuesday.', ['ORG Microsoft Corp.', 'LOC New York']],
    ['“We are ready,” said Maria Lopez, who leads the Spanish delegation to Brazil.', ['PER Maria Lopez', 'MISC Spanish', 'LOC Brazil']],
    ['Germany’s economy grew, the finance ministry in Berlin said.', ['LOC Germany', 'LOC Berlin']],
    // The surname alone, later in the document, keeps the type the full name got (history feature).
    ['Talks were led by Marta Kowalczyk of Poland.\nOn Friday Kowalczyk said a deal was close.', ['PER Marta Kowalczyk', 'PER Kowalczyk']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const found = names(text);
      for (const name of expected) assert.ok(found.includes(name), `${name} not in ${JSON.stringify(found)}`);
    });
  }

  it('finds no names in plain lower-case prose', () => {
    assert.deepStrictEqual(names('the weather was cold and the roads were closed for two days.'), []);
  });

  it('returns names sorted, inside the text, on token boundaries', () => {
    const doc = docOf('LONDON 1996-08-30\nBritish Airways said on Friday it would fly to Sydney and Tokyo.');
    const found = tagNames(doc);
    assert.ok(found.length >= 3);
    for (let i = 0; i < found.length; i++) {
      const name = found[i];
      assert.strictEqual(name.start, doc.tokens[name.tokenStart].start);
      assert.strictEqual(name.end, doc.tokens[name.tokenEnd - 1].end);
      if (i > 0) assert.ok(found[i - 1].tokenEnd <= name.tokenStart);
    }
  });

  it('reads typographic quotes and apostrophes as the straight ones it was trained on', () => {
    const straight = 'Officials said "France\'s plan" was ready, Pierre Dubois told Reuters.';
    const curly = 'Officials said “France’s plan” was ready, Pierre Dubois told Reuters.';
    assert.deepStrictEqual(names(curly), names(straight));
  });

  it('is deterministic, also when the word cache is warm', () => {
    const text = 'Officials from Toyota and Honda met in Osaka. Toyota said talks would go on.';
    assert.deepStrictEqual(tagNames(docOf(text)), tagNames(docOf(text)));
  });
});

describe('ner: model', () => {
  it('loads the shipped weights, which are not empty', () => {
    const model = loadNameModel();
    let nonZero = 0;
    for (let i = 0; i < model.rows.length; i++) if (model.rows[i] !== 0) nonZero++;
    assert.ok(nonZero > 10000, `${nonZero} non-zero weights`);
  });

  it('scores the same through the per-word cache as through explicit feature lists', () => {
    const doc = docOf('Prime Minister Ana Brnabic visited the Volkswagen plant near Hanover on Monday.');
    const context = buildDocContext(doc.tokens, doc.sentences);
    const { tokenStart, tokenEnd } = doc.sentences[0];
    const n = tokenEnd - tokenStart;
    const buckets: number[] = [], offsets: number[] = [];
    sentenceFeatures(context, tokenStart, tokenEnd, buckets, offsets);
    const explicit = new Float32Array(n * LABEL_COUNT), cached = new Float32Array(n * LABEL_COUNT);
    emissionsFromFeatures(buckets, offsets, loadNameModel(), explicit);
    emissionsCached(context, tokenStart, tokenEnd, loadNameModel(), cached);
    for (let i = 0; i < explicit.length; i++) assert.ok(Math.abs(explicit[i] - cached[i]) < 1e-3 * (1 + Math.abs(explicit[i])), `score ${i}`);
  });

  it('round-trips base64 of every length', () => {
    for (let length = 0; length < 8; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
      assert.deepStrictEqual(decodeBase64(encodeBase64(bytes)), bytes);
    }
  });
});
