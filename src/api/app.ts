import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import type { Config } from '../config.js';
import type { Store } from '../storage/index.js';
import type { ApiServices } from './api-services.js';
import { createApiServices } from './create-api-services.js';
import { installErrorHandlers } from './error-handler.js';
import { installSecurityHeaders } from './security.js';
import { registerWebUi } from './web-ui.js';
import type { RouteSpec } from './route-spec.js';
import type { RouteDeps } from './route-deps.js';
import { MAX_TEXT_BYTES, documentRoutes } from './routes/documents.routes.js';
import { entityRoutes } from './routes/entities.routes.js';
import { eventRoutes } from './routes/events.routes.js';
import { metaRoutes } from './routes/meta.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { viewRoutes } from './routes/views.routes.js';

export interface CreateAppOptions {
  config: Config;
  store: Store;
  /** Defaults to the system clock; tests pass a fixed one so "upcoming" is stable. */
  clock?: () => Date;
  /** Defaults to services built over `store`; a test may pass its own. */
  services?: ApiServices;
  /** Directory of the built web UI; when set, it is served beside the API (see server.ts). */
  webDist?: string;
  /** Fastify logger option; off by default (the server turns it on). */
  logger?: FastifyServerOptions['logger'];
}

export type LiaisonApp = FastifyInstance & {
  /** The route table the OpenAPI document is generated from. */
  liaisonRoutes: readonly RouteSpec[];
  /** Every route Fastify actually registered (plugins included), as `METHOD url`. */
  registeredRoutes: readonly { method: string; url: string }[];
};

function packageVersion(repoRoot: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The whole route table, in the order the docs list it. */
export function buildRoutes(deps: RouteDeps): RouteSpec[] {
  const routes: RouteSpec[] = [];
  routes.push(
    ...metaRoutes(deps, () => routes),
    ...documentRoutes(deps),
    ...entityRoutes(deps),
    ...eventRoutes(deps),
    ...viewRoutes(deps),
    ...reviewRoutes(deps),
  );
  return routes;
}

/**
 * Assembles the HTTP API without listening, so tests drive it with `app.inject` and the
 * server adds static files and a port on top.
 */
export function createApp(options: CreateAppOptions): LiaisonApp {
  const clock = options.clock ?? (() => new Date());
  const deps: RouteDeps = {
    config: options.config,
    clock,
    services: options.services ?? createApiServices(options.store, options.config, clock),
    version: packageVersion(options.config.repoRoot),
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Closing the server must not wait on a browser's idle keep-alive connections.
    forceCloseConnections: 'idle',
    // Unknown fields are an error, not silently dropped: a typo in a client must show.
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
  });
  const registered: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.push({ method, url: route.url });
  });
  // The API speaks JSON and multipart only; a bare text/plain body is a client mistake (415).
  app.removeContentTypeParser('text/plain');
  installSecurityHeaders(app);
  const web = options.webDist ? registerWebUi(app, options.webDist) : undefined;
  installErrorHandlers(app, web?.fallback);
  void app.register(multipart, { limits: { fileSize: MAX_TEXT_BYTES, files: 1, fields: 10 } });

  const routes = buildRoutes(deps);
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      schema: spec.schema,
      handler: spec.handler,
      ...(spec.preValidation ? { preValidation: spec.preValidation } : {}),
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    });
  }
  return Object.assign(app, { liaisonRoutes: routes as readonly RouteSpec[], registeredRoutes: registered as readonly { method: string; url: string }[] });
}
