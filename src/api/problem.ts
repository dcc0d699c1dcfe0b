import { AppError } from '../domain/index.js';
import type { ApiErrorCode, FieldError } from './api.error.js';

/** RFC 9457 problem details, plus our stable `code` and, for validation, `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ApiErrorCode;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Status and title per code. The switch is exhaustive: a new code fails to compile here. */
export function describeCode(code: ApiErrorCode): { status: number; title: string } {
  switch (code) {
    case 'invalid_request':
      return { status: 400, title: 'Invalid request' };
    case 'invalid_date':
      return { status: 400, title: 'Invalid date' };
    case 'invalid_edit':
      return { status: 400, title: 'Invalid edit' };
    case 'not_found':
      return { status: 404, title: 'Not found' };
    case 'conflict':
      return { status: 409, title: 'Conflict' };
    case 'too_large':
      return { status: 413, title: 'Content too large' };
    case 'unsupported_media_type':
      return { status: 415, title: 'Unsupported media type' };
    case 'empty_text':
      return { status: 422, title: 'Empty text' };
    case 'unreadable_text':
      return { status: 422, title: 'Unreadable text' };
    case 'internal':
      return { status: 500, title: 'Internal error' };
    case 'store_unavailable':
      return { status: 503, title: 'Database unavailable' };
  }
}

export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  'invalid_request', 'invalid_date', 'invalid_edit', 'not_found', 'conflict', 'too_large',
  'unsupported_media_type', 'empty_text', 'unreadable_text', 'internal', 'store_unavailable',
];

export function problem(code: ApiErrorCode, detail: string, extra: { instance?: string; errors?: FieldError[] } = {}): Problem {
  const { status, title } = describeCode(code);
  const out: Problem = { type: `/api/docs#problem-${code}`, title, status, detail, code };
  if (extra.instance) out.instance = extra.instance;
  if (extra.errors && extra.errors.length > 0) out.errors = extra.errors;
  return out;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
