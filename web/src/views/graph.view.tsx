import { useState } from 'react';
import { api, ENTITY_TYPES, href, navigate, plural, useApi } from '../lib';
import type { GraphData } from '../lib';
import { Async, EntityLink, EntityPicker, TypeBadge } from '../components';
import { EDGE_COLOURS, GraphChart } from './graph-chart';

const EDGE_WORDS: Record<string, string> = { meets: 'meets', visits: 'visits', serves: 'serves', requests: 'asks' };

function Neighbours({ data, id }: { data: GraphData; id: string }) {
  const node = data.nodes.find((n) => n.id === id);
  if (!node) return null;
  const name = (nid: string) => data.nodes.find((n) => n.id === nid);
  const links = data.edges.filter((e) => e.source === id || e.target === id);
  return (
    <>
      <h2 id="graph-chosen-h">
        <TypeBadge type={node.type} /> <EntityLink entity={node} />
      </h2>
      <ul className="plain">
        {links.map((e) => {
          const other = name(e.source === id ? e.target : e.source);
          if (!other) return null;
          const outgoing = e.source === id;
          return (
            <li key={e.id}>
              {outgoing ? <>{EDGE_WORDS[e.kind]} </> : <span className="muted">{e.kind === 'meets' ? 'meets ' : `${EDGE_WORDS[e.kind]} by `}</span>}
              <EntityLink entity={other} /> <span className="small muted">({plural(e.eventIds.length, 'event')})</span>
            </li>
          );
        })}
      </ul>
      <a href={href('graph', { entity: id })}>Centre the graph on {node.name}</a>
    </>
  );
}

export function GraphView({ entity }: { entity?: string }) {
  const [type, setType] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(entity);
  const state = useApi(() => api.graph({ entity, type, limit: 150 }), `graph:${entity}:${type}`);
  return (
    <div className="stack">
      <h1>Graph: who meets whom</h1>
      <form className="panel" role="search" aria-label="Filter the graph" onSubmit={(e) => e.preventDefault()}>
        <div className="fields">
          <div className="field">
            <label htmlFor="graph-type">Entity type</label>
            <select id="graph-type" value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">all types</option>
              {ENTITY_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          {entity ? (
            <p className="row">
              Centred on one entity.
              <button type="button" className="secondary" onClick={() => navigate(href('graph'))}>Show everything</button>
            </p>
          ) : (
            <EntityPicker label="Centre on entity" onPick={(e) => navigate(href('graph', { entity: e.id }))} />
          )}
        </div>
        <p className="small legend-line">
          Links:{' '}
          {Object.entries(EDGE_COLOURS).map(([kind, colour]) => (
            <span key={kind} className="edge-key">
              <svg width="22" height="8" aria-hidden="true"><line x1="0" y1="4" x2="22" y2="4" stroke={colour} strokeWidth="3" /></svg> {kind}
            </span>
          ))}
        </p>
      </form>
      <Async state={state} what="graph">
        {(data) =>
          data.nodes.length === 0 ? (
            <p className="notice">No links yet: the graph grows as events name who meets, visits or asks whom.</p>
          ) : (
            <div className="split">
              <GraphChart data={data} focusId={entity} onChoose={setChosen} />
              <section className="panel sticky" aria-labelledby="graph-chosen-h" aria-live="polite">
                {chosen && data.nodes.some((n) => n.id === chosen) ? (
                  <Neighbours data={data} id={chosen} />
                ) : (
                  <>
                    <h2 id="graph-chosen-h">Entities ({data.nodes.length})</h2>
                    <p className="small muted">Choose a node, or a name below, to see its links.</p>
                    <ul className="plain small">
                      {[...data.nodes].sort((a, b) => b.weight - a.weight).slice(0, 40).map((n) => (
                        <li key={n.id}>
                          <button type="button" className="link" onClick={() => setChosen(n.id)}>{n.name}</button> <TypeBadge type={n.type} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            </div>
          )
        }
      </Async>
    </div>
  );
}
