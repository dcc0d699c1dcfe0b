import type { Command } from 'commander';
import type { EntityDetail, EventDetail } from '../../storage/index.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { renderEntityDetail, renderEventDetail } from '../format/records.view.js';
import { printJson, println } from '../io.js';
import { withRuntime, type RecordReader } from '../runtime.js';

const normalize = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

type Found = { kind: 'entity'; record: EntityDetail } | { kind: 'event'; record: EventDetail };

/** Finds an entity or event by id, exact name/alias/label, or a single partial match. */
export async function findRecord(records: RecordReader, query: string): Promise<Found> {
  // Ids carry their kind as a prefix (see storage/port.ts), so no guessing is needed.
  if (/^ent_/.test(query)) {
    const record = await records.getEntity(query);
    if (record) return { kind: 'entity', record };
  }
  if (/^evt_/.test(query)) {
    const record = await records.getEvent(query);
    if (record) return { kind: 'event', record };
  }
  const wanted = normalize(query);
  const entities = (await records.listEntities({ q: query, limit: 50 })).items;
  const events = (await records.search({ q: query, kinds: ['event'], limit: 50 })).items;
  const exactEntities = entities.filter((e) => [e.name, ...e.aliases].some((n) => normalize(n) === wanted));
  const exactEvents = events.filter((h) => normalize(h.title) === wanted);
  const exact = [...exactEntities.map((e) => ({ kind: 'entity' as const, id: e.id, title: `${e.name} (${e.type})` })), ...exactEvents.map((h) => ({ kind: 'event' as const, id: h.id, title: h.title }))];
  const partial = [...entities.map((e) => ({ kind: 'entity' as const, id: e.id, title: `${e.name} (${e.type})` })), ...events.map((h) => ({ kind: 'event' as const, id: h.id, title: h.title }))];
  const candidates = exact.length > 0 ? exact : partial;
  if (candidates.length === 0) throw new CliError('not_found', `Nothing is named "${query}": try "liaison search ${query}" to find it by its words.`);
  if (candidates.length > 1) {
    const list = candidates.slice(0, 10).map((c) => `  ${c.id}  ${c.kind}  ${c.title}`).join('\n');
    throw new CliError('ambiguous', `"${query}" matches ${candidates.length} records; show one by its id:\n${list}`);
  }
  const [only] = candidates;
  const record = only.kind === 'entity' ? await records.getEntity(only.id) : await records.getEvent(only.id);
  if (!record) throw new CliError('not_found', `${only.id} disappeared while it was being read: run the command again.`);
  return only.kind === 'entity' ? { kind: 'entity', record: record as EntityDetail } : { kind: 'event', record: record as EventDetail };
}

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show an entity (profile, aliases, attributes, events, quotes, sources) or an event, by name or id')
    .argument('<name>', 'a name, alias, event label or id (ent_…, evt_…)')
    .option('--json', 'print the record as JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      await withRuntime(ctx.config(), async ({ records }) => {
        const found = await findRecord(records, name);
        if (opts.json) printJson(ctx.io.stdout, { kind: found.kind, ...found.record });
        else println(ctx.io.stdout, found.kind === 'entity' ? renderEntityDetail(found.record) : renderEventDetail(found.record));
      });
    });
}
