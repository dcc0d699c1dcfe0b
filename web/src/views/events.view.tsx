import { useState } from 'react';
import { api, EVENT_TYPES, href, MEETING_STATUSES, plural, PROPOSAL_STATUSES, statusLabel, timeLabel, useApi } from '../lib';
import type { EntityRef } from '../lib';
import { Async, EntityLink, EntityPicker, EventLink, Pager, StateBadge, TypeBadge } from '../components';

const LIMIT = 50;
const STATUSES = [...new Set([...MEETING_STATUSES, ...PROPOSAL_STATUSES])];

export function EventsView() {
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [participant, setParticipant] = useState<EntityRef | undefined>();
  const [offset, setOffset] = useState(0);
  const filter = { type, status, from, to, participant: participant?.id };
  const loaded = useApi(() => api.events({ ...filter, limit: LIMIT, offset }), `events:${JSON.stringify(filter)}:${offset}`);
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setOffset(0); };
  return (
    <div className="stack">
      <div className="row">
        <h1 className="flush">Events</h1>
        <a href={href(['events', 'new'], { type: 'meeting' })}>New meeting</a>
      </div>
      <form className="panel" role="search" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
        <div className="fields">
          <div className="field">
            <label htmlFor="ev-type">Type</label>
            <select id="ev-type" value={type} onChange={(e) => reset(setType)(e.target.value)}>
              <option value="">all types</option>
              {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ev-status">Status</label>
            <select id="ev-status" value={status} onChange={(e) => reset(setStatus)(e.target.value)}>
              <option value="">any status</option>
              {STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ev-from">From</label>
            <input id="ev-from" type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ev-to">To</label>
            <input id="ev-to" type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} />
          </div>
        </div>
        {participant ? (
          <p className="row">
            Involving <EntityLink entity={participant} />
            <button type="button" className="secondary" onClick={() => reset(setParticipant)(undefined)}>Clear</button>
          </p>
        ) : (
          <EntityPicker label="Involving entity" onPick={reset(setParticipant)} />
        )}
      </form>
      <Async state={loaded} what="events">
        {(page) => (
          <section className="panel">
            <p className="muted small">{plural(page.total, 'event')}</p>
            <table>
              <thead>
                <tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Where</th><th scope="col">Status</th><th scope="col">Review</th></tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td className="small">{timeLabel(e.time)}</td>
                    <td><TypeBadge type={e.type} /> <EventLink event={e} /></td>
                    <td className="small">{e.places.map((p) => p.name).join(', ') || '—'}</td>
                    <td>{statusLabel(e.status)}</td>
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
