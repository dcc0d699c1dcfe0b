import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, href, navigate, plural, useApi } from '../lib';
import type { SearchHit, SearchKind } from '../lib';
import { Async, Pager } from '../components';

const LIMIT = 20;
const KINDS: SearchKind[] = ['document', 'entity', 'event'];

/** The snippet with matched words marked; the snippet is plain text and stays text. */
function Snippet({ hit }: { hit: SearchHit }) {
  const parts: Array<string | { mark: string; at: number }> = [];
  let last = 0;
  for (const h of [...hit.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < last || h.end > hit.snippet.length) continue;
    parts.push(hit.snippet.slice(last, h.start), { mark: hit.snippet.slice(h.start, h.end), at: h.start });
    last = h.end;
  }
  parts.push(hit.snippet.slice(last));
  return <p className="small">{parts.map((p) => (typeof p === 'string' ? p : <mark key={p.at}>{p.mark}</mark>))}</p>;
}

function hitHref(hit: SearchHit): string {
  const section = hit.kind === 'document' ? 'documents' : hit.kind === 'entity' ? 'entities' : 'events';
  return href([section, hit.id]);
}

export function SearchView({ q, kind }: { q: string; kind?: string }) {
  const [draft, setDraft] = useState(q);
  const [offset, setOffset] = useState(0);
  useEffect(() => { setDraft(q); setOffset(0); }, [q, kind]);
  const searchKind = KINDS.includes(kind as SearchKind) ? (kind as SearchKind) : undefined;
  const state = useApi(
    () => (q ? api.search({ q, kind: searchKind, limit: LIMIT, offset }) : Promise.resolve(undefined)),
    `search:${q}:${searchKind}:${offset}`,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('search', { q: draft.trim(), kind: searchKind }));
  };
  return (
    <div className="stack">
      <h1>Search</h1>
      <form className="panel row" role="search" aria-label="Search the record" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">Words to find</label>
          <input id="search-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-kind">In</label>
          <select id="search-kind" value={searchKind ?? ''} onChange={(e) => navigate(href('search', { q, kind: e.target.value }))}>
            <option value="">everything</option>
            <option value="document">documents</option>
            <option value="entity">entities</option>
            <option value="event">events</option>
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
      {q ? (
        <Async state={state} what="results">
          {(page) =>
            page && (
              <section className="panel" aria-label="Results">
                <p className="muted small" role="status">{plural(page.total, 'result')} for “{q}”</p>
                <ol className="plain">
                  {page.items.map((hit) => (
                    <li key={hit.kind + hit.id}>
                      <span className="badge">{hit.kind}</span> <a href={hitHref(hit)}>{hit.title}</a>
                      <Snippet hit={hit} />
                    </li>
                  ))}
                </ol>
                <Pager total={page.total} limit={LIMIT} offset={offset} onChange={setOffset} />
              </section>
            )
          }
        </Async>
      ) : (
        <p className="muted">Type a name, a place or a phrase.</p>
      )}
    </div>
  );
}
