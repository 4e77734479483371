import * as vscode from 'vscode';
import { activateExtension, closeAll, openSample } from './helpers';

// Last suite (file name): leaves the sample annotated with the Outline and the Press Lens panel
// open, tells the runner to take media/screenshot.png, and holds the picture that long.
suite('screenshot', () => {
  test('sample annotated, Outline and Press Lens panel open', async function () {
    const hold = Number(process.env.PRESS_LENS_SCREENSHOT_HOLD_MS || 0);
    if (!hold) this.skip();
    this.timeout(hold + 30000);
    const api = await activateExtension();
    await closeAll();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const editor = await openSample();
    const analysis = await api.analysisFor(editor.document.uri);
    // Leave the Explorer to the Outline and the Press Lens panel (this profile is thrown away).
    for (const view of ['workbench.explorer.fileView', 'timeline']) {
      await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('pressLens.annotations.focus');
    await vscode.commands.executeCommand('outline.focus');
    console.log('PRESS_LENS_SCREENSHOT_PREPARE'); // the runner folds the file list (a click: it takes focus)
    await new Promise(r => setTimeout(r, 1500));
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    // Hover the speaker's last mention, so the picture shows an entity card with its quotes.
    const speaker = analysis?.entities.find(e => analysis.quotes.some(q => q.speakerId === e.id));
    const mention = speaker?.mentions[speaker.mentions.length - 1];
    if (mention) {
      const at = editor.document.positionAt(mention.start + 1);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      await new Promise(r => setTimeout(r, 500));
      await vscode.commands.executeCommand('editor.action.showHover');
    }
    console.log('PRESS_LENS_SCREENSHOT_NOW');
    await new Promise(r => setTimeout(r, hold));
  });
});
