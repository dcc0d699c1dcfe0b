import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { openStore, type Store } from '../../src/storage/index.js';

export { SEED_ARTICLE as SEED_PATH } from '../shared-files.js';
export const SEED_PUBLISHED = '2025-04-02';

export interface TempStore {
  dir: string;
  config: Config;
  store: Store;
  cleanup(): Promise<void>;
}

/** A real SQLite file in a fresh temporary folder, with a config pointing at it. */
export async function openTempStore(env: Record<string, string> = {}): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-api-'));
  const file = join(dir, 'liaison.db');
  const config = loadConfig({ LIAISON_DB: file, LIAISON_USER: 'tester', ...env }, dir);
  const store = await openStore({ file });
  return {
    dir,
    config,
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body as a browser would send it. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; content: Buffer }) {
  const boundary = '----liaison-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
