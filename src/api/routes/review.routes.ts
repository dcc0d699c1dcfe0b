import type { ReviewState } from '../../domain/index.js';
import type { RecordKind, ReviewItem } from '../../storage/index.js';
import type { RouteSpec } from '../route-spec.js';
import { contextOf, defined, foundOrThrow, type RouteDeps } from '../route-deps.js';
import { sentenceFiller } from '../evidence-context.js';
import { id, object, page, pageQuery, query, recordKind, reviewState, schemaRef } from '../schemas.js';

const reviewParams = object({ kind: recordKind, id }, ['kind', 'id']);

export function reviewRoutes(deps: RouteDeps): RouteSpec[] {
  const decide = (state: ReviewState, verb: 'confirm' | 'reject'): RouteSpec => ({
    method: 'POST',
    url: `/api/review/:kind/:id/${verb}`,
    operationId: `${verb}Record`,
    summary: `${verb === 'confirm' ? 'Confirm' : 'Reject'} a machine-proposed entity, event or quote (kept in history).`,
    tag: 'review',
    schema: { params: reviewParams },
    // Not handed to Fastify: a bare POST with no body at all must stay valid.
    optionalBody: object({ note: { type: 'string', maxLength: 2000 } }),
    responses: { 200: { description: 'The new review state', schema: schemaRef('ReviewResult') } },
    problems: [400, 404],
    handler: async (request) => {
      const { kind, id: recordId } = request.params as { kind: RecordKind; id: string };
      // The body is optional; a note, when sent, is kept with the history row.
      const raw = (request.body as { note?: unknown } | null | undefined)?.note;
      const note = typeof raw === 'string' && raw.length <= 2000 ? raw : undefined;
      return foundOrThrow(await deps.services.setReviewState(contextOf(deps, request), { kind, id: recordId }, state, note), kind, recordId);
    },
  });
  const confirm = decide('confirmed', 'confirm');
  const reject = decide('rejected', 'reject');

  return [
    {
      method: 'GET',
      url: '/api/review',
      operationId: 'listReviewQueue',
      summary: 'Records waiting for review (drafts by default), with their first evidence and its sentence.',
      tag: 'review',
      schema: { querystring: query({ state: { ...reviewState, default: 'draft' }, kind: recordKind, document: id, ...pageQuery() }) },
      responses: { 200: { description: 'A page of review items', schema: page(schemaRef('ReviewItem')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { state: ReviewState; kind?: RecordKind; document?: string; limit: number; offset: number };
        const ctx = contextOf(deps, request);
        const result = await deps.services.reviewQueue(ctx, defined({ state: q.state, kind: q.kind, documentId: q.document, limit: q.limit, offset: q.offset }));
        const fill = sentenceFiller((documentId) => deps.services.getDocumentText(ctx, documentId));
        const items: ReviewItem[] = await Promise.all(result.items.map(async (item) => ({ ...item, evidence: await fill(item.evidence) })));
        return { ...result, items };
      },
    },
    confirm,
    reject,
    {
      method: 'GET',
      url: '/api/history',
      operationId: 'listHistory',
      summary: 'Edits, reviews, merges and splits, newest first: who, when, before and after.',
      tag: 'review',
      schema: { querystring: query({ kind: { type: 'string', enum: ['entity', 'event', 'quote', 'document'] }, id, user: { type: 'string', maxLength: 200 }, ...pageQuery() }) },
      responses: { 200: { description: 'A page of history entries', schema: page(schemaRef('HistoryEntry')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { kind?: RecordKind | 'document'; id?: string; user?: string; limit: number; offset: number };
        return deps.services.history(contextOf(deps, request), defined({ kind: q.kind, recordId: q.id, user: q.user, limit: q.limit, offset: q.offset }));
      },
    },
  ];
}
