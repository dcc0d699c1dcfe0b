import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { AppError } from '../../domain/index.js';
import { CliError, EXIT } from '../cli-error.js';
import { collectInputs, type InputItem } from '../collect-files.js';
import type { CliContext } from '../context.js';
import { printJson, println } from '../io.js';
import { loadServices } from '../modules.js';
import { parseDay } from '../options.js';
import { withRuntime, type Runtime } from '../runtime.js';

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

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  // Not an expected failure: keep the message so the bug can be reported, and go on with the next file.
  return { code: 'internal', message: `unexpected failure: ${error instanceof Error ? error.message : String(error)}` };
}

async function ingestOne(runtime: Runtime, item: InputItem, ctx: CliContext, opts: IngestOptions): Promise<IngestFileResult> {
  const meta = { published: opts.published, outlet: opts.outlet, url: opts.url, title: opts.title };
  try {
    const result =
      item.kind === 'stdin'
        ? await runtime.ingest.ingestStream(runtime.ctx, ctx.io.stdin, { ...meta, name: 'standard input' })
        : await runtime.ingest.ingestFile(runtime.ctx, item.path, meta);
    return { path: label(item), status: result.status, documentId: result.documentId };
  } catch (error) {
    return { path: label(item), status: 'failed', ...describeFailure(error) };
  }
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read texts, extract their record and store it; re-ingesting the same text is a no-op')
    .argument('<paths...>', 'files, folders (searched for .txt .md .html .htm files) or - for stdin')
    .option('--published <date>', 'publication date YYYY-MM-DD for every text given (front matter and the text itself are used otherwise)', parseDay)
    .option('--outlet <name>', 'outlet for every text given')
    .option('--url <url>', 'source URL (for a single text)')
    .option('--title <title>', 'title (for a single text)')
    .option('--json', 'print { ingested, duplicates, failed, results } as JSON')
    .action(async (paths: string[], opts: IngestOptions) => {
      const config = ctx.config();
      const { ACCEPTED_EXTENSIONS } = await loadServices();
      const items = await collectInputs(paths, Object.keys(ACCEPTED_EXTENSIONS));
      if (items.length === 0) throw new CliError('usage', `No ${Object.keys(ACCEPTED_EXTENSIONS).join(' ')} files in ${paths.join(', ')}: give files or folders that hold articles.`);
      if (items.filter((i) => i.kind === 'stdin').length > 1) throw new CliError('usage', 'Standard input (-) can be given only once.');
      if ((opts.url || opts.title) && items.length > 1) throw new CliError('usage', '--url and --title describe one text: give a single file with them.');

      const results: IngestFileResult[] = [];
      const bar = ctx.io.stderr.isTTY && !opts.json && items.length > 1
        ? new SingleBar({ stream: ctx.io.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true })
        : undefined;
      await withRuntime(config, async (runtime) => {
        bar?.start(items.length, 0, { file: '' });
        for (const item of items) {
          const path = label(item);
          bar?.update({ file: path.length > 40 ? `…${path.slice(-39)}` : path });
          results.push(await ingestOne(runtime, item, ctx, opts));
          bar?.increment();
        }
        bar?.stop();
      });

      const count = (s: IngestFileResult['status']) => results.filter((r) => r.status === s).length;
      const summary = { ingested: count('ingested'), duplicates: count('duplicate'), failed: count('failed') };
      if (opts.json) printJson(ctx.io.stdout, { ...summary, results });
      else {
        for (const r of results) if (r.status !== 'failed') println(ctx.io.stdout, `${r.status.padEnd(9)} ${r.documentId}  ${r.path}`);
        println(ctx.io.stdout, `ingested ${summary.ingested} · duplicates ${summary.duplicates} · failed ${summary.failed}`);
      }
      const failures = results.filter((r) => r.status === 'failed');
      for (const f of failures) println(ctx.io.stderr, `failed: ${f.path}: ${f.message}`);
      if (failures.length > 0) ctx.exitCode = EXIT.failed;
    });
}
