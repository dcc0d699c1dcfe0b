/**
 * SQLite full-text search: an FTS5 table over `search_docs` (external content, kept in
 * step by triggers), tokenized with `unicode61 remove_diacritics 2` so "Sybiha" finds
 * "Sybiha" and "Da'esh" / "Daesh" differ only by what the text wrote.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SearchHit, SearchKind } from '../port.js';
import { MARK_CLOSE, MARK_OPEN, unmark, type Db, type FullTextDialect, type FullTextQuery } from '../core/index.js';

const migration: Migration = {
  async up(db: Kysely<any>) {
    await sql`create table search_docs (
      rowid integer primary key autoincrement,
      kind text not null,
      ref_id text not null unique,
      title text not null,
      body text not null
    )`.execute(db);
    await sql`create virtual table search_fts using fts5(
      title, body,
      content = 'search_docs', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`create trigger search_docs_ai after insert on search_docs begin
      insert into search_fts(rowid, title, body) values (new.rowid, new.title, new.body);
    end`.execute(db);
    await sql`create trigger search_docs_ad after delete on search_docs begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
    end`.execute(db);
    await sql`create trigger search_docs_au after update on search_docs begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.rowid, new.title, new.body);
    end`.execute(db);
  },
};

/** Every token quoted (so no FTS5 operator can sneak in); the last one matches as a prefix. */
function matchExpression(tokens: string[]): string {
  return tokens.map((t, i) => `"${t}"${i === tokens.length - 1 ? '*' : ''}`).join(' ');
}

export const sqliteFullText: FullTextDialect = {
  engine: 'fts5',
  migration,
  async search(db: Db, q: FullTextQuery) {
    const match = matchExpression(q.tokens);
    const kinds = sql.join(q.kinds.map((k) => sql`${k}`));
    const rows = await sql<{ kind: SearchKind; ref_id: string; title: string; snip: string; rank: number }>`
      select d.kind, d.ref_id, d.title,
             snippet(search_fts, -1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) as snip,
             bm25(search_fts, 5.0, 1.0) as rank
      from search_fts join search_docs d on d.rowid = search_fts.rowid
      where search_fts match ${match} and d.kind in (${kinds})
      order by rank, d.ref_id
      limit ${q.limit} offset ${q.offset}`.execute(db);
    const total = await sql<{ n: number }>`
      select count(*) as n
      from search_fts join search_docs d on d.rowid = search_fts.rowid
      where search_fts match ${match} and d.kind in (${kinds})`.execute(db);
    const items: SearchHit[] = rows.rows.map((r) => {
      const { snippet, highlights } = unmark(r.snip ?? '');
      // bm25 is negative, more negative = better; flip it so higher is better.
      return { kind: r.kind, id: r.ref_id, title: r.title, snippet: snippet || r.title, highlights, score: -Number(r.rank) };
    });
    return { items, total: Number(total.rows[0]?.n ?? 0) };
  },
};
