import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Liaison</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><h1>Liaison</h1>
<p>The API is running, but the web UI has not been built yet.</p>
<p>Run <code>npm run build:web</code> and reload this page. Meanwhile the API is described at <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;

export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply;

/**
 * Serves the built UI from `distDir` and returns what to answer for a page path that
 * matches no file: index.html, so client-side routes survive a reload (or, before the UI
 * is built, a page saying how to build it).
 */
export function registerWebUi(app: FastifyInstance, distDir: string): { built: boolean; fallback: PageFallback } {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    void app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: true, index: 'index.html' });
    return { built, fallback: (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html') };
  }
  return { built, fallback: (_request, reply) => reply.code(200).type('text/html; charset=utf-8').send(WEB_NOT_BUILT_PAGE) };
}
