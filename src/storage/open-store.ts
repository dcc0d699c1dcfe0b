import type { Store } from './port.js';
import { openPostgresStore } from './postgres/index.js';
import { DEFAULT_SQLITE_FILE, openSqliteStore } from './sqlite/index.js';

/**
 * Where the record lives. A postgres:// URL selects PostgreSQL, otherwise the SQLite
 * file is used. Accepts the app Config as is (`databaseUrl`, `dbFile`) as well as the
 * short names, so callers need no mapping.
 */
export interface OpenStoreOptions {
  url?: string;
  file?: string;
  databaseUrl?: string;
  dbFile?: string;
  now?: () => string;
}

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//i.test(url.trim());
}

export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const url = opts.url ?? opts.databaseUrl;
  if (url && isPostgresUrl(url)) return openPostgresStore({ url: url.trim(), now: opts.now });
  const file = opts.file ?? opts.dbFile ?? (url && url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : undefined);
  return openSqliteStore({ file: file ?? DEFAULT_SQLITE_FILE, now: opts.now });
}
