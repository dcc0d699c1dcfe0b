import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta } from '../domain/index.js';
import type { RequestContext } from '../storage/index.js';
import type { ApiServices } from './api-services.js';

export interface SampleText {
  name: string;
  text: string;
  meta: DocumentMeta;
}

/** Reads `DIR/NAME.txt`, taking the publication date and outlet from `NAME.gold.json` when there is one. */
export async function readSampleCorpus(dir: string): Promise<SampleText[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  const out: SampleText[] = [];
  for (const file of files) {
    const name = file.slice(0, -'.txt'.length);
    const text = await readFile(join(dir, file), 'utf8');
    const meta: DocumentMeta = {};
    try {
      const gold = JSON.parse(await readFile(join(dir, `${name}.gold.json`), 'utf8')) as { source?: { published?: string; outlet?: string } };
      if (gold.source?.published) meta.published = gold.source.published;
      if (gold.source?.outlet) meta.outlet = gold.source.outlet;
    } catch {
      // No key (or an unreadable one): the pipeline looks for a date in the text itself.
    }
    out.push({ name, text, meta });
  }
  return out;
}

/**
 * On an empty database, ingests the bundled sample texts so a new user sees a populated
 * record. A text that fails is reported and skipped; it never stops the server.
 */
export async function seedSampleCorpus(
  services: ApiServices,
  ctx: RequestContext,
  dir: string,
  log: (line: string) => void,
): Promise<{ ingested: number; failed: number; skipped: boolean }> {
  const existing = await services.listDocuments(ctx, { limit: 1, offset: 0 });
  if (existing.total > 0) return { ingested: 0, failed: 0, skipped: true };
  let ingested = 0;
  let failed = 0;
  const samples = await readSampleCorpus(dir);
  if (samples.length > 0) log(`sample corpus: the database is empty, ingesting ${samples.length} texts from ${dir} …`);
  for (const sample of samples) {
    try {
      const outcome = await services.ingest(ctx, { text: sample.text, meta: sample.meta });
      if (!outcome.duplicate) ingested++;
    } catch (error) {
      failed++;
      log(`sample corpus: ${sample.name}.txt not ingested: ${(error as Error).message}`);
    }
  }
  log(`sample corpus: ingested ${ingested} documents${failed ? ` (${failed} failed)` : ''}`);
  return { ingested, failed, skipped: false };
}
