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
