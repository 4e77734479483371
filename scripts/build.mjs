// Bundles the extension (Node and browser), the CLI and the web worker with esbuild.
// Usage: node scripts/build.mjs [--minify] [--watch]
import * as esbuild from 'esbuild';
import path from 'node:path';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');
// The browser bundle must never reach worker_threads: every import of src/worker/nodeSpawn is
// answered with src/worker/webSpawn (same exports) there.
const webSpawn = {
  name: 'web-spawn',
  setup(build) {
    build.onResolve({ filter: /\/nodeSpawn$/ }, () => ({ path: path.resolve('src/worker/webSpawn.ts') }));
  },
};
const common = { bundle: true, minify, sourcemap: !minify, target: 'es2022', logLevel: 'warning', legalComments: 'none' };

const builds = [
  // Extension host (desktop VS Code, code-server).
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', platform: 'node', external: ['vscode'] },
  // Web extension host (vscode.dev): no Node built-ins may be reached from here.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', platform: 'browser', external: ['vscode'], define: { 'process.env.PRESS_LENS_WEB': '"1"' }, plugins: [webSpawn] },
  // The analysis worker for large documents: worker_threads in the Node host, a Worker in the browser.
  { ...common, entryPoints: ['src/worker/main.ts'], outfile: 'dist/worker.js', format: 'cjs', platform: 'node' },
  { ...common, entryPoints: ['src/worker/web.ts'], outfile: 'dist/web/worker.js', format: 'iife', platform: 'browser' },
  // CLI: built WITHOUT --external:vscode, so the bundle fails if the engine ever imports vscode.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', format: 'cjs', platform: 'node', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
}
