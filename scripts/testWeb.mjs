#!/usr/bin/env node
// The browser build (dist/web/extension.js) in a real web worker extension host, as on
// vscode.dev where there is no Node extension host: code-server's workbench with the extension
// under development given the "web" kind (user setting remote.extensionKind), the sample opened
// at start by the workbench. Passes when
// - the workbench placed the extension in its local web worker host (its own trace log says so),
// - the status bar shows the sample's analysis, computed by the engine inside that worker,
// - and the Outline view shows the sample's dateline from our DocumentSymbol provider.
// Uses the same offline code-server and chromium as test:integration (installed on first use).
// Usage: node scripts/testWeb.mjs   (after npm run build)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SAMPLE, ensureOfflineVsCode, startCodeServer, workbenchUrl } from './testIntegration.mjs';

const ID = 'press-lens.press-lens';
const log = (...a) => console.log('[test:web]', ...a);

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist/web/extension.js'))) throw new Error('dist/web/extension.js is missing: run npm run build first');
  const tools = ensureOfflineVsCode();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'press-lens-web-'));
  const sample = path.join(workspace, path.basename(SAMPLE));
  fs.copyFileSync(SAMPLE, sample);
  const t0 = Date.now();
  // Trace level: the workbench logs where it runs each extension ("pickRunningLocation") only then.
  const cs = await startCodeServer(tools, workspace, { userSettings: { 'remote.extensionKind': { [ID]: ['web'] } }, logLevel: 'trace' });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, env: cs.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  const lines = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.on('console', message => lines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', error => lines.push(`[pageerror] ${error.message}`));
    await page.goto(workbenchUrl(cs.port, workspace, { openFile: sample }));

    const status = page.locator('.statusbar-item', { hasText: /\d+ quotes?/ }).first();
    await status.waitFor({ timeout: 120_000 });
    const text = (await status.innerText()).trim();
    log(`status bar: ${text}`);

    const placed = lines.find(line => line.includes(`pickRunningLocation for ${ID},`));
    if (!placed) throw new Error('the workbench never logged where it runs the extension');
    log(placed.replace(/^.*pickRunningLocation/, 'pickRunningLocation'));
    if (!placed.endsWith('=> LocalWebWorker')) throw new Error('the extension did not run in the web worker extension host');
    // The sample as test/engine/sample.test.ts describes it: three quotes, two people.
    if (!/^3 quotes · 2 people · \d+ organizations?$/.test(text)) throw new Error(`unexpected analysis in the status bar: ${text}`);

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Focus on Outline View');
    await page.keyboard.press('Enter');
    const anyRow = page.locator('.outline-pane .monaco-list-row').first();
    await anyRow.waitFor({ timeout: 30_000 });
    const rows = await page.locator('.outline-pane .monaco-list-row').allInnerTexts();
    log(`outline: ${rows.length} rows, first: ${rows.slice(0, 3).map(r => r.replace(/\s+/g, ' ').slice(0, 40)).join(' | ')}`);
    if (!rows.some(r => /^Dateline\s*Baku · 2024-12-23/.test(r))) throw new Error('the Outline view does not show the sample\'s dateline');

    const errors = lines.filter(line => /^\[(error|pageerror)\]/.test(line) && /press.?lens|dist\/web/i.test(line) && !line.includes('press-lens-vscode-'));
    if (errors.length > 0) throw new Error(`errors from the extension:\n${errors.join('\n')}`);
    log(`ok after ${((Date.now() - t0) / 1000).toFixed(1)} s: the browser build annotated the sample in the web worker extension host`);
  } finally {
    fs.writeFileSync(path.join(cs.tmp, 'workbench.log'), lines.join('\n'));
    await browser.close().catch(() => {});
    await cs.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), error => {
  console.error('[test:web] FAILED:', error.message);
  process.exit(1);
});
