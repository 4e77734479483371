/**
 * The keywords stage's development check: F1@5 and F1@10 on the KPTimes train sample (10 NYT
 * articles with editor keywords), scored as eval/metrics.ts scoreTopK scores 500N-KPCrowd
 * (lower-cased, Porter-stemmed, whole phrases), plus the top 10 of a few PolNeAR dev articles and
 * the sample article for a read by eye. 500N-KPCrowd is a test set: this script never reads it.
 *
 * Usage (bundled like `npm run eval`, so it runs from out/bundle and finds the project root):
 *   npx esbuild scripts/keywordsDev.ts --bundle --platform=node --format=cjs --target=node20 \
 *     --outfile=out/bundle/keywordsDev.js && node out/bundle/keywordsDev.js [--show=N] [--verbose] [--weights=JSON]
 * --show=N: N PolNeAR dev articles shown (default 6); --verbose: gold and top 10 per KPTimes document.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyze } from '../src/engine/index';
import { DEFAULT_WEIGHTS } from '../src/engine/stages/keywords';
import { meanScores, normalizePhrase, scoreTopK, type Scores } from '../eval/metrics';
import { projectRoot } from '../eval/projectRoot';

interface KpDoc { id: string; text: string; keyphrases: string[]; keyphraseVariants: string[][] }

const root = projectRoot();
const corpora = join(root, '..', 'shared', 'corpora');
// --weights='{"position":1}' tries other weights without editing the stage.
const weightsArg = process.argv.find(a => a.startsWith('--weights='));
if (weightsArg) Object.assign(DEFAULT_WEIGHTS, JSON.parse(weightsArg.slice(10)));
const show = Number(process.argv.find(a => a.startsWith('--show='))?.slice(7) ?? 6);

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter(line => line.trim()).map(line => JSON.parse(line) as T);
}

const pct = (s: Scores) => `P ${(100 * s.p).toFixed(1)} R ${(100 * s.r).toFixed(1)} F1 ${(100 * s.f1).toFixed(1)}`;

const kptimes = readJsonl<KpDoc>(join(corpora, 'kptimes-sample', 'train-sample.jsonl'));
const at5: Scores[] = [];
const at10: Scores[] = [];
// Any synonym of a gold keyword counts ("RNC" for "Republican National Convention").
const at10Variants: Scores[] = [];
for (const doc of kptimes) {
  const predicted = analyze(doc.text).keywords.map(k => k.phrase);
  const gold = new Set(doc.keyphrases.map(normalizePhrase));
  at5.push(scoreTopK(predicted, gold, 5));
  at10.push(scoreTopK(predicted, gold, 10));
  const variants = new Set(doc.keyphraseVariants.flat().map(normalizePhrase));
  const v = scoreTopK(predicted, variants, 10);
  // recall over keywords, not over variants
  const hits = v.p * Math.min(10, new Set(predicted.map(normalizePhrase)).size);
  const r = hits / gold.size;
  at10Variants.push({ p: v.p, r, f1: v.p + r === 0 ? 0 : (2 * v.p * r) / (v.p + r) });
  if (process.argv.includes('--verbose')) console.log(`${doc.id}\n  gold: ${doc.keyphrases.join(' | ')}\n  ours: ${predicted.slice(0, 10).join(' | ')}`);
}
console.log(`KPTimes sample (${kptimes.length} docs)  @5 ${pct(meanScores(at5))}  @10 ${pct(meanScores(at10))}  @10 any variant ${pct(meanScores(at10Variants))}`);

const sample = readFileSync(join(root, 'samples', 'trend-azerbaijan-serbia.txt'), 'utf8');
console.log(`\nsample: ${analyze(sample).keywords.slice(0, 10).map(k => k.phrase).join(' | ')}`);
const polnear = readJsonl<{ id: string; text: string }>(join(corpora, 'polnear', 'dev.jsonl'));
for (const doc of polnear.slice(0, show)) {
  console.log(`\n${doc.id.slice(12, 70)}: ${analyze(doc.text).keywords.slice(0, 10).map(k => k.phrase).join(' | ')}`);
}
