import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import type { Category } from './categories';
import { REVEAL_COMMAND } from './hoverProvider';
import { buildOutline, type OutlineNode } from './outlineModel';

export const VIEW_ID = 'pressLens.annotations';

/** A row: the outline node plus the document it belongs to and a globally unique id. */
export interface AnnotationItem {
  readonly node: OutlineNode;
  readonly uri: vscode.Uri;
  readonly path: string;
}

/**
 * The Press Lens panel: the active editor's annotations as the Outline shows them, with
 * category icons from media/. Refreshes when the active editor changes or its analysis changes
 * (the store fires after each debounced recompute), and only then.
 */
export class AnnotationTreeProvider implements vscode.TreeDataProvider<AnnotationItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnnotationItem | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<AnnotationItem>;
  private shownUri: string | undefined;

  constructor(
    private readonly store: AnalysisStore,
    private readonly media: vscode.Uri,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      store.onDidChangeAnalysis(uri => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
    );
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(parent?: AnnotationItem): Promise<AnnotationItem[]> {
    if (parent) return parent.node.children.map(node => ({ node, uri: parent.uri, path: `${parent.path}/${node.id}` }));
    const active = vscode.window.activeTextEditor?.document;
    // Focusing the panel itself, an output channel or a JSON export keeps the last article's tree.
    const doc = active && this.store.isInScope(active) ? active : vscode.workspace.textDocuments.find(d => d.uri.toString() === this.shownUri);
    if (!doc || doc.isClosed || !this.store.isInScope(doc)) {
      this.view.message = 'Open a press release or news article (plain text or Markdown) to see its annotations.';
      return [];
    }
    const state = this.store.state(doc);
    if (state.kind === 'tooLarge') {
      this.view.message = `This document is ${state.sizeKb} KB, over the ${state.limitKb} KB limit: run “Press Lens: Annotate Now” to annotate it.`;
      return [];
    }
    const analysis = await this.store.get(doc);
    this.shownUri = doc.uri.toString();
    const nodes = analysis ? buildOutline(analysis, doc.getText()) : [];
    const after = this.store.state(doc);
    this.view.message = after.kind === 'failed'
      ? `Press Lens could not analyse this document (${after.message}). See the “Press Lens” output channel.`
      : nodes.length === 0 ? 'No quotes, names or keywords found in this document.' : undefined;
    return nodes.map(node => ({ node, uri: doc.uri, path: `${doc.uri.toString()}#${node.id}` }));
  }

  getTreeItem(item: AnnotationItem): vscode.TreeItem {
    const { node } = item;
    const state = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'group' || node.kind === 'speaker' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const treeItem = new vscode.TreeItem(node.label, state);
    treeItem.id = item.path;
    treeItem.description = node.detail;
    treeItem.tooltip = node.detail ? `${node.label}\n${node.detail}` : node.label;
    treeItem.iconPath = node.kind === 'mention' ? undefined : this.icon(node.kind === 'speaker' ? 'speaker' : node.category);
    treeItem.contextValue = node.kind;
    treeItem.command = { command: REVEAL_COMMAND, title: 'Reveal', arguments: [item.uri.toString(), node.selection.start, node.selection.end] };
    return treeItem;
  }

  getParent(): undefined {
    return undefined;
  }

  private icon(category: Category): { light: vscode.Uri; dark: vscode.Uri } {
    return {
      light: vscode.Uri.joinPath(this.media, 'light', `${category}.svg`),
      dark: vscode.Uri.joinPath(this.media, 'dark', `${category}.svg`),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
