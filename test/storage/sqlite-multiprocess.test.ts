import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/storage/index.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'liaison-multiproc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each worker ingests documents naming the same country and edits entities in between,
// so the processes contend for SQLite's write lock the way `ingest` beside `serve` does.
const worker = `
import { openStore } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/storage/index.ts')).href)};
const [file, who] = process.argv.slice(2);
const store = await openStore({ file });
for (let i = 0; i < 40; i++) {
  const text = 'Jordan hosts talks, round ' + who + '-' + i + '.';
  await store.saveExtraction({ ingestedBy: who }, { source: {}, text, notes: [], events: [], quotes: [],
    entities: [{ key: 'jo', type: 'country', name: 'Jordan', aliases: [], attributes: { iso2: 'JO' },
      mentions: [{ start: 0, end: 6, rule: 'test', text: 'Jordan' }] }] });
  if (i % 8 === 0) {
    const e = await store.createEntity({ user: who }, { type: 'person', name: 'Envoy ' + who + ' ' + i });
    await store.updateEntity({ user: who }, e.id, { aliases: ['E' + i] });
  }
}
await store.close();
`;

it('lets several processes write to one SQLite file at once without errors or duplicate entities', async () => {
  const script = join(dir, 'worker.mts');
  writeFileSync(script, worker);
  const file = join(dir, 'shared.db');
  // Create the schema first so the workers do not race on migrations.
  await (await openStore({ file })).close();
  await Promise.all(['a', 'b', 'c'].map((who) => run(process.execPath, ['--import', 'tsx', script, file, who], { cwd: REPO })));
  const store = await openStore({ file });
  try {
    expect((await store.listDocuments()).total).toBe(120);
    expect((await store.listEntities({ type: 'country' })).total).toBe(1);
    expect((await store.listEntities({ type: 'person' })).total).toBe(15);
    expect((await store.history({ kind: 'entity', limit: 500 })).total).toBe(30);
  } finally {
    await store.close();
  }
}, 120_000);
