/**
 * Read side of the store: lists, details and the views (timeline, map, graph,
 * dashboard). Written once against Kysely; nothing here knows which database runs it.
 */
import { sql } from 'kysely';
import {
  ENTITY_TYPES,
  EVENT_TYPES,
  PROPOSAL_STATUSES,
  type EntityAttributes,
  type EntityType,
  type EventStatus,
  type EventType,
  type Precision,
  type ReviewState,
  type Role,
  type Tense,
} from '../../domain/index.js';
import type {
  Dashboard,
  DashboardQuery,
  DocumentDetail,
  DocumentFilter,
  DocumentSummary,
  EntityDetail,
  EntityFilter,
  EntitySummary,
  EventDetail,
  EventFilter,
  EventSummary,
  GraphData,
  GraphEdgeKind,
  GraphFilter,
  HistoryEntry,
  HistoryFilter,
  MapData,
  MapFilter,
  Page,
  ParticipantDetail,
  RecordKind,
  ReviewItem,
  ReviewQueueFilter,
  SearchHit,
  SearchQuery,
  TimelineFilter,
  TimelineItem,
} from '../port.js';
import type { FullTextDialect } from './full-text.js';
import { searchTokens, normalizeName } from './names.js';
import {
  DOCUMENT_SUMMARY_COLUMNS,
  documentRef,
  documentSummaries,
  entityRef,
  entitySummaries,
  eventRef,
  eventSummaries,
  evidenceOf,
  inChunks,
  num,
  pageOf,
  parseJson,
  participantsOf,
  quotesFrom,
  UNDATED_LAST,
  type Db,
} from './rows.js';

// ---------------------------------------------------------------------------------------
// documents

export async function listDocuments(db: Db, filter: DocumentFilter = {}): Promise<Page<DocumentSummary>> {
  const { limit, offset } = pageOf(filter);
  let q = db.selectFrom('documents');
  if (filter.outlet) q = q.where('outlet', '=', filter.outlet);
  if (filter.from) q = q.where('published', '>=', filter.from);
  if (filter.to) q = q.where('published', '<=', filter.to);
  if (filter.q) {
    for (const t of searchTokens(filter.q)) {
      const like = `%${t}%`;
      q = q.where((eb) => eb.or([eb(eb.fn('lower', ['title']), 'like', like), eb(eb.fn('lower', ['outlet']), 'like', like)]));
    }
  }
  const [rows, total] = await Promise.all([
    q
      .select(DOCUMENT_SUMMARY_COLUMNS)
      .orderBy(sql`case when published is null then 1 else 0 end`)
      .orderBy('published', 'desc')
      .orderBy('ingested_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await documentSummaries(db, rows), total: num(total.n), limit, offset };
}

export async function getDocument(db: Db, id: string): Promise<DocumentDetail | undefined> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await documentSummaries(db, [row]);
  const [mentions, eventRows, quoteRows] = await Promise.all([
    db
      .selectFrom('mentions as m')
      .innerJoin('entities as e', 'e.id', 'm.entity_id')
      .where('m.document_id', '=', id)
      .select(['m.id', 'm.span_start', 'm.span_end', 'm.text', 'm.rule', 'e.id as entity_id', 'e.type', 'e.name'])
      .orderBy('m.span_start')
      .orderBy('m.span_end')
      .execute(),
    db.selectFrom('events').selectAll().where('document_id', '=', id).orderBy('ev_start').orderBy('id').execute(),
    db.selectFrom('quotes').selectAll().where('document_id', '=', id).orderBy('ev_start').orderBy('id').execute(),
  ]);
  const entityIds = [...new Set(mentions.map((m) => m.entity_id))];
  const entityRows = await inChunks(entityIds, (s) => db.selectFrom('entities').selectAll().where('id', 'in', s).execute());
  const entities = await entitySummaries(db, entityRows);
  entities.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const events = await eventSummaries(db, eventRows);
  return {
    ...summary,
    text: row.text,
    notes: parseJson<string[]>(row.notes, []),
    mentions: mentions.map((m) => ({
      id: m.id,
      documentId: id,
      start: m.span_start,
      end: m.span_end,
      text: m.text,
      rule: m.rule,
      entity: entityRef({ id: m.entity_id, type: m.type, name: m.name }),
    })),
    entities,
    events: events.map((e, i) => {
      const ev = evidenceOf(eventRows[i].ev_start, eventRows[i].ev_end, eventRows[i].ev_rule, id);
      return { ...e, evidence: ev ? [ev] : [] };
    }),
    quotes: await quotesFrom(db, quoteRows),
  };
}

// ---------------------------------------------------------------------------------------
// entities

/** Follows `merged_into` so a link to a merged-away entity lands on the survivor. */
export async function resolveEntityId(db: Db, id: string): Promise<{ id: string; mergedFrom?: string } | undefined> {
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const row = await db.selectFrom('entities').select(['id', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!row) return undefined;
    if (!row.merged_into) return current === id ? { id } : { id: current, mergedFrom: id };
    current = row.merged_into;
  }
  return undefined;
}

export async function listEntities(db: Db, filter: EntityFilter = {}): Promise<Page<EntitySummary>> {
  const { limit, offset } = pageOf(filter);
  let q = db.selectFrom('entities as e').where('e.merged_into', 'is', null);
  if (filter.type) q = q.where('e.type', '=', filter.type);
  if (filter.reviewState) q = q.where('e.review_state', '=', filter.reviewState);
  const needle = filter.q ? normalizeName(filter.q) : '';
  if (needle) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('entity_aliases as a')
          .whereRef('a.entity_id', '=', 'e.id')
          .where('a.kind', 'in', ['name', 'alias'])
          .where('a.norm', 'like', `%${needle}%`)
          .select('a.entity_id'),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll('e')
      .orderBy('e.mention_count', 'desc')
      .orderBy('e.norm_name')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await entitySummaries(db, rows), total: num(total.n), limit, offset };
}

const ENTITY_EVENTS_LIMIT = 500;
const ENTITY_QUOTES_LIMIT = 200;
const ENTITY_SOURCES_LIMIT = 500;

export async function getEntity(db: Db, requestedId: string): Promise<EntityDetail | undefined> {
  const resolved = await resolveEntityId(db, requestedId);
  if (!resolved) return undefined;
  const id = resolved.id;
  const row = await db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [summary] = await entitySummaries(db, [row]);

  const [roles, quoteRows, coParticipants, sources, mentions] = await Promise.all([
    // Lists are capped (an entity named in every text has tens of thousands of rows);
    // eventCount gives the full number.
    db
      .selectFrom('event_participants as p')
      .innerJoin('events as ev', 'ev.id', 'p.event_id')
      .where('p.entity_id', '=', id)
      .select(['p.event_id', 'p.role'])
      .orderBy(sql.raw('case when ev.time_start is null then 1 else 0 end'))
      .orderBy('ev.time_start')
      .orderBy('ev.id')
      .limit(ENTITY_EVENTS_LIMIT)
      .execute(),
    db.selectFrom('quotes').selectAll().where('speaker_entity_id', '=', id).orderBy('created_at').orderBy('id').limit(ENTITY_QUOTES_LIMIT).execute(),
    db
      .selectFrom('event_participants as p1')
      .innerJoin('event_participants as p2', 'p2.event_id', 'p1.event_id')
      .innerJoin('entities as e', 'e.id', 'p2.entity_id')
      .where('p1.entity_id', '=', id)
      .where('p2.entity_id', '!=', id)
      .groupBy(['e.id', 'e.type', 'e.name'])
      .select((eb) => ['e.id', 'e.type', 'e.name', eb.fn.count<string>('p2.event_id').distinct().as('n')])
      .orderBy('n', 'desc')
      .orderBy('e.name')
      .limit(50)
      .execute(),
    db
      .selectFrom('mentions as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .where('m.entity_id', '=', id)
      .groupBy(['d.id', 'd.title', 'd.outlet', 'd.published', 'd.ingested_at'])
      .select((eb) => ['d.id', 'd.title', 'd.outlet', 'd.published', 'd.ingested_at', eb.fn.countAll<string>().as('n')])
      .orderBy(sql`case when d.published is null then 1 else 0 end`)
      .orderBy('d.published', 'desc')
      .orderBy('d.ingested_at', 'desc')
      .orderBy('d.id')
      .limit(ENTITY_SOURCES_LIMIT)
      .execute(),
    db.selectFrom('mentions').selectAll().where('entity_id', '=', id).orderBy('document_id').orderBy('span_start').limit(1000).execute(),
  ]);

  const eventRows = await inChunks(
    roles.map((r) => r.event_id),
    (s) => db.selectFrom('events').selectAll().where('id', 'in', s).execute(),
  );
  eventRows.sort(
    (a, b) =>
      (a.time_start === null ? 1 : 0) - (b.time_start === null ? 1 : 0) ||
      (a.time_start ?? '').localeCompare(b.time_start ?? '') ||
      a.id.localeCompare(b.id),
  );
  const summaries = new Map((await eventSummaries(db, eventRows)).map((e) => [e.id, e]));
  const events = eventRows.flatMap((er) =>
    roles.filter((r) => r.event_id === er.id).map((r) => ({ ...summaries.get(er.id)!, role: r.role as Role })),
  );

  // When events give few neighbours, entities named in the same documents fill in.
  const related: EntityDetail['related'] = coParticipants.map((c) => ({ entity: entityRef(c), count: num(c.n), via: 'event' as const }));
  if (related.length < 10 && sources.length > 0) {
    const seen = new Set([id, ...related.map((r) => r.entity.id)]);
    const coMentioned = await db
      .selectFrom('mentions as m')
      .innerJoin('entities as e', 'e.id', 'm.entity_id')
      .where(
        'm.document_id',
        'in',
        sources.slice(0, 200).map((s) => s.id),
      )
      .where('e.id', '!=', id)
      .groupBy(['e.id', 'e.type', 'e.name'])
      .select((eb) => ['e.id', 'e.type', 'e.name', eb.fn.count<string>('m.document_id').distinct().as('n')])
      .orderBy('n', 'desc')
      .orderBy('e.name')
      .limit(30)
      .execute();
    for (const c of coMentioned) {
      if (seen.has(c.id) || related.length >= 20) continue;
      related.push({ entity: entityRef(c), count: num(c.n), via: 'document' });
    }
  }

  const eventCount =
    roles.length < ENTITY_EVENTS_LIMIT
      ? new Set(roles.map((r) => r.event_id)).size
      : num(
          (
            await db
              .selectFrom('event_participants')
              .where('entity_id', '=', id)
              .select((eb) => eb.fn.count<string>('event_id').distinct().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  const detail: EntityDetail = {
    ...summary,
    createdBy: row.created_by,
    events,
    eventCount,
    quotes: await quotesFrom(db, quoteRows),
    related,
    sources: sources.map((s) => ({ ...documentRef(s), mentionCount: num(s.n) })),
    mentions: mentions.map((m) => ({ id: m.id, documentId: m.document_id, start: m.span_start, end: m.span_end, text: m.text, rule: m.rule })),
  };
  // The id asked for was merged away: say where it went.
  if (resolved.mergedFrom) detail.mergedInto = id;
  return detail;
}

// ---------------------------------------------------------------------------------------
// events

function eventQuery(db: Db, filter: EventFilter) {
  let q = db.selectFrom('events');
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.reviewState) q = q.where('review_state', '=', filter.reviewState);
  if (filter.from) q = q.where('time_end', '>=', filter.from);
  if (filter.to) q = q.where('time_start', '<=', filter.to);
  if (filter.documentId) q = q.where('document_id', '=', filter.documentId);
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  if (filter.topLevel) q = q.where('parent_id', 'is', null);
  if (filter.participantId) {
    const pid = filter.participantId;
    // IN, not a correlated EXISTS: the planner reads the entity's events once from the
    // index instead of scanning its participations for every event (minutes at 10k docs).
    q = q.where('events.id', 'in', (eb) => eb.selectFrom('event_participants as p').where('p.entity_id', '=', pid).select('p.event_id'));
  }
  if (filter.placeId) {
    const placeId = filter.placeId;
    // A country's events include those located in its cities (same ISO code).
    q = q.where('events.id', 'in', (eb) =>
        eb
          .selectFrom('event_participants as p')
          .innerJoin('entities as pe', 'pe.id', 'p.entity_id')
          .where('p.role', '=', 'place')
          .where((w) =>
            w.or([
              w('pe.id', '=', placeId),
              w(
                'pe.iso2',
                'in',
                w.selectFrom('entities as c').where('c.id', '=', placeId).where('c.type', '=', 'country').where('c.iso2', 'is not', null).select('c.iso2'),
              ),
            ]),
          )
          .select('p.event_id'),
    );
  }
  return q;
}

export async function listEvents(db: Db, filter: EventFilter = {}): Promise<Page<EventSummary>> {
  const { limit, offset } = pageOf(filter);
  const q = eventQuery(db, filter);
  const dated = q.where('time_start', 'is not', null);
  // Dated events first, then undated ones, each part read in the order of events_time_idx
  // (one ORDER BY on "undated last" could use no index and sorted every event).
  const pageOfPart = (part: typeof q, partLimit: number, partOffset: number) =>
    part.selectAll().orderBy('time_start').orderBy('time_end').orderBy('created_at').orderBy('id').limit(partLimit).offset(partOffset).execute();
  const [rows, total] = await Promise.all([pageOfPart(dated, limit, offset), countOf(q)]);
  if (rows.length < limit && offset + rows.length < total) {
    // A page that starts among undated events needs to know where they start.
    const skip = rows.length > 0 ? 0 : offset - (await countOf(dated));
    rows.push(...(await pageOfPart(q.where('time_start', 'is', null), limit - rows.length, skip)));
  }
  return { items: await eventSummaries(db, rows), total, limit, offset };
}

async function countOf(q: ReturnType<typeof eventQuery>): Promise<number> {
  return num((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

export async function getEvent(db: Db, id: string): Promise<EventDetail | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [[summary], parent, childRows, parts, quoteRows] = await Promise.all([
    eventSummaries(db, [row]),
    row.parent_id
      ? db.selectFrom('events').select(['id', 'type', 'label', 'status']).where('id', '=', row.parent_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom('events').selectAll().where('parent_id', '=', id).orderBy(sql.raw(UNDATED_LAST)).orderBy('time_start').orderBy('ev_start').orderBy('id').execute(),
    participantsOf(db, [id]),
    db.selectFrom('quotes').selectAll().where('event_id', '=', id).orderBy('ev_start').orderBy('id').execute(),
  ]);
  const byRole: Partial<Record<Role, ParticipantDetail[]>> = {};
  for (const p of parts) {
    const list = (byRole[p.role as Role] ??= []);
    const ev = evidenceOf(p.ev_start, p.ev_end, p.ev_rule, row.document_id);
    list.push({ participantId: p.id, entity: entityRef({ id: p.entity_id, type: p.entity_type, name: p.entity_name }), evidence: ev ? [ev] : [] });
  }
  const evidence = evidenceOf(row.ev_start, row.ev_end, row.ev_rule, row.document_id);
  const detail: EventDetail = {
    ...summary,
    sessions: await eventSummaries(db, childRows),
    participantsByRole: byRole,
    evidence: evidence ? [evidence] : [],
    quotes: await quotesFrom(db, quoteRows),
  };
  if (parent) detail.parent = eventRef(parent);
  const timeEvidence = evidenceOf(row.time_ev_start, row.time_ev_end, row.time_ev_rule, row.document_id);
  if (timeEvidence) detail.timeEvidence = timeEvidence;
  return detail;
}

// ---------------------------------------------------------------------------------------
// timeline, map, graph

export async function timeline(db: Db, filter: TimelineFilter = {}): Promise<Page<TimelineItem>> {
  const { limit, offset } = pageOf(filter, 500, 2000);
  const dated = eventQuery(db, { type: filter.type, from: filter.from, to: filter.to, participantId: filter.entityId }).where('time_start', 'is not', null);
  const page = dated
    .where('review_state', '!=', 'rejected')
    .select(['id', 'type', 'label', 'status', 'time_start', 'time_end', 'time_precision', 'time_iso', 'time_tense', 'parent_id', 'review_state'])
    .orderBy('time_start')
    .orderBy('time_end')
    .orderBy('id')
    .limit(limit)
    .offset(offset);
  const [rows, datedCount, rejectedCount] = await Promise.all([
    // Each event's participations come as one string of "role entity_id" pairs in evidence
    // order, joined by the database (string_agg with ORDER BY: SQLite 3.44+, PostgreSQL):
    // a page names ~1,700 of them, and turning each into a row object cost more than
    // reading it. Computed over the page only, so skipped rows (offset) cost nothing.
    db
      .selectFrom(page.as('page'))
      .selectAll('page')
      .select((eb) =>
        eb
          .selectFrom('event_participants as ep')
          .whereRef('ep.event_id', '=', 'page.id')
          .select(sql<string | null>`string_agg(ep.role || ' ' || ep.entity_id, ' ' order by ep.ev_start, ep.id)`.as('pairs'))
          .as('participations'),
      )
      .orderBy('page.time_start')
      .orderBy('page.time_end')
      .orderBy('page.id')
      .execute(),
    // Counting "not rejected" reads every dated row of the table; counting the dated ones
    // stays inside events_time_idx, and the rejected few are found by events_review_idx.
    countOf(dated),
    countOf(dated.where('review_state', '=', 'rejected')),
  ]);
  // Roles are single words and ids have no spaces, so the pairs split on spaces.
  const pairs = rows.map((r) => (r.participations ? r.participations.split(' ') : []));
  const entities = await inChunks(
    pairs.flatMap((p) => p.filter((_, i) => i % 2 === 1)),
    (s) => db.selectFrom('entities').where('id', 'in', s).select(['id', 'type', 'name']).execute(),
  );
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const items = rows.map((r, n): TimelineItem => {
    // Fields are added to the ref one by one: spreading it into a new literal cost
    // ~3 µs an item (a fifth of the whole request at 500 items).
    const item = eventRef(r) as TimelineItem;
    item.start = r.time_start!;
    item.end = r.time_end ?? r.time_start!;
    item.precision = (r.time_precision ?? 'day') as Precision;
    item.iso = r.time_iso ?? r.time_start!;
    item.tense = (r.time_tense ?? 'present') as Tense;
    item.reviewState = r.review_state as ReviewState;
    item.places = [];
    item.participants = [];
    const list = pairs[n];
    for (let i = 0; i + 1 < list.length; i += 2) {
      const e = entityById.get(list[i + 1]);
      const refs = list[i] === 'place' ? item.places : item.participants;
      if (e && !refs.some((x) => x.id === e.id)) refs.push(entityRef(e));
    }
    if (r.parent_id) item.parentId = r.parent_id;
    return item;
  });
  return { items, total: datedCount - rejectedCount, limit, offset };
}

function uniqueRefs<T extends { id: string }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

export async function mapData(db: Db, filter: MapFilter = {}): Promise<MapData> {
  // Each place lists its latest events only (its count says how many there are): the
  // whole list made the map payload grow with the database.
  const perPlace = Math.min(Math.max(Math.trunc(filter.eventsPerPlace ?? 20), 0), 500);
  const links = () => {
    let q = db
      .selectFrom('event_participants as p')
      .innerJoin('events as ev', 'ev.id', 'p.event_id')
      .where('ev.review_state', '!=', 'rejected');
    if (filter.type) q = q.where('ev.type', '=', filter.type);
    if (filter.from) q = q.where('ev.time_end', '>=', filter.from);
    if (filter.to) q = q.where('ev.time_start', '<=', filter.to);
    return q;
  };
  const entities = await db
    .selectFrom('entities')
    .where('type', 'in', ['place', 'country'])
    .where('merged_into', 'is', null)
    .where('review_state', '!=', 'rejected')
    .select(['id', 'type', 'name', 'attributes', 'iso2', 'mention_count'])
    .execute();
  const countries = entities.filter((e) => e.type === 'country' && e.iso2);
  const places = entities
    .map((e) => ({ e, attrs: parseJson<EntityAttributes>(e.attributes, {}) }))
    .filter(({ e, attrs }) => e.type !== 'country' && typeof attrs.lat === 'number' && typeof attrs.lon === 'number');
  const countryIds = countries.map((c) => c.id);
  const placeIds = places.map((p) => p.e.id);
  const [eventCounts, placeCounts] = await Promise.all([
    inChunks(countryIds, (s) =>
      links()
        .where('p.entity_id', 'in', s)
        .groupBy('p.entity_id')
        .select((eb) => ['p.entity_id', eb.fn.count<string>('p.event_id').distinct().as('n')])
        .execute(),
    ),
    inChunks(placeIds, (s) =>
      links()
        .where('p.entity_id', 'in', s)
        .where('p.role', '=', 'place')
        .groupBy('p.entity_id')
        .select((eb) => ['p.entity_id', eb.fn.count<string>('p.event_id').distinct().as('n')])
        .execute(),
    ),
  ]);
  const countOf = (rows: { entity_id: string; n: unknown }[]) => new Map(rows.map((r) => [r.entity_id, num(r.n)]));
  const events = countOf(eventCounts);
  const placeEventCounts = countOf(placeCounts);

  const out: MapData = { places: [], countries: [] };
  for (const e of countries) {
    const attrs = parseJson<EntityAttributes>(e.attributes, {});
    const c: MapData['countries'][number] = { ...entityRef(e), iso2: e.iso2!, eventCount: events.get(e.id) ?? 0, mentionCount: num(e.mention_count) };
    if (attrs.iso3) c.iso3 = attrs.iso3;
    out.countries.push(c);
  }
  for (const { e, attrs } of places) {
    const eventCount = placeEventCounts.get(e.id) ?? 0;
    const latest =
      perPlace > 0 && eventCount > 0
        ? await links()
            .where('p.entity_id', '=', e.id)
            .where('p.role', '=', 'place')
            .select(['ev.id', 'ev.type', 'ev.label', 'ev.status'])
            .orderBy(sql.raw('case when ev.time_start is null then 1 else 0 end'))
            .orderBy('ev.time_start', 'desc')
            .orderBy('ev.id')
            .limit(perPlace)
            .execute()
        : [];
    const p: MapData['places'][number] = {
      ...entityRef(e),
      lat: attrs.lat!,
      lon: attrs.lon!,
      events: uniqueRefs(latest.map((l) => eventRef(l))),
      eventCount,
    };
    if (e.iso2) p.iso2 = e.iso2;
    out.places.push(p);
  }
  out.places.sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name));
  out.countries.sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name));
  return out;
}

export async function graph(db: Db, filter: GraphFilter = {}): Promise<GraphData> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 200), 1), 2000);
  // Participations are read from the (event, entity, role) index alone; the few hundred
  // entities they name are looked up once afterwards instead of joined on every row.
  let q = db
    .selectFrom('event_participants as p')
    .innerJoin('events as ev', 'ev.id', 'p.event_id')
    .where('ev.review_state', '!=', 'rejected');
  if (filter.type) q = q.where('ev.type', '=', filter.type);
  if (filter.entityId) {
    const id = filter.entityId;
    q = q.where('p.event_id', 'in', (eb) => eb.selectFrom('event_participants').where('entity_id', '=', id).select('event_id'));
  }
  // An edge lists the first of its events in the order rows come. Filtered reads come by
  // event through participants_event_idx; a read of every participation is told to as
  // well (its own order, no sort in SQLite), or the planner scans the narrower by-entity
  // index and other events come first.
  if (!filter.type && !filter.entityId) q = q.orderBy('p.event_id').orderBy('p.entity_id').orderBy('p.role');
  const links = await q.select(['p.event_id', 'p.role', 'ev.type as event_type', 'p.entity_id']).execute();
  const named = await inChunks(
    links.map((l) => l.entity_id),
    (ids) => db.selectFrom('entities').where('id', 'in', ids).where('review_state', '!=', 'rejected').select(['id', 'type', 'name']).execute(),
  );
  const entityById = new Map(named.map((e) => [e.id, e]));
  const rows = links.flatMap((l) => {
    const e = entityById.get(l.entity_id);
    return e ? [{ event_id: l.event_id, role: l.role, event_type: l.event_type, id: e.id, type: e.type, name: e.name }] : [];
  });

  const byEvent = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byEvent.get(r.event_id) ?? [];
    list.push(r);
    byEvent.set(r.event_id, list);
  }
  // An edge lists a few of its events (weight counts them all): a busy pair shares
  // thousands at 10k documents, and searching or sending that list was the cost.
  const perEdge = Math.min(Math.max(Math.trunc(filter.eventIdsPerEdge ?? 20), 0), 1000);
  const edges = new Map<string, GraphData['edges'][number]>();
  const lastEvent = new Map<string, string>();
  const addEdge = (kind: GraphEdgeKind, source: string, target: string, eventId: string, directed: boolean) => {
    if (source === target) return;
    if (!directed && source > target) [source, target] = [target, source];
    const id = `${kind}:${source}:${target}`;
    let edge = edges.get(id);
    if (!edge) edges.set(id, (edge = { id, source, target, kind, weight: 0, eventIds: [] }));
    // Rows come grouped by event, so a repeat within one event is always the last one seen.
    if (lastEvent.get(id) === eventId) return;
    lastEvent.set(id, eventId);
    edge.weight++;
    if (edge.eventIds.length < perEdge) edge.eventIds.push(eventId);
  };
  for (const [eventId, ps] of byEvent) {
    const type = ps[0].event_type;
    const actors = ps.filter((p) => p.role !== 'place');
    if (type === 'meeting' || type === 'session') {
      for (let i = 0; i < actors.length; i++) for (let j = i + 1; j < actors.length; j++) addEdge('meets', actors[i].id, actors[j].id, eventId, false);
    } else if (type === 'visit') {
      for (const v of ps.filter((p) => p.role === 'visitor' || p.role === 'participant')) {
        for (const t of ps.filter((p) => p.role === 'place' || p.role === 'host' || p.role === 'addressee')) addEdge('visits', v.id, t.id, eventId, true);
      }
    }
    if (type === 'request') {
      for (const r of ps.filter((p) => p.role === 'requester')) {
        for (const a of ps.filter((p) => p.role === 'addressee')) addEdge('requests', r.id, a.id, eventId, true);
      }
    }
    if (type === 'proposal' || type === 'decision' || type === 'request') {
      for (const inst of actors.filter((p) => p.type === 'instrument')) {
        for (const partner of actors.filter((p) => p.type !== 'instrument')) addEdge('serves', inst.id, partner.id, eventId, true);
      }
    }
  }

  const weight = new Map<string, number>();
  const info = new Map<string, { id: string; type: string; name: string }>();
  for (const r of rows) {
    info.set(r.id, r);
  }
  for (const [, ps] of byEvent) for (const id of new Set(ps.map((p) => p.id))) weight.set(id, (weight.get(id) ?? 0) + 1);
  const connected = new Set<string>();
  for (const e of edges.values()) (connected.add(e.source), connected.add(e.target));
  const nodes = [...connected]
    .map((id) => ({ ...entityRef(info.get(id)!), weight: weight.get(id) ?? 0 }))
    .sort((a, b) => (filter.entityId ? Number(b.id === filter.entityId) - Number(a.id === filter.entityId) : 0) || b.weight - a.weight || a.name.localeCompare(b.name))
    .slice(0, limit);
  const kept = new Set(nodes.map((n) => n.id));
  return {
    nodes,
    edges: [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target)).sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id)),
  };
}

// ---------------------------------------------------------------------------------------
// search, dashboard, review queue, history

export async function search(db: Db, fullText: FullTextDialect, query: SearchQuery): Promise<Page<SearchHit>> {
  const { limit, offset } = pageOf(query);
  const tokens = searchTokens(query.q ?? '');
  if (tokens.length === 0) return { items: [], total: 0, limit, offset };
  const kinds = query.kinds && query.kinds.length > 0 ? query.kinds : (['document', 'entity', 'event'] as const);
  const { items, total } = await fullText.search(db, { tokens, kinds: [...kinds], limit, offset });
  return { items, total, limit, offset };
}

export async function dashboard(db: Db, query: DashboardQuery): Promise<Dashboard> {
  const days = Math.min(Math.max(Math.trunc(query.days ?? 60), 0), 3660);
  const until = addDays(query.today, days);
  const [docCount, entityTypes, eventGroups, quoteCount, queue, upcomingRows, latest] = await Promise.all([
    db.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('entities')
      .where('merged_into', 'is', null)
      .where('review_state', '!=', 'rejected')
      .groupBy('type')
      .select((eb) => ['type', eb.fn.countAll<string>().as('n')])
      .execute(),
    db
      .selectFrom('events')
      .where('review_state', '!=', 'rejected')
      .groupBy(['type', 'status'])
      .select((eb) => ['type', 'status', eb.fn.countAll<string>().as('n')])
      .execute(),
    db.selectFrom('quotes').where('review_state', '!=', 'rejected').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    reviewCounts(db),
    db
      .selectFrom('events')
      .selectAll()
      .where('type', 'in', ['meeting', 'visit'])
      .where('review_state', '!=', 'rejected')
      .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'cancelled')]))
      .where('time_end', '>=', query.today)
      .where('time_start', '<=', until)
      .orderBy('time_start')
      .orderBy('time_end')
      .orderBy('id')
      .limit(20)
      .execute(),
    db.selectFrom('documents').select(DOCUMENT_SUMMARY_COLUMNS).orderBy('ingested_at', 'desc').orderBy('id').limit(10).execute(),
  ]);

  const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const r of entityTypes) entitiesByType[r.type as EntityType] = num(r.n);
  const eventsByType = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;
  const eventsByStatus: Record<string, number> = {};
  for (const r of eventGroups) {
    eventsByType[r.type as EventType] = (eventsByType[r.type as EventType] ?? 0) + num(r.n);
    const key = r.status ?? 'none';
    eventsByStatus[key] = (eventsByStatus[key] ?? 0) + num(r.n);
  }

  const upcomingSummaries = await eventSummaries(db, upcomingRows);
  const sessionRows = await inChunks(
    upcomingRows.map((r) => r.id),
    (s) => db.selectFrom('events').selectAll().where('parent_id', 'in', s).where('review_state', '!=', 'rejected').execute(),
  );
  const sessions = await eventSummaries(db, sessionRows);
  const upcoming = upcomingSummaries.map((e) => ({ ...e, sessions: sessions.filter((s) => s.parentId === e.id) }));

  const proposalsByStatus: Dashboard['proposalsByStatus'] = [];
  for (const status of PROPOSAL_STATUSES) {
    const count = eventGroups
      .filter((g) => (g.type === 'proposal' || g.type === 'decision') && g.status === status)
      .reduce((sum, g) => sum + num(g.n), 0);
    if (count === 0) continue;
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('type', 'in', ['proposal', 'decision'])
      .where('status', '=', status)
      .where('review_state', '!=', 'rejected')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(5)
      .execute();
    proposalsByStatus.push({ status: status as EventStatus, count, items: await eventSummaries(db, rows) });
  }

  return {
    today: query.today,
    upcoming,
    proposalsByStatus,
    latestDocuments: await documentSummaries(db, latest),
    reviewQueue: queue,
    counts: {
      documents: num(docCount.n),
      entities: Object.values(entitiesByType).reduce((a, b) => a + b, 0),
      events: Object.values(eventsByType).reduce((a, b) => a + b, 0),
      quotes: num(quoteCount.n),
    },
    entitiesByType,
    eventsByType,
    eventsByStatus,
  };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function reviewCounts(db: Db): Promise<Dashboard['reviewQueue']> {
  const [e, v, q] = await Promise.all(
    (['entities', 'events', 'quotes'] as const).map((t) => {
      let query = db.selectFrom(t).where('review_state', '=', 'draft');
      if (t === 'entities') query = query.where('merged_into' as never, 'is', null);
      return query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    }),
  );
  const byKind: Record<RecordKind, number> = { entity: num(e.n), event: num(v.n), quote: num(q.n) };
  return { total: byKind.entity + byKind.event + byKind.quote, byKind };
}

export async function reviewQueue(db: Db, filter: ReviewQueueFilter = {}): Promise<Page<ReviewItem>> {
  const { limit, offset } = pageOf(filter);
  const state = filter.state ?? 'draft';
  const docId = filter.documentId;
  const kinds: RecordKind[] = filter.kind ? [filter.kind] : ['event', 'entity', 'quote'];

  // One union so a page can span kinds; events first (they carry the most), then entities, quotes.
  const parts = kinds.map((kind) => {
    if (kind === 'event') {
      let q = db
        .selectFrom('events')
        .where('review_state', '=', state)
        .select([
          sql<string>`'event'`.as('kind'),
          sql<number>`0`.as('kind_order'),
          'id',
          'review_state as state',
          'label',
          'type',
          'document_id',
          'ev_start',
          'ev_end',
          'ev_rule',
          'updated_at',
        ]);
      if (docId) q = q.where('document_id', '=', docId);
      return q;
    }
    if (kind === 'quote') {
      let q = db
        .selectFrom('quotes')
        .where('review_state', '=', state)
        .select([
          sql<string>`'quote'`.as('kind'),
          sql<number>`2`.as('kind_order'),
          'id',
          'review_state as state',
          'text as label',
          sql<string>`'quote'`.as('type'),
          'document_id',
          'ev_start',
          'ev_end',
          'ev_rule',
          'created_at as updated_at',
        ]);
      if (docId) q = q.where('document_id', '=', docId);
      return q;
    }
    // The entity's first mention (by document, then position) is one index seek per
    // entity; grouping every mention to find it cost seconds at 10k documents.
    let q = db
      .selectFrom('entities as e')
      .leftJoin('mentions as m', (join) =>
        join.on((eb) =>
          eb(
            'm.id',
            '=',
            eb
              .selectFrom('mentions as fm')
              .whereRef('fm.entity_id', '=', 'e.id')
              .select('fm.id')
              .orderBy('fm.document_id')
              .orderBy('fm.span_start')
              .orderBy('fm.id')
              .limit(1),
          ),
        ),
      )
      .where('e.review_state', '=', state)
      .where('e.merged_into', 'is', null)
      .select([
        sql<string>`'entity'`.as('kind'),
        sql<number>`1`.as('kind_order'),
        'e.id',
        'e.review_state as state',
        'e.name as label',
        'e.type',
        'm.document_id',
        'm.span_start as ev_start',
        'm.span_end as ev_end',
        'm.rule as ev_rule',
        'e.updated_at',
      ]);
    if (docId) {
      q = q.where((eb) =>
        eb.exists(eb.selectFrom('mentions as dm').whereRef('dm.entity_id', '=', 'e.id').where('dm.document_id', '=', docId).select('dm.id')),
      );
    }
    return q;
  });
  // Kinds come in a fixed order (events, entities, quotes), so a page is read kind by
  // kind with its own limit and offset: no sort over the union of every draft record.
  // Within a kind the order is document, position, then id, so it never shifts.
  const counts = await Promise.all(
    parts.map(async (p: any) => num(((await p.clearSelect().select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()) as { n: unknown }).n)),
  );
  const rows: any[] = [];
  let skip = offset;
  for (let i = 0; i < parts.length && rows.length < limit; i++) {
    if (skip >= counts[i]) {
      skip -= counts[i];
      continue;
    }
    const idColumn = kinds[i] === 'entity' ? 'e.id' : 'id';
    const docColumn = kinds[i] === 'entity' ? 'm.document_id' : 'document_id';
    const startColumn = kinds[i] === 'entity' ? 'm.span_start' : 'ev_start';
    rows.push(
      ...(await (parts[i] as any)
        .orderBy(docColumn)
        .orderBy(startColumn)
        .orderBy(idColumn)
        .limit(limit - rows.length)
        .offset(skip)
        .execute()),
    );
    skip = 0;
  }
  const total = { n: counts.reduce((a, b) => a + b, 0) };
  const items = rows.map((r): ReviewItem => {
    const item: ReviewItem = { kind: r.kind, id: r.id, state: r.state, label: r.label, updatedAt: r.updated_at };
    if (r.type) item.type = r.type;
    const ev = evidenceOf(r.ev_start === null ? null : num(r.ev_start), r.ev_end === null ? null : num(r.ev_end), r.ev_rule, r.document_id);
    if (ev) item.evidence = ev;
    return item;
  });
  return { items, total: num(total.n), limit, offset };
}

export async function history(db: Db, filter: HistoryFilter = {}): Promise<Page<HistoryEntry>> {
  const { limit, offset } = pageOf(filter);
  let q = db.selectFrom('history');
  if (filter.kind) q = q.where('record_kind', '=', filter.kind);
  if (filter.recordId) q = q.where('record_id', '=', filter.recordId);
  if (filter.user) q = q.where('actor', '=', filter.user);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r): HistoryEntry => {
    const h: HistoryEntry = {
      id: r.id,
      kind: r.record_kind as HistoryEntry['kind'],
      recordId: r.record_id,
      action: r.action as HistoryEntry['action'],
      user: r.actor,
      at: r.at,
    };
    if (r.field) h.field = r.field;
    if (r.before_value !== null) h.before = parseJson<unknown>(r.before_value, null);
    if (r.after_value !== null) h.after = parseJson<unknown>(r.after_value, null);
    if (r.note) h.note = r.note;
    return h;
  });
  return { items, total: num(total.n), limit, offset };
}
