import { Option, type Command } from 'commander';
import type { DocumentMeta } from '../../domain/index.js';
import type { CliContext } from '../context.js';
import { loadPipeline } from '../modules.js';
import { renderExtraction } from '../format/extraction.view.js';
import { printJson, println } from '../io.js';
import { parseDay } from '../options.js';
import { readText, type InputFormat } from '../read-input.js';

interface ExtractOptions {
  published?: string;
  outlet?: string;
  title?: string;
  url?: string;
  format?: 'gold' | 'json' | 'table';
  json?: boolean;
  input?: InputFormat;
}

export function registerExtract(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('extract the record from one text and print it; touches no database')
    .argument('<file>', 'a .txt, .md or .html file, or - for stdin')
    .option('--published <date>', 'publication date YYYY-MM-DD (relative dates resolve against it)', parseDay)
    .option('--outlet <name>', 'the outlet that published the text')
    .option('--title <title>', 'the title of the text')
    .option('--url <url>', 'where the text was published')
    .addOption(new Option('--format <format>', 'gold (eval format), json (full records with evidence) or table; default table on a terminal, json otherwise').choices(['gold', 'json', 'table']))
    .addOption(new Option('--json', 'same as --format json').conflicts('format'))
    .addOption(new Option('--input <kind>', 'how to read the file; default from its extension').choices(['text', 'html', 'markdown']))
    .action(async (file: string, opts: ExtractOptions) => {
      const input = await readText(file, ctx.config().maxInputBytes, ctx.io.stdin);
      const meta: DocumentMeta & { format: InputFormat } = {
        published: opts.published,
        outlet: opts.outlet,
        title: opts.title,
        url: opts.url,
        format: opts.input ?? input.format,
      };
      const { extract, toGold } = await loadPipeline();
      const extraction = extract(input.text, meta);
      const format = opts.format ?? (opts.json || !ctx.io.stdout.isTTY ? 'json' : 'table');
      if (format === 'gold') printJson(ctx.io.stdout, toGold(extraction));
      else if (format === 'json') printJson(ctx.io.stdout, extraction);
      else println(ctx.io.stdout, renderExtraction(extraction, ctx.io.stdout.columns ?? 120));
    });
}
