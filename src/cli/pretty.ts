import type { Analysis, Entity, EntityType, Span } from '../engine/index';

const SECTIONS: ReadonlyArray<[EntityType, string]> = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['event', 'Events'],
];

/** How much of a quote to show before cutting it with '…'. */
const QUOTE_WIDTH = 110;

/**
 * A human summary of one analysis, for `--pretty`: dateline, quotes with their speakers and
 * line numbers, entities by type with roles and mention counts, keywords, notes.
 */
export function formatPretty(label: string, text: string, analysis: Analysis): string {
  const lineOf = lineIndex(text);
  const where = (span: Span) => `${label}:${lineOf(span.start)}`;
  const names = new Map(analysis.entities.map(e => [e.id, e] as const));
  const out: string[] = [];

  out.push(`${label}  (${analysis.textLength.toLocaleString('en-US')} characters)`);

  const d = analysis.dateline;
  if (d) {
    const parts = [d.place && `place ${d.place}`, d.date && `date ${d.date}`, d.source && `source ${d.source}`].filter(Boolean);
    out.push(`Dateline  ${oneLine(slice(text, d.span))}${parts.length ? `  (${parts.join(', ')})` : ''}`);
  } else {
    out.push('Dateline  none found');
  }

  out.push('', `Quotes (${analysis.quotes.length})`);
  analysis.quotes.forEach((q, i) => {
    const speaker = q.speakerId !== undefined ? names.get(q.speakerId)?.name : undefined;
    const mention = q.speakerMention ? slice(text, q.speakerMention) : undefined;
    const who = speaker ?? mention ?? '(no speaker)';
    const how = q.cue ? ` [${oneLine(slice(text, q.cue))}]` : '';
    const via = speaker && mention && mention !== speaker ? ` (as "${oneLine(mention)}")` : '';
    out.push(`  ${i + 1}. ${who}${via}${how}  ${where(q.span)}`);
    out.push(`     ${truncate(oneLine(slice(text, q.span)), QUOTE_WIDTH)}`);
  });

  for (const [type, title] of SECTIONS) {
    const entities = analysis.entities.filter(e => e.type === type);
    if (entities.length === 0) continue;
    out.push('', `${title} (${entities.length})`);
    for (const e of byMentions(entities)) out.push(`  ${describeEntity(e)}`);
  }

  if (analysis.keywords.length > 0) {
    out.push('', `Keywords  ${analysis.keywords.map(k => k.phrase).join(', ')}`);
  }
  if (analysis.notes.length > 0) {
    out.push('', `Notes (${analysis.notes.length})`);
    for (const n of analysis.notes) out.push(`  ${n.span ? where(n.span) + '  ' : ''}${n.message}`);
  }
  return out.join('\n') + '\n';
}

function describeEntity(e: Entity): string {
  const parts = [e.name];
  if (e.role) parts.push(`— ${e.role}`);
  parts.push(`×${e.mentions.length}`);
  if (e.aliases.length > 0) parts.push(`(also ${e.aliases.map(a => `"${a}"`).join(', ')})`);
  return parts.join(' ');
}

/** Most mentioned first; ties in order of first appearance. */
function byMentions(entities: Entity[]): Entity[] {
  return entities
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.mentions.length - a.e.mentions.length || a.i - b.i)
    .map(x => x.e);
}

function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function truncate(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, width - 1) + '…';
}

/** Offset → 1-based line number, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return offset => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
