import * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore';
import type { Category } from './categories';
import { toRange } from './convert';
import { buildOutline, type OutlineNode } from './outlineModel';

/** Symbol kinds pick the Outline's icons; the closest built-in meaning for each row. */
const SYMBOL_KIND: Record<OutlineNode['kind'], vscode.SymbolKind> = {
  group: vscode.SymbolKind.Namespace,
  dateline: vscode.SymbolKind.Event,
  speaker: vscode.SymbolKind.Object,
  quote: vscode.SymbolKind.String,
  entity: vscode.SymbolKind.Class,
  keyword: vscode.SymbolKind.Key,
  mention: vscode.SymbolKind.Field,
};
const ENTITY_KIND: Partial<Record<Category, vscode.SymbolKind>> = {
  person: vscode.SymbolKind.Constructor,
  organization: vscode.SymbolKind.Module,
  place: vscode.SymbolKind.Package,
  event: vscode.SymbolKind.Event,
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
  const kind = node.kind === 'entity' ? ENTITY_KIND[node.category] ?? SYMBOL_KIND.entity : SYMBOL_KIND[node.kind];
  const symbol = new vscode.DocumentSymbol(node.label, node.detail ?? '', kind, toRange(doc, node.range), toRange(doc, node.selection));
  symbol.children = node.children.map(child => toSymbol(doc, child));
  return symbol;
}
