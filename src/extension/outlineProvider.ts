import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import type { Category } from './categories';
import { toRange } from './convert';
import { buildOutline, type OutlineNode } from './outlineModel';

/**
 * Symbol kinds pick the Outline's icons: one per category, the same for a group and its rows,
 * so "People" and each person look alike; mentions are plain variables.
 */
const SYMBOL_KIND: Record<Category, vscode.SymbolKind> = {
  dateline: vscode.SymbolKind.File,
  quote: vscode.SymbolKind.String,
  speaker: vscode.SymbolKind.Interface,
  person: vscode.SymbolKind.Class,
  organization: vscode.SymbolKind.Struct,
  place: vscode.SymbolKind.EnumMember,
  event: vscode.SymbolKind.Event,
  keyword: vscode.SymbolKind.Key,
};

/** Outline view, breadcrumbs and Go to Symbol: the same tree as the Press Lens panel. */
export class OutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: AnalysisStore) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const analysis = await this.store.get(doc);
    if (!analysis || token.isCancellationRequested || analysis.textLength !== doc.getText().length) return [];
    return buildOutline(analysis, doc.getText()).map(node => toSymbol(doc, node));
  }
}

function toSymbol(doc: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const kind = node.kind === 'mention' ? vscode.SymbolKind.Variable : node.kind === 'speaker' ? SYMBOL_KIND.speaker : SYMBOL_KIND[node.category];
  const symbol = new vscode.DocumentSymbol(node.label, node.detail ?? '', kind, toRange(doc, node.range), toRange(doc, node.selection));
  symbol.children = node.children.map(child => toSymbol(doc, child));
  return symbol;
}
