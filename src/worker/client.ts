import type { Analysis, AnalysisOptions } from '../engine/index';
import type { AnalyzeRequest, WorkerMessage } from './protocol';

/** A started worker, whichever platform it runs on. */
export interface WorkerPort {
  post(request: AnalyzeRequest): void;
  terminate(): void;
}

/** How a platform reports back from its worker: answers, and its death (failed start, crash, exit). */
export interface WorkerHandlers {
  onMessage(message: WorkerMessage): void;
  onExit(reason: string): void;
}

/** Starts a worker (nodeSpawn.ts or webSpawn.ts); rejects or throws when the platform cannot. */
export type SpawnWorker = (handlers: WorkerHandlers) => Promise<WorkerPort>;

/** Thrown (as a rejection) when no worker can run here: the caller analyses on its own thread instead. */
export class WorkerUnavailableError extends Error {}

interface Job {
  id: number;
  key: string;
  text: string;
  options: AnalysisOptions;
  resolve(analysis: Analysis | undefined): void;
  reject(error: Error): void;
}

/**
 * One long-lived analysis worker shared by every document, started on first use.
 *
 * Scenarios:
 * - one job at a time: the worker is busy with one text, later ones wait here, not in its
 *   message queue, so a waiting job can still be dropped;
 * - a new job for a key (a document URI) supersedes the older one for that key: a waiting job is
 *   dropped; a running one is abandoned with its worker (analyze() cannot be interrupted, and a
 *   fresh worker loads in ~150 ms, less than the rest of a stale run over hundreds of KB). Both
 *   resolve with undefined at once, so nobody waits for an outdated version, and a run that never
 *   ends (an engine bug) holds the worker only until the document is edited or closed;
 * - the worker dies while running a job: that job fails, the next job starts a fresh worker;
 * - the worker cannot start at all (no worker_threads, no Worker in this web host, missing
 *   bundle): every job, now and later, rejects with WorkerUnavailableError;
 * - dispose: the worker is terminated, waiting jobs resolve with undefined.
 */
export class AnalysisWorkerClient {
  private port?: Promise<WorkerPort>;
  /** Which worker `port` is: handlers of an older, replaced worker carry an older number. */
  private generation = 0;
  private running?: Job;
  private readonly waiting = new Map<string, Job>();
  private nextId = 1;
  /** True once the current worker loaded the engine: a death after that is a crash, not a failed start. */
  private isReady = false;
  private unavailable?: string;
  private disposed = false;

  constructor(private readonly spawn: SpawnWorker) {}

  /** Why the worker cannot run here, once known. */
  get unavailableReason(): string | undefined {
    return this.unavailable;
  }

  /** The analysis of `text`, or undefined when a newer job for `key` superseded this one. */
  analyze(key: string, text: string, options: AnalysisOptions): Promise<Analysis | undefined> {
    if (this.unavailable !== undefined) return Promise.reject(new WorkerUnavailableError(this.unavailable));
    if (this.disposed) return Promise.resolve(undefined);
    this.cancel(key);
    return new Promise<Analysis | undefined>((resolve, reject) => {
      this.waiting.set(key, { id: this.nextId++, key, text, options, resolve, reject });
      this.pump();
    });
  }

  /** Stops waiting for `key`'s job: it resolves with undefined now; if it was running, its worker is replaced. */
  cancel(key: string): void {
    const queued = this.waiting.get(key);
    if (queued) {
      this.waiting.delete(key);
      queued.resolve(undefined);
    }
    if (this.running?.key === key) {
      this.running.resolve(undefined);
      this.running = undefined;
      this.stopWorker();
      // Jobs for other keys still wait; they get the next worker.
      queueMicrotask(() => this.pump());
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.waiting.values()) job.resolve(undefined);
    this.waiting.clear();
    this.running?.resolve(undefined);
    this.running = undefined;
    this.stopWorker();
  }

  /** Terminates the current worker, if any; its late messages and exit are ignored from now on. */
  private stopWorker(): void {
    const port = this.port;
    this.port = undefined;
    this.generation++;
    void port?.then(p => p.terminate(), () => undefined);
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const job = next.value;
    this.waiting.delete(job.key);
    this.running = job;
    this.ensurePort().then(
      port => {
        if (this.running === job) port.post({ id: job.id, text: job.text, options: job.options });
      },
      (error: unknown) => this.markUnavailable(error instanceof Error ? error.message : String(error)),
    );
  }

  private ensurePort(): Promise<WorkerPort> {
    if (!this.port) {
      this.isReady = false;
      const generation = ++this.generation;
      const handlers: WorkerHandlers = {
        onMessage: message => {
          if (generation === this.generation) this.receive(message);
        },
        onExit: reason => {
          if (generation === this.generation) this.died(reason);
        },
      };
      // Some platforms throw synchronously (no Worker constructor): treat it as a rejection.
      this.port = new Promise<WorkerPort>(resolve => resolve(this.spawn(handlers)));
    }
    return this.port;
  }

  private receive(message: WorkerMessage): void {
    if ('ready' in message) {
      this.isReady = true;
      return;
    }
    const response = message;
    const job = this.running;
    if (!job || job.id !== response.id) return;
    this.running = undefined;
    if ('analysis' in response) job.resolve(response.analysis);
    else job.reject(new Error(response.error));
    this.pump();
  }

  private died(reason: string): void {
    if (!this.port || this.disposed) return;
    this.stopWorker();
    if (!this.isReady) {
      this.markUnavailable(reason);
      return;
    }
    const job = this.running;
    this.running = undefined;
    job?.reject(new Error(`the analysis worker stopped: ${reason}`));
    this.pump();
  }

  private markUnavailable(reason: string): void {
    if (this.unavailable !== undefined) return;
    this.unavailable = reason;
    const jobs = [...(this.running ? [this.running] : []), ...this.waiting.values()];
    this.running = undefined;
    this.waiting.clear();
    for (const job of jobs) job.reject(new WorkerUnavailableError(reason));
  }
}
