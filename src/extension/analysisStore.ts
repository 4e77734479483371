import * as vscode from 'vscode';
import { analyze, type Analysis, type AnalysisOptions } from '../engine/index';
import { AnalysisWorkerClient, WorkerUnavailableError, type SpawnWorker } from '../worker/client';
import { analysisOptions, type ConfigStore } from './config';

/** Why a document in scope has no analysis yet, for the status bar and the panel. */
export type DocumentState =
  | { kind: 'ready'; analysis: Analysis; ms: number; inWorker: boolean }
  | { kind: 'pending' }
  | { kind: 'tooLarge'; sizeKb: number; limitKb: number }
  | { kind: 'failed'; message: string }
  | { kind: 'outOfScope' };

interface Entry {
  version: number;
  analysis?: Analysis;
  ms?: number;
  /** Whether `analysis` came from the worker (documents over pressLens.workerThresholdKb). */
  inWorker?: boolean;
  failure?: string;
  /** The run scheduled or in flight for `version`; superseded runs see a newer version and drop out. */
  running?: Promise<Analysis | undefined>;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The only cache of analyses and the only listener for document edits and closes.
 *
 * Scenarios it handles:
 * - open/show: `get()` analyses at once (no debounce) and caches by URI + version;
 * - typing: each edit restarts a per-URI timer (pressLens.debounceMs); only the last version is
 *   analysed, earlier timers are cleared, and a result for an outdated version is never published;
 * - close: the entry and its timer are dropped;
 * - large documents (over pressLens.maxDocumentSizeKb): skipped until Annotate Now marks the URI;
 * - settings that change the result (personal lists, keyword count): everything is recomputed;
 * - documents over pressLens.workerThresholdKb: analysed in one long-lived worker (see
 *   AnalysisWorkerClient), so the extension host keeps answering hovers and keystrokes meanwhile.
 *   A newer version's run supersedes the older one there, and the older result is never waited
 *   for. Smaller documents stay on this thread: a round trip to the worker would cost more than
 *   analysing an ordinary article, and its hovers must be instant.
 * - no worker on this host (or it cannot start): large documents are analysed on this thread, as
 *   small ones, and the output channel says so once.
 * `analyze` is synchronous; running it from a timer keeps edits and hovers from waiting on it.
 */
export class AnalysisStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly forced = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's analysis (or its state) changed. */
  readonly onDidChangeAnalysis = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly worker?: AnalysisWorkerClient;
  private hasLoggedNoWorker = false;

  /** `spawnWorker` undefined: every document is analysed on this thread. */
  constructor(
    private readonly config: ConfigStore,
    private readonly log: vscode.OutputChannel,
    spawnWorker?: SpawnWorker,
  ) {
    if (spawnWorker) this.worker = new AnalysisWorkerClient(spawnWorker);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.contentChanges.length > 0 && this.isInScope(e.document)) this.schedule(e.document);
      }),
      // Not when a document under the same URI is open again: a new "Untitled-1" opened before the
      // close of the old one was reported would otherwise lose its entry and its worker job.
      vscode.workspace.onDidCloseTextDocument(doc => {
        const key = doc.uri.toString();
        if (!vscode.workspace.textDocuments.some(d => d !== doc && !d.isClosed && d.uri.toString() === key)) this.drop(doc.uri);
      }),
      config.onDidChange(() => this.invalidateAll()),
    );
  }

  isInScope(doc: vscode.TextDocument): boolean {
    return this.config.value.languages.includes(doc.languageId) && doc.uri.scheme !== 'output' && doc.uri.scheme !== 'vscode-settings';
  }

  isTooLarge(doc: vscode.TextDocument): boolean {
    return !this.forced.has(doc.uri.toString()) && doc.getText().length > this.config.value.maxDocumentSizeKb * 1024;
  }

  /** The analysis of the document's current version; undefined when out of scope, too large or failed. */
  async get(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!this.isInScope(doc) || this.isTooLarge(doc)) return undefined;
    const key = doc.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === doc.version) {
      if (entry.analysis || entry.failure !== undefined) return entry.analysis;
      if (entry.running) return entry.running;
    }
    return this.run(doc);
  }

  /** What the status bar and the panel say about a document, without starting any work. */
  state(doc: vscode.TextDocument): DocumentState {
    if (!this.isInScope(doc)) return { kind: 'outOfScope' };
    if (this.isTooLarge(doc)) {
      return { kind: 'tooLarge', sizeKb: Math.round(doc.getText().length / 1024), limitKb: this.config.value.maxDocumentSizeKb };
    }
    const entry = this.entries.get(doc.uri.toString());
    if (!entry || entry.version !== doc.version) return { kind: 'pending' };
    if (entry.failure !== undefined) return { kind: 'failed', message: entry.failure };
    return entry.analysis ? { kind: 'ready', analysis: entry.analysis, ms: entry.ms ?? 0, inWorker: entry.inWorker === true } : { kind: 'pending' };
  }

  /** Whether the cached analysis of the document's current version ran in the worker; undefined if there is none. */
  ranInWorker(doc: vscode.TextDocument): boolean | undefined {
    const entry = this.entries.get(doc.uri.toString());
    return entry && entry.version === doc.version && entry.analysis ? entry.inWorker === true : undefined;
  }

  /** Annotate Now: analyse this document even though it is over the size limit. */
  force(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    this.forced.add(doc.uri.toString());
    return this.get(doc);
  }

  /** Refresh: forget cached results and analyse the open documents again. */
  invalidateAll(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.isInScope(editor.document)) this.emitter.fire(editor.document.uri);
    }
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const previous = this.entries.get(key);
    if (previous?.timer) clearTimeout(previous.timer);
    const entry: Entry = { version: doc.version };
    this.entries.set(key, entry);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (this.entries.get(key) === entry && !doc.isClosed && doc.version === entry.version) void this.run(doc);
    }, this.config.value.debounceMs);
  }

  private run(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = doc.uri.toString();
    const version = doc.version;
    const entry: Entry = { version };
    this.entries.set(key, entry);
    const isCurrent = () => this.entries.get(key) === entry && !doc.isClosed && doc.version === version;
    entry.running = (async () => {
      // A macrotask, not inline: a burst of get() calls for one version shares this run.
      await new Promise(resolve => setTimeout(resolve, 0));
      if (doc.isClosed) return undefined;
      // Superseded by an edit or a refresh: answer with the current version's analysis instead.
      if (!isCurrent()) return this.get(doc);
      const text = doc.getText();
      const options = analysisOptions(this.config.value);
      const t0 = Date.now();
      let analysis: Analysis | undefined;
      let inWorker = false;
      try {
        if (this.worker && text.length > this.config.value.workerThresholdKb * 1024) {
          analysis = await this.analyzeInWorker(key, text, options);
          // Cancelled although still current (a stale cancel for this URI): ask the worker once more
          // rather than block the extension host with a large document.
          if (!analysis && isCurrent()) analysis = await this.analyzeInWorker(key, text, options);
          inWorker = analysis !== undefined;
          if (!analysis && !isCurrent()) return doc.isClosed ? undefined : this.get(doc);
        }
        analysis ??= analyze(text, options);
      } catch (error) {
        // analyze() promises never to throw, and a worker crash is no reason for a popup: log it.
        if (!isCurrent()) return doc.isClosed ? undefined : this.get(doc);
        entry.failure = error instanceof Error ? error.message : String(error);
        this.log.appendLine(`[error] analysing ${doc.uri.toString(true)}: ${entry.failure}`);
      }
      if (!isCurrent()) return doc.isClosed ? undefined : this.get(doc);
      entry.analysis = analysis;
      entry.inWorker = inWorker;
      entry.ms = Date.now() - t0;
      entry.running = undefined;
      this.emitter.fire(doc.uri);
      return analysis;
    })();
    return entry.running;
  }

  /** The worker's analysis; undefined when superseded, or when there is no worker here (after logging that once). */
  private async analyzeInWorker(key: string, text: string, options: AnalysisOptions): Promise<Analysis | undefined> {
    try {
      return await this.worker!.analyze(key, text, options);
    } catch (error) {
      if (!(error instanceof WorkerUnavailableError)) throw error;
      if (!this.hasLoggedNoWorker) {
        this.hasLoggedNoWorker = true;
        this.log.appendLine(`[info] no analysis worker on this host (${error.message}): large documents are analysed on the extension host's thread.`);
      }
      return undefined;
    }
  }

  private drop(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(key);
    this.forced.delete(key);
    this.worker?.cancel(key);
  }

  dispose(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    this.worker?.dispose();
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
