import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreContract } from '../store.contract.js';
import { openSqliteStore } from './sqlite.store.js';

// Each test gets its own real database file in a temporary folder (WAL needs a file).
const dir = mkdtempSync(join(tmpdir(), 'liaison-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract({ name: 'sqlite', newStore: () => openSqliteStore({ file: join(dir, `store-${++n}.db`) }) });

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

  it('says plainly when the file is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'not-a-db.db');
    writeFileSync(file, 'this is a text file, not SQLite '.repeat(200));
    await expect(openSqliteStore({ file })).rejects.toMatchObject({ code: expect.stringMatching(/unavailable|migration_failed/) });
  });
});
