/**
 * Ingestion: turn a file, bytes or a string into a stored, sourced record. Bad input is
 * refused with an IngestError before anything is written; the store writes each
 * document in one transaction, so a failure never leaves half a record.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { DocumentMeta, Extraction } from '../domain/index.js';
import { extract as pipelineExtract } from '../pipeline/index.js';
import type { RequestContext, SaveResult, Store } from '../storage/index.js';
import { isDay } from './dates.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import { parseFrontMatter } from './front-matter.js';
import { IngestError, ValidationError } from './service.errors.js';

export type TextFormat = 'text' | 'html' | 'markdown';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** File name endings ingest accepts, and how each is read. */
export const ACCEPTED_EXTENSIONS: Readonly<Record<string, TextFormat>> = Object.freeze({
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
});

export interface IngestOptions extends DocumentMeta {
  /** How to read the text; from the file name when absent, else sniffed. */
  format?: TextFormat;
  /** Force a byte encoding instead of BOM / UTF-8 detection. */
  encoding?: TextEncoding;
  classification?: string;
}

export interface IngestResult {
  status: 'ingested' | 'duplicate';
  /** Same as status === 'duplicate' (kept for callers that only need a flag). */
  duplicate: boolean;
  documentId: string;
  counts: SaveResult['counts'];
  /** What the pipeline could not do (unresolved dates, ignored header lines, ...). */
  notes: string[];
}

export type IngestFileOutcome =
  | { path: string; ok: true; result: IngestResult }
  | { path: string; ok: false; error: { code: string; message: string } };

export type ExtractFn = (input: string, meta: DocumentMeta & { format?: TextFormat }) => Extraction;

export interface IngestServiceDeps {
  store: Store;
  /** The extraction pipeline; replaceable so a second extractor can be plugged in. */
  extract?: ExtractFn;
  maxBytes?: number;
}

export interface IngestService {
  ingestText(ctx: RequestContext, text: string, options?: IngestOptions): Promise<IngestResult>;
  ingestBytes(ctx: RequestContext, bytes: Uint8Array, options?: IngestOptions & { name?: string }): Promise<IngestResult>;
  /** Reads a stream (stdin) up to the size limit, then ingests it as bytes. */
  ingestStream(ctx: RequestContext, stream: Readable, options?: IngestOptions & { name?: string }): Promise<IngestResult>;
  ingestFile(ctx: RequestContext, path: string, options?: IngestOptions): Promise<IngestResult>;
  /**
   * Each path on its own: a failure is reported for that path and the rest go on.
   * `onOutcome` is called after each one (progress bars).
   */
  ingestFiles(
    ctx: RequestContext,
    paths: string[],
    options?: IngestOptions,
    onOutcome?: (outcome: IngestFileOutcome, index: number) => void,
  ): Promise<IngestFileOutcome[]>;
  /** Shape used by the CLI runtime: text plus metadata. */
  ingest(ctx: RequestContext, input: { text: string; meta?: DocumentMeta & { format?: TextFormat } }): Promise<IngestResult>;
}

function checkMeta(options: IngestOptions): void {
  if (options.published !== undefined && !isDay(options.published)) {
    throw new ValidationError('invalid_date', `The publication date "${options.published}" is not a calendar day: write it as YYYY-MM-DD, e.g. 2025-04-02.`);
  }
  if (options.format !== undefined && !['text', 'html', 'markdown'].includes(options.format)) {
    throw new ValidationError('invalid_request', `Unknown format "${options.format}": use text, html or markdown.`);
  }
}

/**
 * Markup is read as markup only when it plainly is: a doctype or <html>/<body> element,
 * or a fragment pasted from a page (several paragraph/line-break/heading tags).
 */
function sniffFormat(text: string): TextFormat {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|<body[\s>]/.test(head)) return 'html';
  const tags = head.match(/<\/?(p|br|div|h[1-6]|li|span|article|section|strong|em|a)(\s[^>]*)?\/?>/g);
  return tags && tags.length >= 3 ? 'html' : 'text';
}

function formatForPath(path: string): TextFormat {
  const ext = extname(path).toLowerCase();
  const format = ACCEPTED_EXTENSIONS[ext];
  if (!format) {
    throw new IngestError(
      'unsupported_type',
      `${basename(path)}: ${ext ? `"${ext}" files are` : 'files without an extension are'} not read. Liaison takes ${Object.keys(ACCEPTED_EXTENSIONS).join(' ')} files (or text on standard input); convert the article to one of those.`,
      { extension: ext },
    );
  }
  return format;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function tooLarge(what: string, size: number | undefined, max: number): IngestError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new IngestError(
    'too_large',
    `${what} is ${size !== undefined ? mb(size) : 'larger than the limit'}; the limit is ${mb(max)}. Split it into separate articles, or raise the limit if it really is one text.`,
    { size, limit: max },
  );
}

export function createIngestService(deps: IngestServiceDeps): IngestService {
  const { store } = deps;
  const extract: ExtractFn = deps.extract ?? ((input, meta) => pipelineExtract(input, meta));
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;

  async function ingestText(ctx: RequestContext, raw: string, options: IngestOptions = {}): Promise<IngestResult> {
    checkMeta(options);
    if (typeof raw !== 'string' || raw.trim() === '') {
      throw new IngestError('empty_text', 'The text is empty: give the article body (a file, standard input or pasted text).');
    }
    if (Buffer.byteLength(raw, 'utf8') > maxBytes) throw tooLarge('The text', Buffer.byteLength(raw, 'utf8'), maxBytes);
    const text = raw.replace(/^\uFEFF/, '');
    const header = parseFrontMatter(text);
    if (header.body.trim() === '') {
      throw new IngestError('empty_text', 'There is a metadata header but no text below it: add the article body after the closing ---.');
    }
    // Explicit options win over the header, which wins over what the pipeline finds.
    const meta: DocumentMeta = { ...header.meta };
    for (const key of ['published', 'outlet', 'url', 'title', 'language'] as const) {
      if (options[key] !== undefined) meta[key] = options[key];
    }
    // The same words are the same document whatever line endings the copy has.
    const contentHash = sha256(header.body.replace(/\r\n?/g, '\n'));
    const existing = await store.findDocumentIdByHash(contentHash);
    if (existing) return duplicate(existing);

    const format = options.format ?? sniffFormat(header.body);
    const extraction = extract(header.body, { ...meta, format });
    if (extraction.text.trim() === '') {
      throw new IngestError('empty_text', 'The text has no readable content once markup is removed: give the article body itself.');
    }
    if (header.ignored.length > 0) extraction.notes.push(`header lines not used: ${header.ignored.join(' | ')}`);
    const saved = await store.saveExtraction(
      {
        contentHash,
        title: meta.title ?? extraction.source.title,
        outlet: meta.outlet ?? extraction.source.outlet,
        url: meta.url ?? extraction.source.url,
        dateline: extraction.source.dateline,
        published: meta.published ?? extraction.source.published,
        language: meta.language,
        classification: options.classification,
        ingestedBy: ctx.user,
      },
      extraction,
    );
    return {
      status: saved.status,
      duplicate: saved.status === 'duplicate',
      documentId: saved.documentId,
      counts: saved.counts,
      notes: saved.status === 'ingested' ? extraction.notes : [],
    };
  }

  function duplicate(documentId: string): IngestResult {
    return {
      status: 'duplicate',
      duplicate: true,
      documentId,
      counts: { entities: 0, newEntities: 0, mentions: 0, events: 0, participants: 0, quotes: 0 },
      notes: [],
    };
  }

  async function ingestBytes(ctx: RequestContext, bytes: Uint8Array, options: IngestOptions & { name?: string } = {}): Promise<IngestResult> {
    const what = options.name ?? 'The input';
    if (bytes.length > maxBytes) throw tooLarge(what, bytes.length, maxBytes);
    if (bytes.length === 0) throw new IngestError('empty_text', `${what} is empty: there is no text to read.`);
    const text = decodeText(bytes, what, options.encoding);
    if (text.trim() === '') throw new IngestError('empty_text', `${what} holds only whitespace: there is no text to read.`);
    return ingestText(ctx, text, options);
  }

  async function ingestStream(ctx: RequestContext, stream: Readable, options: IngestOptions & { name?: string } = {}): Promise<IngestResult> {
    const what = options.name ?? 'Standard input';
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      // Stop reading as soon as the limit is passed instead of buffering a huge input.
      if (size > maxBytes) {
        stream.destroy();
        throw tooLarge(what, undefined, maxBytes);
      }
      chunks.push(buf);
    }
    return ingestBytes(ctx, Buffer.concat(chunks), { ...options, name: what });
  }

  async function ingestFile(ctx: RequestContext, path: string, options: IngestOptions = {}): Promise<IngestResult> {
    const name = basename(path);
    const format = options.format ?? formatForPath(path);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      throw fileError(err, path);
    }
    if (info.isDirectory()) throw new IngestError('unreadable', `${path} is a folder; give the files inside it (e.g. ${path}/*.txt).`);
    if (!info.isFile()) throw new IngestError('unreadable', `${path} is not a regular file.`);
    // Size first: a huge file is refused without reading it.
    if (info.size > maxBytes) throw tooLarge(name, info.size, maxBytes);
    let bytes: Buffer;
    try {
      const handle = await open(path, 'r');
      try {
        // Read at most one byte past the limit, in case the file grew since stat().
        const buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
        let filled = 0;
        while (filled < buf.length) {
          const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        bytes = buf.subarray(0, filled);
      } finally {
        await handle.close();
      }
    } catch (err) {
      throw fileError(err, path);
    }
    if (bytes.length > maxBytes) throw tooLarge(name, undefined, maxBytes);
    return ingestBytes(ctx, bytes, { ...options, format, name });
  }

  async function ingestFiles(
    ctx: RequestContext,
    paths: string[],
    options: IngestOptions = {},
    onOutcome?: (outcome: IngestFileOutcome, index: number) => void,
  ): Promise<IngestFileOutcome[]> {
    const outcomes: IngestFileOutcome[] = [];
    for (const [i, path] of paths.entries()) {
      let outcome: IngestFileOutcome;
      try {
        outcome = { path, ok: true, result: await ingestFile(ctx, path, options) };
      } catch (err) {
        const e = err as { code?: unknown; message?: string };
        outcome = { path, ok: false, error: { code: typeof e.code === 'string' ? e.code : 'internal', message: e.message ?? String(err) } };
      }
      outcomes.push(outcome);
      onOutcome?.(outcome, i);
    }
    return outcomes;
  }

  return {
    ingestText,
    ingestBytes,
    ingestStream,
    ingestFile,
    ingestFiles,
    ingest: (ctx, input) => {
      const { format, ...meta } = input.meta ?? {};
      return ingestText(ctx, input.text, { ...meta, ...(format ? { format } : {}) });
    },
  };
}

function fileError(err: unknown, path: string): IngestError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new IngestError('not_found', `${path} does not exist: check the path (it is read relative to ${process.cwd()}).`);
  if (code === 'EACCES' || code === 'EPERM') return new IngestError('unreadable', `${path} cannot be read: you lack permission to read it.`);
  if (code === 'EISDIR') return new IngestError('unreadable', `${path} is a folder; give the files inside it.`);
  return new IngestError('unreadable', `${path} could not be read (${(err as Error).message}).`);
}
