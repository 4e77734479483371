// Node entry of the analysis worker (dist/worker.js), started with worker_threads by nodeSpawn.ts.
import { parentPort } from 'node:worker_threads';
import { answer, type AnalyzeRequest, type WorkerMessage } from './protocol';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);
parentPort?.on('message', (request: AnalyzeRequest) => post(answer(request)));
post({ ready: true });
