import * as assert from 'assert';
import { float64Scratch, int32Scratch, uint8Scratch } from '../../../src/engine/text/scratch';
import { scanTokens, tokenText } from '../../../src/engine/text/tokenize';

describe('[scratch] reusable working arrays', () => {
  // [what, lengths asked in turn]: every array comes back zeroed at the asked length, though the
  // one before was written all over.
  const cases: Array<[what: string, lengths: number[]]> = [
    ['same length twice', [300, 300]],
    ['shorter after longer', [1000, 10]],
    ['longer after shorter (grows)', [10, 5000]],
    ['empty', [0, 3, 0]],
    ['past the keep limit', [70_000, 70_000, 100]],
  ];
  for (const [what, lengths] of cases) {
    it(what, () => {
      for (const make of [uint8Scratch, int32Scratch, float64Scratch]) {
        const scratch = make();
        for (const length of lengths) {
          const array = scratch.take(length);
          assert.strictEqual(array.length, length);
          assert.ok(array.every(x => x === 0), `${make.name} ${length}: not zeroed`);
          array.fill(7);
        }
      }
    });
  }

  it('hands back the same memory for small lengths, fresh arrays for large ones', () => {
    const scratch = int32Scratch();
    const a = scratch.take(100);
    a[0] = 5;
    const b = scratch.take(100);
    assert.strictEqual(b.buffer, a.buffer);
    assert.strictEqual(a[0], 0); // cleared: the old view sees the reuse
    const big1 = scratch.take(1 << 17);
    const big2 = scratch.take(1 << 17);
    assert.notStrictEqual(big1.buffer, big2.buffer);
  });
});

describe('[segment] token array estimate', () => {
  // The token array is made for about one token per 4 characters; denser texts grow past it.
  const cases: Array<[input: string, count: number]> = [
    ['a,b,c,d', 7],
    ['(x)', 3],
    ['I', 1],
    ['', 0],
  ];
  for (const [input, count] of cases) {
    it(JSON.stringify(input), () => {
      const tokens = scanTokens(input);
      assert.strictEqual(tokens.length, count);
      for (const column of [tokens.starts, tokens.ends, tokens.kinds, tokens.wordIds]) assert.strictEqual(column.length, count);
      for (let i = 0; i < count; i++) assert.strictEqual(input.slice(tokens.starts[i], tokens.ends[i]), tokenText(tokens, i));
    });
  }
});
