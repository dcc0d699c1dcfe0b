/**
 * Reading the record, for the CLI and the API alike. Thin over the store, plus what a
 * use case adds: lookups that throw NotFoundError, filter validation, and "today" from
 * an injected clock so the store stays clock-free.
 */
import type {
  Dashboard,
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
  GraphFilter,
  MapData,
  MapFilter,
  Page,
  RequestContext,
  SearchHit,
  SearchQuery,
  Store,
  TimelineFilter,
  TimelineItem,
} from '../storage/index.js';
import { isDay } from './dates.js';
import { NotFoundError, ValidationError } from './service.errors.js';

export interface QueryServiceDeps {
  store: Store;
  /** Defaults to the system clock. */
  clock?: () => Date;
}

export type RecordLookup =
  | { kind: 'document'; record: DocumentDetail }
  | { kind: 'entity'; record: EntityDetail }
  | { kind: 'event'; record: EventDetail };

export interface QueryService {
  listDocuments(ctx: RequestContext, filter?: DocumentFilter): Promise<Page<DocumentSummary>>;
  getDocument(ctx: RequestContext, id: string): Promise<DocumentDetail | undefined>;
  getDocumentOrThrow(ctx: RequestContext, id: string): Promise<DocumentDetail>;
  listEntities(ctx: RequestContext, filter?: EntityFilter): Promise<Page<EntitySummary>>;
  getEntity(ctx: RequestContext, id: string): Promise<EntityDetail | undefined>;
  getEntityOrThrow(ctx: RequestContext, id: string): Promise<EntityDetail>;
  listEvents(ctx: RequestContext, filter?: EventFilter): Promise<Page<EventSummary>>;
  getEvent(ctx: RequestContext, id: string): Promise<EventDetail | undefined>;
  getEventOrThrow(ctx: RequestContext, id: string): Promise<EventDetail>;
  /** Any record by id, told apart by the id's prefix (`doc_`, `ent_`, `evt_`). */
  findRecord(ctx: RequestContext, id: string): Promise<RecordLookup | undefined>;
  findRecordOrThrow(ctx: RequestContext, id: string): Promise<RecordLookup>;
  timeline(ctx: RequestContext, filter?: TimelineFilter): Promise<Page<TimelineItem>>;
  mapData(ctx: RequestContext, filter?: MapFilter): Promise<MapData>;
  graph(ctx: RequestContext, filter?: GraphFilter): Promise<GraphData>;
  search(ctx: RequestContext, query: SearchQuery): Promise<Page<SearchHit>>;
  /** Counts and upcoming meetings as of today by the clock. */
  dashboard(ctx: RequestContext, options?: { days?: number }): Promise<Dashboard>;
}

function checkRange(filter: { from?: string; to?: string } | undefined): void {
  if (!filter) return;
  for (const key of ['from', 'to'] as const) {
    const v = filter[key];
    if (v !== undefined && !isDay(v)) throw new ValidationError('invalid_date', `${key} must be a real date written YYYY-MM-DD (got "${v}").`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new ValidationError('invalid_date', `from (${filter.from}) is after to (${filter.to}): swap them.`);
  }
}

export function createQueryService(deps: QueryServiceDeps): QueryService {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());

  const service: QueryService = {
    async listDocuments(_ctx, filter) {
      checkRange(filter);
      return store.listDocuments(filter);
    },
    getDocument: (_ctx, id) => store.getDocument(id),
    async getDocumentOrThrow(ctx, id) {
      const d = await service.getDocument(ctx, id);
      if (!d) throw new NotFoundError(`No document with id ${id}. List documents with \`liaison documents\` or GET /api/documents.`);
      return d;
    },
    listEntities: (_ctx, filter) => store.listEntities(filter),
    getEntity: (_ctx, id) => store.getEntity(id),
    async getEntityOrThrow(ctx, id) {
      const e = await service.getEntity(ctx, id);
      if (!e) throw new NotFoundError(`No entity with id ${id}. Search for it by name instead.`);
      return e;
    },
    async listEvents(_ctx, filter) {
      checkRange(filter);
      return store.listEvents(filter);
    },
    getEvent: (_ctx, id) => store.getEvent(id),
    async getEventOrThrow(ctx, id) {
      const e = await service.getEvent(ctx, id);
      if (!e) throw new NotFoundError(`No event with id ${id}.`);
      return e;
    },
    async findRecord(ctx, id) {
      const prefix = id.slice(0, id.indexOf('_') + 1);
      if (prefix === 'doc_') {
        const record = await service.getDocument(ctx, id);
        return record && { kind: 'document', record };
      }
      if (prefix === 'ent_') {
        const record = await service.getEntity(ctx, id);
        return record && { kind: 'entity', record };
      }
      if (prefix === 'evt_') {
        const record = await service.getEvent(ctx, id);
        return record && { kind: 'event', record };
      }
      return undefined;
    },
    async findRecordOrThrow(ctx, id) {
      const found = await service.findRecord(ctx, id);
      if (!found) throw new NotFoundError(`No document, entity or event with id ${id} (ids start with doc_, ent_ or evt_).`);
      return found;
    },
    async timeline(_ctx, filter) {
      checkRange(filter);
      return store.timeline(filter);
    },
    async mapData(_ctx, filter) {
      checkRange(filter);
      return store.mapData(filter);
    },
    graph: (_ctx, filter) => store.graph(filter),
    async search(_ctx, query) {
      if (typeof query.q !== 'string' || query.q.trim() === '') {
        throw new ValidationError('invalid_request', 'Search needs at least one word (q).');
      }
      return store.search(query);
    },
    dashboard: (_ctx, options) => store.dashboard({ today: clock().toISOString().slice(0, 10), days: options?.days }),
  };
  return service;
}
