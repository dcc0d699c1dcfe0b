import { api, PROPOSAL_STATUSES, statusLabel, useApi } from '../lib';
import type { EventSummary, ProposalStatus } from '../lib';
import { Async, DocumentLink, EntityLink, EventLink, StateBadge, TypeBadge } from '../components';

const UNSET = 'no status';

function Card({ event }: { event: EventSummary }) {
  const subjects = event.participants.filter((p) => p.role === 'subject');
  return (
    <article className="card" aria-label={event.label}>
      <h3>
        <EventLink event={event} />
      </h3>
      <div className="row small">
        <TypeBadge type={event.type} /> <StateBadge state={event.reviewState} />
      </div>
      {subjects.length > 0 && (
        <p className="small">
          About {subjects.map((s, i) => <span key={s.entity.id}>{i > 0 && ', '}<EntityLink entity={s.entity} /></span>)}
        </p>
      )}
      {event.documents.length > 0 && (
        <p className="small muted">
          From {event.documents.map((d, i) => <span key={d.id}>{i > 0 && ', '}<DocumentLink doc={d} /></span>)}
        </p>
      )}
    </article>
  );
}

/** Proposals and decisions in one column per status. */
export function ProposalsView() {
  // Two requests: the API filters by one type at a time.
  const state = useApi(
    () => Promise.all([api.events({ type: 'proposal', limit: 500 }), api.events({ type: 'decision', limit: 500 })]),
    'proposals',
  );
  return (
    <div className="stack">
      <h1>Proposals and decisions</h1>
      <Async state={state} what="proposals">
        {([proposals, decisions]) => {
          const all = [...proposals.items, ...decisions.items];
          const columns: Array<ProposalStatus | typeof UNSET> = [...PROPOSAL_STATUSES];
          if (all.some((e) => !e.status || !PROPOSAL_STATUSES.includes(e.status as ProposalStatus))) columns.push(UNSET);
          return (
            <div className="board">
              {columns.map((status) => {
                const items = all.filter((e) => (status === UNSET ? !PROPOSAL_STATUSES.includes(e.status as ProposalStatus) : e.status === status));
                const title = status === UNSET ? UNSET : statusLabel(status);
                return (
                  <section key={status} className="board-column" aria-label={`Status: ${title}`}>
                    <h2>
                      <span>{title}</span> <span className="muted">{items.length}</span>
                    </h2>
                    {items.map((e) => <Card key={e.id} event={e} />)}
                  </section>
                );
              })}
            </div>
          );
        }}
      </Async>
    </div>
  );
}
