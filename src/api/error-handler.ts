import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/index.js';
import { ConflictError, IngestError, NotFoundError, ValidationError, type IngestErrorCode, type ValidationErrorCode } from '../services/index.js';
import { StoreError, type StoreErrorCode } from '../storage/index.js';
import { ApiError, type ApiErrorCode, type FieldError } from './api.error.js';
import { API_ERROR_CODES, PROBLEM_CONTENT_TYPE, problem, type Problem } from './problem.js';

function fromStoreCode(code: StoreErrorCode): ApiErrorCode {
  switch (code) {
    case 'not_found':
      return 'not_found';
    case 'conflict':
      return 'conflict';
    case 'invalid':
      return 'invalid_edit';
    case 'unavailable':
    case 'migration_failed':
      return 'store_unavailable';
  }
}

function fromIngestCode(code: IngestErrorCode): ApiErrorCode {
  switch (code) {
    case 'binary_file':
    case 'unsupported_type':
      return 'unsupported_media_type';
    case 'invalid_encoding':
    case 'unreadable':
      return 'unreadable_text';
    case 'empty_text':
      return 'empty_text';
    case 'too_large':
      return 'too_large';
    case 'not_found':
      return 'not_found';
  }
}

function fromValidationCode(code: ValidationErrorCode): ApiErrorCode {
  switch (code) {
    case 'invalid_request':
    case 'invalid_date':
    case 'invalid_edit':
      return code;
  }
}

const isApiCode = (code: string): code is ApiErrorCode => (API_ERROR_CODES as readonly string[]).includes(code);

/**
 * Service modules name their codes after what went wrong (`empty_text`, `not_found`), and
 * those that match an API code keep it; a code the API does not know is a bug to report,
 * so it becomes 500 rather than a guessed status.
 */
function fromAppError(error: AppError): ApiErrorCode | undefined {
  if (error instanceof ApiError) return error.code;
  if (error instanceof StoreError) return fromStoreCode(error.code);
  if (error instanceof IngestError) return fromIngestCode(error.code);
  if (error instanceof ValidationError) return fromValidationCode(error.code);
  if (error instanceof NotFoundError) return 'not_found';
  if (error instanceof ConflictError) return 'conflict';
  return isApiCode(error.code) ? error.code : undefined;
}

function fieldErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (v.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const path = `${where}${v.instancePath || ''}${missing ? `/${missing}` : ''}${extra ? `/${extra}` : ''}`;
    return { path, message: extra ? 'is not a known field' : v.message ?? 'is invalid' };
  });
}

/** Fastify's own errors (parsing, limits, content types) carry an HTTP status we translate. */
function fromStatus(status: number | undefined): ApiErrorCode {
  switch (status) {
    case 404:
      return 'not_found';
    case 413:
      return 'too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return status !== undefined && status >= 400 && status < 500 ? 'invalid_request' : 'internal';
  }
}

export function toProblem(error: unknown, instance: string): Problem {
  if (error instanceof AppError) {
    const code = fromAppError(error);
    if (code) return problem(code, error.message, { instance });
  }
  const fe = error as FastifyError;
  if (fe && Array.isArray(fe.validation)) {
    const errors = fieldErrors(fe);
    const detail = `The request is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`;
    return problem('invalid_request', detail, { instance, errors });
  }
  const code = fe && !(error instanceof AppError) ? fromStatus(fe.statusCode) : 'internal';
  const detail = code === 'internal'
    ? 'Something went wrong on the server; it has been logged. Try again, and report it if it keeps happening.'
    : code === 'too_large'
      ? 'The request is too large: texts up to 5 MB are accepted. Split the file or paste only the article body.'
      : code === 'unsupported_media_type'
        ? 'Send JSON (Content-Type: application/json) or a multipart/form-data upload.'
        : fe.message;
  return problem(code, detail, { instance });
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p);
}

const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/**
 * One error handler and one 404 handler for the whole app. `pageFallback` answers GETs
 * outside /api when the web UI is served; /api paths always get problem details.
 */
export function installErrorHandlers(app: FastifyInstance, pageFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const p = toProblem(error, request.url.split('?')[0]);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, p);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    // Only page routes fall back to the UI; a missing asset (`/assets/x.js`) stays a 404.
    const isPage = !/\.[A-Za-z0-9]+$/.test(path);
    if (pageFallback && isPage && !isApiPath(path) && (request.method === 'GET' || request.method === 'HEAD')) return pageFallback(request, reply);
    return sendProblem(reply, problem('not_found', `No route ${request.method} ${path}: see /api/docs for the endpoints.`, { instance: path }));
  });
}
