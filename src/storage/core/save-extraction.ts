/**
 * The write path of ingestion: one document and everything extracted from it, in one
 * transaction, with entities matched to the ones already stored. Inserts are batched
 * (a handful of statements per document, whatever its size) because this is the hot
 * path of bulk ingestion.
 */
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { EntityAttributes, Evidence, ExtractedEntity, Extraction } from '../../domain/index.js';
import type { NewDocument, SaveResult } from '../port.js';
import { StoreError } from '../store.error.js';
import { entitySearchDoc, eventSearchDoc, upsertSearchDocs, type SearchDoc } from './full-text.js';
import { newId } from './ids.js';
import { normalizeName } from './names.js';
import { inChunks, parseJson, type Db } from './rows.js';
import type { Database, EntityAliasesTable } from './schema.js';

export interface SaveOptions {
  /** Called first inside the transaction; PostgreSQL takes a lock so parallel workers match entities one at a time. */
  lock?: (trx: Db) => Promise<void>;
  now: () => string;
}

export const PIPELINE_USER = 'pipeline';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Rows per INSERT: SQLite allows 32766 bound values, PostgreSQL 65535. */
async function insertBatched<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[], perStatement = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as any)
      .execute();
  }
}

interface MatchKey {
  norm: string;
  /** name-to-name matches and lexicon/ISO keys count more than alias matches. */
  weight: number;
}

/** What an extracted entity can be recognised by. */
function matchKeys(e: ExtractedEntity): { keys: MatchKey[]; hidden: string[] } {
  const keys = new Map<string, number>();
  const add = (norm: string, weight: number) => {
    if (norm) keys.set(norm, Math.max(keys.get(norm) ?? 0, weight));
  };
  add(normalizeName(e.name), 2);
  for (const a of e.aliases ?? []) {
    const norm = normalizeName(a);
    // A bare surname ("Johnson") names many people: it may find this person later, but
    // must not pull this document's person onto another one.
    if (e.type === 'person' && !norm.includes(' ')) continue;
    add(norm, 1);
  }
  const hidden: string[] = [];
  const attrs = e.attributes ?? {};
  if (attrs.lexiconId) hidden.push(`lex:${attrs.lexiconId.toLowerCase()}`);
  if (e.type === 'country' && attrs.iso2) hidden.push(`iso:${attrs.iso2.toLowerCase()}`);
  for (const h of hidden) add(h, 3);
  return { keys: [...keys].map(([norm, weight]) => ({ norm, weight })), hidden };
}

function isValidSpan(ev: Evidence | undefined, length: number): ev is Evidence {
  return !!ev && Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.start >= 0 && ev.end >= ev.start && ev.end <= length;
}

/** Merges extracted entities that share a key (a pipeline may emit one per mention group). */
function groupByKey(entities: ExtractedEntity[]): ExtractedEntity[] {
  const byKey = new Map<string, ExtractedEntity>();
  for (const e of entities) {
    const seen = byKey.get(e.key);
    if (!seen) {
      byKey.set(e.key, { ...e, aliases: [...(e.aliases ?? [])], mentions: [...(e.mentions ?? [])], attributes: { ...(e.attributes ?? {}) } });
      continue;
    }
    seen.aliases.push(...(e.aliases ?? []), ...(e.name !== seen.name ? [e.name] : []));
    seen.mentions.push(...(e.mentions ?? []));
    seen.attributes = { ...e.attributes, ...seen.attributes };
  }
  return [...byKey.values()];
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

export async function findDocumentIdByHash(db: Db, hash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('documents')
    .where((eb) => eb.or([eb('content_hash', '=', hash), eb('source_hash', '=', hash)]))
    .select('id')
    .orderBy('ingested_at')
    .executeTakeFirst();
  return row?.id;
}

export async function saveExtraction(db: Db, opts: SaveOptions, doc: NewDocument, x: Extraction): Promise<SaveResult> {
  const hash = sha256(x.text);
  const sourceHash = doc.contentHash && doc.contentHash !== hash ? doc.contentHash : null;
  const duplicate = (documentId: string): SaveResult => ({
    status: 'duplicate',
    documentId,
    entityIds: {},
    counts: { entities: 0, newEntities: 0, mentions: 0, events: 0, participants: 0, quotes: 0 },
  });
  const existing = (sourceHash && (await findDocumentIdByHash(db, sourceHash))) || (await findDocumentIdByHash(db, hash));
  if (existing) return duplicate(existing);

  return db.transaction().execute(async (trx) => {
    await opts.lock?.(trx);
    const now = opts.now();
    const notes = [...x.notes];
    const length = x.text.length;
    const documentId = newId('doc');

    // ON CONFLICT covers a parallel worker that stored the same text a moment ago.
    const inserted = await trx
      .insertInto('documents')
      .values({
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
      })
      .onConflict((oc) => oc.column('content_hash').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const id = await findDocumentIdByHash(trx, hash);
      if (!id) throw new StoreError('conflict', 'A document with this text was being stored at the same moment and then vanished; try again.');
      return duplicate(id);
    }

    // --- entities: match each against the stored ones, or create it
    const entities = groupByKey(x.entities);
    const keyed = entities.map((e) => ({ e, ...matchKeys(e) }));
    const allNorms = [...new Set(keyed.flatMap((k) => k.keys.map((m) => m.norm)))];
    const candidates = await inChunks(allNorms, (s) =>
      trx
        .selectFrom('entity_aliases as a')
        .innerJoin('entities as e', 'e.id', 'a.entity_id')
        .where('a.norm', 'in', s)
        .where('e.merged_into', 'is', null)
        .select(['a.entity_id', 'a.norm', 'a.kind', 'e.type', 'e.created_at'])
        .execute(),
    );
    const byNorm = new Map<string, typeof candidates>();
    for (const c of candidates) {
      const list = byNorm.get(c.norm) ?? [];
      list.push(c);
      byNorm.set(c.norm, list);
    }

    const entityIds: Record<string, string> = {};
    const newEntityRows: Insertable<Database['entities']>[] = [];
    const aliasRows: Insertable<EntityAliasesTable>[] = [];
    const matched = new Map<string, ExtractedEntity[]>();
    for (const { e, keys } of keyed) {
      const score = new Map<string, { points: number; createdAt: string }>();
      for (const k of keys) {
        for (const c of byNorm.get(k.norm) ?? []) {
          if (c.type !== e.type) continue;
          const weight = k.weight === 2 && c.kind === 'name' ? 3 : k.weight;
          const s = score.get(c.entity_id) ?? { points: 0, createdAt: c.created_at };
          s.points += weight;
          score.set(c.entity_id, s);
        }
      }
      // Highest score wins; on a tie the older entity (the one people have seen longer).
      const best = [...score].sort((a, b) => b[1].points - a[1].points || a[1].createdAt.localeCompare(b[1].createdAt) || a[0].localeCompare(b[0]))[0];
      if (best) {
        entityIds[e.key] = best[0];
        matched.set(best[0], [...(matched.get(best[0]) ?? []), e]);
        continue;
      }
      const id = newId('ent');
      entityIds[e.key] = id;
      newEntityRows.push({
        id,
        type: e.type,
        name: e.name,
        norm_name: normalizeName(e.name),
        attributes: JSON.stringify(e.attributes ?? {}),
        iso2: e.attributes?.iso2 ?? null,
        review_state: 'draft',
        merged_into: null,
        created_by: PIPELINE_USER,
        created_at: now,
        updated_at: now,
      });
      // Later extracted entities in this same document can match this new one too.
      for (const k of keys) {
        const list = byNorm.get(k.norm) ?? [];
        list.push({ entity_id: id, norm: k.norm, kind: k.weight === 2 ? 'name' : 'alias', type: e.type, created_at: now });
        byNorm.set(k.norm, list);
      }
      aliasRows.push(...aliasRowsFor(id, e));
    }
    await insertBatched(trx, 'entities', newEntityRows, 100);
    await insertBatched(trx, 'entity_aliases', aliasRows, 500);

    // Stored entities learn new aliases and fill attributes they lack (never overwrite:
    // a value may have been set by a person).
    const touched = new Set(newEntityRows.map((r) => r.id));
    const matchedIds = [...matched.keys()];
    if (matchedIds.length > 0) {
      const [rows, known] = await Promise.all([
        inChunks(matchedIds, (s) => trx.selectFrom('entities').where('id', 'in', s).select(['id', 'name', 'attributes', 'iso2']).execute()),
        inChunks(matchedIds, (s) => trx.selectFrom('entity_aliases').where('entity_id', 'in', s).select(['entity_id', 'kind', 'norm']).execute()),
      ]);
      const have = new Set(known.map((k) => `${k.entity_id}|${k.kind}|${k.norm}`));
      const extra: Insertable<EntityAliasesTable>[] = [];
      for (const row of rows) {
        for (const e of matched.get(row.id)!) {
          for (const a of aliasRowsFor(row.id, e, row.name)) {
            const id = `${row.id}|${a.kind}|${a.norm}`;
            if (have.has(id) || (a.kind === 'alias' && have.has(`${row.id}|name|${a.norm}`))) continue;
            have.add(id);
            extra.push(a);
            if (a.kind === 'alias') touched.add(row.id);
          }
        }
        const attrs = parseJson<EntityAttributes>(row.attributes, {});
        const merged: EntityAttributes = { ...attrs };
        for (const e of matched.get(row.id)!) {
          for (const [k, v] of Object.entries(e.attributes ?? {}) as [keyof EntityAttributes, unknown][]) {
            if (merged[k] === undefined && v !== undefined) (merged as Record<string, unknown>)[k] = v;
          }
        }
        // Roles change: a later dated statement of a role replaces an earlier one, unless
        // a person set the role by hand (their edit is in history).
        const later = matched
          .get(row.id)!
          .map((e) => e.attributes ?? {})
          .filter((a) => a.role && a.roleDate && merged.roleDate && a.roleDate > merged.roleDate && a.role !== merged.role)
          .sort((a, b) => b.roleDate!.localeCompare(a.roleDate!))[0];
        if (later) {
          const edited = await trx
            .selectFrom('history')
            .select('id')
            .where('record_id', '=', row.id)
            .where('field', 'in', ['attributes.role', 'attributes.roleDate'])
            .executeTakeFirst();
          if (!edited) Object.assign(merged, { role: later.role, roleDate: later.roleDate });
        }
        if (JSON.stringify(merged) !== JSON.stringify(attrs)) {
          await trx
            .updateTable('entities')
            .set({ attributes: JSON.stringify(merged), iso2: merged.iso2 ?? row.iso2 ?? null, updated_at: now })
            .where('id', '=', row.id)
            .execute();
        }
      }
      await insertBatched(trx, 'entity_aliases', extra, 500);
    }
    const searchDocs: SearchDoc[] = await entitySearchDocs(trx, [...touched]);

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
    await insertBatched(trx, 'mentions', mentionRows, 500);

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
    await insertBatched(trx, 'events', eventRows, 100);
    await insertBatched(trx, 'event_participants', participantRows, 500);

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
    await insertBatched(trx, 'quotes', quoteRows, 200);

    searchDocs.push({ kind: 'document', refId: documentId, title: doc.title ?? x.source.title ?? '', body: x.text });
    await upsertSearchDocs(trx, searchDocs);

    if (notes.length > 0) {
      await trx.updateTable('documents').set({ notes: JSON.stringify(notes) }).where('id', '=', documentId).execute();
    }
    await trx
      .insertInto('history')
      .values({
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
      })
      .execute();

    return {
      status: 'ingested' as const,
      documentId,
      entityIds,
      counts: {
        entities: entities.length,
        newEntities: newEntityRows.length,
        mentions: mentionRows.length,
        events: eventRows.length,
        participants: participantRows.length,
        quotes: quoteRows.length,
      },
    };
  });
}

/** Search index rows for entities, read back so they include every alias just added. */
export async function entitySearchDocs(db: Db, ids: string[]): Promise<SearchDoc[]> {
  const rows = await inChunks(ids, (s) =>
    db.selectFrom('entity_aliases').where('entity_id', 'in', s).where('kind', 'in', ['name', 'alias']).select(['entity_id', 'kind', 'alias']).execute(),
  );
  const byId = new Map<string, { name: string; aliases: string[] }>();
  for (const r of rows) {
    const e = byId.get(r.entity_id) ?? { name: '', aliases: [] };
    if (r.kind === 'name') e.name = r.alias;
    else e.aliases.push(r.alias);
    byId.set(r.entity_id, e);
  }
  return [...byId].map(([id, e]) => entitySearchDoc(id, e.name, e.aliases));
}

/** Name, visible aliases and hidden match keys of an extracted entity as alias rows. */
function aliasRowsFor(entityId: string, e: ExtractedEntity, storedName?: string): Insertable<EntityAliasesTable>[] {
  const rows: Insertable<EntityAliasesTable>[] = [];
  const seen = new Set<string>();
  const push = (kind: string, alias: string) => {
    const norm = kind === 'key' ? alias : normalizeName(alias);
    if (!norm || seen.has(`${kind}|${norm}`)) return;
    seen.add(`${kind}|${norm}`);
    rows.push({ entity_id: entityId, kind, alias, norm });
  };
  const nameNorm = normalizeName(storedName ?? e.name);
  if (storedName === undefined) push('name', e.name);
  for (const a of [e.name, ...e.aliases]) {
    if (normalizeName(a) !== nameNorm) push('alias', a);
  }
  for (const h of matchKeys(e).hidden) push('key', h);
  return rows;
}
