import { api, href, plural, timeLabel, useApi } from '../lib';
import type { Dashboard } from '../lib';
import { Async, DocumentLink, EventLine, EventLink, StatusBadge } from '../components';

function Upcoming({ data }: { data: Dashboard }) {
  return (
    <section className="panel" aria-labelledby="upcoming-h">
      <h2 id="upcoming-h">Upcoming meetings and sessions</h2>
      {data.upcoming.length === 0 ? (
        <p className="muted">
          Nothing scheduled from {data.today}. See past meetings on the <a href={href('timeline')}>timeline</a>.
        </p>
      ) : (
        <ul className="plain">
          {data.upcoming.map((event) => (
            <li key={event.id}>
              <EventLine event={event} />
              {event.sessions.length > 0 && (
                <ul className="small">
                  {event.sessions.map((s) => (
                    <li key={s.id}>
                      <EventLink event={s} /> <span className="muted">{timeLabel(s.time)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Proposals({ data }: { data: Dashboard }) {
  return (
    <section className="panel" aria-labelledby="proposals-h">
      <h2 id="proposals-h">
        Proposals by status <a className="small" href={href('proposals')}>board</a>
      </h2>
      {data.proposalsByStatus.every((g) => g.count === 0) ? (
        <p className="muted">No proposals or decisions yet.</p>
      ) : (
        <ul className="plain">
          {data.proposalsByStatus
            .filter((g) => g.count > 0)
            .map((group) => (
              <li key={group.status}>
                <StatusBadge status={group.status} /> <strong>{group.count}</strong>
                <ul className="small">
                  {group.items.map((p) => (
                    <li key={p.id}>
                      <EventLink event={p} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

export function DashboardView() {
  const state = useApi(() => api.dashboard(), 'dashboard');
  return (
    <div className="stack">
      <h1>Dashboard</h1>
      <Async state={state} what="dashboard">
        {(data) => (
          <>
            <div className="grid">
              <section className="panel" aria-labelledby="record-h">
                <h2 id="record-h">The record</h2>
                <dl className="facts">
                  <dt>Documents</dt>
                  <dd><a href={href('documents')}>{data.counts.documents}</a></dd>
                  <dt>Entities</dt>
                  <dd><a href={href('entities')}>{data.counts.entities}</a></dd>
                  <dt>Events</dt>
                  <dd><a href={href('events')}>{data.counts.events}</a></dd>
                  <dt>Quotes</dt>
                  <dd>{data.counts.quotes}</dd>
                </dl>
              </section>
              <section className="panel" aria-labelledby="queue-h">
                <h2 id="queue-h">Review queue</h2>
                <p className="stat" aria-label="Drafts waiting for review">{data.reviewQueue.total}</p>
                <p className="small muted">
                  {plural(data.reviewQueue.byKind.entity, 'entity', 'entities')}, {plural(data.reviewQueue.byKind.event, 'event')},{' '}
                  {plural(data.reviewQueue.byKind.quote, 'quote')} waiting.
                </p>
                <a href={href('review')}>Open the review queue</a>
              </section>
              <section className="panel" aria-labelledby="add-h">
                <h2 id="add-h">Add to the record</h2>
                <ul className="plain">
                  <li><a href={href('add')}>Paste or upload an article</a></li>
                  <li><a href={href(['events', 'new'], { type: 'meeting' })}>Create a meeting</a></li>
                  <li><a href={href(['entities', 'new'], { type: 'instrument' })}>Create an instrument</a></li>
                  <li><a href={href(['entities', 'new'], { type: 'person' })}>Create a person</a></li>
                  <li><a href={href(['entities', 'new'], { type: 'organization' })}>Create an organization</a></li>
                </ul>
              </section>
            </div>
            <div className="grid">
              <Upcoming data={data} />
              <Proposals data={data} />
            </div>
            <section className="panel" aria-labelledby="latest-h">
              <h2 id="latest-h">Latest documents</h2>
              {data.latestDocuments.length === 0 ? (
                <p className="muted">
                  No documents yet. <a href={href('add')}>Add the first one</a>.
                </p>
              ) : (
                <table>
                  <thead>
                    <tr><th scope="col">Document</th><th scope="col">Outlet</th><th scope="col">Published</th><th scope="col">Records</th></tr>
                  </thead>
                  <tbody>
                    {data.latestDocuments.map((doc) => (
                      <tr key={doc.id}>
                        <td><DocumentLink doc={doc} /></td>
                        <td>{doc.outlet ?? '—'}</td>
                        <td>{doc.published ?? '—'}</td>
                        <td className="small">
                          {plural(doc.counts.entities, 'entity', 'entities')}, {plural(doc.counts.events, 'event')}, {plural(doc.counts.quotes, 'quote')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </>
        )}
      </Async>
    </div>
  );
}
