import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { DocumentMeta } from '../../domain/index.js';
import { ApiError } from '../api.error.js';
import type { RouteSpec } from '../route-spec.js';
import { contextOf, defined, foundOrThrow, type RouteDeps } from '../route-deps.js';
import { day, idParams, object, page, pageQuery, query, schemaRef } from '../schemas.js';
import { decodeText } from '../../services/index.js';

/** Largest text accepted, as JSON or as an uploaded file. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

const META_FIELDS = {
  published: day,
  outlet: { type: 'string', minLength: 1, maxLength: 300 },
  url: { type: 'string', maxLength: 2000, format: 'uri', pattern: '^https?://' },
  title: { type: 'string', minLength: 1, maxLength: 1000 },
  format: { type: 'string', enum: ['text', 'html', 'markdown'], description: 'How to read the text; an upload defaults to its file extension.' },
};

function formatOf(filename: string, mimetype: string): 'text' | 'html' | 'markdown' {
  if (/\.html?$/i.test(filename) || /html/i.test(mimetype)) return 'html';
  if (/\.(md|markdown)$/i.test(filename) || /markdown/i.test(mimetype)) return 'markdown';
  return 'text';
}

// `text` has no minLength on purpose: an empty or blank text is a 422 from the ingest
// rules (`empty_text`), not a malformed request.
const ingestBody = object({ text: { type: 'string', maxLength: MAX_TEXT_BYTES }, ...META_FIELDS }, ['text', 'published']);

const multipartBody = object({ file: { type: 'string', format: 'binary', description: 'The article as a text file (.txt, .md, .html).' }, ...META_FIELDS }, ['file', 'published']);

interface IngestBody {
  text: string;
  published: string;
  outlet?: string;
  url?: string;
  title?: string;
  format?: 'text' | 'html' | 'markdown';
}

/**
 * Reads a multipart upload into the same shape as the JSON body, before validation, so one
 * schema checks both. The file must be text: binary or non-UTF-8 files are refused here.
 */
async function multipartToBody(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, string> = {};
  let file: { bytes: Buffer; part: MultipartFile } | undefined;
  for await (const part of request.parts({ limits: { fileSize: MAX_TEXT_BYTES, files: 1, fields: 10 } })) {
    if (part.type === 'file') {
      file = { bytes: await part.toBuffer(), part };
    } else if (typeof part.value === 'string' && part.fieldname in META_FIELDS) {
      body[part.fieldname] = part.value;
    } else if (part.fieldname === 'text' && typeof part.value === 'string') {
      body.text = part.value;
    }
  }
  if (file) {
    // The ingest service's own decoder, so an upload and `liaison ingest FILE` agree on what is text.
    body.text = decodeText(file.bytes, file.part.filename || 'The uploaded file');
    body.format ??= formatOf(file.part.filename, file.part.mimetype);
  }
  if (body.text === undefined) {
    throw new ApiError('invalid_request', 'The upload has no file: send the article as a form field named "file" (or "text"), with "published" as YYYY-MM-DD.');
  }
  (request as { body: unknown }).body = body;
}

export function documentRoutes(deps: RouteDeps): RouteSpec[] {
  return [
    {
      method: 'GET',
      url: '/api/documents',
      operationId: 'listDocuments',
      summary: 'Documents, newest publication date first.',
      tag: 'documents',
      schema: { querystring: query({ q: { type: 'string', maxLength: 200 }, outlet: { type: 'string', maxLength: 300 }, from: day, to: day, ...pageQuery() }) },
      responses: { 200: { description: 'A page of documents', schema: page(schemaRef('DocumentSummary')) } },
      problems: [400],
      handler: async (request) => {
        const q = request.query as { q?: string; outlet?: string; from?: string; to?: string; limit: number; offset: number };
        return deps.services.listDocuments(contextOf(deps, request), defined({ ...q }));
      },
    },
    {
      method: 'GET',
      url: '/api/documents/:id',
      operationId: 'getDocument',
      summary: 'One document: its text, mentions with their entities, and the records it produced with their evidence.',
      tag: 'documents',
      schema: { params: idParams },
      responses: { 200: { description: 'The document', schema: schemaRef('DocumentDetail') } },
      problems: [404],
      handler: async (request) => {
        const { id } = request.params as { id: string };
        return foundOrThrow(await deps.services.getDocument(contextOf(deps, request), id), 'document', id);
      },
    },
    {
      method: 'POST',
      url: '/api/documents',
      operationId: 'ingestDocument',
      summary: 'Ingest a text (JSON or a multipart file upload) and extract its record. 201 when new, 200 with duplicate: true when the same text is already stored.',
      tag: 'documents',
      schema: { body: ingestBody },
      bodyContentTypes: { 'multipart/form-data': multipartBody },
      bodyLimit: MAX_TEXT_BYTES + 64 * 1024,
      preValidation: async (request) => multipartToBody(request),
      responses: {
        201: { description: 'Ingested: the document and its records', schema: schemaRef('IngestResult') },
        200: { description: 'Already stored (duplicate: true); nothing was written', schema: schemaRef('IngestResult') },
      },
      problems: [400, 413, 415, 422],
      handler: async (request, reply) => {
        const body = request.body as IngestBody;
        const ctx = contextOf(deps, request);
        const meta: DocumentMeta = defined({ published: body.published, outlet: body.outlet, url: body.url, title: body.title });
        const outcome = await deps.services.ingest(ctx, { text: body.text, meta, ...(body.format ? { format: body.format } : {}) });
        const document = foundOrThrow(await deps.services.getDocument(ctx, outcome.documentId), 'document', outcome.documentId);
        reply.code(outcome.duplicate ? 200 : 201);
        if (!outcome.duplicate) reply.header('location', `/api/documents/${encodeURIComponent(outcome.documentId)}`);
        return { duplicate: outcome.duplicate, document };
      },
    },
  ];
}
