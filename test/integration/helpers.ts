import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PressLensApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'press-lens.press-lens';
export const SAMPLE_NAME = 'trend-azerbaijan-serbia.txt';

export async function activateExtension(): Promise<PressLensApi> {
  const ext = vscode.extensions.getExtension<PressLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  return ext.activate();
}

/** The sample copied into the test workspace by scripts/testIntegration.mjs. */
export async function openSample(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, SAMPLE_NAME));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function openText(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('pressLens').update(key, value, vscode.ConfigurationTarget.Global);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Closes every editor, reverting untitled test documents first so no save dialog comes up. */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some(g => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
