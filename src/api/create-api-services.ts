import type { Config } from '../config.js';
import { createIngestService, createQueryService, createReviewService, type IngestService } from '../services/index.js';
import type { RequestContext, Store } from '../storage/index.js';
import type { ApiServices } from './api-services.js';

/** Document texts kept for evidence sentences (a few KB each). */
const TEXT_CACHE_ENTRIES = 500;

/**
 * Fills the routes' service interface from the use cases in `src/services`, so the API
 * and the CLI run the same code for every read and write.
 */
export function createApiServices(store: Store, _config: Config, clock?: () => Date): ApiServices {
  const query = createQueryService({ store, clock });
  const review = createReviewService({ store, clock });
  let ingestService: IngestService | undefined;
  // The pipeline's gazetteers load on first use, so a read-only server never pays for them.
  const ingest = () => (ingestService ??= createIngestService({ store }));

  // Evidence needs only a document's text; the full detail costs hundreds of ms on a large
  // database. A store that offers `getDocumentText` (asked of storage) is used directly.
  const textOnly = (store as Store & { getDocumentText?: (id: string) => Promise<string | undefined> }).getDocumentText?.bind(store);
  // A stored text never changes (documents are keyed by content hash), so a small cache is safe.
  const texts = new Map<string, string>();
  const getDocumentText = async (ctx: RequestContext, id: string): Promise<string | undefined> => {
    const cached = texts.get(id);
    if (cached !== undefined) {
      texts.delete(id);
      texts.set(id, cached); // most recently used last
      return cached;
    }
    const text = textOnly ? await textOnly(id) : (await query.getDocument(ctx, id))?.text;
    if (text !== undefined) {
      texts.set(id, text);
      if (texts.size > TEXT_CACHE_ENTRIES) texts.delete(texts.keys().next().value as string);
    }
    return text;
  };

  return {
    storeKind: store.capabilities.dialect,
    ingest: (ctx, input) => ingest().ingestText(ctx, input.text, { ...input.meta, ...(input.format ? { format: input.format } : {}) }),
    listDocuments: (ctx, filter) => query.listDocuments(ctx, filter),
    getDocument: (ctx, id) => query.getDocument(ctx, id),
    getDocumentText,
    listEntities: (ctx, filter) => query.listEntities(ctx, filter),
    getEntity: (ctx, id) => query.getEntity(ctx, id),
    listEvents: (ctx, filter) => query.listEvents(ctx, filter),
    getEvent: (ctx, id) => query.getEvent(ctx, id),
    timeline: (ctx, filter) => query.timeline(ctx, filter),
    mapData: (ctx, filter) => query.mapData(ctx, filter),
    graph: (ctx, filter) => query.graph(ctx, filter),
    search: (ctx, q) => query.search(ctx, q),
    dashboard: (ctx, options) => query.dashboard(ctx, options),
    reviewQueue: (ctx, filter) => review.queue(ctx, filter),
    history: (ctx, filter) => review.history(ctx, filter),
    setReviewState: (ctx, ref, state, note) => review.setState(ctx, ref.kind, ref.id, state, note),
    createEntity: (ctx, input) => review.createEntity(ctx, input),
    updateEntity: (ctx, id, patch) => review.editEntity(ctx, id, patch),
    mergeEntities: (ctx, intoId, fromId) => review.mergeEntities(ctx, intoId, fromId),
    splitEntity: (ctx, id, input) => review.splitEntity(ctx, id, input),
    createEvent: (ctx, input) => review.createEvent(ctx, input),
    updateEvent: (ctx, id, patch) => review.editEvent(ctx, id, patch),
  };
}
