export { openPostgresStore, postgresMigrations } from './postgres.store.js';
export type { PostgresStoreOptions } from './postgres.store.js';
