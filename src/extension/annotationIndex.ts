import type { Analysis, Entity, Keyword, Quote, Span } from '../engine/index';

/**
 * Lookups over one Analysis, built once per analysis (the store caches analyses, so a WeakMap on
 * the analysis object caches this too). Pure: no vscode, so hovers, commands and tests share it.
 */
export interface AnnotationIndex {
  readonly analysis: Analysis;
  readonly entityById: ReadonlyMap<string, Entity>;
  /** All entity mentions, sorted by start then end. */
  readonly mentions: readonly { span: Span; entity: Entity }[];
  readonly keywordMentions: readonly { span: Span; keyword: Keyword }[];
  /** Quotes sorted by start, as the engine returns them. */
  readonly quotes: readonly Quote[];
  /** Quotes said by each entity id, in text order. */
  readonly quotesBySpeaker: ReadonlyMap<string, readonly Quote[]>;
}

const cache = new WeakMap<Analysis, AnnotationIndex>();

export function indexOf(analysis: Analysis): AnnotationIndex {
  let index = cache.get(analysis);
  if (!index) {
    index = buildIndex(analysis);
    cache.set(analysis, index);
  }
  return index;
}

function buildIndex(analysis: Analysis): AnnotationIndex {
  const entityById = new Map<string, Entity>();
  const mentions: { span: Span; entity: Entity }[] = [];
  for (const entity of analysis.entities) {
    entityById.set(entity.id, entity);
    for (const span of entity.mentions) mentions.push({ span, entity });
  }
  mentions.sort((a, b) => bySpan(a.span, b.span));
  const keywordMentions: { span: Span; keyword: Keyword }[] = [];
  for (const keyword of analysis.keywords) for (const span of keyword.mentions) keywordMentions.push({ span, keyword });
  keywordMentions.sort((a, b) => bySpan(a.span, b.span));
  const quotes = [...analysis.quotes].sort((a, b) => bySpan(a.span, b.span));
  const quotesBySpeaker = new Map<string, Quote[]>();
  for (const quote of quotes) {
    if (!quote.speakerId) continue;
    const list = quotesBySpeaker.get(quote.speakerId) ?? [];
    list.push(quote);
    quotesBySpeaker.set(quote.speakerId, list);
  }
  return { analysis, entityById, mentions, keywordMentions, quotes, quotesBySpeaker };
}

export function bySpan(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Items whose span contains `offset` (start inclusive, end inclusive so that a cursor just after
 * a name still hovers it). Binary search for the last start <= offset, then walk back while
 * spans could still reach the offset: nested spans are rare and shallow, so this stays O(log n).
 */
export function itemsAt<T extends { span: Span }>(items: readonly T[], offset: number, lookBack = 16): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo - 1; i >= 0 && i >= lo - lookBack; i--) {
    const { span } = items[i];
    if (span.start <= offset && offset <= span.end) found.push(items[i]);
  }
  return found.reverse();
}

/** The first quote starting after `offset`, wrapping to the first one ('next quote' from the end). */
export function nextQuote(quotes: readonly Quote[], offset: number): Quote | undefined {
  return quotes.find(q => q.span.start > offset) ?? quotes[0];
}

/** The last quote starting before `offset`, wrapping to the last one. */
export function previousQuote(quotes: readonly Quote[], offset: number): Quote | undefined {
  for (let i = quotes.length - 1; i >= 0; i--) if (quotes[i].span.start < offset) return quotes[i];
  return quotes[quotes.length - 1];
}

/** Whitespace-collapsed text of a span, shortened to `max` characters with an ellipsis. */
export function snippet(text: string, span: Span, max = 60): string {
  const raw = text.slice(span.start, Math.min(span.end, span.start + max * 4)).replace(/\s+/g, ' ').trim();
  return raw.length > max ? `${raw.slice(0, max - 1).trimEnd()}…` : raw;
}

/** Words in a span: runs of letters or digits (so "2022, 2023" counts 2 and "—" counts none). */
export function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function speakerName(index: AnnotationIndex, quote: Quote, text: string): string | undefined {
  const entity = quote.speakerId ? index.entityById.get(quote.speakerId) : undefined;
  if (entity) return entity.name;
  return quote.speakerMention ? snippet(text, quote.speakerMention, 40) : undefined;
}

/** "“We are thrilled,” — Jane Doe" lines, the format of Copy Quotes. */
export function quotesAsText(index: AnnotationIndex, text: string): string {
  return index.quotes
    .map(quote => {
      const body = text.slice(quote.content.start, quote.content.end).replace(/\s+/g, ' ').trim();
      const who = speakerName(index, quote, text) ?? 'unattributed';
      return `“${body}” — ${who}`;
    })
    .join('\n');
}
