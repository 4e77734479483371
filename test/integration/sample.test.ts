import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/engine/index';
import type { PressLensApi } from '../../src/extension/extension';
import { activateExtension, hoverText, openSample, waitFor } from './helpers';

const GROUPS = ['Dateline', 'Quotes', 'People', 'Organizations', 'Places', 'Events', 'Keywords'];

// What the engine finds in samples/trend-azerbaijan-serbia.txt, asserted through VS Code itself.
suite('Press Lens on the sample article', () => {
  let api: PressLensApi;
  let editor: vscode.TextEditor;
  let doc: vscode.TextDocument;
  let analysis: Analysis;
  const names = (type: string) => analysis.entities.filter(e => e.type === type).map(e => e.name);

  suiteSetup(async () => {
    api = await activateExtension();
    editor = await openSample();
    doc = editor.document;
    const result = await api.analysisFor(doc.uri);
    assert.ok(result, 'the sample is analysed');
    analysis = result;
  });

  test('analysis: dateline, quotes, entities and keywords', () => {
    assert.strictEqual(analysis.textLength, doc.getText().length);
    assert.strictEqual(analysis.dateline?.place, 'Baku');
    assert.strictEqual(analysis.dateline?.date, '2024-12-23');
    assert.strictEqual(analysis.quotes.length, 3);
    const speaker = analysis.entities.find(e => e.name === 'Jeyhun Bayramov');
    assert.ok(speaker, 'Jeyhun Bayramov is an entity');
    assert.deepStrictEqual(analysis.quotes.map(q => q.speakerId), [speaker.id, speaker.id, speaker.id]);
    for (const name of ['Jeyhun Bayramov', 'Marko Djuric']) assert.ok(names('person').includes(name), `person ${name} in ${names('person')}`);
    assert.ok(names('organization').includes('Strategic Partnership Council'), `organizations: ${names('organization')}`);
    for (const name of ['Baku', 'Azerbaijan', 'Serbia']) assert.ok(names('place').includes(name), `place ${name} in ${names('place')}`);
    for (const name of ['COP29', 'EXPO-2027']) assert.ok(names('event').includes(name), `event ${name} in ${names('event')}`);
    assert.ok(analysis.keywords.length >= 3, `keywords: ${analysis.keywords.map(k => k.phrase)}`);
  });

  test('outline: groups in order, quotes by speaker, mentions as children', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    // VS Code orders symbols by position; the Press Lens panel keeps the group order (next test).
    assert.deepStrictEqual(symbols.map(s => s.name).sort(), [...GROUPS].sort());
    const quotes = symbols.find(s => s.name === 'Quotes')!;
    assert.deepStrictEqual(quotes.children.map(s => s.name), ['Jeyhun Bayramov']);
    assert.strictEqual(quotes.children[0].children.length, 3);
    for (const q of quotes.children[0].children) assert.match(doc.getText(q.selectionRange), /^["“].*["”]$/s);
    const people = symbols.find(s => s.name === 'People')!;
    const person = people.children.find(s => s.name === 'Marko Djuric');
    assert.ok(person, 'Marko Djuric is listed under People');
    assert.ok(person.children.length >= 1);
    for (const mention of person.children) assert.strictEqual(doc.getText(mention.range), mention.name);
    const events = symbols.find(s => s.name === 'Events')!.children.map(s => s.name);
    assert.ok(events.includes('COP29') && events.includes('EXPO-2027'), `events: ${events}`);
  });

  test('Press Lens panel: groups in order, speaker rows, icons, mentions', async () => {
    await vscode.window.showTextDocument(doc);
    const roots = await api.tree.getChildren();
    assert.deepStrictEqual(roots.map(r => r.node.label), GROUPS);
    const [speaker] = await api.tree.getChildren(roots.find(r => r.node.label === 'Quotes'));
    const item = api.tree.getTreeItem(speaker);
    assert.strictEqual(item.label, 'Jeyhun Bayramov');
    assert.strictEqual(item.description, '3 quotes');
    assert.ok(item.iconPath && typeof item.iconPath === 'object' && 'dark' in item.iconPath, 'light and dark icons');
    const people = await api.tree.getChildren(roots.find(r => r.node.label === 'People'));
    assert.ok(people.some(p => p.node.label === 'Marko Djuric'));
  });

  test('hover on a speaker: entity card with the quotes as reveal links', async () => {
    const speaker = analysis.entities.find(e => e.name === 'Jeyhun Bayramov')!;
    const mention = speaker.mentions[speaker.mentions.length - 1];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(mention.start + 1));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Jeyhun Bayramov\*\* · person/);
    assert.match(text, /Mentioned \d+ times/);
    assert.match(text, /\*\*Quotes \(3\)\*\*/);
    assert.strictEqual(text.match(/\(command:pressLens\.reveal\?/g)?.length, 3);
    // Following the second link selects the second quote.
    const link = [...text.matchAll(/\(command:pressLens\.reveal\?([^ )]+)/g)][1][1];
    const args = JSON.parse(decodeURIComponent(link)) as [string, number, number];
    await vscode.commands.executeCommand('pressLens.reveal', ...args);
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), doc.uri.toString());
    assert.strictEqual(doc.offsetAt(active.selection.start), analysis.quotes[1].span.start);
    assert.strictEqual(doc.offsetAt(active.selection.end), analysis.quotes[1].span.end);
  });

  test('hover on a quote: speaker, cue and length', async () => {
    const quote = analysis.quotes[0];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(quote.content.start + 5));
    const text = hoverText(hovers);
    assert.match(text, /Speaker: Jeyhun Bayramov/);
    assert.match(text, /Cue: said/);
    assert.match(text, /Length: \d{2,} words/);
  });

  test('next and previous quote select whole quotes, wrapping around', async () => {
    editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const starts = analysis.quotes.map(q => q.span.start);
    const selected = () => doc.offsetAt(editor.selection.start);
    await vscode.commands.executeCommand('pressLens.nextQuote');
    assert.strictEqual(selected(), starts[0]);
    assert.match(doc.getText(editor.selection), /^["“]The visits of our presidents/);
    await vscode.commands.executeCommand('pressLens.nextQuote');
    assert.strictEqual(selected(), starts[1]);
    await vscode.commands.executeCommand('pressLens.previousQuote');
    assert.strictEqual(selected(), starts[0]);
    await vscode.commands.executeCommand('pressLens.previousQuote');
    assert.strictEqual(selected(), starts[2], 'previous from the first quote wraps to the last');
  });

  test('copy quotes: every quote with its speaker on the clipboard', async () => {
    await vscode.window.showTextDocument(doc);
    const copied = await vscode.commands.executeCommand<string>('pressLens.copyQuotes');
    const lines = copied.split('\n');
    assert.strictEqual(lines.length, 3);
    for (const line of lines) assert.match(line, /^“.+” — Jeyhun Bayramov$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), copied);
  });

  test('decorations: one range list per category', () => {
    const ranges = api.decorationsFor(editor);
    assert.strictEqual(ranges.quote.length, 3);
    assert.strictEqual(ranges.speaker.length, 3);
    assert.strictEqual(ranges.dateline.length, 1);
    assert.ok(ranges.person.some(r => doc.getText(r) === 'Jeyhun Bayramov'));
    assert.ok(ranges.event.some(r => doc.getText(r) === 'COP29'));
    assert.ok(ranges.keyword.length >= 3);
  });

  test('status bar sums it up', async () => {
    await vscode.window.showTextDocument(doc);
    const text = await waitFor('status bar summary', () => (api.statusText().includes('quotes') ? api.statusText() : undefined));
    assert.match(text, /3 quotes · 2 people · \d+ organizations?/);
  });
});
