import { useState } from 'react';
import { api, href, plural, useApi } from '../lib';
import { Async, DocumentLink, Pager } from '../components';

const LIMIT = 50;

export function DocumentsView() {
  const [q, setQ] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const state = useApi(() => api.documents({ q: q.trim() || undefined, from, to, limit: LIMIT, offset }), `docs:${q}:${from}:${to}:${offset}`);
  return (
    <div className="stack">
      <div className="row">
        <h1 className="flush">Documents</h1>
        <a href={href('add')}>Add a document</a>
      </div>
      <form className="panel fields" role="search" aria-label="Filter documents" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="docs-q">Title or outlet</label>
          <input id="docs-q" type="search" value={q} onChange={(e) => { setQ(e.target.value); setOffset(0); }} />
        </div>
        <div className="field">
          <label htmlFor="docs-from">Published from</label>
          <input id="docs-from" type="date" value={from} onChange={(e) => { setFrom(e.target.value); setOffset(0); }} />
        </div>
        <div className="field">
          <label htmlFor="docs-to">Published to</label>
          <input id="docs-to" type="date" value={to} onChange={(e) => { setTo(e.target.value); setOffset(0); }} />
        </div>
      </form>
      <Async state={state} what="documents">
        {(page) => (
          <section className="panel">
            <p className="muted small">{plural(page.total, 'document')}</p>
            <table>
              <thead>
                <tr><th scope="col">Document</th><th scope="col">Outlet</th><th scope="col">Dateline</th><th scope="col">Published</th><th scope="col">Records</th></tr>
              </thead>
              <tbody>
                {page.items.map((d) => (
                  <tr key={d.id}>
                    <td><DocumentLink doc={d} /></td>
                    <td>{d.outlet ?? '—'}</td>
                    <td>{d.dateline ?? '—'}</td>
                    <td>{d.published ?? '—'}</td>
                    <td className="small">{d.counts.entities} entities, {d.counts.events} events, {d.counts.quotes} quotes</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager total={page.total} limit={LIMIT} offset={offset} onChange={setOffset} />
          </section>
        )}
      </Async>
    </div>
  );
}
