// Rewrites every golden file from the current engine. Review the diff before committing:
// the JSON is the record of what the engine does on each fixture.
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../src/engine/index';
import { goldenCases, serialize } from './engine/goldenCases';

for (const c of goldenCases()) {
  const next = serialize(analyze(fs.readFileSync(c.input, 'utf8')));
  const previous = fs.existsSync(c.expected) ? fs.readFileSync(c.expected, 'utf8') : '';
  if (next !== previous) {
    fs.mkdirSync(path.dirname(c.expected), { recursive: true });
    fs.writeFileSync(c.expected, next);
    console.log(`updated ${path.relative(process.cwd(), c.expected)}`);
  }
}
