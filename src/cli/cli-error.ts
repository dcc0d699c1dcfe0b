import { AppError } from '../domain/index.js';

export type CliErrorCode =
  | 'usage'
  | 'file_unreadable'
  | 'not_found'
  | 'ambiguous'
  | 'scorer_missing'
  | 'scorer_failed'
  | 'nothing_to_evaluate';

/** Errors the CLI itself raises; `usage` exits with 2, the rest with 1. */
export class CliError extends AppError<CliErrorCode> {}

/** Exit codes: 0 all well, 1 a failure (some work may have been done), 2 bad usage. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2 });

export function exitCodeFor(error: unknown): number {
  return error instanceof CliError && error.code === 'usage' ? EXIT.usage : EXIT.failed;
}
