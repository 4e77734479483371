import type { Analysis, Quote, Span } from '../engine/index';
import { ENTITY_TYPES, GROUP_LABEL, type Category } from './categories';
import { bySpan, indexOf, snippet } from './annotationIndex';

/**
 * The tree both the Outline view and the Press Lens panel show: Dateline, Quotes grouped by
 * speaker, People, Organizations, Places, Events, Keywords, with mentions as leaves. Pure data,
 * so the two views cannot drift apart.
 */
export interface OutlineNode {
  /** Unique among siblings' paths: the tree view uses it to keep expansion state across edits. */
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
  readonly kind: 'group' | 'dateline' | 'speaker' | 'quote' | 'entity' | 'keyword' | 'mention';
  readonly category: Category;
  /** What a click selects. */
  readonly selection: Span;
  /** Everything the node covers (contains `selection` and all children). */
  readonly range: Span;
  readonly children: readonly OutlineNode[];
}

const UNATTRIBUTED = 'Unattributed';

export function buildOutline(analysis: Analysis, text: string): OutlineNode[] {
  const index = indexOf(analysis);
  const nodes: OutlineNode[] = [];
  const { dateline } = analysis;
  if (dateline) {
    const detail = [dateline.place, dateline.date, dateline.source].filter(Boolean).join(' · ');
    nodes.push(leaf('dateline', 'Dateline', detail || snippet(text, dateline.span), 'dateline', 'dateline', dateline.span));
  }

  if (index.quotes.length > 0) {
    // Speakers in order of their first quote; quotes with no resolved speaker go last.
    const bySpeaker = new Map<string, { name: string; quotes: typeof index.quotes[number][] }>();
    for (const quote of index.quotes) {
      const entity = quote.speakerId ? index.entityById.get(quote.speakerId) : undefined;
      const key = entity?.id ?? UNATTRIBUTED;
      const group = bySpeaker.get(key) ?? { name: entity?.name ?? UNATTRIBUTED, quotes: [] };
      group.quotes.push(quote);
      bySpeaker.set(key, group);
    }
    const keys = [...bySpeaker.keys()].sort((a, b) => (a === UNATTRIBUTED ? 1 : 0) - (b === UNATTRIBUTED ? 1 : 0));
    const speakers = keys.map(key => {
      const { name, quotes } = bySpeaker.get(key)!;
      const children = quotes.map(q =>
        leaf(`quote:${q.span.start}`, snippet(text, q.content), quoteDetail(text, q), 'quote', 'quote', q.span),
      );
      return group(`speaker:${key}`, name, count(quotes.length, 'quote'), 'speaker', 'speaker', children);
    });
    nodes.push(group('quotes', 'Quotes', String(index.quotes.length), 'group', 'quote', speakers));
  }

  for (const type of ENTITY_TYPES) {
    const entities = analysis.entities.filter(e => e.type === type && e.mentions.length > 0);
    if (entities.length === 0) continue;
    const sorted = [...entities].sort((a, b) => bySpan(a.mentions[0], b.mentions[0]));
    const children = sorted.map(entity =>
      group(`entity:${entity.id}`, entity.name, entity.role ?? count(entity.mentions.length, 'mention'), 'entity', type, mentionNodes(entity.id, entity.mentions, type, text)),
    );
    nodes.push(group(type, GROUP_LABEL[type].plural, String(entities.length), 'group', type, children));
  }

  const keywords = analysis.keywords.filter(k => k.mentions.length > 0);
  if (keywords.length > 0) {
    const children = keywords.map(k =>
      group(`keyword:${k.phrase}`, k.phrase, count(k.mentions.length, 'mention'), 'keyword', 'keyword', mentionNodes(`keyword:${k.phrase}`, k.mentions, 'keyword', text)),
    );
    nodes.push(group('keywords', GROUP_LABEL.keyword.plural, String(keywords.length), 'group', 'keyword', children));
  }
  return nodes;
}

/**
 * Mentions as children, at most MAX_MENTIONS of them: a phrase repeated 60,000 times on one line
 * would otherwise make 60,000 symbols and stall the Outline. The rest are summed up in the
 * parent's detail ("60000 mentions"); the decorations still show every one.
 */
export const MAX_MENTIONS = 200;

function mentionNodes(owner: string, mentions: readonly Span[], category: Category, text: string): OutlineNode[] {
  const shown = mentions.length > MAX_MENTIONS ? [...mentions].sort(bySpan).slice(0, MAX_MENTIONS) : [...mentions].sort(bySpan);
  return shown.map(span => leaf(`${owner}@${span.start}`, snippet(text, span, 80), undefined, 'mention', category, span));
}

function leaf(id: string, label: string, detail: string | undefined, kind: OutlineNode['kind'], category: Category, span: Span): OutlineNode {
  return { id, label: label || '(empty)', detail, kind, category, selection: span, range: span, children: [] };
}

/** A parent selects its first child and covers all of them, so breadcrumbs follow the cursor. */
function group(id: string, label: string, detail: string | undefined, kind: OutlineNode['kind'], category: Category, children: OutlineNode[]): OutlineNode {
  let start = Infinity;
  let end = -Infinity;
  for (const child of children) {
    start = Math.min(start, child.range.start);
    end = Math.max(end, child.range.end);
  }
  const range = children.length > 0 ? { start, end } : { start: 0, end: 0 };
  return { id, label: label || '(empty)', detail, kind, category, selection: children[0]?.selection ?? range, range, children };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The cue, and 'partial' for a quote embedded in the reporter's sentence: 'said · partial'. */
function quoteDetail(text: string, quote: Quote): string | undefined {
  const cue = quote.cue ? text.slice(quote.cue.start, quote.cue.end) : undefined;
  if (!quote.partial) return cue;
  return cue ? `${cue} · partial` : 'partial';
}
