import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PressLensApi } from '../../src/extension/extension';
import { AnalysisWorkerClient, WorkerUnavailableError, type SpawnWorker, type WorkerHandlers } from '../../src/worker/client';
import type { AnalyzeRequest } from '../../src/worker/protocol';
import { activateExtension, closeAll, hoverText, openText, setSetting } from './helpers';

// Invented news paragraphs (not from any corpus) well over the default pressLens.workerThresholdKb
// (256 KB) and under pressLens.maxSizeKb (1024). Each paragraph names invented people, companies and
// places built from seeded syllables, so nearly every name is a word the engine has not seen: the
// worker needs hundreds of milliseconds for it, not the few it would need for one paragraph
// repeated (all of it cached after the first), and the hover below cannot win by luck of timing.
const LARGE_TEXT = inventedNews(900 * 1024);
const SMALL_TEXT = '"The new bridge opens in May," said Mara Ellison, director of the Riverton Harbour Authority.\n';

suite('Press Lens analysis worker (large documents)', () => {
  let api: PressLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(async () => {
    await setSetting('workerThresholdKb', undefined);
    await closeAll();
  });

  test('a 900 KB document is analysed in the worker while hovers on a small document still resolve', async () => {
    const small = (await openText(SMALL_TEXT)).document;
    assert.ok(await api.analysisFor(small.uri), 'the small document is analysed');
    assert.strictEqual(api.analyzedInWorker(small.uri), false, 'a small document stays on the extension host');

    const large = (await openText(LARGE_TEXT)).document;
    let isLargeDone = false;
    const largeAnalysis = api.analysisFor(large.uri).then(a => {
      isLargeDone = true;
      return a;
    });
    // The hover provider runs on the extension host: had the engine been blocking it, this would
    // only resolve after the large analysis.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small.uri, small.positionAt(SMALL_TEXT.indexOf('Ellison')));
    const wasLargePending = !isLargeDone;
    assert.match(hoverText(hovers), /Mara Ellison/);
    assert.ok(wasLargePending, 'the hover resolved while the large document was still being analysed');

    const analysis = await largeAnalysis;
    assert.ok(analysis, 'the large document is analysed');
    assert.strictEqual(analysis.textLength, large.getText().length);
    assert.ok(analysis.quotes.length > 100, `quotes: ${analysis.quotes.length}`);
    assert.strictEqual(api.analyzedInWorker(large.uri), true);
  });

  test('the worker gives the same analysis as the extension host; the threshold setting picks the thread', async () => {
    const doc = (await openText(LARGE_TEXT)).document;
    const inWorker = await api.analysisFor(doc.uri);
    assert.strictEqual(api.analyzedInWorker(doc.uri), true);
    await setSetting('workerThresholdKb', 100_000);
    const onHost = await api.analysisFor(doc.uri);
    assert.strictEqual(api.analyzedInWorker(doc.uri), false);
    assert.deepStrictEqual(inWorker, onHost);
  });

  test('an edit during a worker run: the outdated result is dropped, the analysis matches the new text', async () => {
    const editor = await openText(LARGE_TEXT);
    const doc = editor.document;
    const first = api.analysisFor(doc.uri);
    assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), 'LATE NEWS: '))); // while `first` is in the worker
    const latest = await api.analysisFor(doc.uri);
    assert.ok(latest);
    assert.strictEqual(latest.textLength, doc.getText().length, 'analysis of the edited version');
    assert.strictEqual(api.analyzedInWorker(doc.uri), true);
    const outdated = await first;
    assert.ok(!outdated || outdated.textLength === doc.getText().length, 'the first request is answered with the current version, never the outdated one');
  });
});

/** A worker that lives in this thread and does whatever the test says; records what it was sent. */
function fakeSpawner(behaviour: (handlers: WorkerHandlers, request: AnalyzeRequest, start: number) => void, options: { failStart?: boolean } = {}) {
  const log = { starts: 0, posted: [] as string[], terminated: 0 };
  const spawn: SpawnWorker = async handlers => {
    const start = ++log.starts;
    if (options.failStart) setTimeout(() => handlers.onExit('no such bundle'), 0);
    else setTimeout(() => handlers.onMessage({ ready: true }), 0);
    return {
      post: request => {
        log.posted.push(request.text);
        setTimeout(() => behaviour(handlers, request, start), 5);
      },
      terminate: () => void log.terminated++,
    };
  };
  return { spawn, log };
}

const analysisOf = (text: string) => ({ schemaVersion: 1 as const, textLength: text.length, quotes: [], entities: [], keywords: [], notes: [] });

suite('AnalysisWorkerClient (worker lifecycle, with a fake worker)', () => {
  test('answers jobs; a newer job for the same key supersedes a waiting and a running one', async () => {
    const { spawn, log } = fakeSpawner((h, r) => h.onMessage({ id: r.id, analysis: analysisOf(r.text) }));
    const client = new AnalysisWorkerClient(spawn);
    const running = client.analyze('a', 'one', {});
    await new Promise(resolve => setTimeout(resolve, 0)); // 'one' is in the worker now (it answers after 5 ms)
    const other = client.analyze('b', 'other', {});
    const superseded = client.analyze('b', 'other!', {});
    const newest = client.analyze('a', 'three', {});
    assert.strictEqual(await running, undefined, 'the running job for a is abandoned');
    assert.strictEqual(await other, undefined, 'the waiting job for b is dropped');
    assert.strictEqual((await superseded)?.textLength, 'other!'.length);
    assert.strictEqual((await newest)?.textLength, 'three'.length);
    assert.deepStrictEqual(log.posted.sort(), ['one', 'other!', 'three'], 'a dropped job is never posted');
    assert.strictEqual(log.starts, 2, 'the worker busy with the abandoned job was replaced, once');
    assert.strictEqual(log.terminated, 1);
    client.dispose();
    await new Promise(resolve => setTimeout(resolve, 0)); // terminate() waits for the started port
    assert.strictEqual(log.terminated, 2);
    assert.strictEqual(await client.analyze('a', 'after', {}), undefined, 'no work after dispose');
  });

  test('a worker that cannot start: every job rejects with WorkerUnavailableError, no retries', async () => {
    const { spawn, log } = fakeSpawner(() => undefined, { failStart: true });
    const client = new AnalysisWorkerClient(spawn);
    await assert.rejects(client.analyze('a', 'x', {}), WorkerUnavailableError);
    await assert.rejects(client.analyze('a', 'y', {}), WorkerUnavailableError);
    assert.strictEqual(log.starts, 1);
    assert.match(client.unavailableReason ?? '', /no such bundle/);
  });

  test('a platform without workers (spawn throws): WorkerUnavailableError', async () => {
    const client = new AnalysisWorkerClient(() => {
      throw new Error('Worker is not defined');
    });
    await assert.rejects(client.analyze('a', 'x', {}), WorkerUnavailableError);
  });

  test('a worker that crashes mid-job: that job fails, the next one gets a fresh worker', async () => {
    const { spawn, log } = fakeSpawner((h, r, start) => {
      if (start === 1) h.onExit('out of memory');
      else h.onMessage({ id: r.id, analysis: analysisOf(r.text) });
    });
    const client = new AnalysisWorkerClient(spawn);
    await assert.rejects(client.analyze('a', 'x', {}), (e: Error) => !(e instanceof WorkerUnavailableError) && /out of memory/.test(e.message));
    assert.strictEqual((await client.analyze('a', 'xy', {}))?.textLength, 2);
    assert.strictEqual(log.starts, 2);
    client.dispose();
  });

  test('an error answer rejects only its job', async () => {
    const { spawn } = fakeSpawner((h, r) => h.onMessage(r.text === 'bad' ? { id: r.id, error: 'engine failed' } : { id: r.id, analysis: analysisOf(r.text) }));
    const client = new AnalysisWorkerClient(spawn);
    await assert.rejects(client.analyze('a', 'bad', {}), /engine failed/);
    assert.strictEqual((await client.analyze('a', 'good', {}))?.textLength, 4);
    client.dispose();
  });
});

/** About `size` characters of invented news paragraphs with seeded, mostly unseen names. */
function inventedNews(size: number): string {
  const syllables = ['ka', 'ren', 'dor', 'mi', 'vel', 'tos', 'lun', 'bar', 'sei', 'gro', 'pha', 'nim', 'ot', 'ule', 'sam', 'bri', 'zed', 'quo', 'fay', 'hol', 'wix', 'jun', 'ter', 'cas'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
  const word = () => {
    let w = '';
    for (let n = 3 + (next() % 3); n > 0; n--) w += syllables[next() % syllables.length];
    return w;
  };
  const name = () => word().replace(/^./, c => c.toUpperCase());
  const paragraphs: string[] = [];
  for (let length = 0; length < size; ) {
    const paragraph = `"We will keep the ${word()} yards open through the winter," said ${name()} ${name()}, chief executive of ${name()} ${name()}, ` +
      `at a meeting in ${name()} on Tuesday. The company plans to hire 300 ${word()} workers before the spring launch.\n\n`;
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  return paragraphs.join('');
}
