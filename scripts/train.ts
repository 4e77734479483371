// Trains the name tagger and writes src/engine/ner/modelData.ts. Usage:
//   npm run train [-- --epochs 12 --seeds 3 --margin 0 --gmb --train-only --train-fraction 1 --dry-run]
// An averaged structured perceptron (Collins 2002) over the features of src/engine/ner/features.ts,
// trained on CoNLL-2003 train as the engine tokenizes it; the epoch and the int8 scale are chosen
// on CoNLL valid only. Then, unless --train-only, the shipped model is trained again from zero on
// train + valid for the chosen number of epochs (the usual last step once settings are fixed:
// 23% more annotated news), so CoNLL valid is no longer held out for the shipped model.
// Deterministic: documents are shuffled with a seeded generator.
import * as fs from 'fs';
import * as path from 'path';
import { HASH_BITS, LABEL_COUNT, buildDocContext, hasMemory, labelPart, labelType, recordHistory, useNameMemory, wordInfo, Cap, NAME_TYPES } from '../src/engine/ner/features';
import { viterbi, transitionIndex } from '../src/engine/ner/decode';
import { emissionsFromFeatures, sentenceFeatures, type Weights } from '../src/engine/ner/tagger';
import { decodeModel, encodeModel } from '../src/engine/ner/modelCodec';
import { tagNames, useNameModel } from '../src/engine/ner/index';
import { loadCorpus, namesAsSpans, Scorer, type GoldSpan, type PreparedDoc } from './nerData';

const L = LABEL_COUNT;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EPOCHS = option('epochs', 12);
const SEED = option('seed', 1);
const MARGIN = option('margin', 0);
const SEEDS = option('seeds', 3);
const GMB_SENTENCES = args.includes('--gmb') ? option('gmb-limit', 20000) : 0;
const TRAIN_ONLY = args.includes('--train-only');
// Learning-curve check (with --train-only --dry-run): train on the first part of CoNLL train only.
const TRAIN_FRACTION = option('train-fraction', 1);
// The name memory (see features.ts) and its number of jackknife folds; --no-memory trains without it.
const MEMORY = !args.includes('--no-memory');
const FOLDS = option('folds', 10);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spansOf(doc: PreparedDoc, labels: Int32Array): GoldSpan[] {
  const spans: GoldSpan[] = [];
  for (let i = 0; i < labels.length; i++) {
    const part = labelPart(labels[i]);
    if (part !== 0 && part !== 3) continue;
    let last = i;
    if (part === 0) while (last + 1 < labels.length && labelPart(labels[last]) !== 2) last++;
    spans.push({ start: doc.tokens[i].start, end: doc.tokens[last].end, type: NAME_TYPES[labelType(labels[i])] });
    i = last;
  }
  return spans;
}

/**
 * Name memory bits per lower-case word and fold (see NAME_MEMORY in features.ts): the name types
 * each capitalised word was gold-labelled with, plus 16 for a capitalised use outside any name
 * inside a sentence (not its first word, not in an ALL CAPS line, where capitals say nothing).
 */
function memoryByFold(docs: readonly PreparedDoc[]): Map<string, Uint8Array> {
  const bits = new Map<string, Uint8Array>();
  docs.forEach((doc, d) => {
    const fold = d % FOLDS;
    for (const sentence of doc.sentences) {
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const info = wordInfo(doc.tokens[i].text);
        if (!hasMemory(info.cap)) continue;
        const label = doc.gold[i];
        const bit = label !== 0 ? 1 << labelType(label) : i > sentence.tokenStart && info.cap !== Cap.Upper ? 16 : 0;
        if (bit === 0) continue;
        let row = bits.get(info.lower);
        if (row === undefined) bits.set(info.lower, row = new Uint8Array(FOLDS));
        row[fold] |= bit;
      }
    }
  });
  return bits;
}

/** The memory as seen from `fold` (the other folds only), or from all folds when fold is -1. */
function memoryFrom(bits: Map<string, Uint8Array>, fold: number): Map<string, number> {
  const memory = new Map<string, number>();
  for (const [word, row] of bits) {
    let code = 0;
    for (let f = 0; f < row.length; f++) if (f !== fold) code |= row[f];
    if (code !== 0) memory.set(word, code);
  }
  return memory;
}

/** Per token of each document: 1 + its memory code, 0 if it has no memory features. */
function memosOf(docs: readonly PreparedDoc[], memoryOf: (d: number) => Map<string, number>, into: Map<PreparedDoc, Uint8Array>): void {
  docs.forEach((doc, d) => {
    const memory = memoryOf(d);
    const memo = new Uint8Array(doc.tokens.length);
    for (let i = 0; i < memo.length; i++) {
      const info = wordInfo(doc.tokens[i].text);
      if (hasMemory(info.cap)) memo[i] = 1 + (memory.get(info.lower) ?? 0);
    }
    into.set(doc, memo);
  });
}

const memos = new Map<PreparedDoc, Uint8Array>();
/** Training memos (jackknifed) for `docs`, valid's from all of them; returns the full memory. */
function prepareMemory(docs: readonly PreparedDoc[]): Map<string, number> {
  useNameMemory(null);
  memos.clear();
  if (!MEMORY) return new Map();
  const bits = memoryByFold(docs);
  const perFold = Array.from({ length: FOLDS }, (_, f) => memoryFrom(bits, f));
  const full = memoryFrom(bits, -1);
  memosOf(docs, d => perFold[d % FOLDS], memos);
  if (!docs.includes(valid[0])) memosOf(valid, () => full, memos);
  console.log(`name memory: ${full.size} words`);
  return full;
}

/** Switches inference (tagNames) to the given memory; training's memos are per document instead. */
function inferWith(memory: Map<string, number>): void {
  useNameMemory(MEMORY ? memory : null);
}

const started = Date.now();
const train = loadCorpus('conll2003/train.jsonl');
if (GMB_SENTENCES > 0) {
  // GMB is sentence-level: group consecutive sentences into pseudo-documents of 10.
  const gmb = loadCorpus('gmb-ner/train.jsonl', GMB_SENTENCES);
  train.push(...gmb);
}
if (TRAIN_FRACTION < 1) train.length = Math.round(train.length * TRAIN_FRACTION);
const valid = loadCorpus('conll2003/valid.jsonl');
console.log(`loaded ${train.length} training and ${valid.length} valid documents in ${Date.now() - started} ms`);

const size = (1 << HASH_BITS) * L;
const w = new Float32Array(size);
const u = new Float64Array(size);
const tw = new Float32Array((L + 1) * (L + 1));
const tu = new Float64Array((L + 1) * (L + 1));
let c = 1;

const buckets: number[] = [];
const offsets: number[] = [];
let emissions = new Float32Array(1024 * L);
let predicted = new Int32Array(1024);

function ensure(n: number): void {
  if (predicted.length < n) {
    emissions = new Float32Array(n * 2 * L);
    predicted = new Int32Array(n * 2);
  }
}

function update(feature: number, label: number, delta: number): void {
  w[feature * L + label] += delta;
  u[feature * L + label] += c * delta;
}

function updateTransition(prev: number, next: number, delta: number): void {
  const k = transitionIndex(prev, next);
  tw[k] += delta;
  tu[k] += c * delta;
}

function trainDocument(doc: PreparedDoc, weights: Weights): void {
  const context = buildDocContext(doc.tokens, doc.sentences);
  context.memo = memos.get(doc);
  for (const sentence of doc.sentences) {
    const n = sentence.tokenEnd - sentence.tokenStart;
    ensure(n);
    sentenceFeatures(context, sentence.tokenStart, sentence.tokenEnd, buckets, offsets);
    emissionsFromFeatures(buckets, offsets, weights, emissions);
    const gold = doc.gold.subarray(sentence.tokenStart, sentence.tokenEnd);
    // Loss-augmented decoding: every wrong label gets a head start of MARGIN, so updates continue
    // until the gold sequence wins by a margin rather than just wins.
    if (MARGIN > 0) for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) if (y !== gold[t]) emissions[t * L + y] += MARGIN;
    viterbi(emissions, n, tw, predicted);
    let wrong = false;
    for (let t = 0; t < n; t++) {
      const g = gold[t], p = predicted[t];
      if (g !== p) {
        wrong = true;
        for (let f = offsets[t]; f < offsets[t + 1]; f++) {
          update(buckets[f], g, 1);
          update(buckets[f], p, -1);
        }
      }
    }
    if (wrong) {
      for (let t = 0; t <= n; t++) {
        const gPrev = t === 0 ? L : gold[t - 1], gNext = t === n ? L : gold[t];
        const pPrev = t === 0 ? L : predicted[t - 1], pNext = t === n ? L : predicted[t];
        if (gPrev !== pPrev || gNext !== pNext) {
          updateTransition(gPrev, gNext, 1);
          updateTransition(pPrev, pNext, -1);
        }
      }
    }
    // The history feature must see the model's own (imperfect) decisions, as at run time.
    recordHistory(context, sentence.tokenStart, predicted.subarray(0, n));
    c++;
  }
}

function averaged(): { rows: Float32Array; transitions: Float32Array } {
  const rows = new Float32Array(size);
  for (let i = 0; i < size; i++) rows[i] = w[i] - u[i] / c;
  const transitions = new Float32Array(tw.length);
  for (let i = 0; i < tw.length; i++) transitions[i] = tw[i] - tu[i] / c;
  return { rows, transitions };
}

function evaluate(docs: readonly PreparedDoc[], weights: Weights): Scorer {
  const scorer = new Scorer();
  for (const doc of docs) {
    const context = buildDocContext(doc.tokens, doc.sentences);
    context.memo = memos.get(doc);
    const labels = new Int32Array(doc.tokens.length);
    for (const sentence of doc.sentences) {
      const n = sentence.tokenEnd - sentence.tokenStart;
      ensure(n);
      sentenceFeatures(context, sentence.tokenStart, sentence.tokenEnd, buckets, offsets);
      emissionsFromFeatures(buckets, offsets, weights, emissions);
      viterbi(emissions, n, weights.transitions, predicted);
      recordHistory(context, sentence.tokenStart, predicted.subarray(0, n));
      labels.set(predicted.subarray(0, n), sentence.tokenStart);
    }
    scorer.add(doc.spans, spansOf(doc, labels));
  }
  return scorer;
}

interface Trained { f: number; epoch: number; rows: Float32Array; transitions: Float32Array }

/**
 * One training run from zero weights over `docs`. With `select`, scores every epoch on valid and
 * returns the averaged weights of the best one; without, returns those after exactly `epochs`.
 */
function trainRun(docs: readonly PreparedDoc[], seed: number, epochs: number, select: boolean): Trained {
  w.fill(0); u.fill(0); tw.fill(0); tu.fill(0);
  c = 1;
  const rng = random(seed);
  const order = docs.map((_, i) => i);
  const live: Weights = { rows: w, scale: 1, transitions: tw, id: -1 };
  let best: Trained = { f: -1, epoch: 0, rows: new Float32Array(0), transitions: new Float32Array(0) };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) trainDocument(docs[i], live);
    if (!select && epoch < epochs) continue;
    const { rows, transitions } = averaged();
    if (!select) return { f: -1, epoch, rows, transitions };
    const scorer = evaluate(valid, { rows, scale: 1, transitions, id: -2 });
    const f = scorer.score(['PER', 'ORG', 'LOC']).f;
    console.log(`seed ${seed} epoch ${epoch} (${((Date.now() - started) / 1000).toFixed(0)} s): valid PER/ORG/LOC F1 ${(100 * f).toFixed(2)}, all ${(100 * scorer.score(NAME_TYPES).f).toFixed(2)}`);
    if (f > best.f) best = { f, epoch, rows, transitions };
  }
  console.log(`seed ${seed}: best epoch ${best.epoch}`);
  return best;
}

/** The mean of several runs' weights (an ensemble at no cost at run time), into the first. */
function average(runs: Trained[]): Trained {
  const mean = runs[0];
  for (const other of runs.slice(1)) {
    for (let i = 0; i < size; i++) mean.rows[i] += other.rows[i];
    for (let i = 0; i < mean.transitions.length; i++) mean.transitions[i] += other.transitions[i];
  }
  for (let i = 0; i < size; i++) mean.rows[i] /= runs.length;
  for (let i = 0; i < mean.transitions.length; i++) mean.transitions[i] /= runs.length;
  return mean;
}

// Several runs over different document orders, their weights averaged into one model.
let fullMemory = prepareMemory(train);
const runs: Trained[] = [];
for (let run = 0; run < SEEDS; run++) runs.push(trainRun(train, SEED + run, EPOCHS, true));
const epochsChosen = runs.map(run => run.epoch);
let best = average(runs);
if (runs.length > 1) {
  const scorer = evaluate(valid, { rows: best.rows, scale: 1, transitions: best.transitions, id: -3 });
  console.log(`average of ${runs.length} runs: valid PER/ORG/LOC F1 ${(100 * scorer.score(['PER', 'ORG', 'LOC']).f).toFixed(2)}`);
}

// Quantize to int8 with one scale. The scale is set by a high percentile of |w|, so that a few
// large bias weights do not flatten the rest, and weights under half a step are dropped; the
// percentile is chosen on CoNLL valid through the shipped path.
const scaleAt = (model: Trained, percentile: number): number => {
  const magnitudes = Array.from(model.rows.filter(x => x !== 0), Math.abs).sort((a, b) => a - b);
  return magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * percentile))] / 127;
};
inferWith(fullMemory);
let data = encodeModel(best.rows, best.transitions, 1);
let bestQuantized = -1;
let percentileChosen = 1;
for (const percentile of [0.99999, 1]) {
  const candidate = encodeModel(best.rows, best.transitions, scaleAt(best, percentile));
  useNameModel(decodeModel(candidate));
  const scorer = new Scorer();
  for (const doc of valid) scorer.add(doc.spans, namesAsSpans(tagNames(doc)));
  const f = scorer.score(['PER', 'ORG', 'LOC']).f;
  console.log(`int8 scale at percentile ${percentile}: valid PER/ORG/LOC F1 ${(100 * f).toFixed(2)}, ${(candidate.weights.length / 1e6).toFixed(2)} MB`);
  if (f > bestQuantized) {
    bestQuantized = f;
    percentileChosen = percentile;
    data = candidate;
  }
}
useNameModel(decodeModel(data));
const heldOut = new Scorer();
for (const doc of valid) heldOut.add(doc.spans, namesAsSpans(tagNames(doc)));
console.log(heldOut.report('CoNLL valid (held out), selected int8 model through tagNames'));

if (!TRAIN_ONLY) {
  // Settings fixed; the same runs again on train + valid, each for the epochs it chose above.
  const all = [...train, ...valid];
  fullMemory = prepareMemory(all);
  const finals = epochsChosen.map((epochs, run) => trainRun(all, SEED + run, epochs, false));
  best = average(finals);
  data = encodeModel(best.rows, best.transitions, scaleAt(best, percentileChosen));
  inferWith(fullMemory);
  useNameModel(decodeModel(data));
  console.log(`retrained on train + valid (${all.length} documents, epochs ${epochsChosen.join('/')}); CoNLL valid is now training data`);
}

// Time the shipped path: the engine's tokens and sentences, then tagNames.
const chars = valid.reduce((sum, doc) => sum + doc.text.length, 0);
const tokens = valid.reduce((sum, doc) => sum + doc.tokens.length, 0);
const timeStart = process.hrtime.bigint();
const rounds = 5;
for (let r = 0; r < rounds; r++) for (const doc of valid) tagNames(doc);
const seconds = Number(process.hrtime.bigint() - timeStart) / 1e9;
console.log(`tagNames speed: ${((rounds * chars) / seconds / 1e6).toFixed(1)} MB/s, ${((rounds * tokens) / seconds / 1e6).toFixed(2)} M tokens/s`);

const file = path.join(__dirname, '..', '..', 'src', 'engine', 'ner', 'modelData.ts');
const source = [
  `// Generated by scripts/train.ts (${EPOCHS} epochs max, best ${epochsChosen.join('/')}, seeds ${SEED}…${SEED + SEEDS - 1}${GMB_SENTENCES ? `, + ${GMB_SENTENCES} GMB sentences` : ''}): do not edit.`,
  `// Trained on CoNLL-2003 English ${TRAIN_ONLY ? 'train' : 'train + valid'} (Reuters RCV1 text, research use); see src/engine/ner/README.md.`,
  "import type { ModelData } from './modelCodec';",
  `export const MODEL_DATA: ModelData = ${JSON.stringify(data)};`,
  '',
].join('\n');
// The name memory by code: lower-case words joined by "|".
const byCode: Record<string, string[]> = {};
for (const [word, code] of fullMemory) if (!word.includes('|')) (byCode[code] ??= []).push(word);
const memorySource = [
  `// Generated by scripts/train.ts with the weights in modelData.ts: do not edit. The name memory (see features.ts):`,
  `// capitalised words of CoNLL-2003 English ${TRAIN_ONLY ? 'train' : 'train + valid'} by the name types they were labelled with.`,
  'export const NAME_MEMORY: Readonly<Record<string, string>> = {',
  ...Object.keys(byCode).sort((a, b) => Number(a) - Number(b)).map(code => `  ${code}: ${JSON.stringify(byCode[code].sort().join('|'))},`),
  '};',
  '',
].join('\n');
if (!args.includes('--dry-run')) {
  fs.writeFileSync(file, source);
  fs.writeFileSync(path.join(path.dirname(file), 'memoryData.ts'), memorySource);
  console.log(`wrote memoryData.ts: ${(memorySource.length / 1e6).toFixed(2)} MB`);
  console.log(`wrote ${file}: ${(source.length / 1e6).toFixed(2)} MB; done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
