// Bundles the extension (Node and browser), the CLI and the web worker with esbuild.
// Usage: node scripts/build.mjs [--minify] [--watch]
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');
const common = { bundle: true, minify, sourcemap: !minify, target: 'es2022', logLevel: 'warning', legalComments: 'none' };

const builds = [
  // Extension host (desktop VS Code, code-server).
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', platform: 'node', external: ['vscode'] },
  // Web extension host (vscode.dev): no Node built-ins may be reached from here.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', platform: 'browser', external: ['vscode'], define: { 'process.env.PRESS_LENS_WEB': '"1"' } },
  // CLI: built WITHOUT --external:vscode, so the bundle fails if the engine ever imports vscode.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', format: 'cjs', platform: 'node', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map(options => esbuild.build(options)));
}
