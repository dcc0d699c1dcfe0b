import { AppError } from '../domain/index.js';

export type LexiconErrorCode = 'invalid_data' | 'missing_package' | 'unknown_entry';

/** Raised when a curated data file or a data package cannot be used as it stands. */
export class LexiconError extends AppError<LexiconErrorCode> {}
