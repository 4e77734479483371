// The web extension host's worker (vscode.dev): a nested dedicated Worker. Replaces nodeSpawn.ts in
// the browser bundle (see scripts/build.mjs); same exports.
import type { SpawnWorker } from './client';
import type { AnalyzeRequest, WorkerMessage } from './protocol';
import type { ScriptLocation } from './nodeSpawn';

export type { ScriptLocation } from './nodeSpawn';
export const WORKER_SCRIPT = 'dist/web/worker.js';

// The members used here, typed locally: the project compiles without the DOM/WebWorker libs.
interface BrowserWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: AnalyzeRequest): void;
  terminate(): void;
}
interface BrowserGlobals {
  Worker?: new (url: string) => BrowserWorker;
  fetch?: (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
  Blob?: new (parts: string[], options: { type: string }) => unknown;
  URL?: { createObjectURL(blob: unknown): string };
}

export function workerSpawner(script: ScriptLocation): SpawnWorker {
  return async handlers => {
    const g = globalThis as unknown as BrowserGlobals;
    if (!g.Worker || !g.fetch || !g.Blob || !g.URL) throw new Error('this web extension host cannot start workers');
    // The extension's files are served from another origin than the extension host, and a Worker
    // must be same-origin: load the bundle's text and start it from a blob: URL instead.
    const response = await g.fetch(script.toString(true));
    if (!response.ok) throw new Error(`could not load ${script.toString(true)}: HTTP ${response.status}`);
    const url = g.URL.createObjectURL(new g.Blob([await response.text()], { type: 'text/javascript' }));
    const worker = new g.Worker(url);
    worker.onmessage = event => handlers.onMessage(event.data);
    worker.onerror = event => handlers.onExit(event.message ?? 'worker error');
    return { post: request => worker.postMessage(request), terminate: () => worker.terminate() };
  };
}
