import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import type { DocumentMeta } from '../../domain/index.js';
import { AppError } from '../../domain/index.js';
import { CliError, EXIT } from '../cli-error.js';
import { collectInputs, type InputItem } from '../collect-files.js';
import type { CliContext } from '../context.js';
import { printJson, println, readAll } from '../io.js';
import { parseDay } from '../options.js';
import { decodeText, formatFromPath } from '../read-input.js';
import { withRuntime } from '../runtime.js';

interface IngestOptions {
  published?: string;
  outlet?: string;
  url?: string;
  title?: string;
  json?: boolean;
}

export interface IngestFileResult {
  path: string;
  status: 'ingested' | 'duplicate' | 'failed';
  documentId?: string;
  /** Error code and message for a failure. */
  code?: string;
  message?: string;
}

const label = (item: InputItem) => (item.kind === 'stdin' ? '(stdin)' : item.path);

/** Reads one input as text, refusing oversized, binary, non-UTF-8 and empty input with a clear reason. */
async function readInput(item: Exclude<InputItem, { kind: 'missing' }>, ctx: CliContext, maxBytes: number): Promise<string> {
  const tooBig = (size: number) =>
    new CliError('file_unreadable', `it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit: one file should hold one article (raise LIAISON_MAX_INPUT_BYTES if it really is one).`);
  let bytes: Buffer;
  if (item.kind === 'stdin') {
    bytes = await readAll(ctx.io.stdin);
    if (bytes.length > maxBytes) throw tooBig(bytes.length);
  } else {
    // Size first, so a huge file is refused without being read into memory.
    const { size } = await stat(item.path);
    if (size > maxBytes) throw tooBig(size);
    bytes = await readFile(item.path);
  }
  const text = decodeText(bytes, 'it');
  if (text.trim() === '') throw new CliError('file_unreadable', 'it is empty: there is no text to extract from.');
  return text;
}

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  const errno = (error as NodeJS.ErrnoException)?.code;
  if (typeof errno === 'string') return { code: 'file_unreadable', message: `cannot read it (${errno})` };
  // Not an expected failure: keep the message so the bug can be reported, and go on with the next file.
  return { code: 'internal', message: `unexpected failure: ${error instanceof Error ? error.message : String(error)}` };
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read texts, extract their record and store it; re-ingesting the same text is a no-op')
    .argument('<paths...>', 'files, folders (searched for .txt .md .html .htm) or - for stdin')
    .option('--published <date>', 'publication date YYYY-MM-DD for every text given (front matter and the text itself are used otherwise)', parseDay)
    .option('--outlet <name>', 'outlet for every text given')
    .option('--url <url>', 'source URL (for a single text)')
    .option('--title <title>', 'title (for a single text)')
    .option('--json', 'print the results as JSON')
    .action(async (paths: string[], opts: IngestOptions) => {
      const config = ctx.config();
      const items = await collectInputs(paths);
      if (items.length === 0) throw new CliError('usage', `No .txt, .md or .html files in ${paths.join(', ')}: give files or folders that hold articles.`);
      if (items.filter((i) => i.kind === 'stdin').length > 1) throw new CliError('usage', 'Standard input (-) can be given only once.');
      if ((opts.url || opts.title) && items.length > 1) throw new CliError('usage', '--url and --title describe one text: give a single file with them.');

      const results: IngestFileResult[] = [];
      const showBar = Boolean(ctx.io.stderr.isTTY) && !opts.json && items.length > 1;
      const bar = showBar ? new SingleBar({ stream: ctx.io.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true }) : undefined;
      await withRuntime(config, async (runtime) => {
        bar?.start(items.length, 0, { file: '' });
        for (const item of items) {
          const path = label(item);
          bar?.update({ file: path.length > 40 ? `…${path.slice(-39)}` : path });
          try {
            if (item.kind === 'missing') throw new CliError('file_unreadable', item.message);
            const text = await readInput(item, ctx, config.maxInputBytes);
            const meta: DocumentMeta & { format?: 'text' | 'html' | 'markdown' } = {
              published: opts.published, outlet: opts.outlet, url: opts.url, title: opts.title,
              format: item.kind === 'file' ? formatFromPath(item.path) : undefined,
            };
            const outcome = await runtime.ingest(text, meta);
            results.push({ path, status: outcome.duplicate ? 'duplicate' : 'ingested', documentId: outcome.documentId });
          } catch (error) {
            results.push({ path, status: 'failed', ...describeFailure(error) });
          }
          bar?.increment();
        }
        bar?.stop();
      });

      const count = (s: IngestFileResult['status']) => results.filter((r) => r.status === s).length;
      const summary = { ingested: count('ingested'), duplicates: count('duplicate'), failed: count('failed') };
      if (opts.json) printJson(ctx.io.stdout, { ...summary, results });
      else {
        for (const r of results) if (r.status !== 'failed') println(ctx.io.stdout, `${r.status.padEnd(9)} ${r.path}  ${r.documentId}`);
        println(ctx.io.stdout, `ingested ${summary.ingested} · duplicates ${summary.duplicates} · failed ${summary.failed}`);
      }
      const failures = results.filter((r) => r.status === 'failed');
      for (const f of failures) println(ctx.io.stderr, `failed: ${f.path}: ${f.message}`);
      if (failures.length > 0) ctx.exitCode = EXIT.failed;
    });
}
