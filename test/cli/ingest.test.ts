import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/storage/index.js';
import { runCli, SEED_TEXT } from './run-cli.js';
import { hasShared, runsWithShared } from '../shared-files.js';

// Each test runs the real binary several times; on a busy 2-core machine one run can take ~10 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

// One folder with one good text and every kind of bad input a user might feed in.
let dir: string;
let inbox: string;
let db: string;
const seed = hasShared ? readFileSync(SEED_TEXT, 'utf8') : '';

async function countRows() {
  const store = await openStore({ dbFile: db });
  try {
    const documents = await store.listDocuments({ limit: 500 });
    const entities = await store.listEntities({ limit: 1 });
    const events = await store.listEvents({ limit: 1 });
    return { documents: documents.total, titles: documents.items.map((d) => d.title), ids: documents.items.map((d) => d.id), entities: entities.total, events: events.total };
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
  inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'nested'), { recursive: true });
  db = join(dir, 'test.db');
  writeFileSync(join(inbox, 'good.txt'), seed);
  // A PNG header and NUL bytes, named .txt the way a mis-saved download would be.
  writeFileSync(join(inbox, 'binary.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(512, 7)]));
  // Latin-1 bytes for "Brussels — café": é as 0xE9 and an en dash as 0x96 are not UTF-8.
  writeFileSync(join(inbox, 'latin1.txt'), Buffer.from([0x42, 0x72, 0x75, 0x73, 0x73, 0x65, 0x6c, 0x73, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(join(inbox, 'empty.txt'), '');
  writeFileSync(join(inbox, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'The ministers met in Brussels. '));
  writeFileSync(
    join(inbox, 'nested', 'page.html'),
    `<!doctype html><html><head><title>Ministers meet</title><script>window.stolen = document.cookie; alert("owned")</script></head>
<body><script src="tracker.js"></script><p>AMMAN (WIRE)</p><p>Jordan's foreign minister met NATO Secretary-General Mark Rutte in Amman on Monday to discuss the alliance's liaison office.</p>
<p onclick="alert('x')">"We value this partnership," the minister said.</p></body></html>`,
  );
  writeFileSync(join(inbox, 'notes.json'), '{"not": "an article"}');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(runsWithShared)('liaison ingest', () => {
  it('ingests the good files, names each bad one with a reason, exits 1, and writes nothing for the bad ones', async () => {
    const run = await runCli(['ingest', inbox, '--json', '--db', db]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ingested: number; duplicates: number; failed: number; results: { path: string; status: string; message?: string }[] };
    const byName = (name: string) => report.results.find((r) => r.path.endsWith(name));
    expect(report).toMatchObject({ ingested: 2, duplicates: 0, failed: 4 });
    expect(byName('notes.json')).toBeUndefined();
    expect(byName('good.txt')?.status).toBe('ingested');
    expect(byName('page.html')?.status).toBe('ingested');
    expect(byName('binary.txt')).toMatchObject({ status: 'failed', code: 'binary_file', message: expect.stringMatching(/binary file, not text/) });
    expect(byName('latin1.txt')).toMatchObject({ status: 'failed', code: 'invalid_encoding', message: expect.stringMatching(/not valid UTF-8/) });
    expect(byName('empty.txt')).toMatchObject({ status: 'failed', code: 'empty_text', message: expect.stringMatching(/empty/) });
    expect(byName('huge.txt')).toMatchObject({ status: 'failed', code: 'too_large', message: expect.stringMatching(/20\.0 MB; the limit is 5\.0 MB/) });
    // Every failure is also spelled out on stderr for a person reading the terminal.
    for (const name of ['binary.txt', 'latin1.txt', 'empty.txt', 'huge.txt']) expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack traces for expected failures

    const rows = await countRows();
    expect(rows.documents).toBe(2);
    expect(rows.entities).toBeGreaterThan(0);
  });

  it('keeps script and markup out of the stored text of an HTML page', async () => {
    const store = await openStore({ dbFile: db });
    try {
      const docs = await store.listDocuments({ limit: 10 });
      const details = await Promise.all(docs.items.map((d) => store.getDocument(d.id)));
      const page = details.find((d) => d?.text.includes('liaison office') && d.text.includes('Amman'));
      expect(page).toBeDefined();
      expect(page!.text).not.toMatch(/cookie|alert|tracker|<script|onclick|<p>/);
      expect(page!.text).toContain('We value this partnership');
    } finally {
      await store.close();
    }
  });

  it('treats a second ingest of the same texts as a no-op', async () => {
    const before = await countRows();
    const run = await runCli(['ingest', join(inbox, 'good.txt'), join(inbox, 'nested'), '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ingested 0 · duplicates 2 · failed 0/);
    expect(await countRows()).toEqual(before);
  });

  it('reads standard input with - and takes --published and --outlet', async () => {
    const text = 'VIENNA (WIRE)\nOSCE foreign ministers will meet in Vienna on Thursday, a spokesperson said.\n';
    const run = await runCli(['ingest', '-', '--published', '2025-12-01', '--outlet', 'Test Wire', '--json', '--db', db], { stdin: text });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ingested: 1, failed: 0 });
    const store = await openStore({ dbFile: db });
    try {
      const doc = await store.getDocument(report.results[0].documentId);
      expect(doc).toMatchObject({ published: '2025-12-01', outlet: 'Test Wire' });
    } finally {
      await store.close();
    }
  });

  it('reports a missing path as a failure and still ingests the rest', async () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, seed.replace('Brussels this week', 'Brussels next week'));
    const run = await runCli(['ingest', join(dir, 'no-such-file.txt'), other, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no-such-file\.txt: .*does not exist/);
    expect(run.stdout).toMatch(/ingested 1 · duplicates 0 · failed 1/);
  });

  it('exits 2 on usage errors without touching the database', async () => {
    const bad = await runCli(['ingest', inbox, '--published', '02/04/2025', '--db', join(dir, 'never.db')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
    const none = await runCli(['ingest', '--db', db]);
    expect(none.code).toBe(2);
  });
});
