import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError, EVENT_TYPES, href, MEETING_STATUSES, navigate, PROPOSAL_STATUSES, statusLabel, useApi } from '../lib';
import type { EntityRef, EventDetail, EventStatus, EventType, Role } from '../lib';
import { Async, ErrorBox, ParticipantsEditor, PlacesEditor } from '../components';
import type { ParticipantDraft } from '../components';

interface SessionDraft { key: number; label: string; date: string; status: EventStatus | ''; participants: ParticipantDraft[] }

function statusesFor(type: EventType): readonly EventStatus[] {
  return type === 'proposal' || type === 'decision' ? PROPOSAL_STATUSES : type === 'request' ? [] : MEETING_STATUSES;
}

function participantsOf(event: EventDetail): ParticipantDraft[] {
  return event.participants.filter((p) => p.role !== 'place').map((p) => ({ entity: p.entity, role: p.role }));
}

const toWire = (list: ParticipantDraft[]) => list.map((p) => ({ entityId: p.entity.id, role: p.role as Role }));

function StatusSelect({ id, type, value, onChange }: { id: string; type: EventType; value: string; onChange: (v: EventStatus | '') => void }) {
  const options = statusesFor(type);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as EventStatus | '')} disabled={options.length === 0}>
      <option value="">—</option>
      {options.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
    </select>
  );
}

function EventForm({ existing, initialType, parentId }: { existing?: EventDetail; initialType?: EventType; parentId?: string }) {
  const [type, setType] = useState<EventType>(existing?.type ?? initialType ?? 'meeting');
  const [label, setLabel] = useState(existing?.label ?? '');
  const [status, setStatus] = useState<EventStatus | ''>(existing?.status ?? '');
  const [date, setDate] = useState(existing?.time?.iso ?? '');
  const [places, setPlaces] = useState<EntityRef[]>(existing?.places ?? []);
  const [participants, setParticipants] = useState<ParticipantDraft[]>(existing ? participantsOf(existing) : []);
  const [topics, setTopics] = useState(existing?.topics.join(', ') ?? '');
  const [sessions, setSessions] = useState<SessionDraft[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const updateSession = (key: number, patch: Partial<SessionDraft>) => setSessions((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const topicList = topics.split(',').map((t) => t.trim()).filter(Boolean);
    try {
      let saved: EventDetail;
      if (existing) {
        saved = await api.editEvent(existing.id, {
          label: label.trim(), type, status: status || undefined, date: date.trim() || null,
          places: places.map((p) => p.id), participants: toWire(participants), topics: topicList,
        });
      } else {
        saved = await api.createEvent({
          type, label: label.trim(), status: status || undefined, date: date.trim() || undefined,
          places: places.map((p) => p.id), participants: toWire(participants), topics: topicList, parentId,
          sessions: type === 'meeting' && sessions.length
            ? sessions.map((s) => ({ label: s.label.trim(), date: s.date.trim() || undefined, status: s.status || undefined, participants: toWire(s.participants) }))
            : undefined,
        });
      }
      navigate(href(['events', saved.id]));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit}>
      <fieldset>
        <legend>Event</legend>
        <div className="fields">
          <div className="field">
            <label htmlFor="evf-type">Type</label>
            <select id="evf-type" value={type} onChange={(e) => { setType(e.target.value as EventType); setStatus(''); }}>
              {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="evf-label">Label</label>
            <input id="evf-label" required value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. EU-AU ministerial meeting" />
          </div>
          <div className="field">
            <label htmlFor="evf-status">Status</label>
            <StatusSelect id="evf-status" type={type} value={status} onChange={setStatus} />
          </div>
          <div className="field">
            <label htmlFor="evf-date">Date</label>
            <input id="evf-date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="evf-date-hint" />
            <p className="hint" id="evf-date-hint">2025-05-21, 2025-W21, 2025-05, 2025 or 2025-05-20/2025-05-22</p>
          </div>
          <div className="field">
            <label htmlFor="evf-topics">Topics</label>
            <input id="evf-topics" value={topics} onChange={(e) => setTopics(e.target.value)} aria-describedby="evf-topics-hint" />
            <p className="hint" id="evf-topics-hint">separated by commas</p>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Places</legend>
        <PlacesEditor label="Add a place" value={places} onChange={setPlaces} />
      </fieldset>
      <fieldset>
        <legend>Participants</legend>
        <ParticipantsEditor label="Add a participant" value={participants} onChange={setParticipants} />
      </fieldset>
      {!existing && type === 'meeting' && (
        <fieldset>
          <legend>Sessions</legend>
          {sessions.map((s, i) => (
            <fieldset key={s.key}>
              <legend>Session {i + 1}</legend>
              <div className="fields">
                <div className="field">
                  <label htmlFor={`ses-${s.key}-label`}>Session label</label>
                  <input id={`ses-${s.key}-label`} required value={s.label} onChange={(e) => updateSession(s.key, { label: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`ses-${s.key}-date`}>Session date</label>
                  <input id={`ses-${s.key}-date`} value={s.date} onChange={(e) => updateSession(s.key, { date: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`ses-${s.key}-status`}>Session status</label>
                  <StatusSelect id={`ses-${s.key}-status`} type="session" value={s.status} onChange={(v) => updateSession(s.key, { status: v })} />
                </div>
              </div>
              <ParticipantsEditor label={`Add a participant to session ${i + 1}`} value={s.participants} onChange={(p) => updateSession(s.key, { participants: p })} />
              <button type="button" className="danger" onClick={() => setSessions((all) => all.filter((x) => x.key !== s.key))}>Remove session {i + 1}</button>
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => setSessions((all) => [...all, { key: Date.now(), label: '', date, status: 'scheduled', participants: [] }])}>
            Add a session
          </button>
        </fieldset>
      )}
      {existing && existing.type === 'meeting' && (
        <p className="small">
          Sessions are events of their own: <a href={href(['events', 'new'], { type: 'session', parent: existing.id })}>add a session to this meeting</a>.
        </p>
      )}
      <p className="small muted">
        {existing ? 'Each change is kept in the history with your name, the time, and the value before and after.' : 'Records made here name you as their source.'}
      </p>
      {error && <ErrorBox error={error} />}
      <div className="row">
        <button type="submit" disabled={busy}>{existing ? 'Save changes' : 'Create'}</button>
        <a href={existing ? href(['events', existing.id]) : href('events')}>Cancel</a>
      </div>
    </form>
  );
}

export function EventFormView({ id, initialType, parentId }: { id?: string; initialType?: string; parentId?: string }) {
  const type = EVENT_TYPES.includes(initialType as EventType) ? (initialType as EventType) : undefined;
  const state = useApi(() => (id ? api.event(id) : Promise.resolve(undefined)), `event-form:${id ?? 'new'}`);
  if (!id) {
    return (
      <div className="stack">
        <h1>New {type ?? 'event'}</h1>
        {parentId && <p className="muted">This session will be part of the meeting you came from.</p>}
        <EventForm key={`${type}:${parentId}`} initialType={type} parentId={parentId} />
      </div>
    );
  }
  return (
    <Async state={state} what="event">
      {(event) => (
        <div className="stack">
          <h1>Edit {event!.label}</h1>
          <EventForm existing={event} />
        </div>
      )}
    </Async>
  );
}
