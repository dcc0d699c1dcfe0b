/**
 * The one place the adapters legitimately differ: how `search_docs` is indexed and
 * queried. Rows are written by shared code (a plain table); each adapter supplies the
 * migration that indexes them and the query that searches them.
 */
import type { Migration } from 'kysely';
import type { SearchHit, SearchKind } from '../port.js';
import { inChunks, type Db } from './rows.js';

export interface FullTextQuery {
  /** Accent-folded, lowercased words (letters and digits only); the last is a prefix. */
  tokens: string[];
  kinds: SearchKind[];
  limit: number;
  offset: number;
}

export interface FullTextDialect {
  readonly engine: 'fts5' | 'tsvector';
  /** Create `search_docs` and its index, and later change them; named in the core migrations' sequence. */
  readonly migrations: Record<string, Migration>;
  /**
   * True when the index reads a document's text from `documents` itself: the document's
   * search row then carries no second copy of it (its body is empty).
   */
  readonly readsDocumentText?: boolean;
  search(db: Db, query: FullTextQuery): Promise<{ items: SearchHit[]; total: number }>;
}

export interface SearchDoc {
  kind: SearchKind;
  refId: string;
  title: string;
  body: string;
}

/** Replaces the index rows of the given records (delete + insert keeps both engines in sync). */
export async function upsertSearchDocs(db: Db, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const ids = docs.map((d) => d.refId);
  for (let i = 0; i < ids.length; i += 500) {
    await db.deleteFrom('search_docs').where('ref_id', 'in', ids.slice(i, i + 500)).execute();
  }
  for (let i = 0; i < docs.length; i += 200) {
    await db
      .insertInto('search_docs')
      .values(docs.slice(i, i + 200).map((d) => ({ kind: d.kind, ref_id: d.refId, title: d.title, body: d.body })))
      .execute();
  }
}

export async function removeSearchDocs(db: Db, refIds: string[]): Promise<void> {
  for (let i = 0; i < refIds.length; i += 500) {
    await db.deleteFrom('search_docs').where('ref_id', 'in', refIds.slice(i, i + 500)).execute();
  }
}

/**
 * Both engines return snippets with the matches wrapped in these control characters
 * (they never occur in stored text); this turns them into plain text plus offsets.
 */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

export function unmark(marked: string): { snippet: string; highlights: { start: number; end: number }[] } {
  let snippet = '';
  const highlights: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = snippet.length;
    else if (ch === MARK_CLOSE) {
      if (open >= 0 && snippet.length > open) highlights.push({ start: open, end: snippet.length });
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/** Index rows for an entity and an event: names and aliases, labels and topics. */
export function entitySearchDoc(id: string, name: string, aliases: string[]): SearchDoc {
  return { kind: 'entity', refId: id, title: name, body: aliases.join(' · ') };
}

export function eventSearchDoc(id: string, label: string, topics: string[]): SearchDoc {
  return { kind: 'event', refId: id, title: label, body: topics.join(' · ') };
}

/** Search index rows for entities, read back so they include every alias just added. */
export async function entitySearchDocs(db: Db, ids: string[]): Promise<SearchDoc[]> {
  const rows = await inChunks(ids, (s) =>
    db.selectFrom('entity_aliases').where('entity_id', 'in', s).where('kind', 'in', ['name', 'alias']).select(['entity_id', 'kind', 'alias']).execute(),
  );
  const byId = new Map<string, { name: string; aliases: string[] }>();
  for (const r of rows) {
    const e = byId.get(r.entity_id) ?? { name: '', aliases: [] };
    if (r.kind === 'name') e.name = r.alias;
    else e.aliases.push(r.alias);
    byId.set(r.entity_id, e);
  }
  return [...byId].map(([id, e]) => entitySearchDoc(id, e.name, e.aliases));
}
