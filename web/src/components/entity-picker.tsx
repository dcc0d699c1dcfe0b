import { useEffect, useId, useState } from 'react';
import { api } from '../lib';
import type { EntityRef, EntitySummary, EntityType } from '../lib';
import { TypeBadge } from './badges';

export interface EntityPickerProps {
  label: string;
  /** Restrict suggestions to these types. */
  types?: EntityType[];
  onPick: (entity: EntityRef) => void;
  /** Ids already chosen, left out of suggestions. */
  exclude?: string[];
}

/** A labelled search box that suggests stored entities by name or alias. */
export function EntityPicker({ label, types, onPick, exclude = [] }: EntityPickerProps) {
  const inputId = useId();
  const listId = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<EntitySummary[]>([]);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      const type = types?.length === 1 ? types[0] : undefined;
      api.entities({ q: term, type, limit: 10 }).then(
        (page) => current && setHits(page.items.filter((e) => !types || types.includes(e.type))),
        () => current && setHits([]),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, types?.join(',')]);

  const shown = hits.filter((h) => !exclude.includes(h.id));
  const pick = (e: EntitySummary) => {
    onPick({ id: e.id, type: e.type, name: e.name });
    setQ('');
    setHits([]);
  };
  return (
    <div className="field picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={q}
        autoComplete="off"
        aria-controls={listId}
        placeholder="type two letters of a name"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes the first suggestion instead of submitting the surrounding form.
          if (e.key === 'Enter') {
            e.preventDefault();
            if (shown[0]) pick(shown[0]);
          }
        }}
      />
      <ul id={listId} className="plain picker-list" aria-label={`${label}: suggestions`}>
        {shown.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="link"
              onClick={() => pick(e)}
            >
              {e.name}
            </button>{' '}
            <TypeBadge type={e.type} />
          </li>
        ))}
      </ul>
    </div>
  );
}
