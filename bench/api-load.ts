// API load figures: dashboard time and p95 latency of the entity, events and timeline
// endpoints under 50 concurrent clients, beside GET /api/health of the same server in
// the same run. The server runs in a child process so autocannon does not share its
// event loop.
//
//   node --import tsx bench/api-load.ts [--docs 10000] [--duration 10] [--connections 50] [--db FILE]
//
// --db reuses (or keeps) a database file, so a second run can skip the build.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { readSourceTexts, seededRandom, varyArticle } from './corpus.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  docs: number;
  duration: number;
  connections: number;
  db?: string;
  serve?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { docs: 10_000, duration: 10, connections: 50 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--docs': opts.docs = Number(value); i++; break;
      case '--duration': opts.duration = Number(value); i++; break;
      case '--connections': opts.connections = Number(value); i++; break;
      case '--db': opts.db = resolve(value); i++; break;
      case '--serve': opts.serve = resolve(value); i++; break;
      default: throw new Error(`unknown option ${argv[i]}: use --docs N, --duration S, --connections C, --db FILE`);
    }
  }
  if (!(opts.docs > 0 && opts.duration > 0 && opts.connections > 0)) throw new Error('--docs, --duration and --connections must be positive numbers');
  return opts;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Publication dates spread over 2024-2026 so the timeline and the dashboard have range. */
function randomDay(random: () => number): string {
  const t = Date.UTC(2024, 0, 1) + Math.floor(random() * 900) * 86_400_000;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

async function openStoreAt(file: string) {
  const { openStore } = await import('../src/storage/index.js');
  return openStore({ file });
}

/** Ingests varied copies of the eval texts through the same service the POST route uses. */
async function buildDatabase(file: string, docs: number): Promise<void> {
  const { createApiServices } = await import('../src/api/create-api-services.js');
  const store = await openStoreAt(file);
  const config = loadConfig({ LIAISON_DB: file, LIAISON_USER: 'bench' }, repoRoot);
  const services = createApiServices(store, config);
  try {
    const have = (await services.listDocuments({ user: 'bench' }, { limit: 1, offset: 0 })).total;
    if (have >= docs) {
      console.log(`database: reusing ${file} with ${have} documents`);
      return;
    }
    const sources = readSourceTexts([join(repoRoot, 'eval'), join(repoRoot, '..', 'shared', 'eval', 'dev')]).map((s) => s.text);
    if (sources.length === 0) throw new Error('no .txt files in eval/ to build the corpus from');
    const random = seededRandom(20250402);
    let made = have;
    let failed = 0;
    let round = 0;
    const t0 = performance.now();
    let lastReport = t0;
    while (made < docs) {
      for (const source of sources) {
        if (made >= docs) break;
        const text = round === 0 ? source : varyArticle(source, random);
        try {
          const outcome = await services.ingest({ user: 'bench' }, { text, meta: { published: randomDay(random) } });
          if (!outcome.duplicate) made++;
        } catch {
          failed++;
        }
        const now = performance.now();
        if (now - lastReport > 15_000) {
          lastReport = now;
          const rate = (made - have) / ((now - t0) / 1000);
          console.log(`database: ${made}/${docs} documents, ${rate.toFixed(1)} docs/s, about ${Math.round((docs - made) / rate)} s to go`);
        }
      }
      round++;
      if (round > 100_000) throw new Error('could not vary the sources enough');
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`database: ingested ${made - have} documents in ${seconds.toFixed(1)} s (${((made - have) / seconds).toFixed(1)} docs/s${failed ? `, ${failed} texts failed` : ''})`);
  } finally {
    await store.close();
  }
}

/** Child mode: serve the database on an ephemeral loopback port and print the URL. */
async function serve(file: string): Promise<void> {
  const { startServer } = await import('../src/api/index.js');
  const store = await openStoreAt(file);
  const config = loadConfig({ LIAISON_DB: file, LIAISON_USER: 'bench', LIAISON_HOST: '127.0.0.1' }, repoRoot);
  const server = await startServer({ config, store, port: 0, seedSample: false, log: () => {} });
  console.log(`LISTENING ${server.url}`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

function startChild(file: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveUrl, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /LISTENING (\S+)/.exec(buffer);
      if (m) {
        resolveUrl({
          url: m[1],
          stop: () => new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server process exited early with code ${code}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface LoadResult {
  path: string;
  /** One request on an idle server, before the load. */
  aloneMs: number;
  requests: number;
  non2xx: number;
  timeouts: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

type Autocannon = (opts: Record<string, unknown>) => NodeJS.EventEmitter & PromiseLike<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number }>;

/** Seconds a request may take before autocannon counts it as a timeout. */
const REQUEST_TIMEOUT_S = 30;

/**
 * Requests still queued when a run ends keep the server busy; the next run must not
 * inherit that backlog, so wait until health answers quickly again.
 */
async function waitIdle(base: string): Promise<void> {
  const deadline = performance.now() + 300_000;
  let quick = 0;
  while (quick < 3 && performance.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
    if (quick === 0) await new Promise((r) => setTimeout(r, 200));
  }
}

async function load(base: string, path: string, opts: Options, aloneMs: number): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const times: number[] = [];
  let non2xx = 0;
  const instance = autocannon({ url: base + path, connections: opts.connections, duration: opts.duration, timeout: REQUEST_TIMEOUT_S });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status < 200 || status > 299) non2xx++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  await waitIdle(base);
  return {
    path, aloneMs, requests: times.length, non2xx: non2xx + result.errors - result.timeouts, timeouts: result.timeouts,
    rps: result.requests.average, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99),
  };
}

async function timeGet(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return { ms: performance.now() - t0, bytes: body.byteLength };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.serve) return serve(opts.serve);

  const tempDir = opts.db ? undefined : mkdtempSync(join(tmpdir(), 'liaison-api-load-'));
  const file = opts.db ?? join(tempDir!, 'load.db');
  try {
    await buildDatabase(file, opts.docs);
    const child = await startChild(file);
    try {
      const first = await timeGet(`${child.url}/api/dashboard`);
      const repeats: number[] = [];
      for (let i = 0; i < 20; i++) repeats.push((await timeGet(`${child.url}/api/dashboard`)).ms);
      repeats.sort((a, b) => a - b);
      const docsNow = (await (await fetch(`${child.url}/api/documents?limit=1`)).json() as { total: number }).total;

      const results: LoadResult[] = [];
      for (const path of ['/api/health', '/api/entities', '/api/events', '/api/timeline']) {
        // Three sequential requests warm the JIT and SQLite's page cache; the last is timed.
        let aloneMs = 0;
        for (let i = 0; i < 3; i++) aloneMs = (await timeGet(child.url + path)).ms;
        results.push(await load(child.url, path, opts, aloneMs));
      }

      console.log('');
      console.log(`API load · ${docsNow} documents in SQLite · ${opts.connections} connections · ${opts.duration} s per endpoint · server in its own process on ${child.url}`);
      console.log(`dashboard: first load ${first.ms.toFixed(1)} ms (${(first.bytes / 1024).toFixed(1)} KiB), then median ${percentile(repeats, 50).toFixed(1)} ms, p95 ${percentile(repeats, 95).toFixed(1)} ms over 20 sequential loads`);
      console.log('');
      const header = ['endpoint', 'alone ms', 'responses', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'timeouts', 'p95 vs health'];
      const health = results[0];
      const rows = results.map((r) => [
        r.path, r.aloneMs.toFixed(1), String(r.requests), r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1),
        String(r.non2xx), String(r.timeouts), `${(r.p95 / Math.max(health.p95, 0.1)).toFixed(1)}×`,
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
      console.log(line(header));
      for (const row of rows) console.log(line(row));
      console.log('');
      console.log(`Latencies are over responses completed within the ${opts.duration} s window (timeout ${REQUEST_TIMEOUT_S} s); requests still queued when it closes are not counted, so for an endpoint slower than ${opts.connections} requests per window p95 understates the wait.`);
    } finally {
      await child.stop();
    }
  } finally {
    if (tempDir && existsSync(tempDir)) rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
