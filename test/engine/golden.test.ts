import * as assert from 'assert';
import * as fs from 'fs';
import { analyze } from '../../src/engine/index';
import { goldenCases, serialize } from './goldenCases';

// Each fixture holds one phenomenon; its .expected.json was read and checked by a person.
// After an intended behaviour change: `npm run test:update-golden`, then review the JSON diff.
describe('[golden] analyze() matches the checked expectations', () => {
  for (const c of goldenCases()) {
    it(c.name, () => {
      const text = fs.readFileSync(c.input, 'utf8');
      assert.ok(fs.existsSync(c.expected), `${c.expected} is missing: run npm run test:update-golden and review it`);
      assert.strictEqual(serialize(analyze(text)), fs.readFileSync(c.expected, 'utf8'));
    });
  }
});
