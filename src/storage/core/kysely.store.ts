/**
 * The Store, written once on Kysely. An adapter hands it a Kysely instance, its
 * capabilities, its full-text dialect and an optional write lock; everything else is
 * shared, so both databases behave the same by construction.
 */
import type { Extraction, ReviewState } from '../../domain/index.js';
import type {
  Dashboard,
  DashboardQuery,
  DocumentDetail,
  DocumentFilter,
  DocumentSummary,
  EntityDetail,
  EntityFilter,
  EntityPatch,
  EntitySummary,
  EventDetail,
  EventFilter,
  EventPatch,
  EventSummary,
  GraphData,
  GraphFilter,
  HistoryEntry,
  HistoryFilter,
  MapData,
  MapFilter,
  NewDocument,
  NewEntity,
  NewEvent,
  Page,
  QuotePatch,
  RecordRef,
  RequestContext,
  ReviewItem,
  ReviewQueueFilter,
  ReviewResult,
  SaveResult,
  SearchHit,
  SearchQuery,
  SplitEntityInput,
  Store,
  StoreCapabilities,
  StoredQuote,
  TimelineFilter,
  TimelineItem,
} from '../port.js';
import { StoreError } from '../store.error.js';
import type { FullTextDialect } from './full-text.js';
import * as read from './read.queries.js';
import * as review from './review.commands.js';
import { quotesFrom, type Db } from './rows.js';
import { findDocumentIdByHash, saveExtraction } from './save-extraction.js';
import { StatementCache } from './statement-cache.js';

export interface KyselyStoreOptions {
  db: Db;
  capabilities: StoreCapabilities;
  fullText: FullTextDialect;
  /** Taken at the start of each ingest transaction (see StoreCapabilities.concurrentWriters). */
  lockForIngest?: (trx: Db) => Promise<void>;
  /** ISO timestamp source; injectable so tests can pin time. */
  now?: () => string;
  /** Releases what the adapter opened besides the Kysely instance. */
  onClose?: () => Promise<void>;
}

export class KyselyStore implements Store {
  readonly capabilities: StoreCapabilities;
  readonly #db: Db;
  readonly #fullText: FullTextDialect;
  readonly #lock?: (trx: Db) => Promise<void>;
  readonly #now: () => string;
  readonly #onClose?: () => Promise<void>;
  readonly #statements = new StatementCache();
  #closed = false;

  constructor(opts: KyselyStoreOptions) {
    this.#db = opts.db;
    this.capabilities = Object.freeze({ ...opts.capabilities });
    this.#fullText = opts.fullText;
    this.#lock = opts.lockForIngest;
    this.#now = opts.now ?? (() => new Date().toISOString());
    this.#onClose = opts.onClose;
  }

  get #cmd(): review.CommandContext {
    return { now: this.#now };
  }

  #open(): Db {
    if (this.#closed) throw new StoreError('unavailable', 'The store was closed; open a new one with openStore().');
    return this.#db;
  }

  saveExtraction(doc: NewDocument, extraction: Extraction): Promise<SaveResult> {
    const opts = { lock: this.#lock, now: this.#now, statements: this.#statements, copyDocumentText: !this.#fullText.readsDocumentText };
    return saveExtraction(this.#open(), opts, doc, extraction);
  }
  findDocumentIdByHash(contentHash: string): Promise<string | undefined> {
    return findDocumentIdByHash(this.#open(), this.#statements, contentHash);
  }
  getDocument(id: string): Promise<DocumentDetail | undefined> {
    return read.getDocument(this.#open(), id);
  }
  async getDocumentText(id: string): Promise<string | undefined> {
    const row = await this.#open().selectFrom('documents').select('text').where('id', '=', id).executeTakeFirst();
    return row?.text;
  }
  listDocuments(filter?: DocumentFilter): Promise<Page<DocumentSummary>> {
    return read.listDocuments(this.#open(), filter);
  }
  listEntities(filter?: EntityFilter): Promise<Page<EntitySummary>> {
    return read.listEntities(this.#open(), filter);
  }
  getEntity(id: string): Promise<EntityDetail | undefined> {
    return read.getEntity(this.#open(), id);
  }
  listEvents(filter?: EventFilter): Promise<Page<EventSummary>> {
    return read.listEvents(this.#open(), filter);
  }
  getEvent(id: string): Promise<EventDetail | undefined> {
    return read.getEvent(this.#open(), id);
  }
  timeline(filter?: TimelineFilter): Promise<Page<TimelineItem>> {
    return read.timeline(this.#open(), filter);
  }
  mapData(filter?: MapFilter): Promise<MapData> {
    return read.mapData(this.#open(), filter);
  }
  graph(filter?: GraphFilter): Promise<GraphData> {
    return read.graph(this.#open(), filter);
  }
  search(query: SearchQuery): Promise<Page<SearchHit>> {
    return read.search(this.#open(), this.#fullText, query);
  }
  dashboard(query: DashboardQuery): Promise<Dashboard> {
    return read.dashboard(this.#open(), query);
  }
  reviewQueue(filter?: ReviewQueueFilter): Promise<Page<ReviewItem>> {
    return read.reviewQueue(this.#open(), filter);
  }
  setReviewState(ctx: RequestContext, ref: RecordRef, state: ReviewState, note?: string): Promise<ReviewResult | undefined> {
    return review.setReviewState(this.#open(), this.#cmd, ctx, ref, state, note);
  }
  async updateEntity(ctx: RequestContext, id: string, patch: EntityPatch): Promise<EntityDetail | undefined> {
    return (await review.updateEntity(this.#open(), this.#cmd, ctx, id, patch)) ? this.getEntity(id) : undefined;
  }
  async updateEvent(ctx: RequestContext, id: string, patch: EventPatch): Promise<EventDetail | undefined> {
    return (await review.updateEvent(this.#open(), this.#cmd, ctx, id, patch)) ? this.getEvent(id) : undefined;
  }
  async updateQuote(ctx: RequestContext, id: string, patch: QuotePatch): Promise<StoredQuote | undefined> {
    if (!(await review.updateQuote(this.#open(), this.#cmd, ctx, id, patch))) return undefined;
    const row = await this.#db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return (await quotesFrom(this.#db, [row]))[0];
  }
  async mergeEntities(ctx: RequestContext, intoId: string, fromId: string): Promise<EntityDetail | undefined> {
    return (await review.mergeEntities(this.#open(), this.#cmd, ctx, intoId, fromId)) ? this.getEntity(intoId) : undefined;
  }
  async splitEntity(
    ctx: RequestContext,
    id: string,
    input: SplitEntityInput,
  ): Promise<{ original: EntityDetail; created: EntityDetail } | undefined> {
    const createdId = await review.splitEntity(this.#open(), this.#cmd, ctx, id, input);
    if (!createdId) return undefined;
    const [original, created] = await Promise.all([this.getEntity(id), this.getEntity(createdId)]);
    return { original: original!, created: created! };
  }
  async createEntity(ctx: RequestContext, input: NewEntity): Promise<EntityDetail> {
    const id = await review.createEntity(this.#open(), this.#cmd, ctx, input);
    return (await this.getEntity(id))!;
  }
  async createEvent(ctx: RequestContext, input: NewEvent): Promise<EventDetail> {
    const id = await review.createEvent(this.#open(), this.#cmd, ctx, input);
    return (await this.getEvent(id))!;
  }
  history(filter?: HistoryFilter): Promise<Page<HistoryEntry>> {
    return read.history(this.#open(), filter);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
    await this.#onClose?.();
  }
}
