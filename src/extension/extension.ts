import * as vscode from 'vscode';
import type { Analysis } from '../engine/index';
import { AnalysisStore } from './analysisStore';
import { AnnotationTreeProvider } from './annotationTree';
import { Commands } from './commands';
import { ConfigStore } from './config';
import { DecorationManager, type DecoratedRanges } from './decorations';
import { LanguageProviders } from './languageProviders';
import { StatusBar } from './statusBar';
// nodeSpawn (worker_threads) here; scripts/build.mjs swaps in webSpawn (a browser Worker) for the web bundle.
import { WORKER_SCRIPT, workerSpawner } from '../worker/nodeSpawn';

/** What activate() returns: for the integration tests, as rust-analyzer and spell-checker do. */
export interface PressLensApi {
  analysisFor(uri: vscode.Uri): Promise<Analysis | undefined>;
  /** Whether the current analysis of the open document `uri` ran in the worker; undefined when there is none yet. */
  analyzedInWorker(uri: vscode.Uri): boolean | undefined;
  decorationsFor(editor: vscode.TextEditor): DecoratedRanges;
  readonly tree: AnnotationTreeProvider;
  statusText(): string;
}

export function activate(context: vscode.ExtensionContext): PressLensApi {
  const log = vscode.window.createOutputChannel('Press Lens');
  const config = new ConfigStore();
  const store = new AnalysisStore(config, log, workerSpawner(vscode.Uri.joinPath(context.extensionUri, WORKER_SCRIPT)));
  const decorations = new DecorationManager(store, config);
  const tree = new AnnotationTreeProvider(store, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const statusBar = new StatusBar(store);
  const providers = new LanguageProviders(store, config);
  context.subscriptions.push(log, config, store, decorations, tree, statusBar, providers, new Commands(store));

  return {
    analysisFor: async uri => store.get(await vscode.workspace.openTextDocument(uri)),
    analyzedInWorker: uri => {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      return doc && store.ranInWorker(doc);
    },
    decorationsFor: editor => decorations.rangesFor(editor),
    tree,
    statusText: () => statusBar.text,
  };
}

export function deactivate(): void {}
