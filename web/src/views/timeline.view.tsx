import { useState } from 'react';
import { api, EVENT_TYPES, href, navigate, plural, statusLabel, useApi } from '../lib';
import type { EntityRef } from '../lib';
import { Async, EntityLink, EntityPicker, EventLink, StateBadge, TypeBadge } from '../components';
import { TimelineChart } from './timeline-chart';

/** Filters live in the URL so a filtered timeline can be linked and survives a reload. */
export function TimelineView({ query }: { query: URLSearchParams }) {
  const entityId = query.get('entity') ?? undefined;
  const type = query.get('type') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const [selected, setSelected] = useState<string | undefined>();
  const set = (patch: Record<string, string | undefined>) =>
    navigate(href('timeline', { entity: entityId, type, from, to, ...patch }), { replace: true });

  const entity = useApi(() => (entityId ? api.entity(entityId) : Promise.resolve(undefined)), `tl-entity:${entityId}`);
  const state = useApi(() => api.timeline({ entity: entityId, type, from, to, limit: 2000 }), `timeline:${entityId}:${type}:${from}:${to}`);
  const chosenEntity: EntityRef | undefined = entity.data;

  return (
    <div className="stack">
      <h1>Timeline</h1>
      <form className="panel" role="search" aria-label="Filter the timeline" onSubmit={(e) => e.preventDefault()}>
        <div className="fields">
          <div className="field">
            <label htmlFor="tl-type">Event type</label>
            <select id="tl-type" value={type} onChange={(e) => set({ type: e.target.value })}>
              <option value="">all types</option>
              {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tl-from">From</label>
            <input id="tl-from" type="date" value={from} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="tl-to">To</label>
            <input id="tl-to" type="date" value={to} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </div>
        {entityId ? (
          <p className="row">
            Events involving {chosenEntity ? <EntityLink entity={chosenEntity} /> : '…'}
            <button type="button" className="secondary" onClick={() => set({ entity: undefined })}>Show all entities</button>
          </p>
        ) : (
          <EntityPicker label="Involving entity" onPick={(e) => set({ entity: e.id })} />
        )}
      </form>
      <Async state={state} what="timeline">
        {(page) => {
          const chosen = page.items.find((i) => i.id === selected);
          return (
            <>
              <p className="small muted" role="status">
                {plural(page.total, 'dated event')}
                {page.total > page.items.length && `, showing the first ${page.items.length}`}. Drag to move, Ctrl + wheel to zoom.
              </p>
              {page.items.length > 0 ? (
                <div className="panel">
                  <TimelineChart items={page.items} selectedId={selected} onSelect={setSelected} />
                </div>
              ) : (
                <p className="notice">No dated events match these filters.</p>
              )}
              {chosen && (
                <section className="panel" aria-labelledby="tl-chosen-h" aria-live="polite">
                  <h2 id="tl-chosen-h">
                    <TypeBadge type={chosen.type} /> <EventLink event={chosen} />
                  </h2>
                  <dl className="facts">
                    <dt>When</dt><dd>{chosen.iso} <span className="muted small">({chosen.precision}, {chosen.tense})</span></dd>
                    <dt>Where</dt><dd>{chosen.places.map((p) => p.name).join(', ') || '—'}</dd>
                    <dt>Who</dt><dd>{chosen.participants.map((p) => p.name).join(', ') || '—'}</dd>
                    <dt>Status</dt><dd>{statusLabel(chosen.status)}</dd>
                    <dt>Review</dt><dd><StateBadge state={chosen.reviewState} /></dd>
                  </dl>
                </section>
              )}
              {page.items.length > 0 && (
                <details className="panel">
                  <summary>Events as a table</summary>
                  <table>
                    <thead>
                      <tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Where</th><th scope="col">Status</th></tr>
                    </thead>
                    <tbody>
                      {page.items.map((i) => (
                        <tr key={i.id}>
                          <td className="small">{i.iso}</td>
                          <td><TypeBadge type={i.type} /> <EventLink event={i} /></td>
                          <td className="small">{i.places.map((p) => p.name).join(', ')}</td>
                          <td>{statusLabel(i.status)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </>
          );
        }}
      </Async>
    </div>
  );
}
