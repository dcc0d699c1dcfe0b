import { useState } from 'react';
import { api, ApiError, href, ROLES, statusLabel, timeLabel, useApi } from '../lib';
import type { EventDetail } from '../lib';
import { Async, DocumentLink, EntityLink, ErrorBox, EventLine, EventLink, EvidenceQuote, HistoryList, ReviewButtons, StateBadge, StatusBadge, TypeBadge } from '../components';

function EventBody({ event, reload }: { event: EventDetail; reload: () => void }) {
  const [error, setError] = useState<ApiError | undefined>();
  const roles = ROLES.filter((r) => event.participantsByRole[r]?.length);
  return (
    <div className="stack">
      <div className="row title-row">
        <TypeBadge type={event.type} />
        <h1 className="flush">{event.label}</h1>
      </div>
      <div className="row">
        <span>Status: <StatusBadge status={event.status} />{!event.status && <span className="muted">none stated</span>}</span>
        <span>Review: <StateBadge state={event.reviewState} /></span>
      </div>
      <div className="row">
        <ReviewButtons kind="event" id={event.id} state={event.reviewState} onDone={reload} onError={setError} />
        <a href={href(['events', event.id, 'edit'])}>Edit</a>
        {event.type === 'meeting' && <a href={href(['events', 'new'], { type: 'session', parent: event.id })}>Add a session</a>}
      </div>
      {error && <ErrorBox error={error} />}
      <div className="split">
        <div className="stack">
          <section className="panel" aria-labelledby="facts-h">
            <h2 id="facts-h">Facts</h2>
            <dl className="facts">
              <dt>Type</dt>
              <dd>{event.type}</dd>
              <dt>Status</dt>
              <dd>{statusLabel(event.status)}</dd>
              <dt>Date</dt>
              <dd>
                {timeLabel(event.time)}
                {event.time && (
                  <span className="muted small"> · {event.time.iso} · precision {event.time.precision} · {event.time.tense}</span>
                )}
              </dd>
              <dt>Place</dt>
              <dd>
                {event.places.length ? event.places.map((p, i) => (
                  <span key={p.id}>{i > 0 && ', '}<EntityLink entity={p} /></span>
                )) : '—'}
              </dd>
              {event.parent && (
                <>
                  <dt>Part of</dt>
                  <dd><EventLink event={event.parent} /></dd>
                </>
              )}
              {event.topics.length > 0 && (
                <>
                  <dt>Topics</dt>
                  <dd>{event.topics.join(', ')}</dd>
                </>
              )}
              {(event.cameo || event.plover) && (
                <>
                  <dt>Codes</dt>
                  <dd className="small">{[event.cameo && `CAMEO ${event.cameo}`, event.plover && `PLOVER ${event.plover}`].filter(Boolean).join(' · ')}</dd>
                </>
              )}
            </dl>
            {event.timeEvidence && (
              <>
                <h3>Where the date comes from</h3>
                <EvidenceQuote evidence={event.timeEvidence} />
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="evidence-h">
            <h2 id="evidence-h">Evidence</h2>
            {event.evidence.length > 0 ? (
              event.evidence.map((ev, i) => <EvidenceQuote key={i} evidence={ev} />)
            ) : event.documents.length === 0 ? (
              <p className="muted">Entered by hand, not read from a text: the history below names who entered it and when.</p>
            ) : (
              <p className="muted">No evidence recorded.</p>
            )}
          </section>
          {(event.type === 'meeting' || event.sessions.length > 0) && (
            <section className="panel" aria-labelledby="sessions-h">
              <h2 id="sessions-h">Sessions ({event.sessions.length})</h2>
              {event.sessions.length === 0 ? (
                <p className="muted">No sessions recorded.</p>
              ) : (
                <ul className="plain">
                  {event.sessions.map((s) => (
                    <li key={s.id}>
                      <EventLine event={s} />
                      {s.participants.length > 0 && (
                        <div className="small">
                          {s.participants.map((p, i) => (
                            <span key={p.role + p.entity.id}>{i > 0 && ', '}<EntityLink entity={p.entity} /> <span className="muted">({p.role})</span></span>
                          ))}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
        <div className="stack">
          <section className="panel" aria-labelledby="participants-h">
            <h2 id="participants-h">Participants by role</h2>
            {roles.length === 0 ? (
              <p className="muted">No participants recorded.</p>
            ) : (
              roles.map((role) => (
                <div key={role}>
                  <h3>{role}</h3>
                  <ul className="plain">
                    {event.participantsByRole[role]!.map((p) => (
                      <li key={p.entity.id}>
                        <TypeBadge type={p.entity.type} /> <EntityLink entity={p.entity} />
                        {p.evidence.slice(0, 1).map((ev, i) => (
                          <details key={i} className="small">
                            <summary>evidence</summary>
                            <EvidenceQuote evidence={ev} />
                          </details>
                        ))}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
          {event.quotes.length > 0 && (
            <section className="panel" aria-labelledby="ev-quotes-h">
              <h2 id="ev-quotes-h">Quotes</h2>
              <ul className="plain">
                {event.quotes.map((q) => (
                  <li key={q.id}>
                    <blockquote className="evidence">“{q.text}”</blockquote>
                    <span className="small muted">{q.speaker}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="ev-history-h">
            <h2 id="ev-history-h">History</h2>
            <HistoryList kind="event" id={event.id} version={event.reviewState + event.label + (event.status ?? '')} />
          </section>
          <section className="panel" aria-labelledby="ev-sources-h">
            <h2 id="ev-sources-h">Sources</h2>
            {event.documents.length === 0 ? (
              <p className="muted">Entered by hand.</p>
            ) : (
              <ul className="plain">
                {event.documents.map((d) => (
                  <li key={d.id}><DocumentLink doc={d} /></li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

export function EventView({ id }: { id: string }) {
  const state = useApi(() => api.event(id), `event:${id}`);
  return <Async state={state} what="event">{(event) => <EventBody event={event} reload={state.reload} />}</Async>;
}
