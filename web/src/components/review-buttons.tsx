import { useState } from 'react';
import { api, ApiError } from '../lib';
import type { ReviewKind, ReviewState } from '../lib';

/** Confirm / reject for one record, used on entity and event pages. */
export function ReviewButtons({ kind, id, state, onDone, onError }: {
  kind: ReviewKind;
  id: string;
  state: ReviewState;
  onDone: () => void;
  onError: (error: ApiError) => void;
}) {
  const [busy, setBusy] = useState(false);
  const act = async (action: 'confirm' | 'reject') => {
    setBusy(true);
    try {
      await (action === 'confirm' ? api.confirm(kind, id) : api.reject(kind, id));
      onDone();
    } catch (err) {
      onError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="ok" disabled={busy || state === 'confirmed'} onClick={() => act('confirm')}>
        Confirm
      </button>
      <button type="button" className="danger" disabled={busy || state === 'rejected'} onClick={() => act('reject')}>
        Reject
      </button>
    </>
  );
}
