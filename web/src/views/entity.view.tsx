import { useState } from 'react';
import { api, ApiError, href, navigate, plural, statusLabel, timeLabel, useApi } from '../lib';
import type { EntityDetail } from '../lib';
import { Async, DocumentLink, EntityLink, ErrorBox, EventLink, HistoryList, MergeForm, ReviewButtons, SplitForm, StateBadge, TypeBadge } from '../components';

function Profile({ entity }: { entity: EntityDetail }) {
  const a = entity.attributes;
  const rows: Array<[string, string | undefined]> = [
    ['Title / role', a.role && (a.roleDate ? `${a.role} (stated ${a.roleDate})` : a.role)],
    ['Country code', [a.iso2, a.iso3].filter(Boolean).join(' / ') || undefined],
    ['Coordinates', a.lat !== undefined && a.lon !== undefined ? `${a.lat.toFixed(3)}, ${a.lon.toFixed(3)}` : undefined],
    ['Kind', a.instrumentKind ?? a.placeKind],
    ['Hosted in', a.hostPlace],
    ['Part of', a.parentOrganization],
    ['Lexicon id', a.lexiconId],
  ];
  return (
    <dl className="facts">
      <dt>Type</dt>
      <dd><TypeBadge type={entity.type} /></dd>
      <dt>Aliases</dt>
      <dd>{entity.aliases.length ? entity.aliases.join(', ') : <span className="muted">none</span>}</dd>
      {rows.filter(([, v]) => v).map(([k, v]) => (
        <div key={k} className="contents">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      <dt>Found</dt>
      <dd>{plural(entity.mentionCount, 'mention')} in {plural(entity.documentCount, 'document')}</dd>
      <dt>Review</dt>
      <dd><StateBadge state={entity.reviewState} /></dd>
    </dl>
  );
}

function EntityBody({ entity, reload }: { entity: EntityDetail; reload: () => void }) {
  const [error, setError] = useState<ApiError | undefined>();
  return (
    <div className="stack">
      <div className="row title-row">
        <h1 className="flush">{entity.name}</h1>
        <TypeBadge type={entity.type} />
        <StateBadge state={entity.reviewState} />
      </div>
      {entity.mergedInto && (
        <p className="notice" role="status">
          This entity was merged. <a href={href(['entities', entity.mergedInto])}>Open the entity it was merged into</a>.
        </p>
      )}
      <div className="row">
        <ReviewButtons kind="entity" id={entity.id} state={entity.reviewState} onDone={reload} onError={setError} />
        <a href={href(['entities', entity.id, 'edit'])}>Edit</a>
        <a href={href('graph', { entity: entity.id })}>Graph</a>
        <a href={href('timeline', { entity: entity.id })}>Timeline</a>
      </div>
      {error && <ErrorBox error={error} />}
      <div className="split">
        <div className="stack">
          <section className="panel" aria-labelledby="profile-h">
            <h2 id="profile-h">Profile</h2>
            <Profile entity={entity} />
          </section>
          <section className="panel" aria-labelledby="ent-events-h">
            <h2 id="ent-events-h">Events ({entity.events.length})</h2>
            {entity.events.length === 0 ? (
              <p className="muted">No events involve this entity yet.</p>
            ) : (
              <table>
                <thead>
                  <tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Role</th><th scope="col">Status</th></tr>
                </thead>
                <tbody>
                  {entity.events.map((e) => (
                    <tr key={e.id + e.role}>
                      <td className="small">{timeLabel(e.time)}</td>
                      <td><TypeBadge type={e.type} /> <EventLink event={e} /></td>
                      <td>{e.role}</td>
                      <td>{statusLabel(e.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="ent-quotes-h">
            <h2 id="ent-quotes-h">Quotes ({entity.quotes.length})</h2>
            {entity.quotes.length === 0 ? (
              <p className="muted">No quotes attributed to this entity.</p>
            ) : (
              <ul className="plain">
                {entity.quotes.map((q) => (
                  <li key={q.id}>
                    <blockquote className="evidence">“{q.text}”</blockquote>
                    <span className="small muted">{q.speaker}</span> ·{' '}
                    <a className="small" href={href(['documents', q.documentId], { at: `${q.evidence.start}-${q.evidence.end}` })}>source</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="stack">
          <section className="panel" aria-labelledby="related-h">
            <h2 id="related-h">Related entities</h2>
            {entity.related.length === 0 ? (
              <p className="muted">None yet.</p>
            ) : (
              <ul className="plain">
                {entity.related.map((r) => (
                  <li key={r.entity.id}>
                    <TypeBadge type={r.entity.type} /> <EntityLink entity={r.entity} />{' '}
                    <span className="small muted">{r.count} shared {r.via === 'event' ? (r.count === 1 ? 'event' : 'events') : r.count === 1 ? 'document' : 'documents'}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="sources-h">
            <h2 id="sources-h">Sources</h2>
            <ul className="plain">
              {entity.sources.map((s) => (
                <li key={s.id}>
                  <DocumentLink doc={s} /> <span className="small muted">{plural(s.mentionCount, 'mention')}</span>
                </li>
              ))}
            </ul>
            {entity.mentions.length > 0 && (
              <>
                <h3>Mentions</h3>
                <ul className="plain small">
                  {entity.mentions.slice(0, 20).map((m) => (
                    <li key={m.id}>
                      <a href={href(['documents', m.documentId], { at: `${m.start}-${m.end}` })}>“{m.text}”</a> <span className="rule">{m.rule}</span>
                    </li>
                  ))}
                </ul>
                {entity.mentions.length > 20 && <p className="small muted">and {entity.mentions.length - 20} more</p>}
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="merge-h">
            <h2 id="merge-h">Merge</h2>
            <MergeForm entity={entity} onMerged={(survivor) => navigate(href(['entities', survivor]))} />
          </section>
          <section className="panel" aria-labelledby="split-h">
            <details>
              <summary><h2 id="split-h" className="inline-h">Split</h2></summary>
              <SplitForm entity={entity} onSplit={(created) => navigate(href(['entities', created]))} />
            </details>
          </section>
          <section className="panel" aria-labelledby="ent-history-h">
            <h2 id="ent-history-h">History</h2>
            <HistoryList kind="entity" id={entity.id} version={entity.reviewState + entity.name + entity.aliases.join()} />
          </section>
        </div>
      </div>
    </div>
  );
}

export function EntityView({ id }: { id: string }) {
  const state = useApi(() => api.entity(id), `entity:${id}`);
  return <Async state={state} what="entity">{(entity) => <EntityBody entity={entity} reload={state.reload} />}</Async>;
}
