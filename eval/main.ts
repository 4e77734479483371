// `npm run eval [corpora-dir] [--only=names,quotes,keywords] [--dev] [--limit=N] [--no-compromise]`
//
// Scores Press Lens (through analyze(), as the editor and CLI call it) and compromise on the
// same documents of the public gold sets in ../shared/corpora, prints one table and writes it to
// eval/RESULTS.md. Test splits are only reported here: nothing is tuned on them.
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import {
  addCounts, countExact, iou, matchOneToOne, meanScores, normalizePhrase, overlaps, prf, scoreTopK, typewriterQuotes, zeroCounts,
  type Counts, type GoldAttribution, type Scores, type Span,
} from './metrics';
import { compromise, pressLens, type QuotePrediction, type System } from './systems';
import { projectRoot } from './projectRoot';

type Task = 'names' | 'quotes' | 'keywords';

interface Corpus {
  task: Task; label: string; file: string; split: 'dev' | 'test';
  /** Said on the set's names row: e.g. that the shipped model was trained on it. */
  note?: string;
}

const CORPORA: Corpus[] = [
  // Selection set of the name tagger, then training data of the shipped model (scripts/train.ts
  // retrains on train + valid once the settings are chosen): this row is not a held-out figure.
  { task: 'names', label: 'CoNLL-2003 valid', file: 'conll2003/valid.jsonl', split: 'dev', note: 'seen in training: the shipped model is trained on train + valid' },
  { task: 'names', label: 'CoNLL-2003 test', file: 'conll2003/test.jsonl', split: 'test' },
  { task: 'names', label: 'Wikigold', file: 'wikigold/all.jsonl', split: 'test' },
  { task: 'quotes', label: 'PolNeAR dev', file: 'polnear/dev.jsonl', split: 'dev' },
  { task: 'quotes', label: 'PolNeAR test', file: 'polnear/test.jsonl', split: 'test' },
  { task: 'keywords', label: '500N-KPCrowd', file: 'kpcrowd500n/test.jsonl', split: 'test' },
];

const NAME_TYPES = ['PER', 'ORG', 'LOC'] as const;

interface Row {
  task: string;
  data: string;
  /** How many gold items (or documents) the row is over. */
  n: string;
  ours: Scores;
  theirs?: Scores;
  note?: string;
}

interface Speed { data: string; bytes: number; ms: Map<string, number> }

interface NameDoc { id: string; text: string; entities: Array<Span & { type: string }> }
interface GoldQuote { start: number; end: number; speakerStart?: number | null; speakerEnd?: number | null }
interface QuoteDoc { id: string; text: string; quotes: GoldQuote[]; attributions?: GoldAttribution[] }
interface KeywordDoc { id: string; text: string; titleOnly: boolean; keyphrases: string[] }

// ------------------------------------------------------------------------------------------------

/**
 * Runs one system over every document and hands its predictions to `score`. Timed: the parse and
 * the reading of predictions from it (compromise does real work in people(), quotations()...);
 * not timed: scoring. The first documents are run once untimed, so JIT warm-up is not counted.
 */
function runSystem<P, R, D extends { id: string; text: string }>(
  system: System<P>, docs: D[], speed: Speed, read: (parsed: P) => R, score: (index: number, predicted: R | undefined) => void,
): void {
  for (const doc of docs.slice(0, 3)) {
    try { read(system.prepare(doc.text)); } catch { /* reported below */ }
  }
  let ms = 0;
  let failures = 0;
  docs.forEach((doc, index) => {
    let predicted: R | undefined;
    const t0 = performance.now();
    try {
      predicted = read(system.prepare(doc.text));
    } catch (error) {
      if (failures++ < 3) console.error(`  ${system.name} failed on ${doc.id}: ${(error as Error).message}`);
    }
    ms += performance.now() - t0;
    score(index, predicted);
  });
  if (failures > 0) console.error(`  ${system.name}: ${failures} documents failed (scored as empty predictions)`);
  speed.ms.set(system.name, ms);
}

function evalNames(docs: NameDoc[], data: string, systems: System<unknown>[], speed: Speed, note?: string): Row[] {
  const gold = docs.map(d => d.entities.filter(e => (NAME_TYPES as readonly string[]).includes(e.type)));
  const goldCount = (type?: string) => gold.reduce((s, g) => s + g.filter(e => !type || e.type === type).length, 0);
  const results = systems.map(system => {
    const byType = new Map(NAME_TYPES.map(t => [t as string, zeroCounts()] as const));
    runSystem(system, docs, speed, parsed => system.names(parsed), (i, predicted = []) => {
      for (const [type, c] of countExact(gold[i], predicted, NAME_TYPES)) addCounts(byType.get(type)!, c);
    });
    const all = zeroCounts();
    for (const c of byType.values()) addCounts(all, c);
    return { all, byType };
  });
  const [ours, theirs] = results;
  const rows: Row[] = [{ task: 'names: exact span+type, micro', data, n: `${goldCount()} names`, ours: prf(ours.all), theirs: theirs && prf(theirs.all), note }];
  for (const type of NAME_TYPES) {
    rows.push({ task: `  ${type}`, data, n: `${goldCount(type)}`, ours: prf(ours.byType.get(type)!), theirs: theirs && prf(theirs.byType.get(type)!) });
  }
  return rows;
}

/**
 * The direct quotations of one document: the corpus's `quotes`, plus those in the New York
 * Times' typewriter marks ("''We won,'' he said.") that the corpus converter filed as indirect
 * (see typewriterQuotes), each with its attribution's source.
 */
function goldDirectQuotes(doc: QuoteDoc): { quotes: GoldQuote[]; added: number } {
  const added: GoldQuote[] = (doc.attributions ?? []).flatMap(a => typewriterQuotes(doc.text, a).map(span => ({
    ...span, speakerStart: a.speakerStart, speakerEnd: a.speakerEnd,
  })));
  const quotes = [...doc.quotes, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  return { quotes, added: added.length };
}

interface QuoteCounts {
  loose: Counts;
  exact: Counts;
  source: Counts;
  matchedWithSpeaker: number;
}

/**
 * Scores what the system itself calls direct (a quote wrongly called partial is a miss, one
 * wrongly called direct a false positive) against one gold list: span IoU >= 0.5 one-to-one,
 * exact ends ±1 character, and the source (predicted speaker words overlap the annotated source
 * span: "he", "Caddell", "the campaign"; counted over matched quotes, so a speaker for a quote
 * not found cannot score).
 */
function scoreDirect(counts: QuoteCounts, gold: readonly GoldQuote[], all: readonly QuotePrediction[]): void {
  const predicted = all.filter(q => !q.partial);
  const goldSpans: Span[] = gold.map(q => ({ start: q.start, end: q.end }));
  const predSpans = predicted.map(q => q.span);
  const pairs = matchOneToOne(goldSpans, predSpans, (g, p) => iou(g, p) >= 0.5, iou);
  addCounts(counts.loose, { tp: pairs.length, fp: predSpans.length - pairs.length, fn: goldSpans.length - pairs.length });
  const near = (g: Span, p: Span) => Math.abs(g.start - p.start) <= 1 && Math.abs(g.end - p.end) <= 1;
  const exactPairs = matchOneToOne(goldSpans, predSpans, near, iou);
  addCounts(counts.exact, { tp: exactPairs.length, fp: predSpans.length - exactPairs.length, fn: goldSpans.length - exactPairs.length });
  let correct = 0;
  for (const [gi, pi] of pairs) {
    const g = gold[gi];
    if (g.speakerStart == null || g.speakerEnd == null) continue;
    counts.matchedWithSpeaker++;
    const speaker = predicted[pi].speaker;
    if (speaker && overlaps(speaker, { start: g.speakerStart, end: g.speakerEnd })) correct++;
  }
  const predWithSpeaker = predicted.filter(q => q.speaker).length;
  const withSpeaker = gold.filter(q => q.speakerStart != null).length;
  addCounts(counts.source, { tp: correct, fp: predWithSpeaker - correct, fn: withSpeaker - correct });
}

function zeroQuoteCounts(): QuoteCounts {
  return { loose: zeroCounts(), exact: zeroCounts(), source: zeroCounts(), matchedWithSpeaker: 0 };
}

function evalQuotes(docs: QuoteDoc[], data: string, systems: System<unknown>[], speed: Speed): Row[] {
  const golds = docs.map(goldDirectQuotes);
  const typewriter = golds.reduce((s, g) => s + g.added, 0);
  const corpusQuotes = docs.reduce((s, d) => s + d.quotes.length, 0);
  const corpusWithSpeaker = docs.reduce((s, d) => s + d.quotes.filter(q => q.speakerStart != null).length, 0);
  const results = systems.map(system => {
    // The corpus's own list, unchanged: the figures to quote.
    const corpus = zeroQuoteCounts();
    // The same list plus the quotations in '' marks the corpus converter missed (goldDirectQuotes).
    const corrected = zeroQuoteCounts();
    const strict = zeroCounts();
    runSystem(system, docs, speed, parsed => system.quotes(parsed), (i, all = []) => {
      scoreDirect(corpus, docs[i].quotes, all);
      scoreDirect(corrected, golds[i].quotes, all);
      // Strict: every predicted quote, partial ones too, against the corpus's own list.
      const corpusSpans: Span[] = docs[i].quotes.map(q => ({ start: q.start, end: q.end }));
      const allSpans = all.map(q => q.span);
      const strictPairs = matchOneToOne(corpusSpans, allSpans, (g, p) => iou(g, p) >= 0.5, iou);
      addCounts(strict, { tp: strictPairs.length, fp: allSpans.length - strictPairs.length, fn: corpusSpans.length - strictPairs.length });
    });
    return { corpus, corrected, strict, hasSpeakers: system.hasSpeakers };
  });
  const [ours, theirs] = results;
  const accuracy = (r: QuoteCounts) => r.matchedWithSpeaker === 0 ? 'n/a' : pct(r.source.tp / r.matchedWithSpeaker);
  const noSpeakers = theirs && !theirs.hasSpeakers ? '; compromise has no speakers' : '';
  const rows: Row[] = [
    { task: 'direct quotes: IoU >= 0.5, one-to-one', data, n: `${corpusQuotes} quotes`, ours: prf(ours.corpus.loose), theirs: theirs && prf(theirs.corpus.loose), note: 'predictions marked partial left out' },
    { task: 'direct quotes: exact span ±1 char', data, n: `${corpusQuotes} quotes`, ours: prf(ours.corpus.exact), theirs: theirs && prf(theirs.corpus.exact), note: 'predictions marked partial left out' },
    {
      task: 'quote source: speaker overlaps', data, n: `${corpusWithSpeaker} with source`, ours: prf(ours.corpus.source),
      theirs: theirs && theirs.hasSpeakers ? prf(theirs.corpus.source) : undefined,
      note: `direct quotes; accuracy on matched quotes: ${accuracy(ours.corpus)}${noSpeakers}`,
    },
    {
      task: 'all quotes incl. partial, strict', data, n: `${corpusQuotes} quotes`, ours: prf(strict(ours)), theirs: theirs && prf(strict(theirs)),
      note: 'every predicted quote against the corpus list as is',
    },
  ];
  if (typewriter > 0) {
    const n = `${corpusQuotes}+${typewriter} quotes`;
    const note = `gold + ${typewriter} quotations in '' marks the corpus converter filed as indirect`;
    rows.push(
      { task: "direct quotes: IoU >= 0.5, gold + '' marks", data, n, ours: prf(ours.corrected.loose), theirs: theirs && prf(theirs.corrected.loose), note },
      {
        task: "quote source: gold + '' marks", data, n, ours: prf(ours.corrected.source),
        theirs: theirs && theirs.hasSpeakers ? prf(theirs.corrected.source) : undefined,
        note: `accuracy on matched quotes: ${accuracy(ours.corrected)}${noSpeakers}`,
      },
    );
  }
  return rows;
}

function strict(result: { strict: Counts }): Counts {
  return result.strict;
}

function evalKeywords(docs: KeywordDoc[], data: string, systems: System<unknown>[], speed: Speed): Row[] {
  const gold = docs.map(d => new Set(d.keyphrases.map(normalizePhrase).filter(k => k !== '')));
  const results = systems.map(system => {
    const at5: Scores[] = [];
    const at10: Scores[] = [];
    runSystem(system, docs, speed, parsed => system.keywords(parsed), (i, predicted = []) => {
      at5.push(scoreTopK(predicted, gold[i], 5));
      at10.push(scoreTopK(predicted, gold[i], 10));
    });
    return { at5: meanScores(at5), at10: meanScores(at10) };
  });
  const [ours, theirs] = results;
  const n = `${docs.length} docs`;
  return [
    { task: 'keywords @5, stemmed, macro', data, n, ours: ours.at5, theirs: theirs?.at5 },
    { task: 'keywords @10, stemmed, macro', data, n, ours: ours.at10, theirs: theirs?.at10 },
  ];
}

// ------------------------------------------------------------------------------------------------

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

function cells(s: Scores | undefined): string[] {
  return s ? [pct(s.p), pct(s.r), pct(s.f1)] : ['n/a', 'n/a', 'n/a'];
}

function header(systems: System<unknown>[]): string[] {
  return ['Task', 'Data', 'Gold', ...systems.flatMap(s => [`${s.name} P`, 'R', 'F1']), 'Notes'];
}

function rowCells(row: Row, systems: System<unknown>[]): string[] {
  return [row.task, row.data, row.n, ...cells(row.ours), ...(systems.length > 1 ? cells(row.theirs) : []), row.note ?? ''];
}

function speedCells(s: Speed, systems: System<unknown>[]): string[] {
  const mbps = (name: string) => {
    const ms = s.ms.get(name);
    return ms === undefined || ms === 0 ? undefined : s.bytes / 1e6 / (ms / 1000);
  };
  const ours = mbps(systems[0].name);
  const theirs = systems[1] && mbps(systems[1].name);
  return [
    s.data,
    (s.bytes / 1e6).toFixed(2),
    ours === undefined ? 'n/a' : ours.toFixed(2),
    ...(systems[1] ? [theirs === undefined ? 'n/a' : theirs.toFixed(3), ours && theirs ? `${(ours / theirs).toFixed(0)}×` : 'n/a'] : []),
  ];
}

function speedHeader(systems: System<unknown>[]): string[] {
  return ['Data', 'MB (UTF-8)', `${systems[0].name} MB/s`, ...(systems[1] ? [`${systems[1].name} MB/s`, 'Press Lens faster'] : [])];
}

function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
  const numeric = (s: string) => /^[\d.]+×?$|^n\/a$/.test(s);
  const line = (r: string[]) => r.map((c, i) => (numeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(head: string[], rows: string[][]): string {
  const escape = (c: string) => c.replace(/\|/g, '\\|').replace(/^ +/, m => '&nbsp;'.repeat(m.length * 2));
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i >= 2 && i < head.length - 1 ? '---:' : '---')).join('|')}|`,
    ...rows.map(r => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

// ------------------------------------------------------------------------------------------------

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter(l => l.trim() !== '').map(l => JSON.parse(l) as T);
}

function gitDescription(root: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/engine'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${commit} plus uncommitted changes in src/engine` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

interface Args { corpora?: string; only?: Set<Task>; limit?: number; compromise: boolean; devOnly: boolean }

function parseArgs(argv: string[]): Args {
  const args: Args = { compromise: true, devOnly: false };
  for (const arg of argv) {
    if (arg === '--no-compromise') args.compromise = false;
    // While working on the engine: dev/valid splits only, so test figures are not even seen.
    else if (arg === '--dev') args.devOnly = true;
    else if (arg.startsWith('--only=')) args.only = new Set(arg.slice(7).split(',') as Task[]);
    else if (arg.startsWith('--limit=')) args.limit = Number(arg.slice(8));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run eval -- [corpora-dir] [--only=names,quotes,keywords] [--dev] [--limit=N] [--no-compromise]\n' +
        'Default corpora-dir: ../shared/corpora from the project root. eval/RESULTS.md is written only by a full run.');
      process.exit(0);
    } else if (arg.startsWith('-')) {
      console.error(`eval: unknown option ${arg}`);
      process.exit(2);
    } else args.corpora = arg;
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const dir = resolve(root, args.corpora ?? '../shared/corpora');
  if (!existsSync(dir)) {
    console.error(`eval: corpora folder ${dir} does not exist.\nPass its path: npm run eval -- /path/to/corpora`);
    process.exit(1);
  }
  const systems = (args.compromise ? [pressLens, compromise] : [pressLens]) as System<unknown>[];
  const rows: Row[] = [];
  const speeds: Speed[] = [];
  const missing: string[] = [];
  const started = performance.now();

  for (const corpus of CORPORA) {
    if (args.only && !args.only.has(corpus.task)) continue;
    if (args.devOnly && corpus.split !== 'dev') continue;
    const path = join(dir, corpus.file);
    if (!existsSync(path)) {
      missing.push(corpus.file);
      console.error(`eval: ${path} is missing; ${corpus.label} skipped`);
      continue;
    }
    let docs = readJsonl<{ id: string; text: string; titleOnly?: boolean }>(path);
    if (corpus.task === 'keywords') docs = docs.filter(d => !d.titleOnly);
    if (args.limit !== undefined) docs = docs.slice(0, args.limit);
    const data = corpus.split === 'test' ? `${corpus.label} (test)` : corpus.label;
    const speed: Speed = { data: corpus.label, bytes: docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0), ms: new Map() };
    console.error(`eval: ${corpus.task} · ${corpus.label}: ${docs.length} documents…`);
    if (corpus.task === 'names') rows.push(...evalNames(docs as NameDoc[], data, systems, speed, corpus.note));
    if (corpus.task === 'quotes') rows.push(...evalQuotes(docs as QuoteDoc[], data, systems, speed));
    if (corpus.task === 'keywords') rows.push(...evalKeywords(docs as KeywordDoc[], data, systems, speed));
    speeds.push(speed);
  }

  const table = rows.map(r => rowCells(r, systems));
  const speedTable = speeds.map(s => speedCells(s, systems));
  console.log('\n' + textTable(header(systems), table));
  console.log('\nThroughput (analyze() for Press Lens; nlp() and the calls each task needs for compromise):\n');
  console.log(textTable(speedHeader(systems), speedTable));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s; "(test)" = test split, reported only, never tuned on)`);

  const full = !args.only && !args.devOnly && args.limit === undefined && args.compromise && missing.length === 0;
  if (!full) {
    console.log('eval/RESULTS.md not written: only a full run (all corpora, compromise included, no --only/--limit) writes it.');
    return;
  }
  const out = join(root, 'eval/RESULTS.md');
  writeFileSync(out, resultsMarkdown(root, dir, table, speedTable, systems));
  console.log(`Wrote ${out}`);
}

function resultsMarkdown(root: string, dir: string, table: string[][], speedTable: string[][], systems: System<unknown>[]): string {
  return `# Press Lens: accuracy on public gold sets

Generated by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} at commit ${gitDescription(root)}
(Node ${process.version}; corpora from \`${relative(root, dir)}\`, see each README there).
Precision, recall and F1 in percent; Press Lens and compromise on the same documents.
"(test)" marks test and evaluation-only sets: reported here, never used for tuning. The other
rows (CoNLL-2003 valid, PolNeAR dev) are development sets the engine is tuned on (the name
tagger's settings are chosen on CoNLL valid, and the shipped model is then trained on train +
valid, so its valid row is a training-set figure), so the test rows are the fair figures.

${markdownTable(header(systems), table)}

How each row is scored:
- **names**: conlleval style, a mention is right only with the exact span and type; micro-averaged
  over mentions, then per type. Our person/organization/place map to PER/ORG/LOC; our events and
  the gold MISC are dropped entirely.
- **direct quotes**: PolNeAR \`quotes\` (direct quotations, marks included: the attributed
  content starts with the quotation mark), plus the direct quotations in the New York Times'
  typewriter marks (\`''We won,'' he said.\`) that the corpus converter files as indirect because
  it only knows “ " ‘ « as opening marks (\`typewriterQuotes\` in \`eval/metrics.ts\`). Predicted
  quotes the system itself marks \`partial\` (embedded in the reporter's sentence: \`called it
  "a disaster"\`) are left out, so a direct quote wrongly called partial is a miss and a partial
  one called direct a false positive. A predicted quote matches a gold one when their spans'
  intersection over union is at least 0.5, one-to-one; the second row requires both ends within
  one character.
- **all quotes incl. partial, strict**: every predicted quote, partial or not, against the
  corpus's \`quotes\` exactly as distributed (no typewriter-mark additions), IoU >= 0.5. Partial
  quotes count as false positives here, since the corpus lists direct quotations only.
- **quote source**: a predicted speaker mention is right when it overlaps the annotated source
  span (which may be a pronoun or a noun phrase) of a matched direct quote. P over quotes we gave a
  speaker, R over gold quotes that have a source; the note gives accuracy over matched quotes.
- **keywords**: 500N-KPCrowd without its title-only documents; the first 5 / 10 distinct
  predictions against the gold set, both lower-cased, split into words and Porter-stemmed (npm
  \`stemmer\`), whole phrases must be equal. P divides by the number of predictions (at most k).
  Per-document P/R/F1, then the macro average over documents.
- **compromise** (v14): \`people()/organizations()/places()\`, \`quotations()\`, and for keywords
  its \`topics()\` plus \`#Noun+\` runs ranked by frequency (it has no keyword ranking and no
  speaker attribution); see \`eval/systems.ts\`.

Throughput, analyze() for Press Lens and nlp() plus the calls each task needs for compromise (wall
clock, one thread, on a machine shared with other work; \`npm run bench\` measures speed properly):

${markdownTable(speedHeader(systems), speedTable)}
`;
}

main();
