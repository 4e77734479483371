import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PressLensApi } from '../../src/extension/extension';
import { activateExtension, closeAll, openSample, openText, setSetting, waitFor } from './helpers';

// Invented text (not from any corpus): a quote, a cue and a named speaker.
const ARTICLE = [
  'RIVERTON, Nowhereland, March 3 (Example Wire) - The Riverton Harbour Authority opened a new ferry terminal on Monday.',
  '',
  '"This terminal doubles our capacity," said Mara Ellison, director of the Riverton Harbour Authority.',
  '',
  '"We expect the first ships in April," she added.',
  '',
].join('\n');

suite('Press Lens editor behaviour', () => {
  let api: PressLensApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(async () => {
    for (const key of ['decorations.enabled', 'decorations.keyword', 'maxDocumentSizeKb', 'personalLists.person', 'debounceMs']) await setSetting(key, undefined);
    await closeAll();
  });

  test('decorations match the analysis, toggle off and on, and obey per-category settings', async () => {
    const editor = await openSample();
    const analysis = (await api.analysisFor(editor.document.uri))!;
    const expected = analysis.quotes.length;
    await waitFor('quote decorations', () => api.decorationsFor(editor).quote.length === expected || undefined);
    const keywordCount = analysis.keywords.reduce((n, k) => n + k.mentions.length, 0);
    assert.strictEqual(api.decorationsFor(editor).keyword.length, keywordCount);

    assert.strictEqual(await vscode.commands.executeCommand('pressLens.toggleAnnotations'), false);
    await waitFor('decorations cleared', () => Object.values(api.decorationsFor(editor)).every(r => r.length === 0) || undefined);
    assert.strictEqual(await vscode.commands.executeCommand('pressLens.toggleAnnotations'), true);
    await waitFor('decorations back', () => api.decorationsFor(editor).quote.length === expected || undefined);

    await setSetting('decorations.keyword', false);
    await waitFor('keyword decorations off', () => api.decorationsFor(editor).keyword.length === 0 || undefined);
    assert.strictEqual(api.decorationsFor(editor).quote.length, expected, 'other categories stay');
  });

  test('the Press Lens panel shows the outline of the active editor; a row reveals its span', async () => {
    const editor = await openSample();
    const doc = editor.document;
    await api.analysisFor(doc.uri);
    const roots = await api.tree.getChildren();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(roots.map(r => r.node.label).sort(), symbols.map(s => s.name).sort());
    assert.ok(roots.length > 0, 'the sample has annotations');
    const leafParent = roots.find(r => r.node.children.length > 0)!;
    const [child] = await api.tree.getChildren(leafParent);
    const item = api.tree.getTreeItem(child);
    assert.strictEqual(item.command?.command, 'pressLens.reveal');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), doc.uri.toString());
    assert.strictEqual(doc.offsetAt(active.selection.start), child.node.selection.start);
    assert.strictEqual(doc.offsetAt(active.selection.end), child.node.selection.end);
  });

  test('edits are analysed again after the debounce; only the last version counts', async () => {
    await setSetting('debounceMs', 100);
    const editor = await openText('Nothing to see here.');
    const doc = editor.document;
    await api.analysisFor(doc.uri);
    for (const piece of ['\n\n', ARTICLE.slice(0, 40), ARTICLE.slice(40)]) {
      await editor.edit(b => b.insert(doc.positionAt(doc.getText().length), piece));
    }
    const analysis = await waitFor('fresh analysis', async () => {
      const a = await api.analysisFor(doc.uri);
      return a && a.textLength === doc.getText().length ? a : undefined;
    });
    assert.strictEqual(analysis.textLength, doc.getText().length);
    const ranges = await waitFor('decorations for the last version', () => {
      const r = api.decorationsFor(editor);
      return r.quote.length === analysis.quotes.length ? r : undefined;
    });
    for (const [i, quote] of analysis.quotes.entries()) assert.strictEqual(doc.offsetAt(ranges.quote[i].start), quote.span.start);
  });

  test('export JSON opens a new JSON document and leaves the article alone', async () => {
    const editor = await openText(ARTICLE);
    const before = editor.document.getText();
    const analysis = await api.analysisFor(editor.document.uri);
    const exported = await vscode.commands.executeCommand<vscode.TextDocument>('pressLens.exportJson');
    assert.strictEqual(exported.languageId, 'json');
    assert.strictEqual(exported.uri.scheme, 'untitled');
    assert.deepStrictEqual(JSON.parse(exported.getText()), analysis);
    assert.strictEqual(editor.document.getText(), before);
  });

  test('documents over the size limit wait for Annotate Now and say so', async () => {
    await setSetting('maxDocumentSizeKb', 1);
    const editor = await openText(ARTICLE.repeat(12));
    assert.strictEqual(await api.analysisFor(editor.document.uri), undefined);
    await waitFor('status bar message', () => /not annotated/.test(api.statusText()) || undefined);
    await vscode.commands.executeCommand('pressLens.annotateNow');
    const analysis = await api.analysisFor(editor.document.uri);
    assert.ok(analysis, 'annotated on demand');
    assert.strictEqual(analysis.textLength, editor.document.getText().length);
  });

  test('add to list: the phrase becomes a personal-list entity', async () => {
    const editor = await openText('Zephyrine Quillfeather visited the harbour on Monday.');
    editor.selection = new vscode.Selection(0, 0, 0, 'Zephyrine Quillfeather'.length);
    assert.strictEqual(await vscode.commands.executeCommand('pressLens.addToList', 'person'), true);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('pressLens').get('personalLists.person'), ['Zephyrine Quillfeather']);
    const entity = await waitFor('personal-list person', async () => (await api.analysisFor(editor.document.uri))?.entities.find(e => e.type === 'person' && e.name === 'Zephyrine Quillfeather'));
    assert.deepStrictEqual(entity.mentions, [{ start: 0, end: 'Zephyrine Quillfeather'.length }]);
  });

  const awkward: Array<[name: string, text: string]> = [
    ['empty', ''],
    ['binary', 'PK\u0003\u0004\u0000\u0000\u0014\u0000'.repeat(50)],
    ['CRLF line ends', ARTICLE.replace(/\n/g, '\r\n')],
    ['emoji and astral characters', `🎉 ${ARTICLE} 🚢 "Great news 👍," said Ana Lópes-Ørsted.`],
    ['one huge line', 'word '.repeat(60_000)],
    ['unbalanced quotation marks', '"He said it and "then" left.\n“Another one.'],
  ];
  for (const [name, text] of awkward) {
    test(`never throws at the user: ${name}`, async () => {
      const editor = await openText(text);
      const doc = editor.document;
      const version = doc.version;
      const analysis = await api.analysisFor(doc.uri);
      assert.ok(analysis, 'analysed (perhaps with a note)');
      assert.strictEqual(analysis.textLength, doc.getText().length);
      // undefined when there are no symbols at all (empty and binary texts).
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      assert.ok(symbols === undefined || Array.isArray(symbols));
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(Math.floor(doc.getText().length / 2)));
      await vscode.commands.executeCommand('pressLens.nextQuote');
      for (const q of analysis.quotes) assert.match(doc.getText().slice(q.span.start, q.span.start + 1), /["“‘«„‚「']/u);
      assert.strictEqual(doc.version, version, 'the extension never edits the document');
    });
  }
});
