import { useState } from 'react';
import { api, ApiError } from '../lib';
import type { EntityDetail } from '../lib';
import { ErrorBox } from './status';

/**
 * Splits an entity that wrongly holds two: the chosen aliases and mentions move to a new
 * entity of the same type.
 */
export function SplitForm({ entity, onSplit }: { entity: EntityDetail; onSplit: (createdId: string) => void }) {
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState<string[]>([]);
  const [mentionIds, setMentionIds] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const toggle = (list: string[], set: (v: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.splitEntity(entity.id, { name: name.trim() || undefined, aliases, mentionIds });
      onSplit(result.created.id);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  };

  if (entity.aliases.length === 0 && entity.mentions.length < 2) return <p className="muted small">Nothing to split off.</p>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <div className="field">
        <label htmlFor="split-name">Name of the new entity</label>
        <input id="split-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {entity.aliases.length > 0 && (
        <fieldset>
          <legend>Aliases to move</legend>
          {entity.aliases.map((a) => (
            <label key={a} className="row check">
              <input type="checkbox" checked={aliases.includes(a)} onChange={() => toggle(aliases, setAliases, a)} /> {a}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Mentions to move</legend>
        {entity.mentions.slice(0, 30).map((m) => (
          <label key={m.id} className="row check">
            <input type="checkbox" checked={mentionIds.includes(m.id)} onChange={() => toggle(mentionIds, setMentionIds, m.id)} /> “{m.text}”{' '}
            <span className="muted small">at {m.start} in {m.documentId}</span>
          </label>
        ))}
      </fieldset>
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy || (aliases.length === 0 && mentionIds.length === 0)}>Split off</button>
    </form>
  );
}
