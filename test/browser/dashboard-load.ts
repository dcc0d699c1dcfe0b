/**
 * Dashboard load time in Chromium on an existing database (the issue asks for it on 10,000
 * documents). Build one with `node --import tsx bench/api-load.ts --docs 10000 --db FILE`,
 * then:
 *
 *   node --import tsx test/browser/dashboard-load.ts FILE [runs]
 *
 * Each run opens a fresh page and times navigation start → the dashboard's latest-documents
 * table on screen, beside the time of the /api/dashboard call it waits for. Prints the median.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ensureWebBuilt, hasChromium, launchBrowser, REPO_ROOT } from './harness.js';

const [file, runsArg] = process.argv.slice(2);
if (!file || !existsSync(file)) {
  console.error('usage: node --import tsx test/browser/dashboard-load.ts DB_FILE [runs]  (the SQLite file must exist)');
  process.exit(2);
}
if (!hasChromium()) process.exit(0);
const runs = Number(runsArg ?? 7);

await ensureWebBuilt();
const { loadConfig } = await import('../../src/config.js');
const { openStore } = await import('../../src/storage/index.js');
const { startServer } = await import('../../src/api/index.js');
const config = loadConfig({ LIAISON_DB: file, LIAISON_HOST: '127.0.0.1', LIAISON_PORT: '0' }, REPO_ROOT);
const store = await openStore(config);
const server = await startServer({ config, store, port: 0, seedSample: false, log: () => {} });
const browser = await launchBrowser(server.url);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pageMs: number[] = [];
const apiMs: number[] = [];
try {
  const documents = (await (await fetch(`${server.url}/api/documents?limit=1`)).json()) as { total: number };
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    const dashboard = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard');
    const t0 = performance.now();
    await page.goto('/');
    const response = await dashboard;
    await page.getByRole('heading', { name: 'Latest documents' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    pageMs.push(performance.now() - t0);
    apiMs.push(response.request().timing().responseEnd);
    await page.close();
  }
  console.log(`dashboard on ${documents.total} documents, ${runs} runs (first run includes a cold cache)`);
  console.log(`  page on screen: median ${median(pageMs).toFixed(0)} ms (runs: ${pageMs.map((m) => m.toFixed(0)).join(', ')})`);
  console.log(`  GET /api/dashboard: median ${median(apiMs).toFixed(0)} ms (runs: ${apiMs.map((m) => m.toFixed(0)).join(', ')})`);
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
