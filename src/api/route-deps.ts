import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { RequestContext } from '../storage/index.js';
import { ApiError } from './api.error.js';
import type { ApiServices } from './api-services.js';

/** What every route module receives: built once in `createApp`, never global. */
export interface RouteDeps {
  services: ApiServices;
  config: Config;
  clock: () => Date;
  version: string;
}

/**
 * The request context every service call carries. One local user for now; access control
 * will read the user from the request here and nowhere else.
 */
export function contextOf(deps: RouteDeps, _request: FastifyRequest): RequestContext {
  return { user: deps.config.user || 'local' };
}

export function foundOrThrow<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new ApiError('not_found', `No ${what} has the id "${id}". It may have been merged or never existed: list ${what === 'entity' ? 'entities' : `${what}s`} to find it.`);
  return value;
}

/** Drops keys whose value is undefined, so service filters see only what was asked. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
