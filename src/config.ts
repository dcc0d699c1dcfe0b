import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from './domain/index.js';

/**
 * The only place that reads environment variables. Everything else receives a Config,
 * so tests and the CLI can build one explicitly and nothing changes behind their back.
 */
export interface Config {
  /** SQLite file used when no PostgreSQL URL is configured. Absolute path. */
  readonly dbFile: string;
  /** postgres:// URL; when set, PostgreSQL is used instead of the SQLite file. */
  readonly databaseUrl?: string;
  /** Port for `liaison serve` and the HTTP API. */
  readonly port: number;
  /** Host the HTTP API binds to; loopback by default because users work air-gapped. */
  readonly host: string;
  /** The extraction scorer (`../shared/eval/score.mjs` beside the repository by default). */
  readonly scorerPath: string;
  /** Root of this repository (where package.json lives). */
  readonly repoRoot: string;
  /** Largest text file accepted for ingest, in bytes; bigger files are refused before reading. */
  readonly maxInputBytes: number;
  /** Who edits and history rows name; one local user until access control exists. */
  readonly user: string;
  /** True when running under CI (env CI=true); tests use it to insist on services. */
  readonly ci: boolean;
}

export type ConfigErrorCode = 'invalid_max_input_bytes' | 'invalid_port' | 'invalid_database_url' | 'invalid_db_file' | 'invalid_host' | 'invalid_user';

export class ConfigError extends AppError<ConfigErrorCode> {}

// src/config.ts sits one level below the repository root.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_PORT = 8080;
/** 5 MiB: far above any article (the longest wire stories are ~100 KB), and the API's upload limit. */
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Environment variables Liaison reads, and what each is for (printed by `--help`). */
export const ENV_VARS: Readonly<Record<string, string>> = Object.freeze({
  LIAISON_DB: 'SQLite database file (default ./data/liaison.db)',
  DATABASE_URL: 'PostgreSQL URL (postgres://user@host:port/db); takes precedence over LIAISON_DB',
  LIAISON_PORT: `HTTP port for "liaison serve" (default ${DEFAULT_PORT}); PORT is also read`,
  LIAISON_HOST: 'address the HTTP server binds to (default 127.0.0.1)',
  LIAISON_USER: 'name recorded on ingests, edits and history (default "local")',
  LIAISON_MAX_INPUT_BYTES: 'largest file ingest accepts, in bytes (default 5 MiB)',
  LIAISON_SCORER: 'path to the extraction scorer score.mjs (default ../shared/eval/score.mjs)',
});

function parsePort(raw: string | undefined, name: string): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError('invalid_port', `${name}="${raw}" is not a port number: use an integer from 0 to 65535 (0 picks a free port).`);
  }
  return n;
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const url = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('invalid_database_url', `DATABASE_URL is not a valid URL: write it as postgres://USER@HOST:PORT/DATABASE, or unset it to use SQLite.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError('invalid_database_url', `DATABASE_URL must start with postgres:// or postgresql:// (got "${parsed.protocol}//"); unset it to use the SQLite file instead.`);
  }
  return url;
}

function parseMaxInputBytes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_INPUT_BYTES;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ConfigError('invalid_max_input_bytes', `LIAISON_MAX_INPUT_BYTES="${raw}" is not a size: give a whole number of bytes, e.g. 5242880 for 5 MiB.`);
  }
  return n;
}

/** Resolves a SQLite path against `cwd`; `:memory:` is kept as is. */
export function resolveDbFile(raw: string, cwd = process.cwd()): string {
  const file = raw.trim();
  if (file === '') throw new ConfigError('invalid_db_file', 'The database file name is empty: pass --db FILE or set LIAISON_DB to a file path.');
  return file === ':memory:' ? file : resolve(cwd, file);
}

/** Reads and validates the environment once; throws ConfigError with a fix-it message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const host = (env.LIAISON_HOST ?? '127.0.0.1').trim();
  if (host === '') throw new ConfigError('invalid_host', 'LIAISON_HOST is empty: set it to an address such as 127.0.0.1, or unset it.');
  const user = (env.LIAISON_USER ?? 'local').trim();
  if (user === '') throw new ConfigError('invalid_user', 'LIAISON_USER is empty: set it to your name, or unset it to use "local".');
  const portVar = env.LIAISON_PORT !== undefined ? 'LIAISON_PORT' : 'PORT';
  const scorer = env.LIAISON_SCORER?.trim();
  return Object.freeze({
    dbFile: resolveDbFile(env.LIAISON_DB ?? './data/liaison.db', cwd),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    port: parsePort(env.LIAISON_PORT ?? env.PORT, portVar),
    host,
    maxInputBytes: parseMaxInputBytes(env.LIAISON_MAX_INPUT_BYTES),
    scorerPath: scorer ? resolve(cwd, scorer) : resolve(REPO_ROOT, '..', 'shared', 'eval', 'score.mjs'),
    repoRoot: REPO_ROOT,
    user,
    ci: env.CI === 'true' || env.CI === '1',
  });
}
