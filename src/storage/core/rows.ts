/**
 * Turning rows into the port's shapes. Summaries need related rows (participants,
 * aliases, counts); those are loaded for a whole page at once, never row by row.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  EntityAttributes,
  EntityType,
  EventStatus,
  EventType,
  Precision,
  ReviewState,
  Role,
  Tense,
} from '../../domain/index.js';
import type {
  DocumentRef,
  DocumentSummary,
  EntityRef,
  EntitySummary,
  EventRef,
  EventSummary,
  PageRequest,
  StoredEvidence,
  StoredQuote,
} from '../port.js';
import type { Database, DocumentsTable, EntitiesTable, EventsTable, QuotesTable } from './schema.js';

export type Db = Kysely<Database>;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** Clamps a page request the same way for every list. */
export function pageOf(page: PageRequest | undefined, def = DEFAULT_LIMIT, max = MAX_LIMIT): { limit: number; offset: number } {
  const rawLimit = page?.limit ?? def;
  const limit = Number.isFinite(rawLimit) ? Math.min(Math.max(Math.trunc(rawLimit), 1), max) : def;
  const rawOffset = page?.offset ?? 0;
  const offset = Number.isFinite(rawOffset) ? Math.max(Math.trunc(rawOffset), 0) : 0;
  return { limit, offset };
}

/** Runs `fn` over slices of `ids` so `IN (...)` lists stay under parameter limits. */
export async function inChunks<T>(ids: readonly string[], fn: (slice: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += size) out.push(...(await fn(unique.slice(i, i + size))));
  return out;
}

/** Both drivers may hand back counts as strings (pg does for bigint). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

export function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function evidenceOf(
  start: number | null,
  end: number | null,
  rule: string | null,
  documentId: string | null | undefined,
): StoredEvidence | undefined {
  if (start === null || end === null || rule === null) return undefined;
  return documentId ? { documentId, start, end, rule } : { start, end, rule };
}

export function entityRef(r: { id: string; type: string; name: string }): EntityRef {
  return { id: r.id, type: r.type as EntityType, name: r.name };
}

export function eventRef(r: { id: string; type: string; label: string; status: string | null }): EventRef {
  const ref: EventRef = { id: r.id, type: r.type as EventType, label: r.label };
  if (r.status) ref.status = r.status as EventStatus;
  return ref;
}

export function documentRef(r: { id: string; title: string | null; outlet: string | null; published: string | null }): DocumentRef {
  const ref: DocumentRef = { id: r.id };
  if (r.title) ref.title = r.title;
  if (r.outlet) ref.outlet = r.outlet;
  if (r.published) ref.published = r.published;
  return ref;
}

type DocumentRow = Omit<Selectable<DocumentsTable>, 'text' | 'notes'>;

/** Every documents column except the (possibly large) text. */
export const DOCUMENT_SUMMARY_COLUMNS = [
  'documents.id',
  'documents.content_hash',
  'documents.source_hash',
  'documents.title',
  'documents.outlet',
  'documents.url',
  'documents.dateline',
  'documents.published',
  'documents.language',
  'documents.classification',
  'documents.text_length',
  'documents.ingested_at',
  'documents.ingested_by',
] as const;

export async function documentSummaries(db: Db, rows: DocumentRow[]): Promise<DocumentSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [ents, evts, quos] = await Promise.all([
    inChunks(ids, (s) =>
      db
        .selectFrom('mentions')
        .where('document_id', 'in', s)
        .select((eb) => ['document_id', eb.fn.count<string>('entity_id').distinct().as('n')])
        .groupBy('document_id')
        .execute(),
    ),
    inChunks(ids, (s) =>
      db
        .selectFrom('events')
        .where('document_id', 'in', s)
        .select((eb) => ['document_id', eb.fn.countAll<string>().as('n')])
        .groupBy('document_id')
        .execute(),
    ),
    inChunks(ids, (s) =>
      db
        .selectFrom('quotes')
        .where('document_id', 'in', s)
        .select((eb) => ['document_id', eb.fn.countAll<string>().as('n')])
        .groupBy('document_id')
        .execute(),
    ),
  ]);
  const count = (list: { document_id: string | null; n: unknown }[]) => new Map(list.map((r) => [r.document_id, num(r.n)]));
  const [e, v, q] = [count(ents), count(evts), count(quos)];
  return rows.map((r) => {
    const s: DocumentSummary = {
      ...documentRef(r),
      hash: r.content_hash,
      ingestedAt: r.ingested_at,
      ingestedBy: r.ingested_by,
      length: r.text_length,
      counts: { entities: e.get(r.id) ?? 0, events: v.get(r.id) ?? 0, quotes: q.get(r.id) ?? 0 },
    };
    if (r.url) s.url = r.url;
    if (r.dateline) s.dateline = r.dateline;
    if (r.language) s.language = r.language;
    if (r.classification) s.classification = r.classification;
    return s;
  });
}

export async function entitySummaries(db: Db, rows: Selectable<EntitiesTable>[]): Promise<EntitySummary[]> {
  if (rows.length === 0) return [];
  const aliases = await inChunks(
    rows.map((r) => r.id),
    (s) => db.selectFrom('entity_aliases').where('entity_id', 'in', s).where('kind', '=', 'alias').select(['entity_id', 'alias']).orderBy('alias').execute(),
  );
  const aliasMap = new Map<string, string[]>();
  for (const a of aliases) {
    const list = aliasMap.get(a.entity_id) ?? [];
    list.push(a.alias);
    aliasMap.set(a.entity_id, list);
  }
  return rows.map((r) => ({
    ...entityRef(r),
    aliases: aliasMap.get(r.id) ?? [],
    attributes: parseJson<EntityAttributes>(r.attributes, {}),
    reviewState: r.review_state as ReviewState,
    mentionCount: num(r.mention_count),
    documentCount: num(r.document_count),
  }));
}

export function timeOf(r: Selectable<EventsTable>): EventSummary['time'] {
  if (!r.time_start || !r.time_end) return undefined;
  return {
    start: r.time_start,
    end: r.time_end,
    precision: (r.time_precision ?? 'day') as Precision,
    iso: r.time_iso ?? r.time_start,
    tense: (r.time_tense ?? 'present') as Tense,
  };
}

export interface ParticipantRow {
  id: string;
  event_id: string;
  role: string;
  ev_start: number | null;
  ev_end: number | null;
  ev_rule: string | null;
  entity_id: string;
  entity_type: string;
  entity_name: string;
}

export async function participantsOf(db: Db, eventIds: string[]): Promise<ParticipantRow[]> {
  return inChunks(eventIds, (s) =>
    db
      .selectFrom('event_participants as p')
      .innerJoin('entities as e', 'e.id', 'p.entity_id')
      .where('p.event_id', 'in', s)
      .select([
        'p.id',
        'p.event_id',
        'p.role',
        'p.ev_start',
        'p.ev_end',
        'p.ev_rule',
        'e.id as entity_id',
        'e.type as entity_type',
        'e.name as entity_name',
      ])
      .orderBy('p.ev_start')
      .orderBy('p.id')
      .execute(),
  );
}

/** A participation with its entity, as lists and the timeline show it. */
export interface ParticipationRow {
  id: string;
  event_id: string;
  role: string;
  entity_id: string;
  entity_type: string;
  entity_name: string;
}

/**
 * Participations of a page of events, grouped by event, each event's in evidence order
 * (ev_start, id). Read off participants_event_idx (event_id, entity_id, role, ev_start,
 * id) without touching the table; the entities they name are looked up once each.
 */
export async function participationsByEvent(db: Db, eventIds: string[]): Promise<Map<string, ParticipationRow[]>> {
  const links = await inChunks(eventIds, (s) =>
    db
      .selectFrom('event_participants')
      .where('event_id', 'in', s)
      .select(['id', 'event_id', 'role', 'entity_id'])
      .orderBy('event_id')
      .orderBy('ev_start')
      .orderBy('id')
      .execute(),
  );
  const entities = await inChunks(
    links.map((l) => l.entity_id),
    (s) => db.selectFrom('entities').where('id', 'in', s).select(['id', 'type', 'name']).execute(),
  );
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const byEvent = new Map<string, ParticipationRow[]>();
  for (const l of links) {
    const e = entityById.get(l.entity_id);
    if (!e) continue;
    let list = byEvent.get(l.event_id);
    if (!list) byEvent.set(l.event_id, (list = []));
    list.push({ id: l.id, event_id: l.event_id, role: l.role, entity_id: e.id, entity_type: e.type, entity_name: e.name });
  }
  return byEvent;
}

export async function eventSummaries(db: Db, rows: Selectable<EventsTable>[]): Promise<EventSummary[]> {
  if (rows.length === 0) return [];
  const docIds = rows.map((r) => r.document_id).filter((d): d is string => d !== null);
  const [byEvent, docs] = await Promise.all([
    participationsByEvent(
      db,
      rows.map((r) => r.id),
    ),
    inChunks(docIds, (s) => db.selectFrom('documents').where('id', 'in', s).select(['id', 'title', 'outlet', 'published']).execute()),
  ]);
  const docMap = new Map(docs.map((d) => [d.id, documentRef(d)]));
  return rows.map((r) => {
    const ps = byEvent.get(r.id) ?? [];
    const s: EventSummary = {
      ...eventRef(r),
      reviewState: r.review_state as ReviewState,
      places: dedupeRefs(ps.filter((p) => p.role === 'place').map(participantRef)),
      participants: ps.filter((p) => p.role !== 'place').map((p) => ({ participantId: p.id, role: p.role as Role, entity: participantRef(p) })),
      topics: parseJson<string[]>(r.topics, []),
      documents: r.document_id && docMap.has(r.document_id) ? [docMap.get(r.document_id)!] : [],
      createdBy: r.created_by,
      updatedAt: r.updated_at,
    };
    const time = timeOf(r);
    if (time) s.time = time;
    if (r.parent_id) s.parentId = r.parent_id;
    if (r.cameo) s.cameo = r.cameo;
    if (r.plover) s.plover = r.plover;
    return s;
  });
}

function participantRef(p: { entity_id: string; entity_type: string; entity_name: string }): EntityRef {
  return { id: p.entity_id, type: p.entity_type as EntityType, name: p.entity_name };
}

export function dedupeRefs(refs: EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

export async function quotesFrom(db: Db, rows: Selectable<QuotesTable>[]): Promise<StoredQuote[]> {
  const speakerIds = rows.map((r) => r.speaker_entity_id).filter((s): s is string => s !== null);
  const speakers = await inChunks(speakerIds, (s) => db.selectFrom('entities').where('id', 'in', s).select(['id', 'type', 'name']).execute());
  const speakerMap = new Map(speakers.map((s) => [s.id, entityRef(s)]));
  return rows.map((r) => {
    const q: StoredQuote = { id: r.id, text: r.text, speaker: r.speaker, reviewState: r.review_state as ReviewState };
    if (r.speaker_entity_id && speakerMap.has(r.speaker_entity_id)) q.speakerEntity = speakerMap.get(r.speaker_entity_id);
    if (r.event_id) q.eventId = r.event_id;
    if (r.document_id) q.documentId = r.document_id;
    const ev = evidenceOf(r.ev_start, r.ev_end, r.ev_rule, r.document_id);
    if (ev) q.evidence = ev;
    const sp = evidenceOf(r.sp_start, r.sp_end, r.sp_rule, r.document_id);
    if (sp) q.speakerEvidence = sp;
    return q;
  });
}

/** Events sort by start with undated ones last, the same way in both databases. */
export const UNDATED_LAST = 'case when time_start is null then 1 else 0 end';
