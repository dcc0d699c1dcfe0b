import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli, SEED_TEXT } from './run-cli.js';
import { runsWithShared } from '../shared-files.js';

// Each test runs the real binary several times; on a busy 2-core machine one run can take ~10 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

// The CLI against a real PostgreSQL chosen by DATABASE_URL. Unreachable: skipped with a
// message, except under CI, where a missing server must fail instead of hiding.
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = `liaison_cli_${process.pid}_${Date.now().toString(36)}`;
const DB_URL = `postgres://postgres@127.0.0.1:5432/${DB}`;

async function admin(sql: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const isReachable = await admin(`create database ${DB}`);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!isReachable && !inCi) console.warn('PostgreSQL not reachable at 127.0.0.1:5432: the CLI-on-PostgreSQL tests are skipped');

afterAll(async () => {
  if (isReachable) await admin(`drop database if exists ${DB} with (force)`);
});

describe.runIf(!isReachable && inCi)('CLI on PostgreSQL under CI', () => {
  it('needs PostgreSQL', () => expect.fail('PostgreSQL is not reachable at 127.0.0.1:5432 and CI is set: .ci/run should have started it.'));
});

describe.skipIf(!isReachable || !runsWithShared)('CLI on PostgreSQL (DATABASE_URL)', () => {
  const env = { DATABASE_URL: DB_URL };

  it('ingests into PostgreSQL, treats a repeat as a duplicate, and reads it back', async () => {
    const first = await runCli(['ingest', SEED_TEXT, '--published', '2025-04-02', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ingested: 1, duplicates: 0, failed: 0 });
    const again = await runCli(['ingest', SEED_TEXT, '--published', '2025-04-02', '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ ingested: 0, duplicates: 1 });

    const docs = await runCli(['documents', '--json'], { env });
    expect(docs.code, docs.stderr).toBe(0);
    expect(JSON.parse(docs.stdout)).toMatchObject({ total: 1, items: [{ published: '2025-04-02' }] });
    const hits = await runCli(['search', 'NATO', '--kind', 'entity', '--json'], { env });
    expect(JSON.parse(hits.stdout).total).toBeGreaterThan(0);
  });

  it('names the database it cannot reach, without a stack trace', async () => {
    const run = await runCli(['documents'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/liaison_no_such_database' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*liaison_no_such_database/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
