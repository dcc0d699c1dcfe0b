import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Store } from '../port.js';
import { StoreError } from '../store.error.js';
import { KyselyStore, coreMigrations, migrateToLatest, type Database as Schema } from '../core/index.js';
import { CachingSqliteDialect } from './sqlite.dialect.js';
import { sqliteFullText } from './sqlite.full-text.js';

export const DEFAULT_SQLITE_FILE = './data/liaison.db';

export interface SqliteStoreOptions {
  /** Database file; `:memory:` for a throwaway store. Default ./data/liaison.db. */
  file?: string;
  now?: () => string;
}

export const sqliteMigrations = { ...coreMigrations, ...sqliteFullText.migrations };

/** Opens (creating if needed) a SQLite store and brings its schema up to date. */
export async function openSqliteStore(opts: SqliteStoreOptions = {}): Promise<Store> {
  const file = opts.file ?? DEFAULT_SQLITE_FILE;
  let sqlite: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    sqlite = new Database(file);
  } catch (err) {
    throw new StoreError(
      'unavailable',
      `Cannot open the SQLite database ${file}: ${(err as Error).message}. Check the path and that you may write to its folder.`,
    );
  }
  try {
    // WAL lets readers (the web UI) work while an ingest writes; NORMAL sync is safe under WAL.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // A save writes ~90 pages (one per index it touches), many of them the same hot
    // pages from one document to the next. Checkpointing every 10,000 pages instead of
    // 1,000 copies each hot page back once per ~100 documents rather than per ~10, with a
    // tenth of the fsyncs; the size limit shrinks the WAL file again after a checkpoint.
    sqlite.pragma('wal_autocheckpoint = 10000');
    sqlite.pragma('journal_size_limit = 67108864');
    sqlite.pragma('foreign_keys = ON');
    // A second process (CLI ingest while `serve` runs) waits instead of failing at once.
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    sqlite.close();
    throw new StoreError('unavailable', `${file} is not a usable SQLite database: ${(err as Error).message}.`);
  }
  const db = new Kysely<Schema>({ dialect: new CachingSqliteDialect(sqlite) });
  try {
    await migrateToLatest(db, sqliteMigrations);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new KyselyStore({
    db,
    capabilities: { dialect: 'sqlite', fullText: 'fts5', concurrentWriters: false },
    fullText: sqliteFullText,
    now: opts.now,
  });
}
