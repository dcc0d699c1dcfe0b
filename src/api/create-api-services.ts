import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { RequestContext, Store } from '../storage/index.js';
import { ApiError } from './api.error.js';
import type { ApiServices, IngestInput, IngestOutcome } from './api-services.js';

/**
 * Fills the routes' service interface over a store. Reads and review actions pass the
 * request context through to the store, which records the user in history.
 */
export function createApiServices(store: Store, _config: Config): ApiServices {
  async function ingest(ctx: RequestContext, input: IngestInput): Promise<IngestOutcome> {
    const hash = createHash('sha256').update(input.text).digest('hex');
    const existing = await store.findDocumentIdByHash(hash);
    if (existing) return { duplicate: true, documentId: existing };
    // Loaded on first ingest: the gazetteers are large and a read-only server never needs them.
    const { extract } = await import('../pipeline/index.js');
    const extraction = extract(input.text, { ...input.meta, ...(input.format ? { format: input.format } : {}) });
    if (extraction.text.trim() === '') {
      throw new ApiError('empty_text', 'The text has no readable content once markup is removed: paste the article body itself.');
    }
    const saved = await store.saveExtraction(
      {
        contentHash: hash,
        title: extraction.source.title,
        outlet: extraction.source.outlet,
        url: extraction.source.url,
        dateline: extraction.source.dateline,
        published: extraction.source.published,
        ingestedBy: ctx.user,
      },
      extraction,
    );
    return { duplicate: saved.status === 'duplicate', documentId: saved.documentId };
  }

  return {
    storeKind: store.capabilities.dialect,
    ingest,
    listDocuments: (_ctx, filter) => store.listDocuments(filter),
    getDocument: (_ctx, id) => store.getDocument(id),
    listEntities: (_ctx, filter) => store.listEntities(filter),
    getEntity: (_ctx, id) => store.getEntity(id),
    listEvents: (_ctx, filter) => store.listEvents(filter),
    getEvent: (_ctx, id) => store.getEvent(id),
    timeline: (_ctx, filter) => store.timeline(filter),
    mapData: (_ctx, filter) => store.mapData(filter),
    graph: (_ctx, filter) => store.graph(filter),
    search: (_ctx, query) => store.search(query),
    dashboard: (_ctx, query) => store.dashboard(query),
    reviewQueue: (_ctx, filter) => store.reviewQueue(filter),
    history: (_ctx, filter) => store.history(filter),
    setReviewState: (ctx, ref, state, note) => store.setReviewState(ctx, ref, state, note),
    createEntity: (ctx, input) => store.createEntity(ctx, input),
    updateEntity: (ctx, id, patch) => store.updateEntity(ctx, id, patch),
    mergeEntities: (ctx, intoId, fromId) => store.mergeEntities(ctx, intoId, fromId),
    splitEntity: (ctx, id, input) => store.splitEntity(ctx, id, input),
    createEvent: (ctx, input) => store.createEvent(ctx, input),
    updateEvent: (ctx, id, patch) => store.updateEvent(ctx, id, patch),
  };
}
