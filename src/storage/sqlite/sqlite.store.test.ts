import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../core/index.js';
import { runStoreContract } from '../store.contract.js';
import { openSqliteStore, sqliteMigrations } from './sqlite.store.js';

// Each test gets its own real database file in a temporary folder (WAL needs a file).
const dir = mkdtempSync(join(tmpdir(), 'liaison-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database file as an earlier version left it: migrated up to `lastMigration` only. */
async function newOldDatabase(lastMigration: string, file = join(dir, `old-${++n}.db`)) {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  await migrateToLatest(db, Object.fromEntries(Object.entries(sqliteMigrations).filter(([name]) => name <= lastMigration)));
  return {
    db,
    open: async () => {
      await db.destroy();
      return openSqliteStore({ file });
    },
  };
}

runStoreContract({ name: 'sqlite', newStore: () => openSqliteStore({ file: join(dir, `store-${++n}.db`) }), newOldDatabase });

describe('sqlite adapter', () => {
  it('creates the folder of the database file and reopens it with the data kept', async () => {
    const file = join(dir, 'nested', 'deeper', 'liaison.db');
    const store = await openSqliteStore({ file });
    await store.createEntity({ user: 'bob' }, { type: 'country', name: 'Jordan', attributes: { iso2: 'JO' } });
    await store.close();
    const again = await openSqliteStore({ file });
    expect((await again.listEntities()).items.map((e) => e.name)).toEqual(['Jordan']);
    expect(again.capabilities).toMatchObject({ dialect: 'sqlite', fullText: 'fts5' });
    await again.close();
  });

  it('keeps the full-text index consistent with the text it reads from documents, after an upgrade too', async () => {
    const file = join(dir, 'fts-upgrade.db');
    const old = await newOldDatabase('0005_participants_by_event', file);
    const text = 'Foreign ministers met in Vilnius.';
    await old.db
      .insertInto('documents')
      .values({ id: 'doc_1', content_hash: 'h1', title: 'Vilnius', text, text_length: text.length, notes: '[]', ingested_at: '2025-04-02T10:00:00.000Z', ingested_by: 'bob' })
      .execute();
    await old.db.insertInto('search_docs').values({ kind: 'document', ref_id: 'doc_1', title: 'Vilnius', body: text }).execute();
    const store = await old.open();
    const jordan = await store.createEntity({ user: 'bob' }, { type: 'country', name: 'Jordan' });
    await store.updateEntity({ user: 'bob' }, jordan.id, { aliases: ['Hashemite Kingdom'] });
    await store.saveExtraction({ ingestedBy: 'bob' }, { source: {}, text: 'Jordan hosts talks.', entities: [], events: [], quotes: [], notes: [] });
    expect((await store.search({ q: 'hosts' })).total).toBe(1);
    await store.close();
    const raw = new Database(file);
    try {
      // FTS5 compares its index with the content it reads (the view over documents).
      expect(() => raw.prepare(`insert into search_fts(search_fts) values ('integrity-check')`).run()).not.toThrow();
      expect(raw.prepare(`select body from search_docs where kind = 'document'`).all()).toEqual([{ body: '' }, { body: '' }]);
    } finally {
      raw.close();
    }
  });

  it('says plainly when the file is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'not-a-db.db');
    writeFileSync(file, 'this is a text file, not SQLite '.repeat(200));
    await expect(openSqliteStore({ file })).rejects.toMatchObject({ code: expect.stringMatching(/unavailable|migration_failed/) });
  });
});
