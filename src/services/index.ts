/** Use cases over the storage port; the CLI and the HTTP API call these, never the store's internals. */
export { createIngestService, ACCEPTED_EXTENSIONS, DEFAULT_MAX_BYTES } from './ingest.service.js';
export type {
  IngestService,
  IngestServiceDeps,
  IngestOptions,
  IngestResult,
  IngestFileOutcome,
  ExtractFn,
  TextFormat,
} from './ingest.service.js';
export { createQueryService } from './query.service.js';
export type { QueryService, QueryServiceDeps, RecordLookup } from './query.service.js';
export { createReviewService } from './review.service.js';
export type { ReviewService, ReviewServiceDeps, NewEventInput, EventPatchInput } from './review.service.js';
export { IngestError, NotFoundError, ValidationError, ConflictError } from './service.errors.js';
export type { IngestErrorCode, ValidationErrorCode } from './service.errors.js';
export { decodeText, looksBinary } from './decode-text.js';
export type { TextEncoding } from './decode-text.js';
export { parseFrontMatter } from './front-matter.js';
export type { FrontMatter } from './front-matter.js';
export { parseEventDate } from './dates.js';
