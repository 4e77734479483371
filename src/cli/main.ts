import { readFileSync } from 'fs';
import { analyze } from '../engine/index';

for (const file of process.argv.slice(2)) {
  process.stdout.write(JSON.stringify(analyze(readFileSync(file, 'utf8'))) + '\n');
}
