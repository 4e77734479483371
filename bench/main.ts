// `npm run bench [corpora-dir] [--runs=N]`
//
// Speed side by side on the same texts: Press Lens analyze() against compromise (nlp(text) plus
// the calls that give comparable annotations) and a plain tokenizer as a floor. Inputs: the
// sample article, ~5 MB of news built from corpus documents, and pathological inputs. Checks the
// engine's >= 5 MB/s budget on news text and prints PASS/FAIL; exits 0 either way (speed is
// judged here by a person, never by tests).
import nlp from 'compromise';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { analyze } from '../src/engine/index';
// Deep imports, for the per-stage breakdown only: the bench is a developer tool, not a client.
import { emptyDoc, STAGES, type Doc } from '../src/engine/pipeline';
import { resolveOptions } from '../src/engine/options';
import { projectRoot } from '../eval/projectRoot';

const BUDGET_MB_PER_S = 5;

interface Contender {
  name: string;
  run(text: string): unknown;
  /** Skip inputs larger than this many UTF-16 units: a contender that would take minutes on them. */
  maxLength?: number;
}

const contenders: Contender[] = [
  { name: 'Press Lens', run: text => analyze(text) },
  {
    name: 'compromise',
    // The same kinds of annotation we produce: names by type, quotations, topics.
    run: text => {
      const doc = nlp(text);
      return [doc.people().out('offset'), doc.places().out('offset'), doc.organizations().out('offset'), doc.quotations().out('offset'), doc.topics().out('array')];
    },
    // compromise runs at tens of KB/s (offsets included); 5 MB would take minutes, so it gets a
    // 50 KB slice of the big inputs and its MB/s is computed on what it ran (about linear).
    maxLength: 50_000,
  },
  {
    // A floor no annotator can beat: one pass of a word regular expression over the text.
    name: 'tokenizer floor',
    run: text => {
      let n = 0;
      const word = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
      while (word.exec(text) !== null) n++;
      return n;
    },
  },
];

/**
 * One text, or a corpus of articles analysed one call each (`docs`; `text` is then their join,
 * for sizes and labels): an editor analyses one article at a time, and what each call costs on its
 * own (setting up per-document tables, the first sight of a document's words) does not show on
 * one 5 MB text.
 */
interface Input { name: string; text: string; news: boolean; docs?: string[] }

/** Deterministic pseudo-random numbers (mulberry32), so every run benches the same junk. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** PolNeAR dev and CoNLL valid documents; empty if the corpora are missing. */
function newsDocs(corpora: string): string[] {
  const texts: string[] = [];
  for (const file of ['polnear/dev.jsonl', 'conll2003/valid.jsonl']) {
    const path = join(corpora, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts;
}

/** ~5 MB of news: PolNeAR dev and CoNLL valid documents, repeated; or the sample if missing. */
function newsText(corpora: string, sample: string): { text: string; from: string } {
  const texts = newsDocs(corpora);
  const from = texts.length > 0 ? 'PolNeAR dev + CoNLL valid documents' : 'the sample repeated (corpora missing)';
  if (texts.length === 0) texts.push(sample);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 5_000_000; i = (i + 1) % texts.length) {
    parts.push(texts[i]);
    length += texts[i].length + 2;
  }
  return { text: parts.join('\n\n'), from };
}

function pathologicalInputs(sample: string): Input[] {
  const rand = random(42);
  const sentence = sample.replace(/\s+/g, ' ');
  let line = '';
  while (line.length < 2_000_000) line += sentence + ' ';
  const marks = ['"', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', "'"];
  let quotes = '';
  for (let i = 0; i < 100_000; i++) quotes += marks[Math.floor(rand() * marks.length)] + (rand() < 0.5 ? 'word ' : ' ');
  let junk = '';
  for (let i = 0; i < 1_000_000; i++) {
    // Mostly printable bytes with some control characters and high Latin-1: what a binary file
    // read as text looks like, minus NULs (which analyze() refuses at once).
    const c = Math.floor(rand() * 256);
    junk += String.fromCharCode(c === 0 ? 32 : c);
  }
  // Junk that still looks like text (passes the binary check): random "words" of letters, digits,
  // capitals and punctuation, so every stage runs on nonsense.
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?-()"\'\u201c\u201d';
  let soup = '';
  while (soup.length < 1_000_000) {
    const n = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) soup += alphabet[Math.floor(rand() * alphabet.length)];
    soup += rand() < 0.05 ? '\n\n' : ' ';
  }
  const emojiRtl = ('Leaders 😀🎉👩‍👩‍👧 met «Ahmed» in القاهرة and said "שלום עליכם" 🇨🇭 ' +
    'وقال الوزير «نحن سعداء» اليوم. ראש הממשלה אמר "נמשיך". ').repeat(8000);
  return [
    { name: '2 MB line, no breaks', text: line, news: false },
    { name: '100k unbalanced quote marks', text: quotes, news: false },
    { name: '1 MB binary junk (refused)', text: junk, news: false },
    { name: '1 MB text-like junk', text: soup, news: false },
    { name: 'emoji + RTL text', text: emojiRtl, news: false },
  ];
}

/** The first documents up to `maxLength` UTF-16 units in all (at least one), or all of them. */
function firstDocs(docs: string[], maxLength = Infinity): string[] {
  const out: string[] = [];
  let length = 0;
  for (const d of docs) {
    if (out.length > 0 && length + d.length > maxLength) break;
    out.push(d);
    length += d.length;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median wall time in ms of up to `runs` runs after `warmups` untimed ones. Stops early once
 * 3 runs have been timed and `budgetMs` has passed, so slow contenders keep the bench short.
 */
function time(run: () => unknown, runs: number, warmups: number, budgetMs = 4000): number {
  const start = performance.now();
  for (let i = 0; i < warmups && performance.now() - start < budgetMs / 4; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    if (times.length >= 3 && performance.now() - start > budgetMs) break;
  }
  return median(times);
}

/**
 * Milliseconds each stage takes on `text` (median of `runs`), running the stages in pipeline
 * order on one Doc as runPipeline does; tells which stage to speed up when the budget fails.
 */
function stageTimes(texts: string[], runs: number): Map<string, number> {
  const all = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    const sums = new Map<string, number>();
    for (const text of texts) {
      const doc: Doc = emptyDoc(text, resolveOptions());
      for (const stage of STAGES) {
        const t0 = performance.now();
        Object.assign(doc, stage.run(doc));
        sums.set(stage.name, (sums.get(stage.name) ?? 0) + performance.now() - t0);
      }
    }
    for (const [name, ms] of sums) all.set(name, [...(all.get(name) ?? []), ms]);
  }
  return new Map([...all].map(([name, times]) => [name, median(times)]));
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const runsArg = args.find(a => a.startsWith('--runs='));
  const root = projectRoot();
  const corpora = resolve(root, args.find(a => !a.startsWith('-')) ?? '../shared/corpora');
  const sample = readFileSync(join(root, 'samples/trend-azerbaijan-serbia.txt'), 'utf8');
  const news = newsText(corpora, sample);
  const articles = newsDocs(corpora);
  const inputs: Input[] = [
    { name: 'sample article', text: sample, news: true },
    ...(articles.length > 0 ? [{ name: `${articles.length} articles, one call each`, text: articles.join('\n\n'), docs: articles, news: true }] : []),
    { name: `~5 MB news`, text: news.text, news: true },
    ...pathologicalInputs(sample),
  ];
  console.log(`Press Lens bench · Node ${process.version} · median of N runs after warm-up · news = ${news.from}\n`);

  const head = ['Input', 'MB', ...contenders.flatMap(c => [`${c.name} ms`, 'MB/s']), 'Press Lens × compromise'];
  const rows: string[][] = [];
  let budgetOk = true;
  const budgetLines: string[] = [];
  for (const input of inputs) {
    const row = [input.name, (Buffer.byteLength(input.text) / 1e6).toFixed(2)];
    const rates = new Map<string, number>();
    for (const c of contenders) {
      const docs = input.docs ? firstDocs(input.docs, c.maxLength) : undefined;
      const text = docs ? docs.join('\n\n') : c.maxLength !== undefined && input.text.length > c.maxLength ? input.text.slice(0, c.maxLength) : input.text;
      const mb = docs ? docs.reduce((sum, d) => sum + Buffer.byteLength(d), 0) / 1e6 : Buffer.byteLength(text) / 1e6;
      // Small inputs need many runs for a stable median (a sub-millisecond call meets a garbage
      // collection now and then), so --runs raises their count but never lowers it below 51; big
      // ones take long enough on their own.
      const asked = runsArg ? Number(runsArg.slice(7)) : 7;
      const runs = text.length < 100_000 ? Math.max(51, asked) : asked;
      // Small inputs: enough calls for the JIT to settle. Articles: a few passes, since the first
      // one also meets every word of the corpus for the first time (cold caches, not steady state).
      const warmups = text.length < 100_000 ? 200 : docs ? 5 : 1;
      let ms: number;
      try {
        ms = time(docs ? () => docs.forEach(d => c.run(d)) : () => c.run(text), runs, warmups, docs ? 10_000 : undefined);
      } catch (error) {
        row.push('threw', (error as Error).message.slice(0, 30));
        continue;
      }
      const rate = mb / (ms / 1000);
      rates.set(c.name, rate);
      row.push(ms.toFixed(ms < 10 ? 2 : 0) + (text !== input.text ? '*' : ''), rate.toFixed(rate < 1 ? 3 : 1));
    }
    const ours = rates.get('Press Lens');
    const theirs = rates.get('compromise');
    row.push(ours && theirs ? `${(ours / theirs).toFixed(0)}×` : 'n/a');
    rows.push(row);
    console.error(`bench: ${row.join('  ')}`);
    if (input.news) {
      const ok = ours !== undefined && ours >= BUDGET_MB_PER_S;
      budgetOk &&= ok;
      budgetLines.push(`${ok ? 'PASS' : 'FAIL'}  ${input.name}: ${ours === undefined ? 'threw' : ours.toFixed(1)} MB/s (budget >= ${BUDGET_MB_PER_S} MB/s)`);
    }
  }

  console.log('\n' + table(head, rows));
  console.log(`\n* compromise ran on the first ${(50_000).toLocaleString('en-US')} characters only (it would take minutes on the whole); its MB/s is over what it ran.`);
  console.log('MB = UTF-8 megabytes (10^6 bytes). Timings are wall clock on one thread of a shared machine.\n');
  const profiled = inputs.filter(i => i.text.length > 100_000 && !i.name.includes('refused'));
  const perStage = profiled.map(i => ({ input: i, times: stageTimes(i.docs ?? [i.text], 3) }));
  const stageRows = STAGES.map(stage => [stage.name, ...perStage.flatMap(({ input, times }) => {
    const ms = times.get(stage.name) ?? 0;
    return [ms.toFixed(0), ms === 0 ? 'n/a' : (Buffer.byteLength(input.text) / 1e6 / (ms / 1000)).toFixed(1)];
  })]);
  console.log('Per stage (Press Lens, median of 3), ms and MB/s:\n');
  console.log(table(['Stage', ...perStage.flatMap(({ input }) => [input.name, 'MB/s'])], stageRows) + '\n');
  console.log(budgetLines.join('\n'));
  console.log(budgetOk ? 'PASS: the engine meets its news-text budget.' : 'FAIL: the engine is below its news-text budget.');
}

main();
