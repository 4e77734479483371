import * as vscode from 'vscode';
import type { Analysis } from '../engine/index';
import { AnalysisStore } from './analysisStore';
import { AnnotationTreeProvider } from './annotationTree';
import { Commands } from './commands';
import { ConfigStore } from './config';
import { DecorationManager, type DecoratedRanges } from './decorations';
import { LanguageProviders } from './languageProviders';
import { StatusBar } from './statusBar';

/** What activate() returns: for the integration tests, as rust-analyzer and spell-checker do. */
export interface PressLensApi {
  analysisFor(uri: vscode.Uri): Promise<Analysis | undefined>;
  decorationsFor(editor: vscode.TextEditor): DecoratedRanges;
  readonly tree: AnnotationTreeProvider;
  statusText(): string;
}

export function activate(context: vscode.ExtensionContext): PressLensApi {
  const log = vscode.window.createOutputChannel('Press Lens');
  const config = new ConfigStore();
  const store = new AnalysisStore(config, log);
  const decorations = new DecorationManager(store, config);
  const tree = new AnnotationTreeProvider(store, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const statusBar = new StatusBar(store);
  const providers = new LanguageProviders(store, config);
  context.subscriptions.push(log, config, store, decorations, tree, statusBar, providers, new Commands(store));

  return {
    analysisFor: async uri => store.get(await vscode.workspace.openTextDocument(uri)),
    decorationsFor: editor => decorations.rangesFor(editor),
    tree,
    statusText: () => statusBar.text,
  };
}

export function deactivate(): void {}
