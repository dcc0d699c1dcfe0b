import type { EntityRef, Role } from '../lib';
import { ROLES } from '../lib';
import { EntityPicker } from './entity-picker';
import { TypeBadge } from './badges';

export interface ParticipantDraft { entity: EntityRef; role: Role }

/** Chosen participants with a role each, and a picker to add more. */
export function ParticipantsEditor({ label, value, onChange }: { label: string; value: ParticipantDraft[]; onChange: (next: ParticipantDraft[]) => void }) {
  return (
    <div>
      {value.length > 0 && (
        <table>
          <thead>
            <tr><th scope="col">Participant</th><th scope="col">Role</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr>
          </thead>
          <tbody>
            {value.map((p, i) => (
              <tr key={p.entity.id + i}>
                <td><TypeBadge type={p.entity.type} /> {p.entity.name}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${label}-${i}`}>Role of {p.entity.name}</label>
                  <select id={`role-${label}-${i}`} value={p.role} onChange={(e) => onChange(value.map((q, j) => (j === i ? { ...q, role: e.target.value as Role } : q)))}>
                    {ROLES.filter((r) => r !== 'place').map((r) => <option key={r} value={r}>{r}</option>)}
                  </select>
                </td>
                <td>
                  <button type="button" className="danger" aria-label={`Remove ${p.entity.name}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <EntityPicker label={label} exclude={value.map((p) => p.entity.id)} onPick={(entity) => onChange([...value, { entity, role: 'participant' }])} />
    </div>
  );
}

/** Chosen places (cities, sites, countries) as removable chips. */
export function PlacesEditor({ label, value, onChange }: { label: string; value: EntityRef[]; onChange: (next: EntityRef[]) => void }) {
  return (
    <div>
      <ul className="chips" aria-label={`${label}: chosen`}>
        {value.map((p) => (
          <li key={p.id} className="chip">
            {p.name}
            <button type="button" className="link" aria-label={`Remove ${p.name}`} onClick={() => onChange(value.filter((q) => q.id !== p.id))}>×</button>
          </li>
        ))}
      </ul>
      <EntityPicker label={label} types={['place', 'country']} exclude={value.map((p) => p.id)} onPick={(p) => onChange([...value, p])} />
    </div>
  );
}
