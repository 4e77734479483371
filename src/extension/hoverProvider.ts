import * as vscode from 'vscode';
import type { Entity, Keyword, Quote } from '../engine/index';
import type { AnalysisStore } from './analysisStore';
import { GROUP_LABEL } from './categories';
import { itemsAt, indexOf, snippet, speakerName, wordCount, type AnnotationIndex } from './annotationIndex';
import { toRange } from './convert';

export const REVEAL_COMMAND = 'pressLens.reveal';

/** A `command:` link that reveals and selects a span; trusted for this one command only. */
export function revealLink(label: string, uri: vscode.Uri, start: number, end: number): string {
  const args = encodeURIComponent(JSON.stringify([uri.toString(), start, end]));
  return `[${escapeMarkdown(label)}](command:${REVEAL_COMMAND}?${args} "Go to this quote")`;
}

/** Cards for whatever is under the cursor: an entity (with the quotes it said), a quote, a keyword, the dateline. */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: AnalysisStore) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const analysis = await this.store.get(doc);
    if (!analysis || token.isCancellationRequested || analysis.textLength !== doc.getText().length) return undefined;
    const index = indexOf(analysis);
    const offset = doc.offsetAt(position);
    const text = doc.getText();
    const cards: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const narrow = (r: vscode.Range) => (range = range ? range.intersection(r) ?? r : r);

    const mention = itemsAt(index.mentions, offset).pop();
    if (mention) {
      cards.push(entityCard(mention.entity, index, doc, text));
      narrow(toRange(doc, mention.span));
    }
    const quote = itemsAt(index.quotes, offset).pop();
    if (quote) {
      cards.push(quoteCard(quote, index, text));
      range ??= toRange(doc, quote.span);
    }
    if (!mention) {
      const keyword = itemsAt(index.keywordMentions, offset).pop();
      if (keyword) {
        cards.push(keywordCard(keyword.keyword));
        narrow(toRange(doc, keyword.span));
      }
    }
    const { dateline } = analysis;
    if (dateline && dateline.span.start <= offset && offset <= dateline.span.end && !mention) {
      const lines = ['**Dateline**'];
      if (dateline.place) lines.push(`Place: ${escapeMarkdown(dateline.place)}`);
      if (dateline.date) lines.push(`Date: ${dateline.date}`);
      if (dateline.source) lines.push(`Source: ${escapeMarkdown(dateline.source)}`);
      cards.push(new vscode.MarkdownString(lines.join('  \n')));
      range ??= toRange(doc, dateline.span);
    }
    return cards.length > 0 ? new vscode.Hover(cards, range) : undefined;
  }
}

function entityCard(entity: Entity, index: AnnotationIndex, doc: vscode.TextDocument, text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [REVEAL_COMMAND] };
  md.appendMarkdown(`**${escapeMarkdown(entity.name)}** · ${GROUP_LABEL[entity.type].singular}\n\n`);
  if (entity.role) md.appendMarkdown(`${escapeMarkdown(entity.role)}\n\n`);
  if (entity.aliases.length > 0) md.appendMarkdown(`Also: ${entity.aliases.map(escapeMarkdown).join(', ')}\n\n`);
  const n = entity.mentions.length;
  md.appendMarkdown(`Mentioned ${n} time${n === 1 ? '' : 's'}\n\n`);
  const quotes = index.quotesBySpeaker.get(entity.id) ?? [];
  if (quotes.length > 0) {
    md.appendMarkdown(`**Quotes (${quotes.length})**\n\n`);
    for (const q of quotes) md.appendMarkdown(`- ${revealLink(`“${snippet(text, q.content, 70)}”`, doc.uri, q.span.start, q.span.end)}\n`);
  }
  return md;
}

function quoteCard(quote: Quote, index: AnnotationIndex, text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const who = speakerName(index, quote, text);
  const mention = quote.speakerMention ? text.slice(quote.speakerMention.start, quote.speakerMention.end) : undefined;
  // 'called the bill "a betrayal"': the reporter's sentence holds the words, so say it is not the whole statement
  md.appendMarkdown(quote.partial ? '**Partial quote** · embedded in the reporter\'s sentence\n\n' : '**Quote**\n\n');
  let speaker = who ? escapeMarkdown(who) : '_not attributed_';
  if (who && mention && mention !== who) speaker += ` (“${escapeMarkdown(mention)}”)`;
  md.appendMarkdown(`Speaker: ${speaker}  \n`);
  if (quote.cue) md.appendMarkdown(`Cue: ${escapeMarkdown(text.slice(quote.cue.start, quote.cue.end))}  \n`);
  md.appendMarkdown(`Length: ${wordCount(text, quote.content)} words`);
  return md;
}

function keywordCard(keyword: Keyword): vscode.MarkdownString {
  const n = keyword.mentions.length;
  return new vscode.MarkdownString(`**${escapeMarkdown(keyword.phrase)}** · keyword  \nScore ${keyword.score.toFixed(2)} · ${n} mention${n === 1 ? '' : 's'}`);
}

/** Names come from the article; keep them from being read as Markdown or links. */
function escapeMarkdown(s: string): string {
  // Only inline markup: names sit mid-line, so '#', '-' and '+' cannot start a block there.
  return s.replace(/[\\`*_{}[\]<>|~]/g, '\\$&');
}
