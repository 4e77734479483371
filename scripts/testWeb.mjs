#!/usr/bin/env node
// The browser build (dist/web/extension.js) in a real web worker extension host, as on
// vscode.dev where there is no Node extension host: code-server's workbench with the extension
// under development given the "web" kind (user setting remote.extensionKind), the sample opened
// at start by the workbench. Passes when
// - the workbench placed the extension in its local web worker host (its own trace log says so),
// - the status bar shows the sample's analysis, computed by the engine inside that worker,
// - the Outline view shows the sample's dateline from our DocumentSymbol provider,
// - and a document over pressLens.workerThresholdKb (the sample repeated to ~300 KB) is analysed in
//   the browser's nested Worker (dist/web/worker.js): the status bar's hover says so, which it
//   only does when the worker answered, not after a fallback to the extension host's thread.
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
  // Over the default 256 KB worker threshold, under the 5 MB annotation limit.
  const sampleText = fs.readFileSync(SAMPLE, 'utf8');
  fs.writeFileSync(path.join(workspace, 'large-article.txt'), Array(150).fill(sampleText).join('\n\n'));
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

    await page.locator('.explorer-item', { hasText: 'large-article.txt' }).click();
    // The sample has 3 quotes; 150 copies have hundreds, so this waits for the large file's analysis.
    const large = page.locator('.statusbar-item', { hasText: /\d{3,} quotes/ }).first();
    await large.waitFor({ timeout: 120_000 });
    log(`large document, status bar: ${(await large.innerText()).trim()}`);
    await large.hover();
    const hover = page.locator('.workbench-hover, .monaco-hover', { hasText: 'Analysed in' }).first();
    await hover.waitFor({ timeout: 30_000 });
    const hoverText = (await hover.innerText()).replace(/\s+/g, ' ').trim();
    log(`large document, hover: ${hoverText.slice(hoverText.indexOf('Analysed in'))}`);
    if (!hoverText.includes('in a background worker')) throw new Error('the large document was not analysed in the browser worker');

    const errors = lines.filter(line => /^\[(error|pageerror)\]/.test(line) && /press.?lens|dist\/web/i.test(line) && !line.includes('press-lens-vscode-'));
    if (errors.length > 0) throw new Error(`errors from the extension:\n${errors.join('\n')}`);
    log(`ok after ${((Date.now() - t0) / 1000).toFixed(1)} s: the browser build annotated the sample in the web worker extension host, and a large document in its nested worker`);
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
