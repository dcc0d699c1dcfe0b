import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, href, navigate, plural, useApi } from '../lib';
import type { ReviewItem, ReviewKind, ReviewState } from '../lib';
import { Async, ErrorBox, MergeForm, SentenceWithSpan, StateBadge } from '../components';

const LIMIT = 100;

function recordHref(item: ReviewItem): string {
  if (item.kind === 'entity') return href(['entities', item.id]);
  if (item.kind === 'event') return href(['events', item.id]);
  const ev = item.evidence;
  return ev ? href(['documents', ev.documentId], { at: `${ev.start}-${ev.end}` }) : href('review');
}

function editHref(item: ReviewItem): string {
  if (item.kind === 'entity') return href(['entities', item.id, 'edit']);
  if (item.kind === 'event') return href(['events', item.id, 'edit']);
  // Quotes are corrected in their document, next to the sentence they came from.
  return recordHref(item);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function Queue({ items, total, onChanged }: { items: ReviewItem[]; total: number; onChanged: () => void }) {
  const [index, setIndex] = useState(0);
  const [decided, setDecided] = useState<Record<string, ReviewState>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [merging, setMerging] = useState<string | undefined>();
  const listRef = useRef<HTMLOListElement>(null);
  const current = items[Math.min(index, items.length - 1)];

  const decide = useCallback(
    async (item: ReviewItem, action: 'confirm' | 'reject') => {
      setError(undefined);
      try {
        const result = await (action === 'confirm' ? api.confirm(item.kind, item.id) : api.reject(item.kind, item.id));
        setDecided((d) => ({ ...d, [item.kind + item.id]: result.state }));
        setMessage(`${result.state === 'confirmed' ? 'Confirmed' : 'Rejected'}: ${item.label}`);
        setIndex((i) => Math.min(i + 1, items.length - 1));
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      }
    },
    [items.length],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey || !current) return;
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          setIndex((i) => Math.min(i + 1, items.length - 1));
          break;
        case 'k':
        case 'ArrowUp':
          setIndex((i) => Math.max(i - 1, 0));
          break;
        case 'c':
          void decide(current, 'confirm');
          break;
        case 'r':
          void decide(current, 'reject');
          break;
        case 'e':
          navigate(editHref(current));
          break;
        case 'm':
          if (current.kind === 'entity') setMerging(current.id);
          break;
        case 'Enter':
          navigate(recordHref(current));
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, decide, items.length]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  if (items.length === 0) return <p className="notice">Nothing left to review here.</p>;
  return (
    <>
      <p className="small muted">
        {plural(total, 'record')} in this list. Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>c</kbd> confirm, <kbd>r</kbd> reject,{' '}
        <kbd>e</kbd> edit, <kbd>m</kbd> merge an entity, <kbd>Enter</kbd> open.
      </p>
      <p role="status" aria-live="polite" className="small">{message}</p>
      {error && <ErrorBox error={error} />}
      <ol ref={listRef} className="review-list" aria-label="Records to review">
        {items.map((item, i) => {
          const state = decided[item.kind + item.id] ?? item.state;
          const selected = item === current;
          return (
            <li
              key={item.kind + item.id}
              className="review-item"
              aria-current={selected ? 'true' : undefined}
              onClick={() => setIndex(i)}
            >
              <div className="row">
                <span className="badge">{item.kind}</span>
                {item.type && <span className={`badge type-${item.type}`}>{item.type}</span>}
                <a href={recordHref(item)}>{item.label}</a>
                <StateBadge state={state} />
                <span className="row push-right">
                  <button type="button" className="ok" disabled={state === 'confirmed'} onClick={() => decide(item, 'confirm')} aria-label={`Confirm ${item.label}`}>
                    Confirm
                  </button>
                  <button type="button" className="danger" disabled={state === 'rejected'} onClick={() => decide(item, 'reject')} aria-label={`Reject ${item.label}`}>
                    Reject
                  </button>
                  <a href={editHref(item)}>Edit</a>
                  {item.kind === 'entity' && (
                    <button type="button" className="secondary" onClick={() => setMerging(merging === item.id ? undefined : item.id)}>
                      Merge…
                    </button>
                  )}
                </span>
              </div>
              {item.evidence?.sentence && (
                <blockquote className="evidence small">
                  <SentenceWithSpan evidence={item.evidence} />
                </blockquote>
              )}
              {item.evidence && <span className="rule">{item.evidence.rule}</span>}
              {merging === item.id && item.kind === 'entity' && (
                <MergeForm
                  entity={{ id: item.id, name: item.label, type: (item.type ?? 'organization') as never }}
                  onMerged={() => { setMerging(undefined); onChanged(); }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function ReviewView() {
  const [kind, setKind] = useState<ReviewKind | ''>('');
  const [state, setState] = useState<ReviewState>('draft');
  const loaded = useApi(() => api.review({ state, kind: kind || undefined, limit: LIMIT }), `review:${state}:${kind}`);
  return (
    <div className="stack">
      <h1>Review queue</h1>
      <form className="panel fields" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="rv-state">Show</label>
          <select id="rv-state" value={state} onChange={(e) => setState(e.target.value as ReviewState)}>
            <option value="draft">drafts</option>
            <option value="confirmed">confirmed</option>
            <option value="rejected">rejected</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="rv-kind">Kind</label>
          <select id="rv-kind" value={kind} onChange={(e) => setKind(e.target.value as ReviewKind | '')}>
            <option value="">entities, events and quotes</option>
            <option value="entity">entities</option>
            <option value="event">events</option>
            <option value="quote">quotes</option>
          </select>
        </div>
      </form>
      <Async state={loaded} what="review queue">
        {(page) => <Queue key={`${state}:${kind}`} items={page.items} total={page.total} onChanged={loaded.reload} />}
      </Async>
    </div>
  );
}
