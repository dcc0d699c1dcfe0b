/**
 * SQLite full-text search: an FTS5 table over `search_docs` (external content, kept in
 * step by triggers), tokenized with `unicode61 remove_diacritics 2` so "Sybiha" finds
 * "Sybiha" and "Da'esh" / "Daesh" differ only by what the text wrote. Since 0007 a
 * document's words are read from `documents` (through the `search_content` view), so
 * its text is stored once.
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

/** A document's text from `documents`; any other row's from its own body. */
const textOf = (row: 'new' | 'old') =>
  sql.raw(`coalesce((select text from documents where ${row}.kind = 'document' and id = ${row}.ref_id), ${row}.body)`);

/**
 * The index reads documents' text from `documents` instead of a copy in `search_docs`
 * (a save wrote every text twice), and `search_docs` loses AUTOINCREMENT (a save also
 * rewrote its counter row). Row ids are kept; the index is rebuilt from the same words.
 * Documents are never changed or deleted, so the delete triggers find the text they
 * indexed.
 */
const readDocumentText: Migration = {
  async up(db: Kysely<any>) {
    await db.transaction().execute(async (trx) => {
      for (const trigger of ['search_docs_ai', 'search_docs_ad', 'search_docs_au']) await sql`drop trigger if exists ${sql.id(trigger)}`.execute(trx);
      await sql`drop table if exists search_fts`.execute(trx);
      await sql`alter table search_docs rename to search_docs_copy`.execute(trx);
      await sql`create table search_docs (
        rowid integer primary key,
        kind text not null,
        ref_id text not null unique,
        title text not null,
        body text not null
      )`.execute(trx);
      await sql`insert into search_docs (rowid, kind, ref_id, title, body)
        select rowid, kind, ref_id, title, case when kind = 'document' then '' else body end from search_docs_copy`.execute(trx);
      await sql`drop table search_docs_copy`.execute(trx);
      await sql`create view search_content as
        select s.rowid as search_rowid, s.title, coalesce(d.text, s.body) as body
        from search_docs s left join documents d on s.kind = 'document' and d.id = s.ref_id`.execute(trx);
      await sql`create virtual table search_fts using fts5(
        title, body,
        content = 'search_content', content_rowid = 'search_rowid',
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(trx);
      await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(trx);
      await sql`create trigger search_docs_ai after insert on search_docs begin
        insert into search_fts(rowid, title, body) values (new.rowid, new.title, ${textOf('new')});
      end`.execute(trx);
      await sql`create trigger search_docs_ad after delete on search_docs begin
        insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, ${textOf('old')});
      end`.execute(trx);
      await sql`create trigger search_docs_au after update on search_docs begin
        insert into search_fts(search_fts, rowid, title, body) values ('delete', old.rowid, old.title, ${textOf('old')});
        insert into search_fts(rowid, title, body) values (new.rowid, new.title, ${textOf('new')});
      end`.execute(trx);
    });
  },
};

/** Every token quoted (so no FTS5 operator can sneak in); the last one matches as a prefix. */
function matchExpression(tokens: string[]): string {
  return tokens.map((t, i) => `"${t}"${i === tokens.length - 1 ? '*' : ''}`).join(' ');
}

export const sqliteFullText: FullTextDialect = {
  engine: 'fts5',
  migrations: { '0002_search': migration, '0007_search_reads_documents': readDocumentText },
  readsDocumentText: true,
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
