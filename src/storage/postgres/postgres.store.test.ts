import { createHash } from 'node:crypto';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../core/index.js';
import type { Store } from '../port.js';
import { runStoreContract } from '../store.contract.js';
import { openPostgresStore, postgresMigrations } from './postgres.store.js';

// Tests run against a real server. Unreachable: skipped with a plain message, except
// under CI, where a missing database must fail the run instead of hiding it.
const HOST = '127.0.0.1';
const PORT = 5432;
const ADMIN_URL = `postgres://postgres@${HOST}:${PORT}/postgres`;
const urlFor = (db: string) => `postgres://postgres@${HOST}:${PORT}/${db}`;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const isReachable = await reachable();
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
if (!isReachable && !inCi) console.warn(`PostgreSQL not reachable at ${HOST}:${PORT}: skipped`);

// The template's name carries a hash of the migrations, so a schema change builds a new one.
const migrationsHash = createHash('sha256')
  .update(Object.entries(postgresMigrations).map(([name, m]) => name + m.up.toString()).join('\n'))
  .digest('hex')
  .slice(0, 10);
const TEMPLATE = `liaison_tpl_${migrationsHash}`;
const created: string[] = [];
let templateReady: Promise<void> | undefined;

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  // Bounded: a busy server makes a test fail with a message rather than hang the hook.
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 10_000, statement_timeout: 20_000, lock_timeout: 15_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Migrates the template once per schema version (another test run may be doing it too). */
async function ensureTemplate(): Promise<void> {
  // Templates of older schema versions are of no more use; one in use is left alone.
  const stale = await admin((c) => c.query(`select datname from pg_database where datname like 'liaison_tpl_%' and datname <> $1 and datname not like '%_build_%'`, [TEMPLATE]));
  for (const { datname } of stale.rows) await admin((c) => c.query(`drop database if exists ${datname}`)).catch(() => {});
  const exists = await admin((c) => c.query('select 1 from pg_database where datname = $1', [TEMPLATE]));
  if (exists.rowCount) return;
  const building = `${TEMPLATE}_build_${process.pid}`;
  await admin((c) => c.query(`create database ${building}`));
  const store = await openPostgresStore({ url: urlFor(building), poolSize: 1 });
  await store.close();
  await admin(async (c) => {
    try {
      await c.query(`alter database ${building} rename to ${TEMPLATE}`);
    } catch {
      // Someone else finished first; theirs is identical.
      await c.query(`drop database if exists ${building}`);
    }
  });
}

async function newStore(): Promise<Store> {
  templateReady ??= ensureTemplate();
  await templateReady;
  const name = `liaison_test_${process.pid}_${created.length + 1}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database ${name} template ${TEMPLATE}`));
  created.push(name);
  const store = await openPostgresStore({ url: urlFor(name), poolSize: 4 });
  opened.push(store);
  return store;
}
const opened: Store[] = [];

/** A database as an earlier version left it: migrated up to `lastMigration` only. */
async function newOldDatabase(lastMigration: string) {
  const name = `liaison_test_${process.pid}_${created.length + 1}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database ${name}`));
  created.push(name);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlFor(name), max: 2 }) }) });
  await migrateToLatest(db, Object.fromEntries(Object.entries(postgresMigrations).filter(([n]) => n <= lastMigration)));
  return {
    db,
    open: async () => {
      await db.destroy();
      const store = await openPostgresStore({ url: urlFor(name), poolSize: 4 });
      opened.push(store);
      return store;
    },
  };
}

/** Resolves after `ms` at the latest, so no single step of teardown can hang it. */
function within<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  let timer: Parameters<typeof clearTimeout>[0];
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

// Teardown ends every pool first (the contract closes its stores, but a failed test may
// not get that far), then drops the databases. WITH (FORCE) (PostgreSQL 13+) ends any
// session still attached instead of waiting for it; every step has a time limit.
afterAll(async () => {
  if (!isReachable) return;
  await within(10_000, Promise.allSettled(opened.map((s) => s.close())));
  await within(
    40_000,
    admin(async (c) => {
      const version = Number((await c.query('show server_version_num')).rows[0].server_version_num);
      const force = version >= 130000 ? ' with (force)' : '';
      for (const name of created) {
        try {
          await c.query(`drop database if exists ${name}${force}`);
        } catch (err) {
          console.warn(`could not drop test database ${name}: ${(err as Error).message}`);
        }
      }
    }),
  );
}, 60_000);

describe.runIf(!isReachable && inCi)('postgres availability under CI', () => {
  it('needs PostgreSQL', () => {
    expect.fail(`PostgreSQL not reachable at ${HOST}:${PORT}, and CI is set: start the server (see .ci/run) instead of skipping.`);
  });
});

describe.skipIf(!isReachable)('postgres adapter', () => {
  runStoreContract({ name: 'postgres', newStore, newOldDatabase });

  it('lets two workers ingest the same new entity at once without duplicating it', async () => {
    const a = await newStore();
    const b = await openPostgresStore({ url: urlFor(created[created.length - 1]), poolSize: 2 });
    try {
      const mk = (n: number) => ({
        source: {},
        text: `Jordan hosts talks ${n}.`,
        entities: [{ key: 'jo', type: 'country' as const, name: 'Jordan', aliases: [], attributes: { iso2: 'JO' }, mentions: [{ start: 0, end: 6, rule: 't', text: 'Jordan' }] }],
        events: [],
        quotes: [],
        notes: [],
      });
      const results = await Promise.all([1, 2, 3, 4].map((n) => (n % 2 ? a : b).saveExtraction({ ingestedBy: 'w' }, mk(n))));
      expect(new Set(results.map((r) => r.entityIds.jo)).size).toBe(1);
      expect((await a.listEntities()).total).toBe(1);
      expect(a.capabilities).toMatchObject({ dialect: 'postgres', fullText: 'tsvector', concurrentWriters: true });
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('refuses an unreachable server with a message that names it and hides the password', async () => {
    await expect(openPostgresStore({ url: 'postgres://postgres:secret@127.0.0.1:1/nowhere' })).rejects.toSatisfy(
      (e: unknown) => (e as Error).message.includes('127.0.0.1:1') && !(e as Error).message.includes('secret') && (e as { code: string }).code === 'unavailable',
    );
  });
});
