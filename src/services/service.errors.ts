import { AppError } from '../domain/index.js';

export type IngestErrorCode =
  | 'binary_file'
  | 'invalid_encoding'
  | 'empty_text'
  | 'too_large'
  | 'unsupported_type'
  | 'not_found'
  | 'unreadable';

/** Why a text could not be ingested; the message says what to do about it. */
export class IngestError extends AppError<IngestErrorCode> {}

/** A record asked for by id does not exist. */
export class NotFoundError extends AppError<'not_found'> {
  constructor(message: string, details?: Record<string, unknown>) {
    super('not_found', message, details);
  }
}

export type ValidationErrorCode = 'invalid_request' | 'invalid_date' | 'invalid_edit';

/** Input a caller sent that cannot be used as it is (a bad date, an edit that makes no sense). */
export class ValidationError extends AppError<ValidationErrorCode> {}

/** The record's state blocks the action (merging an entity already merged away). */
export class ConflictError extends AppError<'conflict'> {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details);
  }
}
