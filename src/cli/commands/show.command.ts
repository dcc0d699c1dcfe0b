import type { Command } from 'commander';
import type { DocumentDetail, EntityDetail, EventDetail } from '../../storage/index.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { renderDocumentDetail, renderEntityDetail, renderEventDetail } from '../format/records.view.js';
import { printJson, println } from '../io.js';
import { withRuntime, type Runtime } from '../runtime.js';

const normalize = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

type Found = { kind: 'entity'; record: EntityDetail } | { kind: 'event'; record: EventDetail };

/** Finds an entity or event by id, exact name/alias/label, or a single partial match (documents by id only). */
export async function findRecord({ query, ctx }: Runtime, name: string): Promise<Found> {
  // Ids carry their kind as a prefix, so an id needs no guessing.
  const byId = await query.findRecord(ctx, name);
  if (byId && byId.kind !== 'document') return byId;
  const wanted = normalize(name);
  const entities = (await query.listEntities(ctx, { q: name, limit: 50 })).items;
  const events = (await query.search(ctx, { q: name, kinds: ['event'], limit: 50 })).items;
  const exactEntities = entities.filter((e) => [e.name, ...e.aliases].some((n) => normalize(n) === wanted));
  const exactEvents = events.filter((h) => normalize(h.title) === wanted);
  const exact = [...exactEntities.map((e) => ({ kind: 'entity' as const, id: e.id, title: `${e.name} (${e.type})` })), ...exactEvents.map((h) => ({ kind: 'event' as const, id: h.id, title: h.title }))];
  const partial = [...entities.map((e) => ({ kind: 'entity' as const, id: e.id, title: `${e.name} (${e.type})` })), ...events.map((h) => ({ kind: 'event' as const, id: h.id, title: h.title }))];
  const candidates = exact.length > 0 ? exact : partial;
  if (candidates.length === 0) throw new CliError('not_found', `Nothing is named "${name}": try "liaison search ${name}" to find it by its words.`);
  if (candidates.length > 1) {
    const list = candidates.slice(0, 10).map((c) => `  ${c.id}  ${c.kind}  ${c.title}`).join('\n');
    throw new CliError('ambiguous', `"${name}" matches ${candidates.length} records; show one by its id:\n${list}`);
  }
  const [only] = candidates;
  return only.kind === 'entity'
    ? { kind: 'entity', record: await query.getEntityOrThrow(ctx, only.id) }
    : { kind: 'event', record: await query.getEventOrThrow(ctx, only.id) };
}

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show an entity (profile, aliases, attributes, events, quotes, sources) or an event by name or id, or a document by id')
    .argument('<name>', 'a name, alias, event label or id (ent_…, evt_…, doc_…)')
    .option('--json', 'print the record as JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      await withRuntime(ctx.config(), async (runtime) => {
        const doc = name.startsWith('doc_') ? await runtime.query.getDocument(runtime.ctx, name) : undefined;
        const found: Found | { kind: 'document'; record: DocumentDetail } = doc ? { kind: 'document', record: doc } : await findRecord(runtime, name);
        if (opts.json) printJson(ctx.io.stdout, { kind: found.kind, ...found.record });
        else if (found.kind === 'document') println(ctx.io.stdout, renderDocumentDetail(found.record));
        else println(ctx.io.stdout, found.kind === 'entity' ? renderEntityDetail(found.record) : renderEventDetail(found.record));
      });
    });
}
