import { useState } from 'react';
import { api, ENTITY_TYPES, href, navigate, plural, useApi } from '../lib';
import type { EntityType, ReviewState } from '../lib';
import { Async, EntityLink, Pager, StateBadge, TypeBadge } from '../components';

const LIMIT = 50;

export function EntitiesView({ type }: { type?: string }) {
  const [q, setQ] = useState('');
  const [state, setStateFilter] = useState<ReviewState | ''>('');
  const [offset, setOffset] = useState(0);
  const entityType = ENTITY_TYPES.includes(type as EntityType) ? (type as EntityType) : undefined;
  const loaded = useApi(
    () => api.entities({ type: entityType, q: q.trim() || undefined, state: state || undefined, limit: LIMIT, offset }),
    `entities:${entityType}:${q}:${state}:${offset}`,
  );
  return (
    <div className="stack">
      <div className="row">
        <h1 className="flush">Entities</h1>
        <a href={href(['entities', 'new'], { type: entityType })}>New entity</a>
      </div>
      <form className="panel fields" role="search" aria-label="Filter entities" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="ent-type">Type</label>
          <select id="ent-type" value={entityType ?? ''} onChange={(e) => navigate(href('entities', { type: e.target.value }))}>
            <option value="">all types</option>
            {ENTITY_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ent-q">Name or alias</label>
          <input id="ent-q" type="search" value={q} onChange={(e) => { setQ(e.target.value); setOffset(0); }} />
        </div>
        <div className="field">
          <label htmlFor="ent-state">Review state</label>
          <select id="ent-state" value={state} onChange={(e) => { setStateFilter(e.target.value as ReviewState | ''); setOffset(0); }}>
            <option value="">any</option>
            <option value="draft">draft</option>
            <option value="confirmed">confirmed</option>
            <option value="rejected">rejected</option>
          </select>
        </div>
      </form>
      <Async state={loaded} what="entities">
        {(page) => (
          <section className="panel">
            <p className="muted small">{plural(page.total, 'entity', 'entities')}</p>
            <table>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Aliases</th><th scope="col">Mentions</th><th scope="col">Review</th></tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td><EntityLink entity={e} /></td>
                    <td><TypeBadge type={e.type} /></td>
                    <td className="small">{e.aliases.join(', ')}</td>
                    <td>{e.mentionCount} <span className="muted small">in {plural(e.documentCount, 'document')}</span></td>
                    <td><StateBadge state={e.reviewState} /></td>
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
