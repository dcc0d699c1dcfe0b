import type { Config } from '../config.js';
import type { RequestContext } from '../storage/index.js';
import type { IngestService, QueryService, ReviewService } from '../services/index.js';
import { loadServices, loadStorage } from './modules.js';

/** The services the data commands call (the same ones the API calls), bound to one store and user. */
export interface Runtime {
  readonly ctx: RequestContext;
  readonly dialect: 'sqlite' | 'postgres';
  readonly query: QueryService;
  readonly review: ReviewService;
  readonly ingest: IngestService;
}

/** Opens the configured database, runs `work`, and always closes the database again. */
export async function withRuntime<T>(config: Config, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const [{ openStore }, services] = await Promise.all([loadStorage(), loadServices()]);
  const store = await openStore(config);
  try {
    return await work({
      ctx: { user: config.user },
      dialect: store.capabilities.dialect,
      query: services.createQueryService({ store }),
      review: services.createReviewService({ store }),
      ingest: services.createIngestService({ store, maxBytes: config.maxInputBytes }),
    });
  } finally {
    await store.close();
  }
}
