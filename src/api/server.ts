import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Store } from '../storage/index.js';
import { createApp, type LiaisonApp } from './app.js';
import { createApiServices } from './create-api-services.js';
import { seedSampleCorpus } from './sample-corpus.js';

export interface StartServerOptions {
  config: Config;
  store: Store;
  clock?: () => Date;
  /** Overrides config.port (0 picks a free port, as the benchmark does). */
  port?: number;
  /** Ingest `eval/*.txt` when the database is empty; default true. */
  seedSample?: boolean;
  /** Where progress lines go; default stdout. */
  log?: (line: string) => void;
}

export interface RunningServer {
  app: LiaisonApp;
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API and the built web UI (`web/dist`) on one port. The caller owns the store
 * and closes it after `close()`.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, store } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const services = createApiServices(store, config, options.clock);
  if (options.seedSample ?? true) {
    await seedSampleCorpus(services, { user: config.user }, join(config.repoRoot, 'eval'), log);
  }
  const app = createApp({
    config,
    store,
    services,
    clock: options.clock,
    webDist: join(config.repoRoot, 'web', 'dist'),
    logger: { level: 'warn' },
  });
  const port = options.port ?? config.port;
  await app.listen({ port, host: config.host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${actualPort}`;
  log(`Liaison is serving ${url} (API docs at ${url}/api/docs)`);
  return { app, url, close: () => app.close() };
}
