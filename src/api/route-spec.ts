import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JsonSchema } from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One route: what Fastify registers and what the OpenAPI document says about it. Keeping
 * both in one object is what lets the test prove every served route is documented.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** Fastify path syntax (`/api/entities/:id`). */
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  schema?: {
    params?: JsonSchema;
    querystring?: JsonSchema;
    body?: JsonSchema;
  };
  /** A request body that may be left out (documented only; the handler reads it defensively). */
  optionalBody?: JsonSchema;
  /** Extra request content types besides JSON (documented only; the route parses them). */
  bodyContentTypes?: Record<string, JsonSchema>;
  /** Status → description and JSON schema of the success response (documentation). */
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>;
  /** Error codes this route is known to answer with (documentation). */
  problems?: number[];
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** Runs before validation: lets a route turn a multipart upload into a JSON-like body. */
  preValidation?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  bodyLimit?: number;
}
