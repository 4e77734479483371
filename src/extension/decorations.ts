import * as vscode from 'vscode';
import type { Analysis, Span } from '../engine/index';
import type { AnalysisStore } from './analysisStore';
import { CATEGORIES, type Category } from './categories';
import type { ConfigStore } from './config';
import { toRange } from './convert';

/** Ranges per category as last set on an editor: what the test API reports. */
export type DecoratedRanges = Record<Category, vscode.Range[]>;

const color = (id: string) => new vscode.ThemeColor(`pressLens.${id}`);
const underline = (width: string, style: string, id: string): vscode.DecorationRenderOptions => ({
  borderStyle: `none none ${style} none`,
  borderWidth: `0 0 ${width} 0`,
  borderColor: color(id),
});

/** Quotes are tinted, speakers underlined, names tinted and underlined, keywords dotted: overlapping layers stay readable. */
const STYLE: Record<Category, vscode.DecorationRenderOptions> = {
  quote: { backgroundColor: color('quoteBackground'), overviewRulerColor: color('quoteRuler') },
  speaker: { ...underline('2px', 'solid', 'speakerBorder'), fontWeight: 'bold', overviewRulerColor: color('speakerBorder') },
  person: { backgroundColor: color('personBackground'), ...underline('1px', 'solid', 'personBorder'), overviewRulerColor: color('personBorder') },
  organization: { backgroundColor: color('organizationBackground'), ...underline('1px', 'solid', 'organizationBorder'), overviewRulerColor: color('organizationBorder') },
  place: { backgroundColor: color('placeBackground'), ...underline('1px', 'solid', 'placeBorder'), overviewRulerColor: color('placeBorder') },
  event: { backgroundColor: color('eventBackground'), ...underline('1px', 'solid', 'eventBorder'), overviewRulerColor: color('eventBorder') },
  keyword: { ...underline('1px', 'dotted', 'keywordBorder') },
  dateline: { backgroundColor: color('datelineBackground'), fontStyle: 'italic', overviewRulerColor: color('datelineBackground') },
};

/** The spans each category decorates in one analysis. */
export function spansByCategory(analysis: Analysis): Record<Category, Span[]> {
  const spans = Object.fromEntries(CATEGORIES.map(c => [c, [] as Span[]])) as Record<Category, Span[]>;
  for (const quote of analysis.quotes) {
    spans.quote.push(quote.span);
    if (quote.speakerMention) spans.speaker.push(quote.speakerMention);
  }
  for (const entity of analysis.entities) spans[entity.type].push(...entity.mentions);
  for (const keyword of analysis.keywords) spans.keyword.push(...keyword.mentions);
  if (analysis.dateline) spans.dateline.push(analysis.dateline.span);
  return spans;
}

/**
 * Paints every visible editor whose document is in scope. Decoration types are created once per
 * category (and again only when the settings change), and `setDecorations` runs only for the
 * editors showing a document whose analysis changed.
 */
export class DecorationManager implements vscode.Disposable {
  private readonly types = new Map<Category, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, DecoratedRanges>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: AnalysisStore,
    private readonly config: ConfigStore,
  ) {
    for (const category of CATEGORIES) {
      this.types.set(category, vscode.window.createTextEditorDecorationType({ ...STYLE[category], overviewRulerLane: vscode.OverviewRulerLane.Right, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }));
    }
    this.disposables.push(
      store.onDidChangeAnalysis(uri => this.refreshDocument(uri)),
      vscode.window.onDidChangeVisibleTextEditors(editors => {
        // Forget what hidden editors showed, so the map never outgrows the open editors.
        const visible = new Set(editors.map(e => e.document.uri.toString()));
        for (const key of this.applied.keys()) if (!visible.has(key)) this.applied.delete(key);
        editors.forEach(e => void this.paint(e));
      }),
      config.onDidChange(() => vscode.window.visibleTextEditors.forEach(e => void this.paint(e))),
    );
    vscode.window.visibleTextEditors.forEach(e => void this.paint(e));
  }

  /** What the test API reports: the ranges last set on this editor's document, per category. */
  rangesFor(editor: vscode.TextEditor): DecoratedRanges {
    return this.applied.get(editor.document.uri.toString()) ?? emptyRanges();
  }

  private refreshDocument(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) void this.paint(editor);
  }

  private async paint(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (!this.store.isInScope(doc)) return;
    const config = this.config.value;
    const analysis = config.decorationsEnabled ? await this.store.get(doc) : undefined;
    // The document may have changed while we waited; the store will fire again for the new version.
    if (analysis && analysis.textLength !== doc.getText().length) return;
    const ranges = emptyRanges();
    if (analysis) {
      const spans = spansByCategory(analysis);
      for (const category of CATEGORIES) {
        if (config.categoryEnabled[category]) ranges[category] = spans[category].map(span => toRange(doc, span));
      }
    }
    for (const category of CATEGORIES) editor.setDecorations(this.types.get(category)!, ranges[category]);
    this.applied.set(doc.uri.toString(), ranges);
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function emptyRanges(): DecoratedRanges {
  return Object.fromEntries(CATEGORIES.map(c => [c, [] as vscode.Range[]])) as DecoratedRanges;
}
