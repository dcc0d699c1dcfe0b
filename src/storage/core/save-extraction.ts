/**
 * The write path of ingestion: one document and everything extracted from it, in one
 * transaction, with entities matched to the ones already stored. This is the hot path
 * of bulk ingestion, so a save runs a fixed handful of statements whatever the size of
 * the document, each compiled once (statement-cache.ts).
 */
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Evidence, Extraction } from '../../domain/index.js';
import type { NewDocument, SaveResult } from '../port.js';
import { StoreError } from '../store.error.js';
import { matchEntities, PIPELINE_USER } from './entity-matching.js';
import { entitySearchDocs, eventSearchDoc, removeSearchDocs, type SearchDoc } from './full-text.js';
import { newId } from './ids.js';
import type { Db } from './rows.js';
import type { Database } from './schema.js';
import { IN_LIST_MAX, insertRows, paddedInList, type StatementCache } from './statement-cache.js';

export interface SaveOptions {
  /** Called first inside the transaction; PostgreSQL takes a lock so parallel workers match entities one at a time. */
  lock?: (trx: Db) => Promise<void>;
  now: () => string;
  statements: StatementCache;
  /** False when the full-text index reads a document's text from `documents` (no copy in its search row). */
  copyDocumentText: boolean;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// Every column each insert writes, in one fixed order (a compiled statement's order).
const COLUMNS = {
  documents: [
    'id', 'content_hash', 'source_hash', 'title', 'outlet', 'url', 'dateline', 'published',
    'language', 'classification', 'text', 'text_length', 'notes', 'ingested_at', 'ingested_by',
  ],
  entities: ['id', 'type', 'name', 'norm_name', 'attributes', 'iso2', 'review_state', 'merged_into', 'created_by', 'created_at', 'updated_at'],
  entity_aliases: ['entity_id', 'kind', 'alias', 'norm'],
  mentions: ['id', 'entity_id', 'document_id', 'span_start', 'span_end', 'text', 'rule'],
  events: [
    'id', 'document_id', 'type', 'label', 'status', 'time_start', 'time_end', 'time_precision', 'time_iso',
    'time_tense', 'time_ev_start', 'time_ev_end', 'time_ev_rule', 'parent_id', 'topics', 'cameo', 'plover',
    'ev_start', 'ev_end', 'ev_rule', 'review_state', 'created_by', 'created_at', 'updated_at',
  ],
  event_participants: ['id', 'event_id', 'entity_id', 'role', 'ev_start', 'ev_end', 'ev_rule'],
  quotes: [
    'id', 'document_id', 'text', 'speaker', 'speaker_entity_id', 'event_id', 'ev_start', 'ev_end', 'ev_rule',
    'sp_start', 'sp_end', 'sp_rule', 'review_state', 'created_at',
  ],
  history: ['id', 'at', 'actor', 'record_kind', 'record_id', 'action', 'field', 'before_value', 'after_value', 'note'],
  search_docs: ['kind', 'ref_id', 'title', 'body'],
} as const satisfies { [T in keyof Database]?: readonly (keyof Database[T] & string)[] };

function isValidSpan(ev: Evidence | undefined, length: number): ev is Evidence {
  return !!ev && Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.start >= 0 && ev.end >= ev.start && ev.end <= length;
}

/**
 * Parents before children, so every parent_id already exists when its child is inserted.
 * A parentKey naming no event is dropped by the caller (with a note), not fatal: the
 * event itself is still well founded.
 */
function parentsFirst<T extends { key: string; parentKey?: string; label: string }>(events: T[]): T[] {
  const byKey = new Map(events.map((e) => [e.key, e]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (e: T, path: Set<string>) => {
    if (done.has(e.key)) return;
    if (path.has(e.key)) {
      throw new StoreError('invalid', `Event "${e.label}" is its own ancestor (parentKey cycle); fix the extraction's parentKey values.`);
    }
    path.add(e.key);
    const parent = e.parentKey !== undefined && e.parentKey !== e.key ? byKey.get(e.parentKey) : undefined;
    if (parent) visit(parent, path);
    done.add(e.key);
    out.push(e);
  };
  for (const e of events) visit(e, new Set());
  return out;
}

/** Adds a new document's mentions to the counts kept on the entities it mentions. */
async function countMentions(db: Db, statements: StatementCache, documentId: string, entityIds: string[]): Promise<void> {
  for (let i = 0; i < entityIds.length; i += IN_LIST_MAX) {
    const ids = paddedInList(entityIds.slice(i, i + IN_LIST_MAX));
    await statements.run(
      db,
      `count mentions ${ids.length}`,
      ids.length + 1,
      ([doc, ...slots]) =>
        db
          .updateTable('entities')
          .set((eb) => ({
            mention_count: eb(
              'mention_count',
              '+',
              eb.selectFrom('mentions as m').whereRef('m.entity_id', '=', 'entities.id').where('m.document_id', '=', doc).select((sb) => sb.fn.countAll<number>().as('n')),
            ),
            document_count: eb('document_count', '+', eb.lit(1)),
          }))
          .where('id', 'in', slots),
      [documentId, ...ids],
    );
  }
}

/** The oldest document stored with this hash of its normalized text or of a caller's raw input. */
export async function findDocumentIdByHash(db: Db, statements: StatementCache, hash: string): Promise<string | undefined> {
  const { rows } = await statements.run<{ id: string }>(
    db,
    'document by hash',
    1,
    ([h]) =>
      db
        .selectFrom('documents')
        .where((eb) => eb.or([eb('content_hash', '=', h), eb('source_hash', '=', h)]))
        .select('id')
        .orderBy('ingested_at'),
    [hash],
  );
  return rows[0]?.id;
}

const NO_COUNTS: SaveResult['counts'] = { entities: 0, newEntities: 0, mentions: 0, events: 0, participants: 0, quotes: 0 };

function duplicate(documentId: string): SaveResult {
  return { status: 'duplicate', documentId, entityIds: {}, counts: { ...NO_COUNTS } };
}

export async function saveExtraction(db: Db, opts: SaveOptions, doc: NewDocument, x: Extraction): Promise<SaveResult> {
  const { statements } = opts;
  const hash = sha256(x.text);
  const sourceHash = doc.contentHash && doc.contentHash !== hash ? doc.contentHash : null;
  const existing = (sourceHash && (await findDocumentIdByHash(db, statements, sourceHash))) || (await findDocumentIdByHash(db, statements, hash));
  if (existing) return duplicate(existing);

  return db.transaction().execute(async (trx) => {
    await opts.lock?.(trx);
    const now = opts.now();
    const notes = [...x.notes];
    const length = x.text.length;
    const documentId = newId('doc');

    // ON CONFLICT covers a parallel worker that stored the same text a moment ago.
    const documentRow: Insertable<Database['documents']> = {
      id: documentId,
      content_hash: hash,
      source_hash: sourceHash,
      title: doc.title ?? x.source.title ?? null,
      outlet: doc.outlet ?? x.source.outlet ?? null,
      url: doc.url ?? x.source.url ?? null,
      dateline: doc.dateline ?? x.source.dateline ?? null,
      published: doc.published ?? x.source.published ?? null,
      language: doc.language ?? null,
      classification: doc.classification ?? null,
      text: x.text,
      text_length: length,
      notes: '[]',
      ingested_at: now,
      ingested_by: doc.ingestedBy,
    };
    const inserted = await statements.run<{ id: string }>(
      trx,
      'insert document',
      COLUMNS.documents.length,
      (args) =>
        trx
          .insertInto('documents')
          .values(Object.fromEntries(COLUMNS.documents.map((c, i) => [c, args[i]])) as Insertable<Database['documents']>)
          .onConflict((oc) => oc.column('content_hash').doNothing())
          .returning('id'),
      COLUMNS.documents.map((c) => documentRow[c]),
    );
    if (inserted.rows.length === 0) {
      const id = await findDocumentIdByHash(trx, statements, hash);
      if (!id) throw new StoreError('conflict', 'A document with this text was being stored at the same moment and then vanished; try again.');
      return duplicate(id);
    }

    // --- entities: match each against the stored ones, or create it
    const match = await matchEntities(trx, statements, x.entities, now);
    const { entities, entityIds } = match;
    await insertRows(trx, statements, 'entities', COLUMNS.entities, match.newEntityRows);
    await insertRows(trx, statements, 'entity_aliases', COLUMNS.entity_aliases, match.aliasRows);
    for (const u of match.attributeUpdates) {
      await trx.updateTable('entities').set({ attributes: u.attributes, iso2: u.iso2, updated_at: now }).where('id', '=', u.id).execute();
    }
    const searchDocs: SearchDoc[] = await entitySearchDocs(trx, match.touched);

    // --- mentions
    const mentionRows: Insertable<Database['mentions']>[] = [];
    let dropped = 0;
    for (const e of entities) {
      for (const m of e.mentions) {
        if (!isValidSpan(m, length)) {
          dropped++;
          continue;
        }
        mentionRows.push({
          id: newId('men'),
          entity_id: entityIds[e.key],
          document_id: documentId,
          span_start: m.start,
          span_end: m.end,
          text: m.text,
          rule: m.rule,
        });
      }
    }
    if (dropped > 0) notes.push(`storage: ${dropped} mention(s) dropped because their span lies outside the text`);
    await insertRows(trx, statements, 'mentions', COLUMNS.mentions, mentionRows);
    await countMentions(trx, statements, documentId, [...new Set(mentionRows.map((m) => m.entity_id))]);

    // --- events, parents first; a participant must name an entity of this extraction
    const eventIds: Record<string, string> = {};
    for (const ev of x.events) eventIds[ev.key] = eventIds[ev.key] ?? newId('evt');
    const spanOr = (ev: Evidence | undefined, what: string) => {
      if (ev === undefined) return undefined;
      if (isValidSpan(ev, length)) return ev;
      notes.push(`storage: evidence of ${what} dropped because its span lies outside the text`);
      return undefined;
    };
    const eventRows: Insertable<Database['events']>[] = [];
    const participantRows: Insertable<Database['event_participants']>[] = [];
    const seenEvents = new Set<string>();
    for (const ev of parentsFirst(x.events)) {
      if (seenEvents.has(ev.key)) continue;
      seenEvents.add(ev.key);
      const evEv = spanOr(ev.evidence, `event "${ev.label}"`);
      const timeEv = spanOr(ev.time?.evidence, `the date of "${ev.label}"`);
      eventRows.push({
        id: eventIds[ev.key],
        document_id: documentId,
        type: ev.type,
        label: ev.label,
        status: ev.status ?? null,
        time_start: ev.time?.start ?? null,
        time_end: ev.time?.end ?? null,
        time_precision: ev.time?.precision ?? null,
        time_iso: ev.time?.iso ?? null,
        time_tense: ev.time?.tense ?? null,
        time_ev_start: timeEv?.start ?? null,
        time_ev_end: timeEv?.end ?? null,
        time_ev_rule: timeEv?.rule ?? null,
        parent_id: ev.parentKey !== undefined && ev.parentKey !== ev.key ? (eventIds[ev.parentKey] ?? null) : null,
        topics: JSON.stringify(ev.topics ?? []),
        cameo: ev.cameo ?? null,
        plover: ev.plover ?? null,
        ev_start: evEv?.start ?? null,
        ev_end: evEv?.end ?? null,
        ev_rule: evEv?.rule ?? null,
        review_state: 'draft',
        created_by: PIPELINE_USER,
        created_at: now,
        updated_at: now,
      });
      if (ev.parentKey !== undefined && (!eventIds[ev.parentKey] || ev.parentKey === ev.key)) {
        notes.push(`storage: event "${ev.label}" named parent key "${ev.parentKey}", which is not an event of this text; stored without a parent`);
      }
      searchDocs.push(eventSearchDoc(eventIds[ev.key], ev.label, ev.topics ?? []));
      const seenParticipants = new Set<string>();
      for (const p of ev.participants ?? []) {
        const entityId = entityIds[p.entityKey];
        if (!entityId) {
          throw new StoreError(
            'invalid',
            `Event "${ev.label}" names participant key "${p.entityKey}", which is not an entity of this extraction; nothing was stored.`,
          );
        }
        // The same entity in the same role twice (two mentions) is one participation.
        if (seenParticipants.has(`${entityId}|${p.role}`)) continue;
        seenParticipants.add(`${entityId}|${p.role}`);
        const pEv = spanOr(p.evidence, `a participant of "${ev.label}"`);
        participantRows.push({
          id: newId('par'),
          event_id: eventIds[ev.key],
          entity_id: entityId,
          role: p.role,
          ev_start: pEv?.start ?? null,
          ev_end: pEv?.end ?? null,
          ev_rule: pEv?.rule ?? null,
        });
      }
    }
    await insertRows(trx, statements, 'events', COLUMNS.events, eventRows);
    await insertRows(trx, statements, 'event_participants', COLUMNS.event_participants, participantRows);

    // --- quotes
    const quoteRows: Insertable<Database['quotes']>[] = x.quotes.map((q) => {
      const qEv = spanOr(q.evidence, `a quote`);
      const sEv = spanOr(q.speakerEvidence, `a quote's speaker`);
      const speakerId = q.speakerKey !== undefined ? entityIds[q.speakerKey] : undefined;
      if (q.speakerKey !== undefined && !speakerId) {
        throw new StoreError('invalid', `A quote names speaker key "${q.speakerKey}", which is not an entity of this extraction; nothing was stored.`);
      }
      const eventId = q.eventKey !== undefined ? eventIds[q.eventKey] : undefined;
      if (q.eventKey !== undefined && !eventId) {
        throw new StoreError('invalid', `A quote refers to event key "${q.eventKey}", which is not an event of this extraction; nothing was stored.`);
      }
      return {
        id: newId('quo'),
        document_id: documentId,
        text: q.text,
        speaker: q.speaker,
        speaker_entity_id: speakerId ?? null,
        event_id: eventId ?? null,
        ev_start: qEv?.start ?? null,
        ev_end: qEv?.end ?? null,
        ev_rule: qEv?.rule ?? null,
        sp_start: sEv?.start ?? null,
        sp_end: sEv?.end ?? null,
        sp_rule: sEv?.rule ?? null,
        review_state: 'draft',
        created_at: now,
      };
    });
    await insertRows(trx, statements, 'quotes', COLUMNS.quotes, quoteRows);

    // --- search rows: only entities that had one before need theirs removed first
    searchDocs.push({ kind: 'document', refId: documentId, title: doc.title ?? x.source.title ?? '', body: opts.copyDocumentText ? x.text : '' });
    await removeSearchDocs(trx, match.touchedStored);
    await insertRows(
      trx,
      statements,
      'search_docs',
      COLUMNS.search_docs,
      searchDocs.map((d) => ({ kind: d.kind, ref_id: d.refId, title: d.title, body: d.body })),
    );

    if (notes.length > 0) {
      await trx.updateTable('documents').set({ notes: JSON.stringify(notes) }).where('id', '=', documentId).execute();
    }
    await insertRows(trx, statements, 'history', COLUMNS.history, [
      {
        id: newId('his'),
        at: now,
        actor: doc.ingestedBy,
        record_kind: 'document',
        record_id: documentId,
        action: 'ingest',
        field: '',
        before_value: null,
        after_value: JSON.stringify({ entities: Object.keys(entityIds).length, events: eventRows.length, quotes: quoteRows.length }),
        note: null,
      },
    ]);

    return {
      status: 'ingested' as const,
      documentId,
      entityIds,
      counts: {
        entities: entities.length,
        newEntities: match.newEntityRows.length,
        mentions: mentionRows.length,
        events: eventRows.length,
        participants: participantRows.length,
        quotes: quoteRows.length,
      },
    };
  });
}
