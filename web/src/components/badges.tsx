import { statusLabel } from '../lib';
import type { EventStatus, ReviewState } from '../lib';

export function TypeBadge({ type }: { type: string }) {
  return <span className={`badge type-${type}`}>{type}</span>;
}

export function StateBadge({ state }: { state: ReviewState }) {
  return <span className={`badge state-${state}`} title="review state">{state}</span>;
}

export function StatusBadge({ status }: { status?: EventStatus }) {
  if (!status) return null;
  return <span className="badge status" title="status">{statusLabel(status)}</span>;
}
