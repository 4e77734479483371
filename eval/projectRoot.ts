import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** The project root: the nearest folder above this file whose package.json is ours. */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'press-lens') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the press-lens project root above ' + __dirname);
    dir = parent;
  }
}
