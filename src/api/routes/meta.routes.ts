import type { RouteSpec } from '../route-spec.js';
import type { RouteDeps } from '../route-deps.js';
import { schemaRef } from '../schemas.js';
import { buildOpenApi, type OpenApiDocument } from '../openapi.js';
import { DOCS_CSS, renderDocsPage } from '../docs-page.js';

/** Health and self-description. `allRoutes` is read lazily so the document lists every route. */
export function metaRoutes(deps: RouteDeps, allRoutes: () => readonly RouteSpec[]): RouteSpec[] {
  let cached: { doc: OpenApiDocument; html: string } | undefined;
  const described = () => {
    if (!cached) {
      const doc = buildOpenApi(allRoutes(), { version: deps.version });
      cached = { doc, html: renderDocsPage(doc) };
    }
    return cached;
  };
  return [
    {
      method: 'GET',
      url: '/api/health',
      operationId: 'getHealth',
      summary: 'Is the server up, and which database does it use.',
      tag: 'meta',
      responses: { 200: { description: 'Up', schema: schemaRef('Health') } },
      handler: async () => ({
        status: 'ok',
        version: deps.version,
        store: deps.services.storeKind,
        time: deps.clock().toISOString(),
      }),
    },
    {
      method: 'GET',
      url: '/api/openapi.json',
      operationId: 'getOpenApi',
      summary: 'This API described as OpenAPI 3.1, generated from the route table.',
      tag: 'meta',
      responses: { 200: { description: 'OpenAPI 3.1 document', schema: { type: 'object' } } },
      handler: async () => described().doc,
    },
    {
      method: 'GET',
      url: '/api/docs',
      operationId: 'getDocsPage',
      summary: 'The OpenAPI document as a browsable HTML page (no scripts, works offline).',
      tag: 'meta',
      responses: { 200: { description: 'HTML page', schema: { type: 'string' }, contentType: 'text/html' } },
      handler: async (_request, reply) => reply.type('text/html; charset=utf-8').send(described().html),
    },
    {
      method: 'GET',
      url: '/api/docs.css',
      operationId: 'getDocsStylesheet',
      summary: 'Stylesheet of the docs page (served separately: the CSP forbids inline styles).',
      tag: 'meta',
      responses: { 200: { description: 'CSS', schema: { type: 'string' }, contentType: 'text/css' } },
      handler: async (_request, reply) => reply.type('text/css; charset=utf-8').send(DOCS_CSS),
    },
  ];
}
