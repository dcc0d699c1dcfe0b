import { AppError } from '../domain/index.js';

/**
 * Codes the HTTP layer itself raises. They are also the codes clients see in problem
 * details: errors from other modules are translated onto this list in `problem.ts`.
 */
export type ApiErrorCode =
  | 'invalid_request'
  | 'invalid_date'
  | 'invalid_edit'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'empty_text'
  | 'unreadable_text'
  | 'internal'
  | 'store_unavailable';

export class ApiError extends AppError<ApiErrorCode> {}

/** One failed check inside a request, as `errors[]` in a problem document lists it. */
export interface FieldError {
  path: string;
  message: string;
}
