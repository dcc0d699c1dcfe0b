import { api, useApi } from '../lib';
import type { HistoryEntry } from '../lib';
import { Async } from './status';

/** Values in history are JSON of any shape; show them compactly as text. */
function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

const DONE: Record<HistoryEntry['action'], string> = {
  create: 'created', edit: 'edited', confirm: 'confirmed', reject: 'rejected', merge: 'merged', split: 'split', ingest: 'ingested',
};

function describe(entry: HistoryEntry): string {
  return entry.action === 'edit' && entry.field ? `edited ${entry.field}` : DONE[entry.action] ?? entry.action;
}

/** Who changed what and when, newest first: nothing in the record is overwritten silently. */
export function HistoryList({ kind, id, version }: { kind: 'entity' | 'event'; id: string; version?: string }) {
  const state = useApi(() => api.history({ kind, id, limit: 50 }), `history:${kind}:${id}:${version ?? ''}`);
  return (
    <Async state={state} what="history">
      {(page) =>
        page.items.length === 0 ? (
          <p className="muted small">No changes yet.</p>
        ) : (
          <ol className="plain small" aria-label="Changes, newest first">
            {page.items.map((h) => (
              <li key={h.id}>
                <strong>{h.user}</strong> {describe(h)} <time dateTime={h.at} className="muted">{h.at.replace('T', ' ').slice(0, 16)}</time>
                {h.action === 'edit' && (
                  <div>
                    <span className="muted">from</span> {show(h.before)} <span className="muted">to</span> {show(h.after)}
                  </div>
                )}
                {h.note && <div className="muted">{h.note}</div>}
              </li>
            ))}
          </ol>
        )
      }
    </Async>
  );
}
