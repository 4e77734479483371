// Scores and times the shipped name tagger on CoNLL valid (tokens prepared beforehand, so only
// tagNames is timed). Usage: node out/scripts/nerBench.js [rounds]
import { tagNames, loadNameModel } from '../src/engine/ner/index';
import { loadCorpus, namesAsSpans, Scorer } from './nerData';

const valid = loadCorpus('conll2003/valid.jsonl');
let t0 = process.hrtime.bigint();
loadNameModel();
console.log(`model load ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);
const chars = valid.reduce((sum, doc) => sum + doc.text.length, 0);
const tokens = valid.reduce((sum, doc) => sum + doc.tokens.length, 0);
const scorer = new Scorer();
for (const doc of valid) scorer.add(doc.spans, namesAsSpans(tagNames(doc)));
console.log(scorer.report('CoNLL valid'));
const rounds = Number(process.argv[2] ?? 10);
// CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const doc of valid) tagNames(doc);
const cpu = process.cpuUsage(cpu0);
const seconds = (cpu.user + cpu.system) / 1e6;
console.log(`tagNames: ${((rounds * chars) / seconds / 1e6).toFixed(1)} MB/s, ${((rounds * tokens) / seconds / 1e6).toFixed(2)} M tokens/s`);
