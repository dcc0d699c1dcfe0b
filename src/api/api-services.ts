/**
 * What the routes need from the service layer, written down in one place. Routes depend on
 * this interface only; `createApiServices` fills it from `src/services` (and the store), so
 * a change in how services are assembled touches this file, not every route.
 */
import type { DocumentMeta, ReviewState } from '../domain/index.js';
import type { EventPatchInput, NewEventInput } from '../services/index.js';
import type {
  Dashboard, DocumentDetail, DocumentFilter, DocumentSummary, EntityDetail, EntityFilter,
  EntityPatch, EntitySummary, EventDetail, EventFilter, EventSummary, GraphData, GraphFilter,
  HistoryEntry, HistoryFilter, MapData, MapFilter, NewEntity, Page, RecordRef, RequestContext,
  ReviewItem, ReviewQueueFilter, ReviewResult, SearchHit, SearchQuery, SplitEntityInput, TimelineFilter,
  TimelineItem,
} from '../storage/index.js';

export interface IngestInput {
  text: string;
  meta: DocumentMeta;
  /** How to read the text; set from an uploaded file's name or type, else left to ingest. */
  format?: 'text' | 'html' | 'markdown';
}

export interface IngestOutcome {
  duplicate: boolean;
  documentId: string;
}

export interface ApiServices {
  readonly storeKind: 'sqlite' | 'postgres';
  ingest(ctx: RequestContext, input: IngestInput): Promise<IngestOutcome>;

  listDocuments(ctx: RequestContext, filter: DocumentFilter): Promise<Page<DocumentSummary>>;
  getDocument(ctx: RequestContext, id: string): Promise<DocumentDetail | undefined>;
  /** Only the normalized text, to show evidence in its sentence. */
  getDocumentText(ctx: RequestContext, id: string): Promise<string | undefined>;
  listEntities(ctx: RequestContext, filter: EntityFilter): Promise<Page<EntitySummary>>;
  getEntity(ctx: RequestContext, id: string): Promise<EntityDetail | undefined>;
  listEvents(ctx: RequestContext, filter: EventFilter): Promise<Page<EventSummary>>;
  getEvent(ctx: RequestContext, id: string): Promise<EventDetail | undefined>;
  timeline(ctx: RequestContext, filter: TimelineFilter): Promise<Page<TimelineItem>>;
  mapData(ctx: RequestContext, filter: MapFilter): Promise<MapData>;
  graph(ctx: RequestContext, filter: GraphFilter): Promise<GraphData>;
  search(ctx: RequestContext, query: SearchQuery): Promise<Page<SearchHit>>;
  /** As of today by the services' clock. */
  dashboard(ctx: RequestContext, options: { days?: number }): Promise<Dashboard>;
  reviewQueue(ctx: RequestContext, filter: ReviewQueueFilter): Promise<Page<ReviewItem>>;
  history(ctx: RequestContext, filter: HistoryFilter): Promise<Page<HistoryEntry>>;

  // Writes throw NotFoundError for a missing id; `| undefined` lets a plain store stand in.
  setReviewState(ctx: RequestContext, ref: RecordRef, state: ReviewState, note?: string): Promise<ReviewResult | undefined>;
  createEntity(ctx: RequestContext, input: NewEntity): Promise<EntityDetail>;
  updateEntity(ctx: RequestContext, id: string, patch: EntityPatch): Promise<EntityDetail | undefined>;
  mergeEntities(ctx: RequestContext, intoId: string, fromId: string): Promise<EntityDetail | undefined>;
  splitEntity(ctx: RequestContext, id: string, input: SplitEntityInput): Promise<{ original: EntityDetail; created: EntityDetail } | undefined>;
  createEvent(ctx: RequestContext, input: NewEventInput): Promise<EventDetail>;
  updateEvent(ctx: RequestContext, id: string, patch: EventPatchInput): Promise<EventDetail | undefined>;
}
