import * as assert from 'assert';
import * as engine from '../../src/engine/index';

describe('[api] public surface of src/engine/index.ts', () => {
  it('exports exactly analyze', () => {
    assert.deepStrictEqual(Object.keys(engine).sort(), ['analyze']);
  });

  it('is deterministic: the same text gives the same JSON', () => {
    const text = '"We are ready," said Jane Doe, CEO of Acme Corp., in London on Monday.';
    assert.strictEqual(JSON.stringify(engine.analyze(text)), JSON.stringify(engine.analyze(text)));
  });

  it('declines binary text with a note instead of throwing', () => {
    const result = engine.analyze('PK\u0003\u0004\u0000\u0000binary');
    assert.strictEqual(result.quotes.length + result.entities.length + result.keywords.length, 0);
    assert.match(result.notes[0].message, /binary/);
  });
});

describe('[api] binary or not', () => {
  const prose = 'Jane Doe of Acme Corp. spoke in London on Monday. ';
  // [input, declined]: NUL anywhere in the first 8 KB; or more than 10% of it control characters
  // (other than tab, line feed, form feed, carriage return) or replacement characters
  const cases: Array<[name: string, input: string, declined: boolean]> = [
    ['prose', prose, false],
    ['prose with tabs, CRLF and form feeds', `${prose}\t\r\n\f${prose}`, false],
    ['a NUL', `${prose}\u0000${prose}`, true],
    ['a NUL past the first 8 KB', `${prose.repeat(200)}\u0000`, false],
    ['a few control and replacement characters', `${prose}\u0001\u000b\u001f\ufffd${prose}`, false],
    ['mostly control characters', '\u0001\u0002\u0003\u0004 abc', true],
    ['mostly replacement characters', '\ufffd\ufffd\ufffd abc', true],
    ['empty', '', false],
  ];
  for (const [name, input, declined] of cases) {
    it(name, () => {
      const notes = engine.analyze(input).notes;
      assert.strictEqual(notes.some(note => /Not analysed/.test(note.message)), declined);
    });
  }
});
