#!/usr/bin/env node
// `npm start`: opens the sample article in a real VS Code with Press Lens loaded from this folder
// (npm start has just built dist/). Desktop VS Code (`code` on PATH, or $VSCODE_EXECUTABLE) when
// there is one; otherwise code-server's VS Code on 127.0.0.1, installed on first use exactly as
// for the editor tests, with its address printed. Runs until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SAMPLE, ensureOfflineVsCode, startCodeServer, workbenchUrl } from './testIntegration.mjs';

const desktop = process.env.VSCODE_EXECUTABLE
  || (spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim() || undefined);

if (desktop && !process.argv.includes('--web')) {
  console.log(`Opening ${SAMPLE} in ${desktop} with the extension from ${ROOT}`);
  // --wait keeps this process alive as long as the window, so Ctrl+C behaves as for the web route.
  const child = spawn(desktop, ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, SAMPLE], { stdio: 'inherit' });
  child.on('exit', code => process.exit(code ?? 0));
  process.on('SIGINT', () => child.kill('SIGTERM'));
} else {
  const tools = ensureOfflineVsCode();
  // A dark theme and word wrap show the annotations as the screenshot does; the profile is thrown away.
  const samples = fs.realpathSync(`${ROOT}/samples`);
  const cs = await startCodeServer(tools, samples, { userSettings: { 'workbench.startupEditor': 'none' } });
  const url = workbenchUrl(cs.port, samples, { openFile: `${samples}/${path.basename(SAMPLE)}` });
  console.log('\nPress Lens is running in VS Code (code-server) with the extension from this folder.');
  console.log(`Open in a browser on this machine:\n\n  ${url}\n`);
  console.log(`It opens ${path.basename(SAMPLE)} with the extension loaded. Press Ctrl+C to stop.`);
  console.log(`(code-server log: ${cs.tmp}/server.log)`);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await cs.stop();
    fs.rmSync(cs.tmp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  cs.server.on('exit', code => {
    if (stopping) return;
    console.error(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
}
