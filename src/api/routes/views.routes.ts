import countries from 'i18n-iso-countries';
import type { EventType } from '../../domain/index.js';
import type { SearchKind } from '../../storage/index.js';
import { ApiError } from '../api.error.js';
import type { RouteSpec } from '../route-spec.js';
import { contextOf, defined, type RouteDeps } from '../route-deps.js';
import { day, eventType, id, page, pageQuery, query, schemaRef, SEARCH_KINDS } from '../schemas.js';

function checkRange(from?: string, to?: string): void {
  if (from && to && from > to) throw new ApiError('invalid_date', `"from" (${from}) is after "to" (${to}): swap them.`);
}

export function viewRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'GET',
      url: '/api/timeline',
      operationId: 'getTimeline',
      summary: 'Dated events in time order, for a timeline; filter by entity, event type and dates.',
      tag: 'views',
      schema: { querystring: query({ entity: id, type: eventType, from: day, to: day, ...pageQuery(500, 2000) }) },
      responses: { 200: { description: 'A page of timeline items', schema: page(schemaRef('TimelineItem')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { entity?: string; type?: EventType; from?: string; to?: string; limit: number; offset: number };
        checkRange(q.from, q.to);
        return deps.services.timeline(contextOf(deps, request), defined({ entityId: q.entity, type: q.type, from: q.from, to: q.to, limit: q.limit, offset: q.offset }));
      },
    },
    {
      method: 'GET',
      url: '/api/map',
      operationId: 'getMap',
      summary: 'Places with coordinates and their events; countries by ISO code with activity counts (isoNumeric matches world-atlas feature ids).',
      tag: 'views',
      schema: { querystring: query({ type: eventType, from: day, to: day }) },
      responses: { 200: { description: 'Map data', schema: schemaRef('MapData') } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { type?: EventType; from?: string; to?: string };
        checkRange(q.from, q.to);
        const data = await deps.services.mapData(contextOf(deps, request), defined({ ...q }));
        return {
          ...data,
          countries: data.countries.map((c) => {
            const numeric = countries.alpha2ToNumeric(c.iso2);
            return numeric ? { ...c, isoNumeric: numeric } : c;
          }),
        };
      },
    },
    {
      method: 'GET',
      url: '/api/graph',
      operationId: 'getGraph',
      summary: 'Who meets whom and which instruments serve which partners: entity nodes and typed edges.',
      tag: 'views',
      schema: { querystring: query({ entity: id, type: eventType, limit: { type: 'integer', minimum: 1, maximum: 2000, default: 200 } }) },
      responses: { 200: { description: 'Graph data', schema: schemaRef('GraphData') } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { entity?: string; type?: EventType; limit: number };
        return deps.services.graph(contextOf(deps, request), defined({ entityId: q.entity, type: q.type, limit: q.limit }));
      },
    },
    {
      method: 'GET',
      url: '/api/search',
      operationId: 'search',
      summary: 'Full-text search across documents, entities and events; every word must match, the last as a prefix.',
      tag: 'views',
      schema: {
        querystring: query({ q: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' }, kind: { type: 'string', enum: [...SEARCH_KINDS] }, ...pageQuery() }, ['q']),
      },
      responses: { 200: { description: 'A page of hits, best first', schema: page(schemaRef('SearchHit')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { q: string; kind?: SearchKind; limit: number; offset: number };
        return deps.services.search(contextOf(deps, request), defined({ q: q.q, kinds: q.kind ? [q.kind] : undefined, limit: q.limit, offset: q.offset }));
      },
    },
    {
      method: 'GET',
      url: '/api/dashboard',
      operationId: 'getDashboard',
      summary: 'Upcoming meetings with their sessions, proposals by status, latest documents, review-queue size and counts.',
      tag: 'views',
      schema: { querystring: query({ days: { type: 'integer', minimum: 1, maximum: 3660, default: 60 } }) },
      responses: { 200: { description: 'Dashboard data', schema: schemaRef('Dashboard') } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { days: number };
        return deps.services.dashboard(contextOf(deps, request), { days: q.days });
      },
    },
  ];
}
