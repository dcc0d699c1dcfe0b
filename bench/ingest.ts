import { loadConfig } from '../src/config.js';
import { createIngestService } from '../src/services/index.js';
import { openStore } from '../src/storage/index.js';
import { countWords } from './corpus.js';
import { timeLoop, type Timing } from './measure.js';

/**
 * Ingests every article, one at a time, into a fresh SQLite file through the same ingest
 * service the CLI and the API use: decode, extract, one transaction per document.
 */
export async function ingestCorpus(dbFile: string, articles: readonly string[], published: string): Promise<Timing> {
  const config = loadConfig({ LIAISON_DB: dbFile });
  const store = await openStore(config);
  try {
    const ingest = createIngestService({ store });
    const ctx = { user: 'bench' };
    let duplicates = 0;
    const timing = await timeLoop(articles, countWords, async (text) => {
      const outcome = await ingest.ingest(ctx, { text, meta: { published } });
      if (outcome.duplicate) duplicates++;
    });
    // Each article is distinct, so a duplicate means the corpus or the hashing is wrong.
    if (duplicates > 0) throw new Error(`${duplicates} articles were taken as duplicates: the benchmark corpus must hold distinct texts.`);
    return timing;
  } finally {
    await store.close();
  }
}
