import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/index.js';
import { IngestError, NotFoundError, ValidationError } from '../services/index.js';
import { StoreError } from '../storage/index.js';
import { ApiError } from './api.error.js';
import { toProblem } from './error-handler.js';
import { API_ERROR_CODES, describeCode } from './problem.js';

describe('toProblem', () => {
  it('gives every API code its own status and a docs anchor as type', () => {
    for (const code of API_ERROR_CODES) {
      const p = toProblem(new ApiError(code, 'what to do'), '/api/x');
      expect(p).toMatchObject({ code, status: describeCode(code).status, type: `/api/docs#problem-${code}`, detail: 'what to do', instance: '/api/x' });
    }
  });

  it('translates store codes, and keeps service codes that name an API code', () => {
    expect(toProblem(new StoreError('unavailable', 'db down'), '/').status).toBe(503);
    expect(toProblem(new StoreError('invalid', 'bad id'), '/').code).toBe('invalid_edit');
    expect(toProblem(new StoreError('conflict', 'merged'), '/').status).toBe(409);
    expect(toProblem(new AppError('empty_text', 'empty'), '/').status).toBe(422);
    expect(toProblem(new IngestError('binary_file', 'a PDF'), '/')).toMatchObject({ status: 415, code: 'unsupported_media_type', detail: 'a PDF' });
    expect(toProblem(new IngestError('invalid_encoding', 'not UTF-8'), '/')).toMatchObject({ status: 422, code: 'unreadable_text' });
    expect(toProblem(new IngestError('too_large', '6 MB'), '/').status).toBe(413);
    expect(toProblem(new ValidationError('invalid_date', '2025-02-30'), '/')).toMatchObject({ status: 400, code: 'invalid_date' });
    expect(toProblem(new NotFoundError('no entity'), '/').status).toBe(404);
  });

  it('answers 500 without leaking the message for an error it does not know', () => {
    const p = toProblem(new AppError('weird_code', 'secret internals'), '/');
    expect(p.status).toBe(500);
    expect(p.detail).not.toContain('secret');
    expect(toProblem(new TypeError('x is undefined'), '/').detail).not.toContain('undefined');
  });

  it('turns Fastify validation and limit errors into 400, 413 and 415', () => {
    const validation = Object.assign(new Error('bad'), {
      statusCode: 400,
      validation: [{ instancePath: '/published', message: 'must match format "date"', params: {}, keyword: 'format', schemaPath: '' }],
      validationContext: 'body',
    });
    const p = toProblem(validation, '/api/documents');
    expect(p).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ path: 'body/published', message: 'must match format "date"' }] });
    expect(toProblem(Object.assign(new Error('big'), { statusCode: 413 }), '/').code).toBe('too_large');
    expect(toProblem(Object.assign(new Error('type'), { statusCode: 415 }), '/').code).toBe('unsupported_media_type');
  });
});
