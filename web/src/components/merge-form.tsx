import { useState } from 'react';
import { api, ApiError } from '../lib';
import type { EntityRef } from '../lib';
import { EntityPicker } from './entity-picker';
import { ErrorBox } from './status';

/** Merges the shown entity into another one of the same type (the other one survives). */
export function MergeForm({ entity, onMerged }: { entity: EntityRef & { mergedInto?: string }; onMerged: (survivorId: string) => void }) {
  const [target, setTarget] = useState<EntityRef | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const merge = async () => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.mergeEntity(entity.id, target.id);
      onMerged(result.entity.id);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  };

  if (entity.mergedInto) return <p className="muted small">Already merged.</p>;
  return (
    <div>
      <p className="small muted">When two entries name the same {entity.type}, merge this one into the other: its aliases, mentions and events move there.</p>
      <EntityPicker label="Merge into" types={[entity.type]} exclude={[entity.id]} onPick={setTarget} />
      {target && (
        <p className="row">
          <span>
            Merge <strong>{entity.name}</strong> into <strong>{target.name}</strong>?
          </span>
          <button type="button" disabled={busy} onClick={merge}>Merge</button>
          <button type="button" className="secondary" onClick={() => setTarget(undefined)}>Cancel</button>
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
