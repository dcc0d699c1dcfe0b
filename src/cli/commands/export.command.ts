import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import type { DocumentDetail, EntitySummary, EventDetail, Page, PageRequest } from '../../storage/index.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { csvLine } from '../format/csv.js';
import { println } from '../io.js';
import type { QueryService } from '../../services/index.js';
import type { RequestContext } from '../../storage/index.js';
import { withRuntime } from '../runtime.js';

/** The query service bound to the user, which is all an export reads through. */
interface Reader {
  query: QueryService;
  ctx: RequestContext;
}

const PAGE = 200;

/** Walks every page of a list so an export never silently stops at the first 50 rows. */
async function* everything<T>(list: (page: PageRequest) => Promise<Page<T>>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await list({ limit: PAGE, offset });
    yield* page.items;
    if (page.items.length < PAGE || offset + page.items.length >= page.total) return;
  }
}

async function* documentDetails(records: Reader): AsyncGenerator<DocumentDetail> {
  for await (const d of everything((p) => records.query.listDocuments(records.ctx, p))) {
    const detail = await records.query.getDocument(records.ctx, d.id);
    if (detail) yield detail;
  }
}

async function* eventDetails(records: Reader): AsyncGenerator<EventDetail> {
  for await (const e of everything((p) => records.query.listEvents(records.ctx, p))) {
    const detail = await records.query.getEvent(records.ctx, e.id);
    if (detail) yield detail;
  }
}

function write(out: Writable, chunk: string): Promise<void> {
  return out.write(chunk) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r()));
}

/**
 * The whole record as one JSON object, written piece by piece so a large database is
 * never held in memory at once. Documents carry their text, mentions and quotes;
 * entities and events are listed once each, events with their evidence.
 */
async function exportJson(records: Reader, out: Writable, dialect: string): Promise<void> {
  await write(out, `{\n"format": "liaison-export/1",\n"exportedAt": ${JSON.stringify(new Date().toISOString())},\n"store": ${JSON.stringify(dialect)},\n"documents": [`);
  let first = true;
  for await (const doc of documentDetails(records)) {
    const { entities: _entities, events: _events, ...rest } = doc;
    await write(out, `${first ? '\n' : ',\n'}${JSON.stringify(rest)}`);
    first = false;
  }
  await write(out, '\n],\n"entities": [');
  first = true;
  for await (const entity of everything((p) => records.query.listEntities(records.ctx, p))) {
    await write(out, `${first ? '\n' : ',\n'}${JSON.stringify(entity)}`);
    first = false;
  }
  await write(out, '\n],\n"events": [');
  first = true;
  for await (const event of eventDetails(records)) {
    await write(out, `${first ? '\n' : ',\n'}${JSON.stringify(event)}`);
    first = false;
  }
  await write(out, '\n]\n}\n');
}

export const CSV_TABLES = ['documents', 'entities', 'events', 'participants', 'quotes'] as const;
type CsvTable = (typeof CSV_TABLES)[number];

async function exportCsv(records: Reader, table: CsvTable, out: Writable): Promise<void> {
  switch (table) {
    case 'documents':
      await write(out, csvLine(['id', 'published', 'outlet', 'title', 'url', 'dateline', 'hash', 'ingested_at', 'ingested_by', 'entities', 'events', 'quotes']));
      for await (const d of everything((p) => records.query.listDocuments(records.ctx, p))) {
        await write(out, csvLine([d.id, d.published, d.outlet, d.title, d.url, d.dateline, d.hash, d.ingestedAt, d.ingestedBy, d.counts.entities, d.counts.events, d.counts.quotes]));
      }
      return;
    case 'entities':
      await write(out, csvLine(['id', 'type', 'name', 'aliases', 'review_state', 'mentions', 'documents', 'iso2', 'lat', 'lon', 'role', 'attributes']));
      for await (const e of everything((p) => records.query.listEntities(records.ctx, p))) {
        const a: EntitySummary['attributes'] = e.attributes;
        await write(out, csvLine([e.id, e.type, e.name, e.aliases, e.reviewState, e.mentionCount, e.documentCount, a.iso2, a.lat, a.lon, a.role, a]));
      }
      return;
    case 'events':
      await write(out, csvLine(['id', 'type', 'label', 'status', 'start', 'end', 'precision', 'iso', 'tense', 'places', 'participants', 'parent_id', 'review_state', 'cameo', 'plover', 'documents']));
      for await (const e of everything((p) => records.query.listEvents(records.ctx, p))) {
        await write(out, csvLine([
          e.id, e.type, e.label, e.status, e.time?.start, e.time?.end, e.time?.precision, e.time?.iso, e.time?.tense,
          e.places.map((p) => p.name), e.participants.map((p) => `${p.entity.name} (${p.role})`), e.parentId, e.reviewState, e.cameo, e.plover,
          e.documents.map((d) => d.id),
        ]));
      }
      return;
    case 'participants':
      await write(out, csvLine(['event_id', 'event_label', 'role', 'entity_id', 'entity_name', 'entity_type', 'document_id', 'start', 'end', 'rule']));
      for await (const e of eventDetails(records)) {
        for (const [role, list] of Object.entries(e.participantsByRole)) {
          for (const p of list ?? []) {
            const ev = p.evidence[0];
            await write(out, csvLine([e.id, e.label, role, p.entity.id, p.entity.name, p.entity.type, ev?.documentId, ev?.start, ev?.end, ev?.rule]));
          }
        }
      }
      return;
    case 'quotes':
      await write(out, csvLine(['id', 'document_id', 'speaker', 'speaker_entity_id', 'text', 'event_id', 'review_state', 'start', 'end', 'rule']));
      for await (const d of documentDetails(records)) {
        for (const q of d.quotes) {
          await write(out, csvLine([q.id, q.documentId ?? d.id, q.speaker, q.speakerEntity?.id, q.text, q.eventId, q.reviewState, q.evidence?.start, q.evidence?.end, q.evidence?.rule]));
        }
      }
      return;
  }
}

async function toFile(path: string, work: (out: Writable) => Promise<void>): Promise<void> {
  const out = createWriteStream(path);
  const finished = new Promise<void>((res, rej) => {
    out.on('finish', () => res());
    out.on('error', rej);
  });
  await work(out);
  out.end();
  await finished;
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export the whole record: JSON (one object) or CSV (one table, or every table into a folder)')
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'))
    .addOption(new Option('--table <table>', 'CSV: which table to print').choices(CSV_TABLES))
    .option('--out <path>', 'JSON: write to this file; CSV: write every table as TABLE.csv into this folder')
    .action(async (opts: { format: 'json' | 'csv'; table?: CsvTable; out?: string }) => {
      if (opts.format === 'csv' && !opts.out && !opts.table) {
        throw new CliError('usage', 'A CSV file holds one table: add --table (documents, entities, events, participants, quotes), or --out DIR for all of them.');
      }
      if (opts.format === 'json' && opts.table) throw new CliError('usage', '--table is for --format csv; JSON export always holds every table.');
      await withRuntime(ctx.config(), async ({ query, ctx: user, dialect }) => {
        const records: Reader = { query, ctx: user };
        const out = opts.out ? resolve(ctx.io.cwd, opts.out) : undefined;
        if (opts.format === 'json') {
          if (out) await toFile(out, (s) => exportJson(records, s, dialect));
          else await exportJson(records, ctx.io.stdout, dialect);
        } else if (!out) {
          await exportCsv(records, opts.table!, ctx.io.stdout);
        } else {
          await mkdir(out, { recursive: true });
          for (const table of opts.table ? [opts.table] : CSV_TABLES) await toFile(join(out, `${table}.csv`), (s) => exportCsv(records, table, s));
        }
        if (out) println(ctx.io.stderr, `exported to ${out}`);
      });
    });
}
