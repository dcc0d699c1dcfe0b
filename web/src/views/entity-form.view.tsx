import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError, ENTITY_TYPES, href, INSTRUMENT_KINDS, navigate, useApi } from '../lib';
import type { EntityAttributes, EntityDetail, EntityType } from '../lib';
import { Async, ErrorBox } from '../components';

type AttrKey = keyof EntityAttributes;
interface AttrField { key: AttrKey; label: string; kind: 'text' | 'date' | 'number' | 'select'; options?: readonly string[]; hint?: string }

/** Which attributes a form shows for each type: only those that mean something for it. */
const FIELDS: Record<EntityType, AttrField[]> = {
  person: [
    { key: 'role', label: 'Title or role', kind: 'text', hint: 'as sources give it, e.g. “NATO Secretary-General”' },
    { key: 'roleDate', label: 'Role stated on', kind: 'date', hint: 'roles change: the date says when this one held' },
  ],
  organization: [
    { key: 'parentOrganization', label: 'Part of (organization)', kind: 'text' },
    { key: 'iso2', label: 'Country code (ISO 3166 alpha-2)', kind: 'text', hint: 'for national bodies, e.g. IQ' },
  ],
  instrument: [
    { key: 'instrumentKind', label: 'Kind', kind: 'select', options: INSTRUMENT_KINDS },
    { key: 'parentOrganization', label: 'Owning organization', kind: 'text', hint: 'e.g. NATO' },
    { key: 'hostPlace', label: 'Host place', kind: 'text', hint: 'e.g. Amman' },
  ],
  country: [
    { key: 'iso2', label: 'ISO 3166 alpha-2', kind: 'text' },
    { key: 'iso3', label: 'ISO 3166 alpha-3', kind: 'text' },
  ],
  place: [
    { key: 'placeKind', label: 'Kind of place', kind: 'select', options: ['city', 'region', 'site'] },
    { key: 'iso2', label: 'Country (ISO alpha-2)', kind: 'text' },
    { key: 'lat', label: 'Latitude', kind: 'number' },
    { key: 'lon', label: 'Longitude', kind: 'number' },
  ],
};

type Values = Partial<Record<AttrKey, string>>;

function toValues(attrs: EntityAttributes): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) out[k as AttrKey] = String(v);
  return out;
}

function toAttributes(type: EntityType, values: Values, forPatch: boolean): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const field of FIELDS[type]) {
    const raw = values[field.key]?.trim() ?? '';
    if (raw === '') {
      if (forPatch) out[field.key] = null;
      continue;
    }
    out[field.key] = field.kind === 'number' ? Number(raw) : raw;
  }
  return out;
}

function EntityForm({ existing, initialType }: { existing?: EntityDetail; initialType?: EntityType }) {
  const [type, setType] = useState<EntityType>(existing?.type ?? initialType ?? 'person');
  const [name, setName] = useState(existing?.name ?? '');
  const [aliases, setAliases] = useState(existing?.aliases.join(', ') ?? '');
  const [values, setValues] = useState<Values>(existing ? toValues(existing.attributes) : {});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const aliasList = aliases.split(',').map((a) => a.trim()).filter(Boolean);
    try {
      const saved = existing
        ? await api.editEntity(existing.id, { name: name.trim(), type, aliases: aliasList, attributes: toAttributes(type, values, true) })
        : await api.createEntity({ type, name: name.trim(), aliases: aliasList, attributes: toAttributes(type, values, false) as EntityAttributes });
      navigate(href(['entities', saved.id]));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit}>
      <fieldset>
        <legend>{existing ? 'Entity' : 'New entity'}</legend>
        <div className="fields">
          <div className="field">
            <label htmlFor="ent-form-type">Type</label>
            <select id="ent-form-type" value={type} onChange={(e) => setType(e.target.value as EntityType)}>
              {ENTITY_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ent-form-name">Name</label>
            <input id="ent-form-name" required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ent-form-aliases">Aliases</label>
            <input id="ent-form-aliases" value={aliases} onChange={(e) => setAliases(e.target.value)} aria-describedby="ent-form-aliases-hint" />
            <p className="hint" id="ent-form-aliases-hint">separated by commas</p>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Attributes</legend>
        <div className="fields">
          {FIELDS[type].map((field) => {
            const id = `ent-form-${field.key}`;
            const value = values[field.key] ?? '';
            const set = (v: string) => setValues((old) => ({ ...old, [field.key]: v }));
            return (
              <div className="field" key={field.key}>
                <label htmlFor={id}>{field.label}</label>
                {field.kind === 'select' ? (
                  <select id={id} value={value} onChange={(e) => set(e.target.value)}>
                    <option value="">—</option>
                    {field.options!.map((o) => <option key={o} value={o}>{o}</option>)}
                  </select>
                ) : (
                  <input id={id} type={field.kind} step={field.kind === 'number' ? 'any' : undefined} value={value} onChange={(e) => set(e.target.value)} aria-describedby={field.hint ? `${id}-hint` : undefined} />
                )}
                {field.hint && <p className="hint" id={`${id}-hint`}>{field.hint}</p>}
              </div>
            );
          })}
        </div>
      </fieldset>
      <p className="small muted">
        {existing ? 'Each change is kept in the history with your name, the time, and the value before and after.' : 'Records made here name you as their source.'}
      </p>
      {error && <ErrorBox error={error} />}
      <div className="row">
        <button type="submit" disabled={busy}>{existing ? 'Save changes' : 'Create'}</button>
        <a href={existing ? href(['entities', existing.id]) : href('entities')}>Cancel</a>
      </div>
    </form>
  );
}

export function EntityFormView({ id, initialType }: { id?: string; initialType?: string }) {
  const type = ENTITY_TYPES.includes(initialType as EntityType) ? (initialType as EntityType) : undefined;
  const state = useApi(() => (id ? api.entity(id) : Promise.resolve(undefined)), `entity-form:${id ?? 'new'}`);
  if (!id) {
    return (
      <div className="stack">
        <h1>New {type ?? 'entity'}</h1>
        <EntityForm key={type ?? "any"} initialType={type} />
      </div>
    );
  }
  return (
    <Async state={state} what="entity">
      {(entity) => (
        <div className="stack">
          <h1>Edit {entity!.name}</h1>
          <EntityForm existing={entity} />
        </div>
      )}
    </Async>
  );
}
