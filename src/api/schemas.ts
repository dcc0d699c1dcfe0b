/**
 * JSON Schemas shared by the routes. They serve twice: Fastify validates requests with
 * them, and `openapi.ts` copies them into the OpenAPI document, so the two cannot drift.
 */
import { ENTITY_TYPES, EVENT_TYPES, MEETING_STATUSES, PROPOSAL_STATUSES, REVIEW_STATES, ROLES } from '../domain/index.js';

export type JsonSchema = Record<string, unknown>;

export const EVENT_STATUSES = [...MEETING_STATUSES, ...PROPOSAL_STATUSES.filter((s) => !(MEETING_STATUSES as readonly string[]).includes(s))];
export const RECORD_KINDS = ['entity', 'event', 'quote'] as const;
export const SEARCH_KINDS = ['document', 'entity', 'event'] as const;

export const entityType: JsonSchema = { type: 'string', enum: [...ENTITY_TYPES] };
export const eventType: JsonSchema = { type: 'string', enum: [...EVENT_TYPES] };
export const eventStatus: JsonSchema = { type: 'string', enum: EVENT_STATUSES };
export const reviewState: JsonSchema = { type: 'string', enum: [...REVIEW_STATES] };
export const role: JsonSchema = { type: 'string', enum: [...ROLES] };
export const recordKind: JsonSchema = { type: 'string', enum: [...RECORD_KINDS] };

/** A calendar day; `format` rejects impossible days such as 2025-02-30. */
export const day: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };

/** The date forms of the eval format: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, or START/END. */
export const isoDateForm: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?|-W\\d{2})?(/\\d{4}(-\\d{2}(-\\d{2})?|-W\\d{2})?)?$',
};

export const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
export const idParams: JsonSchema = {
  type: 'object',
  properties: { id },
  required: ['id'],
};

export function pageQuery(defaultLimit = 50, maxLimit = 500): Record<string, JsonSchema> {
  return {
    limit: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
    offset: { type: 'integer', minimum: 0, default: 0 },
  };
}

export function query(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}) };
}

export function object(properties: Record<string, JsonSchema>, required: string[] = [], additionalProperties: boolean = false): JsonSchema {
  return { type: 'object', properties, additionalProperties, ...(required.length ? { required } : {}) };
}

export const stringList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 }, maxItems: 200 };

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

export const entityAttributes = (allowNull: boolean): JsonSchema => {
  const wrap = allowNull ? nullable : (s: JsonSchema) => s;
  return object({
    iso2: wrap({ type: 'string', pattern: '^[A-Z]{2}$' }),
    iso3: wrap({ type: 'string', pattern: '^[A-Z]{3}$' }),
    lat: wrap({ type: 'number', minimum: -90, maximum: 90 }),
    lon: wrap({ type: 'number', minimum: -180, maximum: 180 }),
    role: wrap({ type: 'string', maxLength: 300 }),
    roleDate: wrap(day),
    placeKind: wrap({ type: 'string', enum: ['city', 'region', 'site'] }),
    instrumentKind: wrap({
      type: 'string',
      enum: ['office', 'centre', 'hub', 'mission', 'initiative', 'programme', 'envoy', 'fund', 'facility', 'partnership', 'other'],
    }),
    hostPlace: wrap({ type: 'string', maxLength: 300 }),
    parentOrganization: wrap({ type: 'string', maxLength: 300 }),
    lexiconId: wrap({ type: 'string', maxLength: 200 }),
  });
};

// Response shapes: documented in OpenAPI, kept open (additionalProperties) because the
// JSON is produced by `views.ts` and the record grows fields over time.
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export { ref as schemaRef };

export const page = (item: JsonSchema): JsonSchema => object(
  { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  ['items', 'total', 'limit', 'offset'],
);

const evidence = object({
  documentId: { type: 'string' },
  start: { type: 'integer' },
  end: { type: 'integer' },
  rule: { type: 'string' },
  sentence: object({ start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } }),
}, ['start', 'end', 'rule'], true);
const entityRef = object({ id: { type: 'string' }, type: entityType, name: { type: 'string' } }, ['id', 'type', 'name'], true);
const eventRef = object({ id: { type: 'string' }, type: eventType, label: { type: 'string' }, status: eventStatus }, ['id', 'type', 'label'], true);
const documentRef = object({ id: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, published: day }, ['id'], true);
const timeInterval = object({
  start: day, end: day, precision: { type: 'string', enum: ['day', 'week', 'month', 'year'] },
  iso: { type: 'string' }, tense: { type: 'string', enum: ['past', 'present', 'future'] },
}, ['start', 'end', 'precision', 'iso', 'tense'], true);

/** Named shapes for `components.schemas`; routes point at them with `schemaRef`. */
export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
  Problem: object({
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    code: { type: 'string' }, instance: { type: 'string' },
    errors: { type: 'array', items: object({ path: { type: 'string' }, message: { type: 'string' } }) },
  }, ['type', 'title', 'status', 'detail', 'code'], true),
  Evidence: evidence,
  EntityRef: entityRef,
  EventRef: eventRef,
  DocumentRef: documentRef,
  TimeInterval: timeInterval,
  EntityAttributes: entityAttributes(false),
  EntitySummary: object({
    id: { type: 'string' }, type: entityType, name: { type: 'string' }, aliases: stringList,
    attributes: ref('EntityAttributes'), reviewState, mentionCount: { type: 'integer' }, documentCount: { type: 'integer' },
  }, ['id', 'type', 'name', 'aliases', 'attributes', 'reviewState'], true),
  EventSummary: object({
    id: { type: 'string' }, type: eventType, label: { type: 'string' }, status: eventStatus, reviewState,
    time: ref('TimeInterval'), places: { type: 'array', items: ref('EntityRef') },
    participants: { type: 'array', items: object({ role, entity: ref('EntityRef') }, ['role', 'entity']) },
    parentId: { type: 'string' }, topics: stringList, cameo: { type: 'string' }, plover: { type: 'string' },
    documents: { type: 'array', items: ref('DocumentRef') },
  }, ['id', 'type', 'label', 'reviewState', 'places', 'participants', 'topics', 'documents'], true),
  Quote: object({
    id: { type: 'string' }, text: { type: 'string' }, speaker: { type: 'string' }, speakerEntity: ref('EntityRef'),
    eventId: { type: 'string' }, documentId: { type: 'string' }, evidence: ref('Evidence'), reviewState,
  }, ['id', 'text', 'speaker', 'reviewState'], true),
  DocumentSummary: object({
    id: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, published: day, url: { type: 'string' },
    dateline: { type: 'string' }, language: { type: 'string' }, hash: { type: 'string' }, ingestedAt: { type: 'string' },
    length: { type: 'integer' },
    counts: object({ entities: { type: 'integer' }, events: { type: 'integer' }, quotes: { type: 'integer' } }),
  }, ['id', 'hash', 'ingestedAt', 'length', 'counts'], true),
  DocumentDetail: {
    allOf: [ref('DocumentSummary'), object({
      text: { type: 'string' }, notes: stringList,
      mentions: { type: 'array', items: object({ id: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, rule: { type: 'string' }, entity: ref('EntityRef') }) },
      entities: { type: 'array', items: ref('EntitySummary') },
      events: { type: 'array', items: { allOf: [ref('EventSummary'), object({ evidence: { type: 'array', items: ref('Evidence') } }, [], true)] } },
      quotes: { type: 'array', items: ref('Quote') },
    }, ['text', 'mentions', 'entities', 'events', 'quotes'], true)],
  },
  IngestResult: object({ duplicate: { type: 'boolean' }, document: ref('DocumentDetail') }, ['duplicate', 'document']),
  EntityDetail: {
    allOf: [ref('EntitySummary'), object({
      events: { type: 'array', items: { allOf: [ref('EventSummary'), object({ role }, ['role'], true)] } },
      quotes: { type: 'array', items: ref('Quote') },
      related: { type: 'array', items: object({ entity: ref('EntityRef'), count: { type: 'integer' }, via: { type: 'string', enum: ['event', 'document'] } }) },
      sources: { type: 'array', items: { allOf: [ref('DocumentRef'), object({ mentionCount: { type: 'integer' } }, [], true)] } },
      mentions: { type: 'array', items: object({ id: { type: 'string' }, documentId: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, rule: { type: 'string' } }) },
      mergedInto: { type: 'string' },
    }, [], true)],
  },
  EventDetail: {
    allOf: [ref('EventSummary'), object({
      parent: ref('EventRef'),
      sessions: { type: 'array', items: ref('EventSummary') },
      participantsByRole: { type: 'object', additionalProperties: { type: 'array', items: object({ entity: ref('EntityRef'), evidence: { type: 'array', items: ref('Evidence') } }) } },
      evidence: { type: 'array', items: ref('Evidence') },
      timeEvidence: ref('Evidence'),
      quotes: { type: 'array', items: ref('Quote') },
    }, [], true)],
  },
  TimelineItem: object({
    id: { type: 'string' }, type: eventType, label: { type: 'string' }, status: eventStatus,
    start: day, end: day, precision: { type: 'string' }, iso: { type: 'string' }, tense: { type: 'string' },
    parentId: { type: 'string' }, reviewState, places: { type: 'array', items: ref('EntityRef') }, participants: { type: 'array', items: ref('EntityRef') },
  }, ['id', 'type', 'label', 'start', 'end', 'precision', 'iso', 'tense', 'reviewState', 'places', 'participants'], true),
  MapData: object({
    places: { type: 'array', items: { allOf: [ref('EntityRef'), object({ lat: { type: 'number' }, lon: { type: 'number' }, iso2: { type: 'string' }, events: { type: 'array', items: ref('EventRef') } }, ['lat', 'lon', 'events'], true)] } },
    countries: { type: 'array', items: { allOf: [ref('EntityRef'), object({ iso2: { type: 'string' }, iso3: { type: 'string' }, isoNumeric: { type: 'string' }, eventCount: { type: 'integer' }, mentionCount: { type: 'integer' } }, ['iso2', 'eventCount', 'mentionCount'], true)] } },
  }, ['places', 'countries']),
  GraphData: object({
    nodes: { type: 'array', items: { allOf: [ref('EntityRef'), object({ weight: { type: 'number' } }, ['weight'], true)] } },
    edges: { type: 'array', items: object({ id: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, kind: { type: 'string', enum: ['meets', 'visits', 'serves', 'requests'] }, weight: { type: 'number' }, eventIds: stringList }, ['id', 'source', 'target', 'kind', 'weight', 'eventIds']) },
  }, ['nodes', 'edges']),
  SearchHit: object({
    kind: { type: 'string', enum: [...SEARCH_KINDS] }, id: { type: 'string' }, title: { type: 'string' }, snippet: { type: 'string' },
    highlights: { type: 'array', items: object({ start: { type: 'integer' }, end: { type: 'integer' } }) }, score: { type: 'number' },
  }, ['kind', 'id', 'title', 'snippet', 'highlights', 'score']),
  ReviewItem: object({
    kind: recordKind, id: { type: 'string' }, state: reviewState, label: { type: 'string' }, type: { type: 'string' },
    evidence: ref('Evidence'), updatedAt: { type: 'string' },
  }, ['kind', 'id', 'state', 'label'], true),
  ReviewResult: object({ kind: recordKind, id: { type: 'string' }, state: reviewState, previousState: reviewState }, ['kind', 'id', 'state']),
  HistoryEntry: object({
    id: { type: 'string' }, kind: { type: 'string' }, recordId: { type: 'string' }, action: { type: 'string' }, field: { type: 'string' },
    before: {}, after: {}, user: { type: 'string' }, at: { type: 'string' }, note: { type: 'string' },
  }, ['id', 'kind', 'recordId', 'action', 'user', 'at'], true),
  Dashboard: object({
    today: day,
    upcoming: { type: 'array', items: { allOf: [ref('EventSummary'), object({ sessions: { type: 'array', items: ref('EventSummary') } }, ['sessions'], true)] } },
    proposalsByStatus: { type: 'array', items: object({ status: eventStatus, count: { type: 'integer' }, items: { type: 'array', items: ref('EventSummary') } }, ['status', 'count', 'items']) },
    latestDocuments: { type: 'array', items: ref('DocumentSummary') },
    reviewQueue: object({ total: { type: 'integer' }, byKind: object({ entity: { type: 'integer' }, event: { type: 'integer' }, quote: { type: 'integer' } }) }, ['total', 'byKind']),
    counts: object({ documents: { type: 'integer' }, entities: { type: 'integer' }, events: { type: 'integer' }, quotes: { type: 'integer' } }),
  }, ['today', 'upcoming', 'proposalsByStatus', 'latestDocuments', 'reviewQueue', 'counts']),
  Health: object({ status: { type: 'string' }, version: { type: 'string' }, store: { type: 'string', enum: ['sqlite', 'postgres'] }, time: { type: 'string' } }, ['status', 'version', 'store', 'time']),
};
