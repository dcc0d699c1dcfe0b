/**
 * The storage port: everything the services need from a database, and nothing about
 * which database it is. The SQLite and PostgreSQL adapters both implement it and both
 * pass `store.contract.ts`, so code written against this file runs on either.
 *
 * Conventions
 * - Ids are opaque strings with a kind prefix (`doc_…`, `ent_…`, `evt_…`, `quo_…`), so a
 *   CLI `show ID` or a URL can tell what an id points at without a lookup.
 * - Lookups that can fail return `undefined`; the `…OrThrow` variants live in services.
 * - Every write that a person makes takes a `RequestContext` and leaves history rows,
 *   because the record must say who changed what (nothing is overwritten silently).
 * - Dates are ISO strings (`YYYY-MM-DD`); timestamps are ISO 8601 UTC strings.
 */
import type {
  EntityAttributes,
  EntityType,
  EventStatus,
  EventType,
  Evidence,
  Extraction,
  Precision,
  ReviewState,
  Role,
  Tense,
  TimeInterval,
} from '../domain/index.js';

/** Who is acting. Carried by every service call; reads may use it once access control exists. */
export interface RequestContext {
  user: string;
}

// ---------------------------------------------------------------------------------------
// Pagination

/** Offset pagination: simple to expose over HTTP and the CLI; lists are small per page. */
export interface PageRequest {
  /** 1..500, default 50. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Total rows matching the filter, ignoring limit/offset. */
  total: number;
  limit: number;
  offset: number;
}

// ---------------------------------------------------------------------------------------
// Records as stored (shapes follow docs/API.md so routes can serialise them as they are)

/** Evidence tied to the document it points into (a hand-made record has none). */
export interface StoredEvidence extends Evidence {
  documentId?: string;
}

export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
}

export interface EventRef {
  id: string;
  type: EventType;
  label: string;
  status?: EventStatus;
}

export interface DocumentRef {
  id: string;
  title?: string;
  outlet?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

export interface DocumentSummary extends DocumentRef {
  url?: string;
  dateline?: string;
  language?: string;
  /** sha256 hex of the normalized text: same text, same hash. */
  hash: string;
  ingestedAt: string;
  ingestedBy: string;
  /** Marking for when access control exists; unset means unclassified. */
  classification?: string;
  /** Characters (UTF-16 code units) of the normalized text. */
  length: number;
  counts: { entities: number; events: number; quotes: number };
}

export interface EntitySummary extends EntityRef {
  aliases: string[];
  attributes: EntityAttributes;
  reviewState: ReviewState;
  /** Mentions across all documents. */
  mentionCount: number;
  /** Distinct documents mentioning it. */
  documentCount: number;
}

export interface EventSummary extends EventRef {
  reviewState: ReviewState;
  time?: TimeInterval;
  /** Participants with role `place`. */
  places: EntityRef[];
  /** Every other participant. */
  participants: { participantId: string; role: Role; entity: EntityRef }[];
  parentId?: string;
  topics: string[];
  cameo?: string;
  plover?: string;
  /** The document(s) behind it; empty for events made by hand. */
  documents: DocumentRef[];
  /** `pipeline` for machine proposals, else the user who made it. */
  createdBy: string;
  updatedAt: string;
}

export interface StoredQuote {
  id: string;
  text: string;
  /** Name or descriptor as the text gives it ("a NATO official"). */
  speaker: string;
  speakerEntity?: EntityRef;
  eventId?: string;
  documentId?: string;
  evidence?: StoredEvidence;
  speakerEvidence?: StoredEvidence;
  reviewState: ReviewState;
}

export interface StoredMention {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  rule: string;
}

export interface DocumentDetail extends DocumentSummary {
  /** The normalized text every evidence offset of this document points into. */
  text: string;
  /** What the pipeline (or the store) could not do with this text. */
  notes: string[];
  /** Sorted by start; `entity` is the entity the mention belongs to now (after merges). */
  mentions: (StoredMention & { entity: EntityRef })[];
  entities: EntitySummary[];
  events: (EventSummary & { evidence: StoredEvidence[] })[];
  quotes: StoredQuote[];
}

export interface EntityDetail extends EntitySummary {
  createdBy: string;
  /** Set when the id asked for was merged away: getEntity returned the survivor, whose id this is. */
  mergedInto?: string;
  /** Events it takes part in with its role, by time, undated last (the first 500 events). */
  events: (EventSummary & { role: Role })[];
  /** How many events it takes part in, listed or not. */
  eventCount: number;
  /** Quotes it is the named speaker of (the first 200). */
  quotes: StoredQuote[];
  /** Co-participants (`event`), then entities named in the same documents (`document`). */
  related: { entity: EntityRef; count: number; via: 'event' | 'document' }[];
  /** Documents that mention it, newest first (at most 500; documentCount has them all). */
  sources: (DocumentRef & { mentionCount: number })[];
  mentions: StoredMention[];
}

export interface ParticipantDetail {
  participantId: string;
  entity: EntityRef;
  evidence: StoredEvidence[];
}

export interface EventDetail extends EventSummary {
  parent?: EventRef;
  /** Sessions and other parts of this event. */
  sessions: EventSummary[];
  participantsByRole: Partial<Record<Role, ParticipantDetail[]>>;
  evidence: StoredEvidence[];
  /** The words that gave the date. */
  timeEvidence?: StoredEvidence;
  quotes: StoredQuote[];
}

// ---------------------------------------------------------------------------------------
// Inputs and filters

/** Document metadata the ingest service settled on (options > front-matter > text). */
export interface NewDocument {
  /**
   * sha256 hex the caller computed from its raw input, so `findDocumentIdByHash` can skip
   * extraction for a text seen before. Dedupe itself uses the hash of `extraction.text`
   * (the normalized text), so CLI, API and workers agree whatever they hashed.
   */
  contentHash?: string;
  title?: string;
  outlet?: string;
  url?: string;
  dateline?: string;
  published?: string;
  language?: string;
  classification?: string;
  /** User (or worker) that ingested it. */
  ingestedBy: string;
}

export interface SaveResult {
  status: 'ingested' | 'duplicate';
  documentId: string;
  /** Extraction-local entity key -> stored entity id (empty for a duplicate). */
  entityIds: Record<string, string>;
  counts: {
    entities: number;
    /** Entities that did not exist before this document. */
    newEntities: number;
    mentions: number;
    events: number;
    participants: number;
    quotes: number;
  };
}

export interface DocumentFilter extends PageRequest {
  /** Words of the title or outlet. */
  q?: string;
  outlet?: string;
  /** Inclusive bounds on `published`. */
  from?: string;
  to?: string;
}

export interface EntityFilter extends PageRequest {
  type?: EntityType;
  reviewState?: ReviewState;
  /** Case- and accent-insensitive substring of the name or an alias. */
  q?: string;
}

export interface EventFilter extends PageRequest {
  type?: EventType;
  status?: EventStatus;
  reviewState?: ReviewState;
  /** Keep events whose interval overlaps [from, to] (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** Entity id taking part in any role. */
  participantId?: string;
  /** Entity id of the place; for a country, its places count too (same ISO code). */
  placeId?: string;
  /** Sessions of this meeting. */
  parentId?: string;
  documentId?: string;
  /** Only events without a parent. */
  topLevel?: boolean;
}

export interface TimelineFilter extends PageRequest {
  entityId?: string;
  type?: EventType;
  from?: string;
  to?: string;
}

export interface TimelineItem extends EventRef {
  start: string;
  end: string;
  precision: Precision;
  iso: string;
  tense: Tense;
  parentId?: string;
  reviewState: ReviewState;
  places: EntityRef[];
  participants: EntityRef[];
}

export interface MapFilter {
  from?: string;
  to?: string;
  type?: EventType;
  /** Latest events listed per place (default 20, at most 500); `eventCount` gives the total. */
  eventsPerPlace?: number;
}

export interface MapData {
  /** Places with coordinates and the events located there. */
  places: (EntityRef & { lat: number; lon: number; iso2?: string; events: EventRef[]; eventCount: number })[];
  /** Countries with an ISO code; counts let the map shade them. */
  countries: (EntityRef & { iso2: string; iso3?: string; eventCount: number; mentionCount: number })[];
}

export interface GraphFilter {
  /** Only this entity and its neighbours. */
  entityId?: string;
  type?: EventType;
  /** Most connected nodes kept; default 200. */
  limit?: number;
  /** Event ids listed per edge (default 20, at most 1000); `weight` counts them all. */
  eventIdsPerEdge?: number;
}

/**
 * `meets`: took part in the same meeting/session; `visits`: visitor → place/country/host;
 * `serves`: instrument → partner it is for (proposals, decisions, requests);
 * `requests`: requester → addressee.
 */
export type GraphEdgeKind = 'meets' | 'visits' | 'serves' | 'requests';

export interface GraphData {
  nodes: (EntityRef & { weight: number })[];
  edges: { id: string; source: string; target: string; kind: GraphEdgeKind; weight: number; eventIds: string[] }[];
}

export type SearchKind = 'document' | 'entity' | 'event';

export interface SearchQuery extends PageRequest {
  /** Words as a user types them; every word must match, the last one as a prefix. */
  q: string;
  kinds?: SearchKind[];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** Document title, entity name or event label. */
  title: string;
  /** Plain text around the match. */
  snippet: string;
  /** Offsets into `snippet` of the matched words. */
  highlights: { start: number; end: number }[];
  /** Higher is better; comparable only within one result list. */
  score: number;
}

export interface DashboardQuery {
  /** YYYY-MM-DD from the caller's clock, so the store stays clock-free. */
  today: string;
  /** Days ahead counted as upcoming; default 60. */
  days?: number;
}

export interface Dashboard {
  today: string;
  /** Meetings and visits from today on, soonest first, with their sessions. */
  upcoming: (EventSummary & { sessions: EventSummary[] })[];
  /** Proposals and decisions per status with the five latest of each. */
  proposalsByStatus: { status: EventStatus; count: number; items: EventSummary[] }[];
  /** The ten latest ingested. */
  latestDocuments: DocumentSummary[];
  reviewQueue: { total: number; byKind: Record<RecordKind, number> };
  counts: { documents: number; entities: number; events: number; quotes: number };
  entitiesByType: Record<EntityType, number>;
  eventsByType: Record<EventType, number>;
  /** Keys are statuses; events without one count under `none`. */
  eventsByStatus: Record<string, number>;
}

// ---------------------------------------------------------------------------------------
// Review

export type RecordKind = 'entity' | 'event' | 'quote';

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/** Fields a person may edit on an entity; each changed field becomes a history row. */
export interface EntityPatch {
  name?: string;
  type?: EntityType;
  aliases?: string[];
  /** Merged key by key into the existing attributes; a key set to null is removed. */
  attributes?: { [K in keyof EntityAttributes]?: EntityAttributes[K] | null };
}

export interface EventTimeInput {
  start: string;
  end: string;
  precision: Precision;
  iso: string;
  tense: Tense;
}

export interface ParticipantInput {
  entityId: string;
  role: Role;
}

export interface EventPatch {
  type?: EventType;
  label?: string;
  /** null clears it. */
  status?: EventStatus | null;
  time?: EventTimeInput | null;
  parentId?: string | null;
  topics?: string[];
  cameo?: string | null;
  plover?: string | null;
  /** Replaces the `place` participants. */
  places?: string[];
  /** Replaces every participant that is not a place. */
  participants?: ParticipantInput[];
}

export interface QuotePatch {
  text?: string;
  speaker?: string;
  speakerEntityId?: string | null;
  eventId?: string | null;
}

export interface NewEntity {
  type: EntityType;
  name: string;
  aliases?: string[];
  attributes?: EntityAttributes;
}

export interface NewEvent {
  type: EventType;
  label: string;
  status?: EventStatus;
  time?: EventTimeInput;
  parentId?: string;
  topics?: string[];
  cameo?: string;
  plover?: string;
  /** Entity ids stored as participants with role `place`. */
  places?: string[];
  participants?: ParticipantInput[];
  /** Parts of this event created with it (their parent is set to it). */
  sessions?: Omit<NewEvent, 'parentId' | 'sessions'>[];
}

export interface SplitEntityInput {
  /** Name of the new entity; defaults to the first moved alias. */
  name?: string;
  type?: EntityType;
  /** Mentions of the original to move to the new entity. */
  mentionIds?: string[];
  /** Aliases of the original to move to the new entity. */
  aliases?: string[];
  /** Participations of the original to move (participant ids). */
  participantIds?: string[];
}

export type HistoryAction = 'create' | 'edit' | 'confirm' | 'reject' | 'reopen' | 'merge' | 'split' | 'ingest';

export interface HistoryEntry {
  id: string;
  kind: RecordKind | 'document';
  recordId: string;
  action: HistoryAction;
  /** The edited field, for `edit`. */
  field?: string;
  before?: unknown;
  after?: unknown;
  user: string;
  at: string;
  note?: string;
}

export interface HistoryFilter extends PageRequest {
  kind?: RecordKind | 'document';
  recordId?: string;
  user?: string;
}

export interface ReviewQueueFilter extends PageRequest {
  /** Default `draft`. */
  state?: ReviewState;
  kind?: RecordKind;
  documentId?: string;
}

export interface ReviewItem {
  kind: RecordKind;
  id: string;
  state: ReviewState;
  /** Entity name, event label or quote text. */
  label: string;
  /** Entity or event type. */
  type?: string;
  /** First evidence (an entity's first mention). */
  evidence?: StoredEvidence;
  updatedAt: string;
}

export interface ReviewResult {
  kind: RecordKind;
  id: string;
  state: ReviewState;
  previousState: ReviewState;
}

// ---------------------------------------------------------------------------------------
// The port

export interface Store {
  /** What this adapter can do differently; services never branch on the adapter name. */
  readonly capabilities: StoreCapabilities;

  // documents
  /**
   * Stores a document and everything extracted from it in ONE transaction: a failure
   * leaves nothing behind. Entities are matched to existing ones by type + normalized
   * name/alias, so one real-world entity stays one row across documents. If a document
   * with the same content hash exists, nothing is written and its id is returned.
   */
  saveExtraction(doc: NewDocument, extraction: Extraction): Promise<SaveResult>;
  /** Lets ingest skip extraction for a text already stored: matches the normalized-text hash or a caller's raw hash. */
  findDocumentIdByHash(contentHash: string): Promise<string | undefined>;
  getDocument(id: string): Promise<DocumentDetail | undefined>;
  /** Only the stored text (what evidence offsets point into): cheap where the full detail is not needed. */
  getDocumentText(id: string): Promise<string | undefined>;
  /** Newest publication date first. */
  listDocuments(filter?: DocumentFilter): Promise<Page<DocumentSummary>>;

  // entities
  /** Most mentioned first; entities merged away are left out. */
  listEntities(filter?: EntityFilter): Promise<Page<EntitySummary>>;
  /** Follows merges: the id of an entity merged away returns the one it went into. */
  getEntity(id: string): Promise<EntityDetail | undefined>;

  // events
  /** By time, undated last. */
  listEvents(filter?: EventFilter): Promise<Page<EventSummary>>;
  getEvent(id: string): Promise<EventDetail | undefined>;

  // views
  /** Dated, non-rejected events by start then end. Default limit 500, max 2000. */
  timeline(filter?: TimelineFilter): Promise<Page<TimelineItem>>;
  mapData(filter?: MapFilter): Promise<MapData>;
  graph(filter?: GraphFilter): Promise<GraphData>;
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  dashboard(query: DashboardQuery): Promise<Dashboard>;

  // review
  reviewQueue(filter?: ReviewQueueFilter): Promise<Page<ReviewItem>>;
  /** undefined when the record does not exist. */
  setReviewState(ctx: RequestContext, ref: RecordRef, state: ReviewState, note?: string): Promise<ReviewResult | undefined>;
  updateEntity(ctx: RequestContext, id: string, patch: EntityPatch): Promise<EntityDetail | undefined>;
  updateEvent(ctx: RequestContext, id: string, patch: EventPatch): Promise<EventDetail | undefined>;
  updateQuote(ctx: RequestContext, id: string, patch: QuotePatch): Promise<StoredQuote | undefined>;
  /**
   * Moves every mention, alias, participation and quote of `fromId` onto `intoId` and
   * marks `fromId` as merged into it (kept, so old links still resolve).
   */
  mergeEntities(ctx: RequestContext, intoId: string, fromId: string): Promise<EntityDetail | undefined>;
  /** Moves chosen mentions/aliases/participations of `id` to a new entity; returns both. */
  splitEntity(
    ctx: RequestContext,
    id: string,
    input: SplitEntityInput,
  ): Promise<{ original: EntityDetail; created: EntityDetail } | undefined>;
  /** Hand-made records are confirmed at once: the person who made them is the source. */
  createEntity(ctx: RequestContext, input: NewEntity): Promise<EntityDetail>;
  createEvent(ctx: RequestContext, input: NewEvent): Promise<EventDetail>;
  /** Newest first. */
  history(filter?: HistoryFilter): Promise<Page<HistoryEntry>>;

  close(): Promise<void>;
}

/** Dialect differences as data (Kysely-style), so shared code reads flags, not names. */
export interface StoreCapabilities {
  /** `sqlite` or `postgres`: for display and diagnostics only. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Full-text engine behind `search`. */
  readonly fullText: 'fts5' | 'tsvector';
  /** Several processes may write at once (PostgreSQL), so entity matching must lock. */
  readonly concurrentWriters: boolean;
}

/** Coded errors from the store; services add their own. */
export type StoreErrorCode = 'not_found' | 'conflict' | 'invalid' | 'unavailable' | 'migration_failed';
