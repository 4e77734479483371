import * as vscode from 'vscode';
import type { Analysis } from '../engine/index';
import type { AnalysisStore } from './analysisStore';
import { VIEW_ID } from './annotationTree';

/** "3 quotes · 2 people · 3 organizations" for the active editor; the large-file message when skipped. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pressLens.summary', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: AnalysisStore) {
    this.item.name = 'Press Lens';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChangeAnalysis(uri => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** The text last shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return this.item.hide();
    const state = this.store.state(doc);
    switch (state.kind) {
      case 'outOfScope':
        return this.item.hide();
      case 'tooLarge':
        this.item.text = `$(warning) Press Lens: ${state.sizeKb} KB, not annotated`;
        this.item.tooltip = `Documents over ${state.limitKb} KB (pressLens.maxDocumentSizeKb) are annotated on demand. Click to annotate this one now.`;
        this.item.command = 'pressLens.annotateNow';
        break;
      case 'failed':
        this.item.text = '$(error) Press Lens';
        this.item.tooltip = `Press Lens could not analyse this document: ${state.message}`;
        this.item.command = 'pressLens.refresh';
        break;
      case 'pending':
        this.item.text = '$(sync~spin) Press Lens';
        this.item.tooltip = 'Analysing…';
        this.item.command = undefined;
        // The store fires when it is done; ask for it in case nothing else did (a newly focused editor).
        void this.store.get(doc);
        break;
      case 'ready':
        this.item.text = `$(quote) ${summarize(state.analysis)}`;
        // Where it ran tells a user why a large file's annotations arrive a moment after typing stops.
        this.item.tooltip = `${tooltip(state.analysis)}\nAnalysed in ${state.ms} ms${state.inWorker ? ' in a background worker' : ''}. Click to open the Press Lens panel.`;
        this.item.command = `${VIEW_ID}.focus`;
        break;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function summarize(analysis: Analysis): string {
  const count = (type: string) => analysis.entities.filter(e => e.type === type).length;
  return [
    plural(analysis.quotes.length, 'quote', 'quotes'),
    plural(count('person'), 'person', 'people'),
    plural(count('organization'), 'organization', 'organizations'),
  ].join(' · ');
}

function tooltip(analysis: Analysis): string {
  const count = (type: string) => analysis.entities.filter(e => e.type === type).length;
  const lines = [
    `Press Lens: ${summarize(analysis)}`,
    `${plural(count('place'), 'place', 'places')} · ${plural(count('event'), 'event', 'events')} · ${plural(analysis.keywords.length, 'keyword', 'keywords')}`,
  ];
  if (analysis.dateline) lines.push(`Dateline: ${[analysis.dateline.place, analysis.dateline.date].filter(Boolean).join(', ')}`);
  for (const note of analysis.notes.slice(0, 3)) lines.push(`Note: ${note.message}`);
  return lines.join('\n');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
