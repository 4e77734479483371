import * as vscode from 'vscode';
import type { Span } from '../engine/index';

/** Span → Range at the last moment. Both count UTF-16 code units, so no re-counting is needed. */
export function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function toSelection(doc: vscode.TextDocument, span: Span): vscode.Selection {
  return new vscode.Selection(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function toSpan(doc: vscode.TextDocument, range: vscode.Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}
