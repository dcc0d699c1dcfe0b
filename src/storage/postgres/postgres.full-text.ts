/**
 * PostgreSQL full-text search: a generated tsvector over `search_docs` with a GIN index.
 * Snippets are cut in JS (core/snippet.ts) because ts_headline reads the raw text and
 * would miss matches that differ only by accents.
 * The `simple` configuration (no stemming) and accent folding via `unaccent` make it
 * match the way SQLite's unicode61 tokenizer does, so both stores find the same things.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { SearchHit, SearchKind } from '../port.js';
import { makeSnippet, type Db, type FullTextDialect, type FullTextQuery } from '../core/index.js';

const migration: Migration = {
  async up(db: Kysely<any>) {
    const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'unaccent'`.execute(db);
    const hasUnaccent = Number(available.rows[0]?.n ?? 0) > 0;
    if (hasUnaccent) await sql`create extension if not exists unaccent`.execute(db);
    // A generated column needs an IMMUTABLE function; unaccent() itself is only STABLE
    // because its dictionary could change, which Liaison never does.
    if (hasUnaccent) {
      await sql`create or replace function liaison_fold(text) returns text
        language sql immutable parallel safe strict
        as $$ select lower(unaccent('unaccent'::regdictionary, $1)) $$`.execute(db);
    } else {
      await sql`create or replace function liaison_fold(text) returns text
        language sql immutable parallel safe strict
        as $$ select lower($1) $$`.execute(db);
    }
    // Very long texts are indexed in part: a tsvector holds at most 1 MB.
    await sql`create table search_docs (
      rowid bigserial primary key,
      kind text not null,
      ref_id text not null unique,
      title text not null,
      body text not null,
      tsv tsvector generated always as (
        setweight(to_tsvector('simple', liaison_fold(title)), 'A') ||
        setweight(to_tsvector('simple', liaison_fold(left(body, 400000))), 'B')
      ) stored
    )`.execute(db);
    await sql`create index search_docs_tsv_idx on search_docs using gin (tsv)`.execute(db);
  },
};

function tsquery(tokens: string[]): string {
  return tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(' & ');
}

export const postgresFullText: FullTextDialect = {
  engine: 'tsvector',
  migrations: { '0002_search': migration },
  async search(db: Db, q: FullTextQuery) {
    const query = tsquery(q.tokens);
    const kinds = sql.join(q.kinds.map((k) => sql`${k}`));
    const rows = await sql<{ kind: SearchKind; ref_id: string; title: string; body: string; score: number }>`
      with q as (select to_tsquery('simple', ${query}) as query)
      select d.kind, d.ref_id, d.title,
             left(d.body, 200000) as body,
             ts_rank(d.tsv, q.query) as score
      from search_docs d, q
      where d.tsv @@ q.query and d.kind in (${kinds})
      order by score desc, d.ref_id
      limit ${q.limit} offset ${q.offset}`.execute(db);
    const total = await sql<{ n: string }>`
      select count(*) as n from search_docs d
      where d.tsv @@ to_tsquery('simple', ${query}) and d.kind in (${kinds})`.execute(db);
    const items: SearchHit[] = rows.rows.map((r) => {
      // Entities and events are found by their name or label as often as by their body.
      const fromBody = r.body ? makeSnippet(r.body, q.tokens) : undefined;
      const { snippet, highlights } = fromBody && fromBody.highlights.length > 0 ? fromBody : makeSnippet(r.title, q.tokens);
      return { kind: r.kind, id: r.ref_id, title: r.title, snippet, highlights, score: Number(r.score) };
    });
    return { items, total: Number(total.rows[0]?.n ?? 0) };
  },
};
