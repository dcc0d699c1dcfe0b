import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, runCli, SEED_TEXT } from './run-cli.js';
import { runsWithShared } from '../shared-files.js';

// Each test runs the real binary several times; on a busy 2-core machine one run can take ~10 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-cli-cmd-'));
  db = join(dir, 'records.db');
  if (!runsWithShared) return;
  const run = await runCli(['ingest', SEED_TEXT, '--published', '2025-04-02', '--db', db]);
  expect(run.code, run.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = async (args: string[]) => {
  const run = await runCli([...args, '--db', db]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe.runIf(runsWithShared)('liaison extract', () => {
  it('prints the eval format with --format gold, touching no database', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'liaison-cli-cwd-'));
    const run = await runCli(['extract', SEED_TEXT, '--published', '2025-04-02', '--format', 'gold'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const gold = JSON.parse(run.stdout);
    expect(gold.source.published).toBe('2025-04-02');
    expect(Array.isArray(gold.entities) && Array.isArray(gold.events) && Array.isArray(gold.quotes)).toBe(true);
    expect(gold.entities.length).toBeGreaterThan(0);
    expect(readdirSync(cwd)).toEqual([]); // no ./data/liaison.db appeared
    rmSync(cwd, { recursive: true });
  });

  it('gives full records with evidence spans that point into the text with --format json', async () => {
    const run = await runCli(['extract', SEED_TEXT, '--published', '2025-04-02', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const x = JSON.parse(run.stdout);
    expect(typeof x.text).toBe('string');
    const mention = x.entities[0].mentions[0];
    expect(x.text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(mention.rule).toMatch(/\w/);
  });

  it('prints a readable table and says where the text came from with --format table', async () => {
    const run = await runCli(['extract', SEED_TEXT, '--published', '2025-04-02', '--format', 'table']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/published 2025-04-02/);
    expect(run.stdout).toMatch(/EVENT\s+LABEL\s+WHERE\s+WHEN\s+STATUS|events\s+none found/);
  });

  it('refuses a binary file with a clear message and exit 1', async () => {
    const bin = join(dir, 'x.txt');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0xff]));
    const run = await runCli(['extract', bin, '--format', 'gold']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*binary file/m);
  });
});

describe.runIf(runsWithShared)('record commands', () => {
  it('lists documents as JSON pages and as a table', async () => {
    const page = await json(['documents', '--json']);
    expect(page).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(page.items[0].published).toBe('2025-04-02');
    const table = await runCli(['documents', '--db', db]);
    expect(table.stdout).toMatch(/^ID\s+PUBLISHED\s+OUTLET/m);
    expect(table.stdout).toContain('2025-04-02');
  });

  it('searches, shows an entity found by name, and lists it on the timeline', async () => {
    const hits = await json(['search', 'NATO', '--json']);
    expect(hits.total).toBeGreaterThan(0);
    const entities = hits.items.filter((h: { kind: string }) => h.kind === 'entity');
    expect(entities.length).toBeGreaterThan(0);
    const shown = await json(['show', entities[0].id, '--json']);
    expect(shown).toMatchObject({ kind: 'entity', id: entities[0].id });
    expect(Array.isArray(shown.aliases) && Array.isArray(shown.sources)).toBe(true);
    const timeline = await json(['timeline', '--json']);
    expect(Array.isArray(timeline.items)).toBe(true);
    for (let i = 1; i < timeline.items.length; i++) expect(timeline.items[i - 1].start <= timeline.items[i].start).toBe(true);
  });

  it('says plainly when nothing has a name, with exit 1', async () => {
    const run = await runCli(['show', 'Zzyzx Qwerty Council', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Nothing is named "Zzyzx Qwerty Council"/m);
  });

  it('lists drafts and confirms one', async () => {
    const queue = await json(['review', '--json', '--limit', '5']);
    expect(queue.total).toBeGreaterThan(0);
    const item = queue.items[0];
    const result = await json(['review', 'confirm', item.id, '--json']);
    expect(result).toMatchObject({ id: item.id, state: 'confirmed', previousState: 'draft' });
    const after = await json(['review', '--json', '--limit', '500']);
    expect(after.total).toBe(queue.total - 1);
    const bad = await runCli(['review', 'reject', 'nonsense', '--db', db]);
    expect(bad.code).toBe(2);
  });

  it('exports the whole record as one JSON object and CSV tables', async () => {
    const all = await json(['export', '--format', 'json']);
    expect(all.format).toBe('liaison-export/1');
    expect(all.documents).toHaveLength(1);
    expect(all.documents[0].text.length).toBeGreaterThan(1000);
    expect(all.entities.length).toBeGreaterThan(0);
    const out = join(dir, 'csv');
    const run = await runCli(['export', '--format', 'csv', '--out', out, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['documents.csv', 'entities.csv', 'events.csv', 'participants.csv', 'quotes.csv']);
    const entities = readFileSync(join(out, 'entities.csv'), 'utf8').trim().split('\r\n');
    expect(entities[0]).toMatch(/^id,type,name,/);
    expect(entities.length).toBe(all.entities.length + 1);
  });
});

describe.runIf(runsWithShared)('liaison eval', () => {
  it('extracts each keyed text, runs the scorer and prints its summary', async () => {
    const gold = join(dir, 'gold');
    mkdirSync(gold);
    copyFileSync(SEED_TEXT, join(gold, 'seed.txt'));
    copyFileSync(SEED_TEXT.replace(/\.txt$/, '.gold.json'), join(gold, 'seed.gold.json'));
    const preds = join(dir, 'preds');
    const run = await runCli(['eval', gold, '--out', preds]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^overall: entities F1 \d\.\d{3} · events F1 \d\.\d{3}/m);
    const pred = JSON.parse(readFileSync(join(preds, 'seed.pred.json'), 'utf8'));
    expect(pred.source.published).toBe('2025-04-02');
  });

  it('fails with a clear message when the scorer is missing', async () => {
    const run = await runCli(['eval', join(REPO_ROOT, 'eval'), '--scorer', join(dir, 'nope.mjs')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: The scorer .*nope\.mjs does not exist/m);
  });
});
