import { loadConfig, resolveDbFile, type Config } from '../config.js';
import type { CliIo } from './io.js';

/** Options every command accepts (declared on the root program). */
export interface GlobalOptions {
  db?: string;
}

/**
 * What a command needs from the outside world, built once per run. The config is read
 * on first use, so `--help` and usage errors never trip over a bad environment.
 */
export interface CliContext {
  io: CliIo;
  config(): Config;
  setGlobals(options: GlobalOptions): void;
  /** Set by a command that finished but must report failure (e.g. some files not ingested). */
  exitCode: number;
}

export function createCliContext(io: CliIo): CliContext {
  let globals: GlobalOptions = {};
  let cached: Config | undefined;
  return {
    io,
    exitCode: 0,
    setGlobals(options) {
      globals = options;
      cached = undefined;
    },
    config() {
      if (!cached) {
        const base = loadConfig(io.env, io.cwd);
        // --db beats LIAISON_DB, and asking for a file by name means SQLite even if DATABASE_URL is set.
        cached = globals.db ? Object.freeze({ ...base, dbFile: resolveDbFile(globals.db, io.cwd), databaseUrl: undefined }) : base;
      }
      return cached;
    },
  };
}
