// npm run bench: extraction and ingest speed on one core, against compromise as baseline.
// Everything runs in this one process, one item at a time: no workers, no parallelism.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { buildCorpus, countWords, readSourceTexts } from './corpus.js';
import { ingestCorpus } from './ingest.js';
import { mb, medianPass, peakRss, timeInterleaved, type Timing } from './measure.js';

const MIN_BYTES = 1024 * 1024;
const PUBLISHED = '2025-04-02';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const memory: [string, number][] = [['start', process.memoryUsage().rss]];
const note = (label: string) => memory.push([label, process.memoryUsage().rss]);

const sources = readSourceTexts([join(repoRoot, 'eval'), join(repoRoot, '..', 'shared', 'eval', 'dev')]);
const corpus = buildCorpus(sources.map((s) => s.text), MIN_BYTES);
console.log(`corpus: ${corpus.articles.length} articles from ${corpus.sources} texts, ${mb(corpus.bytes)} MB, ${corpus.words} words`);
note('corpus built');

const { extract } = await import('../src/pipeline/index.js');
// The first call builds the gazetteers and lexicon: what a one-off `liaison extract` pays.
const coldStart = performance.now();
extract(corpus.articles[0], { published: PUBLISHED });
const coldMs = performance.now() - coldStart;
let sink = 0; // keeps results alive so nothing is optimised away
const workers = {
  extract: (text: string) => {
    const x = extract(text, { published: PUBLISHED });
    sink += x.entities.length + x.events.length + x.quotes.length;
  },
  compromise: (text: string) => {
    const doc = nlp(text);
    sink += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
  },
};
// A first pass of each over the whole corpus warms the JIT, so the measured pass shows the
// steady state a long feed runs in rather than compilation of each code path on first
// sight. The warm-up pass is printed too, so the cold figure is not hidden.
const cold = await timeInterleaved(corpus.articles, countWords, workers);
note('after warm-up pass');
// Both over the same corpus, slice by slice in turn, so machine load hits both alike; three
// measured passes, and each tagger's median pass is its figure (one pass can catch a burst
// of load or a full garbage collection).
const PASSES = 3;
const passes: { extract: Timing; compromise: Timing }[] = [];
for (let p = 0; p < PASSES; p++) passes.push(await timeInterleaved(corpus.articles, countWords, workers));
const extractTime = medianPass(passes.map((x) => x.extract));
const compromiseTime = medianPass(passes.map((x) => x.compromise));
note('after extract + compromise');

const dbDir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
let ingestTime: Timing;
try {
  ingestTime = await ingestCorpus(join(dbDir, 'bench.db'), corpus.articles, PUBLISHED);
} finally {
  rmSync(dbDir, { recursive: true, force: true });
}
note('after ingest');

const perSecond = (n: number, t: Timing) => (t.seconds > 0 ? n / t.seconds : 0);
const rows: [string, Timing][] = [
  ['extract (liaison)', extractTime],
  ['compromise people/places/orgs', compromiseTime],
  ['ingest into SQLite', ingestTime],
];
console.log('');
console.log(`${'what'.padEnd(30)} ${'articles'.padStart(8)} ${'words'.padStart(9)} ${'seconds'.padStart(8)} ${'cpu s'.padStart(7)} ${'words/s'.padStart(9)} ${'articles/s'.padStart(10)}`);
for (const [label, t] of rows) {
  console.log(
    `${label.padEnd(30)} ${String(t.items).padStart(8)} ${String(t.words).padStart(9)} ${t.seconds.toFixed(2).padStart(8)} ${t.cpuSeconds.toFixed(2).padStart(7)} ${Math.round(perSecond(t.words, t)).toString().padStart(9)} ${perSecond(t.items, t).toFixed(1).padStart(10)}`,
  );
}
console.log('');
console.log(`first extract call (builds gazetteers and lexicon): ${Math.round(coldMs)} ms`);
const rate = (t: Timing) => Math.round(perSecond(t.words, t));
console.log(`warm-up pass (JIT still compiling): extract ${rate(cold.extract)} words/s · compromise ${rate(cold.compromise)} words/s`);
console.log(`measured passes (median taken): extract ${passes.map((x) => rate(x.extract)).join(', ')} words/s · compromise ${passes.map((x) => rate(x.compromise)).join(', ')} words/s`);
// Wall-clock rates drop when other processes share the cores; the CPU column and this say how much.
const load = loadavg()[0];
if (load > cpus().length) console.log(`note: load average ${load.toFixed(1)} on ${cpus().length} cores while measuring; wall-clock rates are lower than on an idle machine (compare the ratio, or the cpu s column)`);
console.log('memory (RSS, MB): ' + memory.map(([label, rss]) => `${label} ${mb(rss)}`).join(' · ') + ` · peak ${mb(peakRss())}`);
console.log(`(checksum ${sink})`);

const W = Math.round(perSecond(extractTime.words, extractTime));
const C = Math.round(perSecond(compromiseTime.words, compromiseTime));
const R = C > 0 ? (W / C).toFixed(1) : '0.0';
const A = Math.round(perSecond(ingestTime.items, ingestTime));
console.log(`bench: extract ${W} words/s · compromise ${C} words/s · ratio ${R} · ingest ${A} articles/s`);
