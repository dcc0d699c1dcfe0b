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
// Records as stored

/** Evidence tied to the document it points into (a human edit has no document). */
export interface StoredEvidence extends Evidence {
  documentId?: string;
}

export interface DocumentSummary {
  id: string;
  title?: string;
  outlet?: string;
  url?: string;
  dateline?: string;
  /** YYYY-MM-DD. */
  published?: string;
  language?: string;
  contentHash: string;
  ingestedAt: string;
  ingestedBy: string;
  /** Marking for when access control exists; unset means unclassified. */
  classification?: string;
  textLength: number;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  reviewState: ReviewState;
  /** Number of mentions across all documents. */
  mentionCount: number;
  /** Number of distinct documents mentioning it. */
  documentCount: number;
}

export interface StoredMention extends StoredEvidence {
  id: string;
  entityId: string;
  documentId: string;
  text: string;
}

export interface EventTime extends TimeInterval {
  evidence?: StoredEvidence;
}

export interface EventSummary {
  id: string;
  type: EventType;
  label: string;
  status?: EventStatus;
  time?: EventTime;
  parentId?: string;
  /** The document that proposed it; absent for events created by hand. */
  documentId?: string;
  reviewState: ReviewState;
  cameo?: string;
  plover?: string;
  topics: string[];
  evidence?: StoredEvidence;
  /** Who created it: `pipeline` for machine proposals, else the user's name. */
  createdBy: string;
}

export interface StoredParticipant {
  id: string;
  eventId: string;
  entity: Pick<EntitySummary, 'id' | 'type' | 'name'>;
  role: Role;
  evidence?: StoredEvidence;
}

export interface StoredQuote {
  id: string;
  documentId?: string;
  text: string;
  speaker: string;
  speakerEntityId?: string;
  eventId?: string;
  evidence?: StoredEvidence;
  speakerEvidence?: StoredEvidence;
  reviewState: ReviewState;
}

export interface DocumentDetail extends DocumentSummary {
  /** The normalized text every evidence offset of this document points into. */
  text: string;
  notes: string[];
  /** Mentions in text order, each with its (possibly merged) entity. */
  mentions: (StoredMention & { entity: Pick<EntitySummary, 'id' | 'type' | 'name'> })[];
  entities: EntitySummary[];
  events: (EventSummary & { participants: StoredParticipant[] })[];
  quotes: StoredQuote[];
}

export interface EntityDetail extends EntitySummary {
  aliases: string[];
  attributes: EntityAttributes;
  createdBy: string;
  /** Events it takes part in, with the role it plays. */
  events: (EventSummary & { role: Role })[];
  /** Quotes it is the named speaker of. */
  quotes: StoredQuote[];
  /** Co-participants in its events, most shared events first. */
  related: (Pick<EntitySummary, 'id' | 'type' | 'name'> & { sharedEvents: number })[];
  /** Documents that mention it, newest first. */
  sources: DocumentSummary[];
  mentions: StoredMention[];
}

export interface EventDetail extends EventSummary {
  parent?: EventSummary;
  /** Sessions and other parts of this event. */
  children: EventSummary[];
  participants: StoredParticipant[];
  quotes: StoredQuote[];
  document?: DocumentSummary;
}

// ---------------------------------------------------------------------------------------
// Inputs

/** Document metadata the ingest service settled on (options > front-matter > text). */
export interface NewDocument {
  /** sha256 hex of the decoded input text; if absent the store hashes `extraction.text`. */
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

export interface EntityFilter extends PageRequest {
  type?: EntityType;
  reviewState?: ReviewState;
  /** Case- and accent-insensitive prefix of the name or an alias. */
  name?: string;
}

export interface EventFilter extends PageRequest {
  type?: EventType;
  status?: EventStatus;
  reviewState?: ReviewState;
  /** Events whose interval ends on/after this day (YYYY-MM-DD). */
  from?: string;
  /** Events whose interval starts on/before this day. */
  to?: string;
  /** Entity id taking part in any role. */
  participantId?: string;
  /** Entity id of the place (role `place`), or a country whose places count too. */
  placeId?: string;
  documentId?: string;
  /** Only top-level events (no parent). */
  topLevel?: boolean;
}

export interface TimelineFilter {
  entityId?: string;
  from?: string;
  to?: string;
  type?: EventType;
  /** Default 1000: a timeline is drawn whole, not paged. */
  limit?: number;
}

export interface TimelineItem extends EventSummary {
  time: EventTime;
  participants: StoredParticipant[];
}

export interface MapPoint {
  entityId: string;
  name: string;
  type: EntityType;
  iso2?: string;
  lat?: number;
  lon?: number;
  /** Events located here (role `place`). */
  eventCount: number;
  /** Events this entity takes part in any other role (countries as actors). */
  actorCount: number;
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  /** Events the entity takes part in. */
  weight: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** `co_participant`: both in one event; `instrument_partner`: an instrument and an actor around it. */
  kind: 'co_participant' | 'instrument_partner';
  /** Number of shared events. */
  weight: number;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilter {
  /** Only this entity and its neighbours. */
  entityId?: string;
  type?: EventType;
  /** Default 300 nodes, highest weight first. */
  limit?: number;
}

export type SearchKind = 'document' | 'entity' | 'event';

export interface SearchQuery extends PageRequest {
  /** Words as a user types them; every word must match (last word as prefix). */
  q: string;
  kinds?: SearchKind[];
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Short excerpt with the matches wrapped in `[` `]`. */
  snippet: string;
  /** Lower is better; only meaningful within one result list. */
  rank: number;
}

export interface DashboardCounts {
  documents: number;
  entitiesByType: Record<EntityType, number>;
  eventsByType: Record<EventType, number>;
  /** Keys are statuses; events without one count under `none`. */
  eventsByStatus: Record<string, number>;
  /** Draft entities + events + quotes. */
  reviewQueue: number;
  /** Meetings and sessions starting on/after `today`, soonest first (at most 20). */
  upcomingMeetings: EventSummary[];
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
  /** Merged into the existing attributes; a key set to null is removed. */
  attributes?: { [K in keyof EntityAttributes]?: EntityAttributes[K] | null };
}

export interface EventTimeInput {
  start: string;
  end: string;
  precision: Precision;
  iso: string;
  tense: Tense;
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
  participants?: { entityId: string; role: Role }[];
}

export interface SplitEntityInput {
  /** Name of the new entity. */
  name: string;
  type?: EntityType;
  /** Mentions of the original to move to the new entity. */
  mentionIds?: string[];
  /** Aliases of the original to move to the new entity. */
  aliases?: string[];
  /** Event participations of the original to move (participant ids). */
  participantIds?: string[];
}

export interface HistoryEntry {
  id: string;
  at: string;
  user: string;
  recordKind: RecordKind;
  recordId: string;
  /** create | edit | review | merge | split | add_participant | remove_participant */
  action: string;
  /** Field name for edits; empty for whole-record actions. */
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryFilter extends PageRequest {
  recordKind?: RecordKind;
  recordId?: string;
  user?: string;
}

export interface ReviewQueueFilter extends PageRequest {
  kind?: RecordKind;
  documentId?: string;
}

export interface ReviewItem {
  kind: RecordKind;
  id: string;
  /** Entity name, event label or quote text. */
  title: string;
  /** Entity type or event type; `quote` for quotes. */
  subtype: string;
  documentId?: string;
  evidence?: StoredEvidence;
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
  /** Lets ingest skip extraction entirely for a text it has already stored. */
  findDocumentIdByHash(contentHash: string): Promise<string | undefined>;
  getDocument(id: string): Promise<DocumentDetail | undefined>;
  /** Newest publication date first. */
  listDocuments(page?: PageRequest): Promise<Page<DocumentSummary>>;

  // entities
  listEntities(filter?: EntityFilter): Promise<Page<EntitySummary>>;
  /** Follows merges: the id of an entity merged away returns the entity it went into. */
  getEntity(id: string): Promise<EntityDetail | undefined>;

  // events
  listEvents(filter?: EventFilter): Promise<Page<EventSummary>>;
  getEvent(id: string): Promise<EventDetail | undefined>;

  // views
  /** Dated events in time order (start, then end). */
  timeline(filter?: TimelineFilter): Promise<TimelineItem[]>;
  /** Places and countries that have coordinates or an ISO code, with event counts. */
  mapData(): Promise<MapPoint[]>;
  graph(filter?: GraphFilter): Promise<GraphData>;
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  /** `today` comes from the caller's clock (YYYY-MM-DD) so the store stays clock-free. */
  counts(today: string): Promise<DashboardCounts>;

  // review
  reviewQueue(filter?: ReviewQueueFilter): Promise<Page<ReviewItem>>;
  /** Returns false when the record does not exist. */
  setReviewState(ctx: RequestContext, ref: RecordRef, state: ReviewState): Promise<boolean>;
  updateEntity(ctx: RequestContext, id: string, patch: EntityPatch): Promise<EntityDetail | undefined>;
  updateEvent(ctx: RequestContext, id: string, patch: EventPatch): Promise<EventDetail | undefined>;
  updateQuote(ctx: RequestContext, id: string, patch: QuotePatch): Promise<StoredQuote | undefined>;
  addParticipant(ctx: RequestContext, eventId: string, entityId: string, role: Role): Promise<StoredParticipant | undefined>;
  removeParticipant(ctx: RequestContext, participantId: string): Promise<boolean>;
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
