import { COMPONENT_SCHEMAS, schemaRef, type JsonSchema } from './schemas.js';
import { API_ERROR_CODES, describeCode } from './problem.js';
import type { RouteSpec } from './route-spec.js';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, OpenApiOperation>>;
};

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

/** `/api/entities/:id` → `/api/entities/{id}`. */
export function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parametersOf(where: 'path' | 'query', schema: JsonSchema | undefined): OpenApiParameter[] {
  if (!schema) return [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

function operationOf(route: RouteSpec): OpenApiOperation {
  const parameters = [...parametersOf('path', route.schema?.params), ...parametersOf('query', route.schema?.querystring)];
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { [r.contentType ?? 'application/json']: { schema: r.schema } } }
      : { description: r.description };
  }
  for (const status of route.problems ?? []) {
    responses[String(status)] = {
      description: 'Problem details (RFC 9457)',
      content: { 'application/problem+json': { schema: schemaRef('Problem') } },
    };
  }
  const op: OpenApiOperation = { operationId: route.operationId, summary: route.summary, tags: [route.tag], responses };
  if (parameters.length > 0) op.parameters = parameters;
  if (route.schema?.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: route.schema.body }, ...Object.fromEntries(Object.entries(route.bodyContentTypes ?? {}).map(([t, s]) => [t, { schema: s }])) },
    };
  }
  if (!op.requestBody && route.optionalBody) {
    op.requestBody = { required: false, content: { 'application/json': { schema: route.optionalBody } } };
  }
  return op;
}

/** Builds the OpenAPI 3.1 document from the very route table the app registers. */
export function buildOpenApi(routes: readonly RouteSpec[], info: { version: string }): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.url);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Liaison API',
      version: info.version,
      description: 'A sourced, dated record of diplomacy extracted from news texts. Errors are RFC 9457 problem details; lists are paginated as { items, total, limit, offset }.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      // Listed so the docs page can explain every `code` a client may meet.
      'x-problem-codes': API_ERROR_CODES.map((code) => ({ code, ...describeCode(code) })),
    },
  };
}
