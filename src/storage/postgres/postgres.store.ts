import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Store } from '../port.js';
import { StoreError } from '../store.error.js';
import { KyselyStore, coreMigrations, migrateToLatest, type Database as Schema } from '../core/index.js';
import { postgresFullText } from './postgres.full-text.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
  now?: () => string;
}

export const postgresMigrations = { ...coreMigrations, ...postgresFullText.migrations };

/** Shown instead of the URL in messages, so a password in it never reaches a log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/** Opens a PostgreSQL store (the database must exist) and brings its schema up to date. */
export async function openPostgresStore(opts: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreError(
      'unavailable',
      `Cannot connect to PostgreSQL at ${redact(opts.url)}: ${(err as Error).message}. Check that the server runs and the database exists, or unset DATABASE_URL to use SQLite.`,
    );
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, postgresMigrations);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new KyselyStore({
    db,
    capabilities: { dialect: 'postgres', fullText: 'tsvector', concurrentWriters: true },
    fullText: postgresFullText,
    // Several ingest workers may save at once; entity matching must see each other's
    // new entities, so ingest transactions take turns (they are short: extraction runs outside).
    lockForIngest: async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('liaison.ingest'))`.execute(trx);
    },
    now: opts.now,
  });
}
