import type { Config } from '../config.js';
import type { DocumentMeta, ReviewState } from '../domain/index.js';
import type { RecordRef, ReviewResult, Store } from '../storage/index.js';
import { loadServices, loadStorage } from './modules.js';

/** Read operations the CLI shows; the same ones the API serves. */
export type RecordReader = Pick<Store,
  'listDocuments' | 'getDocument' | 'listEntities' | 'getEntity' | 'listEvents' | 'getEvent' | 'timeline' | 'search' | 'reviewQueue'>;

/** What the data commands use: services bound to one store and one user. */
export interface Runtime {
  readonly records: RecordReader;
  readonly dialect: 'sqlite' | 'postgres';
  ingest(text: string, meta: DocumentMeta & { format?: 'text' | 'html' | 'markdown' }): Promise<{ duplicate: boolean; documentId: string }>;
  review(ref: RecordRef, state: ReviewState): Promise<ReviewResult | undefined>;
}

type IngestFn = (ctx: { user: string }, input: { text: string; meta: DocumentMeta }) => Promise<{ duplicate: boolean; documentId: string }>;

/** Opens the configured database, runs `work`, and always closes the database again. */
export async function withRuntime<T>(config: Config, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const storage = await loadStorage();
  const store = await storage.openStore(config);
  try {
    const user = { user: config.user };
    // The ingest service (and the pipeline behind it) loads only for commands that ingest.
    let ingestService: Promise<{ ingest: IngestFn }> | undefined;
    const runtime: Runtime = {
      records: store,
      dialect: store.capabilities.dialect,
      async ingest(text, meta) {
        ingestService ??= loadServices().then((s) => s.createIngestService({ store }));
        return (await ingestService).ingest(user, { text, meta });
      },
      review: (ref, state) => store.setReviewState(user, ref, state),
    };
    return await work(runtime);
  } finally {
    await store.close();
  }
}
