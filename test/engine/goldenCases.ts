import * as fs from 'fs';
import * as path from 'path';

/** Each golden case: an input text and the file holding the analysis a person checked. */
export interface GoldenCase {
  name: string;
  input: string;
  expected: string;
}

const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/engine/fixtures');

export function goldenCases(): GoldenCase[] {
  const cases = fs.readdirSync(FIXTURES)
    .filter(file => file.endsWith('.txt'))
    .sort()
    .map(file => ({
      name: file.replace(/\.txt$/, ''),
      input: path.join(FIXTURES, file),
      expected: path.join(FIXTURES, file.replace(/\.txt$/, '.expected.json')),
    }));
  cases.push({
    name: 'trend-azerbaijan-serbia (bundled sample)',
    input: path.join(ROOT, 'samples/trend-azerbaijan-serbia.txt'),
    expected: path.join(FIXTURES, 'sample/trend-azerbaijan-serbia.expected.json'),
  });
  return cases;
}

/** The golden format: the Analysis JSON, pretty-printed, with a final newline. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
