import { InvalidArgumentError, Option, type Command } from 'commander';
import { EVENT_TYPES, type EventType } from '../../domain/index.js';
import type { Page, SearchKind } from '../../storage/index.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { renderDocuments, renderReview, renderSearch, renderTimeline } from '../format/records.view.js';
import { printJson, println } from '../io.js';
import { parseDay } from '../options.js';
import { withRuntime } from '../runtime.js';
import { findRecord } from './show.command.js';

interface PageOptions {
  limit: number;
  offset: number;
  json?: boolean;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number (got "${value}").`);
  return n;
}

function withPaging(cmd: Command, defaultLimit = 50): Command {
  return cmd
    .option('--limit <n>', 'how many to show', parseCount, defaultLimit)
    .option('--offset <n>', 'how many to skip', parseCount, 0)
    .option('--json', 'print the page as JSON ({ items, total, limit, offset })');
}

/** Prints a page as JSON or as a table with a "showing a–b of n" line when there is more. */
function printPage<T>(ctx: CliContext, page: Page<T>, json: boolean | undefined, render: (items: T[]) => string, empty: string): void {
  if (json) return printJson(ctx.io.stdout, page);
  if (page.items.length === 0) return println(ctx.io.stdout, page.total > 0 ? `nothing at offset ${page.offset} (total ${page.total})` : empty);
  println(ctx.io.stdout, render(page.items));
  if (page.total > page.offset + page.items.length || page.offset > 0) {
    println(ctx.io.stdout, `(${page.offset + 1}–${page.offset + page.items.length} of ${page.total}; use --offset/--limit for more)`);
  }
}

export function registerListCommands(program: Command, ctx: CliContext): void {
  withPaging(program.command('documents').description('list the stored documents, newest publication first'))
    .action(async (opts: PageOptions) => {
      await withRuntime(ctx.config(), async ({ query, ctx: user }) => {
        const page = await query.listDocuments(user, { limit: opts.limit, offset: opts.offset });
        printPage(ctx, page, opts.json, renderDocuments, 'no documents yet: add some with "liaison ingest PATH"');
      });
    });

  withPaging(
    program
      .command('timeline')
      .description('dated events in time order')
      .option('--entity <name>', 'only events this entity takes part in (name or id)')
      .option('--from <date>', 'events ending on or after this day (YYYY-MM-DD)', parseDay)
      .option('--to <date>', 'events starting on or before this day (YYYY-MM-DD)', parseDay)
      .addOption(new Option('--type <type>', 'only this event type').choices(EVENT_TYPES)),
    500,
  ).action(async (opts: PageOptions & { entity?: string; from?: string; to?: string; type?: EventType }) => {
    if (opts.from && opts.to && opts.from > opts.to) throw new CliError('usage', `--from ${opts.from} is after --to ${opts.to}: swap them.`);
    await withRuntime(ctx.config(), async (runtime) => {
      let entityId: string | undefined;
      if (opts.entity) {
        const found = await findRecord(runtime, opts.entity);
        if (found.kind !== 'entity') throw new CliError('usage', `"${opts.entity}" is an event, not an entity: --entity takes a person, organization, country, place or instrument.`);
        entityId = found.record.id;
      }
      const page = await runtime.query.timeline(runtime.ctx, { entityId, from: opts.from, to: opts.to, type: opts.type, limit: opts.limit, offset: opts.offset });
      printPage(ctx, page, opts.json, renderTimeline, 'no dated events match');
    });
  });

  withPaging(
    program
      .command('search')
      .description('full-text search over documents, entities and events')
      .argument('<text...>', 'words to find (all must match; the last may be a prefix)')
      .addOption(new Option('--kind <kind>', 'only this kind of record').choices(['document', 'entity', 'event'])),
  ).action(async (words: string[], opts: PageOptions & { kind?: SearchKind }) => {
    const q = words.join(' ').trim();
    if (q === '') throw new CliError('usage', 'Give some words to search for.');
    await withRuntime(ctx.config(), async ({ query, ctx: user }) => {
      const page = await query.search(user, { q, kinds: opts.kind ? [opts.kind] : undefined, limit: opts.limit, offset: opts.offset });
      printPage(ctx, page, opts.json, renderSearch, `nothing matches "${q}"`);
    });
  });

  const review = withPaging(
    program
      .command('review')
      .description('list machine-proposed records waiting for review; "review confirm ID" or "review reject ID" settles one')
      .addOption(new Option('--kind <kind>', 'only this kind of record').choices(['entity', 'event', 'quote'])),
  ).action(async (opts: PageOptions & { kind?: 'entity' | 'event' | 'quote' }) => {
    await withRuntime(ctx.config(), async ({ review, ctx: user }) => {
      const page = await review.queue(user, { state: 'draft', kind: opts.kind, limit: opts.limit, offset: opts.offset });
      printPage(ctx, page, opts.json, renderReview, 'nothing to review');
    });
  });
  for (const [verb, state] of [['confirm', 'confirmed'], ['reject', 'rejected']] as const) {
    review
      .command(verb)
      .description(`mark a draft entity, event or quote as ${state}`)
      .argument('<id>', 'record id (ent_…, evt_… or quo_…)')
      .option('--json', 'print the result as JSON')
      .action(async (id: string, _opts: unknown, cmd: Command) => {
        // --json may land on "review" itself (it has one too) when written after the id.
        const json = Boolean(cmd.optsWithGlobals<{ json?: boolean }>().json);
        const kind = id.startsWith('ent_') ? 'entity' : id.startsWith('evt_') ? 'event' : id.startsWith('quo_') ? 'quote' : undefined;
        if (!kind) throw new CliError('usage', `"${id}" is not a record id: ids start with ent_, evt_ or quo_ (see "liaison review").`);
        await withRuntime(ctx.config(), async ({ review, ctx: user }) => {
          const result = await review.setState(user, kind, id, state);
          if (json) printJson(ctx.io.stdout, result);
          else println(ctx.io.stdout, `${kind} ${id}: ${result.previousState} → ${result.state}`);
        });
      });
  }
}
