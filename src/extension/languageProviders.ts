import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import { documentSelector, type ConfigStore } from './config';
import { AnnotationHoverProvider } from './hoverProvider';
import { OutlineProvider } from './outlineProvider';

/** Hover and symbol providers, registered again when pressLens.languages changes the selector. */
export class LanguageProviders implements vscode.Disposable {
  private registrations: vscode.Disposable[] = [];
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly store: AnalysisStore,
    private readonly config: ConfigStore,
  ) {
    this.register();
    let languages = config.value.languages.join();
    this.listener = config.onDidChange(value => {
      if (value.languages.join() === languages) return;
      languages = value.languages.join();
      this.register();
    });
  }

  private register(): void {
    this.registrations.forEach(r => r.dispose());
    const selector = documentSelector(this.config.value);
    this.registrations = [
      vscode.languages.registerHoverProvider(selector, new AnnotationHoverProvider(this.store)),
      vscode.languages.registerDocumentSymbolProvider(selector, new OutlineProvider(this.store), { label: 'Press Lens' }),
    ];
  }

  dispose(): void {
    this.listener.dispose();
    this.registrations.forEach(r => r.dispose());
  }
}
