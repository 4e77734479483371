import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // placeholder: the editor layer is being built
}

export function deactivate(): void {}
