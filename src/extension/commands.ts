import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import { LIST_KINDS, GROUP_LABEL, type ListKind } from './categories';
import { SECTION } from './config';
import { toSelection } from './convert';
import { REVEAL_COMMAND } from './hoverProvider';
import { indexOf, nextQuote, previousQuote, quotesAsText } from './annotationIndex';

/**
 * Every command. None edits the article: results go to the selection, the clipboard, a new
 * untitled document or the user's settings.
 */
export class Commands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: AnalysisStore) {
    this.disposables = [
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, start: number, end: number) => this.reveal(uri, start, end)),
      vscode.commands.registerCommand('pressLens.nextQuote', () => this.jumpToQuote(1)),
      vscode.commands.registerCommand('pressLens.previousQuote', () => this.jumpToQuote(-1)),
      vscode.commands.registerCommand('pressLens.copyQuotes', () => this.copyQuotes()),
      vscode.commands.registerCommand('pressLens.exportJson', () => this.exportJson()),
      vscode.commands.registerCommand('pressLens.addToList', (kind?: ListKind, phrase?: string) => this.addToList(kind, phrase)),
      vscode.commands.registerCommand('pressLens.refresh', () => store.invalidateAll()),
      vscode.commands.registerCommand('pressLens.toggleAnnotations', () => this.toggleAnnotations()),
      vscode.commands.registerCommand('pressLens.annotateNow', () => this.annotateNow()),
    ];
  }

  /** Hover links and panel rows: open the document, select the span, scroll it into view. */
  private async reveal(uri: string, start: number, end: number): Promise<void> {
    if (typeof uri !== 'string' || !Number.isFinite(start) || !Number.isFinite(end)) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const visible = vscode.window.visibleTextEditors.find(e => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false });
    const selection = toSelection(doc, { start, end });
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async activeAnalysis() {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.store.isInScope(editor.document)) {
      void vscode.window.showInformationMessage('Press Lens: open a plain-text or Markdown article first.');
      return undefined;
    }
    const analysis = await this.store.get(editor.document);
    if (!analysis) {
      const state = this.store.state(editor.document);
      const why = state.kind === 'tooLarge' ? ' It is over the size limit: run “Press Lens: Annotate Now” first.' : '';
      void vscode.window.showInformationMessage(`Press Lens: this document is not annotated.${why}`);
      return undefined;
    }
    return { editor, analysis };
  }

  /** Selects the next (or previous) quote after the cursor, wrapping around the document. Returns its span. */
  private async jumpToQuote(direction: 1 | -1) {
    const active = await this.activeAnalysis();
    if (!active) return undefined;
    const { editor, analysis } = active;
    const index = indexOf(analysis);
    if (index.quotes.length === 0) {
      void vscode.window.setStatusBarMessage('Press Lens: no quotes in this document', 3000);
      return undefined;
    }
    const doc = editor.document;
    // From the selection's start: after a jump the selection is the quote, so the next jump moves on.
    const offset = doc.offsetAt(editor.selection.start);
    const quote = direction === 1 ? nextQuote(index.quotes, offset) : previousQuote(index.quotes, offset);
    if (!quote) return undefined;
    editor.selection = toSelection(doc, quote.span);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return quote.span;
  }

  /** Quotes with their speakers, one per line, to the clipboard. Returns the copied text. */
  private async copyQuotes(): Promise<string | undefined> {
    const active = await this.activeAnalysis();
    if (!active) return undefined;
    const text = quotesAsText(indexOf(active.analysis), active.editor.document.getText());
    await vscode.env.clipboard.writeText(text);
    const n = active.analysis.quotes.length;
    void vscode.window.setStatusBarMessage(`Press Lens: copied ${n} quote${n === 1 ? '' : 's'}`, 3000);
    return text;
  }

  /** The analysis as JSON in a new untitled document: the article itself is never touched. */
  private async exportJson(): Promise<vscode.TextDocument | undefined> {
    const active = await this.activeAnalysis();
    if (!active) return undefined;
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(active.analysis, null, 2) + '\n' });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return doc;
  }

  /**
   * Adds the selection (or the word under the cursor) to a personal list in the user's
   * settings; the store recomputes because the setting changed. Tests pass `kind` and `phrase`.
   */
  private async addToList(kind?: ListKind, phrase?: string): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (phrase === undefined && editor) {
      const range = editor.selection.isEmpty ? editor.document.getWordRangeAtPosition(editor.selection.active) : editor.selection;
      phrase = range ? editor.document.getText(range) : undefined;
    }
    phrase = phrase?.replace(/\s+/g, ' ').trim();
    if (!phrase) {
      void vscode.window.showInformationMessage('Press Lens: select a name or phrase to add to a list.');
      return false;
    }
    if (!kind || !LIST_KINDS.includes(kind)) {
      // `list`, not `kind`: QuickPickItem already has a `kind` (separator or default).
      const items = LIST_KINDS.map(list => ({ label: GROUP_LABEL[list].plural, description: `pressLens.personalLists.${list}`, list }));
      const picked = await vscode.window.showQuickPick(items, { title: `Add “${phrase}” to a personal list`, placeHolder: 'Which list?' });
      if (!picked) return false;
      kind = picked.list;
    }
    const config = vscode.workspace.getConfiguration(SECTION);
    const key = `personalLists.${kind}`;
    const current = config.get<string[]>(key, []);
    if (current.includes(phrase)) return true;
    await config.update(key, [...current, phrase], targetOf(config.inspect(key)));
    void vscode.window.setStatusBarMessage(`Press Lens: added “${phrase}” to ${GROUP_LABEL[kind].plural}`, 3000);
    return true;
  }

  private async toggleAnnotations(): Promise<boolean> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const enabled = !config.get<boolean>('decorations.enabled', true);
    await config.update('decorations.enabled', enabled, targetOf(config.inspect('decorations.enabled')));
    return enabled;
  }

  private async annotateNow(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    if (!this.store.isInScope(editor.document)) {
      void vscode.window.showInformationMessage(`Press Lens annotates the languages in pressLens.languages; this one is ${editor.document.languageId}.`);
      return;
    }
    await this.store.force(editor.document);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Write where the value currently comes from, so a workspace setting is not silently shadowing ours. */
function targetOf(inspected: { workspaceFolderValue?: unknown; workspaceValue?: unknown } | undefined): vscode.ConfigurationTarget {
  if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}
