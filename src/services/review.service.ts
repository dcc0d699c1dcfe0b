/**
 * Reviewing and correcting the record. Every call names its user (RequestContext); the
 * store keeps each change as history. This layer turns "no such record" into
 * NotFoundError and accepts dates in the forms people type.
 */
import type { ReviewState } from '../domain/index.js';
import type {
  EntityDetail,
  EntityPatch,
  EventDetail,
  EventPatch,
  HistoryEntry,
  HistoryFilter,
  NewEntity,
  NewEvent,
  Page,
  QuotePatch,
  RecordKind,
  RequestContext,
  ReviewItem,
  ReviewQueueFilter,
  ReviewResult,
  SplitEntityInput,
  Store,
  StoredQuote,
} from '../storage/index.js';
import { parseEventDate } from './dates.js';
import { NotFoundError, ValidationError } from './service.errors.js';

export interface ReviewServiceDeps {
  store: Store;
  clock?: () => Date;
}

/** A new event as people write it: `date` in eval form instead of a resolved interval. */
export type NewEventInput = Omit<NewEvent, 'time' | 'sessions'> & {
  date?: string;
  sessions?: (Omit<NewEvent, 'time' | 'sessions' | 'parentId'> & { date?: string })[];
};

export type EventPatchInput = Omit<EventPatch, 'time'> & { date?: string | null };

export interface ReviewService {
  queue(ctx: RequestContext, filter?: ReviewQueueFilter): Promise<Page<ReviewItem>>;
  setState(ctx: RequestContext, kind: RecordKind, id: string, state: ReviewState, note?: string): Promise<ReviewResult>;
  confirm(ctx: RequestContext, kind: RecordKind, id: string, note?: string): Promise<ReviewResult>;
  reject(ctx: RequestContext, kind: RecordKind, id: string, note?: string): Promise<ReviewResult>;
  editEntity(ctx: RequestContext, id: string, patch: EntityPatch): Promise<EntityDetail>;
  editEvent(ctx: RequestContext, id: string, patch: EventPatchInput): Promise<EventDetail>;
  editQuote(ctx: RequestContext, id: string, patch: QuotePatch): Promise<StoredQuote>;
  /** `fromId` goes into `intoId`; returns the survivor. */
  mergeEntities(ctx: RequestContext, intoId: string, fromId: string): Promise<EntityDetail>;
  splitEntity(ctx: RequestContext, id: string, input: SplitEntityInput): Promise<{ original: EntityDetail; created: EntityDetail }>;
  createEntity(ctx: RequestContext, input: NewEntity): Promise<EntityDetail>;
  createEvent(ctx: RequestContext, input: NewEventInput): Promise<EventDetail>;
  history(ctx: RequestContext, filter?: HistoryFilter): Promise<Page<HistoryEntry>>;
}

export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);
  const missing = (what: string, id: string) => new NotFoundError(`No ${what} with id ${id}.`, { id });

  const service: ReviewService = {
    queue: (_ctx, filter) => store.reviewQueue(filter),
    async setState(ctx, kind, id, state, note) {
      const result = await store.setReviewState(ctx, { kind, id }, state, note);
      if (!result) throw missing(kind, id);
      return result;
    },
    confirm: (ctx, kind, id, note) => service.setState(ctx, kind, id, 'confirmed', note),
    reject: (ctx, kind, id, note) => service.setState(ctx, kind, id, 'rejected', note),
    async editEntity(ctx, id, patch) {
      if (Object.keys(patch ?? {}).length === 0) throw new ValidationError('invalid_edit', 'Nothing to change: give at least one of name, type, aliases, attributes.');
      const e = await store.updateEntity(ctx, id, patch);
      if (!e) throw missing('entity', id);
      return e;
    },
    async editEvent(ctx, id, input) {
      const { date, ...rest } = input ?? {};
      const patch: EventPatch = { ...rest };
      if (date !== undefined) patch.time = date === null ? null : parseEventDate(date, today());
      if (Object.keys(patch).length === 0) throw new ValidationError('invalid_edit', 'Nothing to change: give at least one field of the event.');
      const e = await store.updateEvent(ctx, id, patch);
      if (!e) throw missing('event', id);
      return e;
    },
    async editQuote(ctx, id, patch) {
      const q = await store.updateQuote(ctx, id, patch);
      if (!q) throw missing('quote', id);
      return q;
    },
    async mergeEntities(ctx, intoId, fromId) {
      if (intoId === fromId) throw new ValidationError('invalid_edit', `Cannot merge entity ${intoId} into itself: pick two different entities.`);
      const e = await store.mergeEntities(ctx, intoId, fromId);
      if (!e) throw new NotFoundError(`No entity with id ${(await store.getEntity(intoId)) ? fromId : intoId}.`);
      return e;
    },
    async splitEntity(ctx, id, input) {
      const moved = (input?.mentionIds?.length ?? 0) + (input?.aliases?.length ?? 0) + (input?.participantIds?.length ?? 0);
      if (moved === 0) throw new ValidationError('invalid_edit', 'A split needs something to move: choose mentions or aliases of the entity.');
      const r = await store.splitEntity(ctx, id, input);
      if (!r) throw missing('entity', id);
      return r;
    },
    createEntity: (ctx, input) => store.createEntity(ctx, input),
    async createEvent(ctx, input) {
      const { date, sessions, ...rest } = input;
      const event: NewEvent = { ...rest };
      if (date !== undefined) event.time = parseEventDate(date, today());
      if (sessions) {
        event.sessions = sessions.map(({ date: d, ...s }) => (d !== undefined ? { ...s, time: parseEventDate(d, today()) } : s));
      }
      return store.createEvent(ctx, event);
    },
    history: (_ctx, filter) => store.history(filter),
  };
  return service;
}
