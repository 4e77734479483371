// The Node extension host's worker: worker_threads. build.mjs swaps this module for webSpawn.ts in
// the browser bundle, so dist/web/extension.js never reaches a Node built-in.
import { Worker } from 'node:worker_threads';
import type { SpawnWorker } from './client';

/** The worker bundle, relative to the extension's root (built by scripts/build.mjs). */
export const WORKER_SCRIPT = 'dist/worker.js';

/** Where the worker bundle is: a vscode.Uri fits. */
export interface ScriptLocation {
  readonly fsPath: string;
  toString(skipEncoding?: boolean): string;
}

export function workerSpawner(script: ScriptLocation): SpawnWorker {
  return async handlers => {
    const worker = new Worker(script.fsPath);
    worker.on('message', handlers.onMessage);
    // A load failure (missing bundle) and an uncaught error arrive as 'error', then 'exit'; the client ignores the second.
    worker.on('error', error => handlers.onExit(error.message));
    worker.on('exit', code => handlers.onExit(`exited with code ${code}`));
    return { post: request => worker.postMessage(request), terminate: () => void worker.terminate() };
  };
}
