// Browser entry of the analysis worker (dist/web/worker.js), started with `new Worker` by webSpawn.ts.
import { answer, type AnalyzeRequest, type WorkerMessage } from './protocol';

// Typed locally: the project compiles without the DOM/WebWorker libs, and only these two members are used.
interface WorkerScope {
  onmessage: ((event: { data: AnalyzeRequest }) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = event => scope.postMessage(answer(event.data));
scope.postMessage({ ready: true });
