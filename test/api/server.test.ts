import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { openTempStore, SEED_PATH, type TempStore } from './helpers.js';
import { runsWithShared } from '../shared-files.js';

// The real server on a free loopback port, over a temporary "repository" holding a small
// sample corpus and (in one case) a built UI.
let temp: TempStore | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  await temp?.cleanup();
  server = undefined;
  temp = undefined;
});

async function start(withUi: boolean): Promise<{ lines: string[]; url: string }> {
  temp = await openTempStore();
  const root = join(temp.dir, 'repo');
  mkdirSync(join(root, 'eval'), { recursive: true });
  copyFileSync(SEED_PATH, join(root, 'eval', 'seed.txt'));
  writeFileSync(join(root, 'eval', 'seed.gold.json'), JSON.stringify({ source: { published: '2025-04-02', outlet: 'Aletihad' } }));
  writeFileSync(join(root, 'eval', 'short.txt'), 'VIENNA (Wire)\nOSCE foreign ministers will meet in Malta in December, the chair said on Monday.\n');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.9.9' }));
  if (withUi) {
    mkdirSync(join(root, 'web', 'dist', 'assets'), { recursive: true });
    writeFileSync(join(root, 'web', 'dist', 'index.html'), '<!doctype html><title>Liaison UI</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(root, 'web', 'dist', 'assets', 'app.js'), 'console.log("ui")');
  }
  const lines: string[] = [];
  server = await startServer({ config: { ...temp.config, repoRoot: root }, store: temp.store, port: 0, log: (l) => lines.push(l) });
  return { lines, url: server.url };
}

describe.runIf(runsWithShared)('startServer', () => {
  it('ingests the sample corpus into an empty database, with dates from the answer keys, and says so', async () => {
    const { lines, url } = await start(false);
    expect(lines).toContain('sample corpus: ingested 2 documents');
    const docs = (await (await fetch(`${url}/api/documents`)).json()) as { total: number; items: { published?: string; outlet?: string }[] };
    expect(docs.total).toBe(2);
    expect(docs.items.some((d) => d.published === '2025-04-02' && d.outlet === 'Aletihad')).toBe(true);
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', version: '9.9.9', store: 'sqlite' });

    // Without a built UI, a page path explains how to build it; /api stays problem details.
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('npm run build:web');
    const missing = await fetch(`${url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('does not ingest the samples again when the database has documents', async () => {
    const first = await start(false);
    expect(first.lines).toContain('sample corpus: ingested 2 documents');
    const config = { ...temp!.config, repoRoot: join(temp!.dir, 'repo') };
    await server!.close();
    const lines: string[] = [];
    server = await startServer({ config, store: temp!.store, port: 0, log: (l) => lines.push(l) });
    expect(lines.some((l) => l.startsWith('sample corpus'))).toBe(false);
  });

  it('serves the built UI with a fallback to index.html for client routes, and security headers on files', async () => {
    const { url } = await start(true);
    const index = await fetch(`${url}/`);
    expect(await index.text()).toContain('Liaison UI');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const route = await fetch(`${url}/entities/ent_123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Liaison UI');
    const asset = await fetch(`${url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/api/entities/none`)).status).toBe(404);
  });
});
