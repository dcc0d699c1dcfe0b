export { openSqliteStore, DEFAULT_SQLITE_FILE, sqliteMigrations } from './sqlite.store.js';
export type { SqliteStoreOptions } from './sqlite.store.js';
