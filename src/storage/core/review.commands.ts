/**
 * What people do to the record: review, edit, merge, split, create. Each command runs in
 * one transaction and writes a history row per changed field, so nothing a machine or a
 * person wrote is ever lost without trace.
 */
import type { Insertable } from 'kysely';
import {
  ENTITY_TYPES,
  EVENT_TYPES,
  MEETING_STATUSES,
  PROPOSAL_STATUSES,
  REVIEW_STATES,
  ROLES,
  type EntityAttributes,
  type EntityType,
  type EventStatus,
  type ReviewState,
} from '../../domain/index.js';
import type {
  EntityPatch,
  EventPatch,
  EventTimeInput,
  HistoryAction,
  NewEntity,
  NewEvent,
  ParticipantInput,
  QuotePatch,
  RecordKind,
  RecordRef,
  RequestContext,
  ReviewResult,
  SplitEntityInput,
} from '../port.js';
import { StoreError } from '../store.error.js';
import { entitySearchDocs, eventSearchDoc, removeSearchDocs, upsertSearchDocs } from './full-text.js';
import { newId } from './ids.js';
import { normalizeName } from './names.js';
import { parseJson, type Db } from './rows.js';
import type { Database } from './schema.js';

const EVENT_STATUSES_ALL: readonly EventStatus[] = [...MEETING_STATUSES, ...PROPOSAL_STATUSES];

export interface CommandContext {
  now: () => string;
}

interface Change {
  kind: RecordKind | 'document';
  id: string;
  action: HistoryAction;
  field?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

async function writeHistory(trx: Db, ctx: RequestContext, at: string, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  const rows: Insertable<Database['history']>[] = changes.map((c) => ({
    id: newId('his'),
    at,
    actor: ctx.user,
    record_kind: c.kind,
    record_id: c.id,
    action: c.action,
    field: c.field ?? '',
    before_value: c.before === undefined ? null : JSON.stringify(c.before),
    after_value: c.after === undefined ? null : JSON.stringify(c.after),
    note: c.note ?? null,
  }));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('history').values(rows.slice(i, i + 200)).execute();
}

function requireUser(ctx: RequestContext): void {
  if (!ctx || typeof ctx.user !== 'string' || ctx.user.trim() === '') {
    throw new StoreError('invalid', 'Every change must name the user making it: pass a RequestContext with a non-empty user.');
  }
}

function invalid(message: string): never {
  throw new StoreError('invalid', message);
}

function checkOneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) invalid(`Unknown ${what} "${value}": use one of ${allowed.join(', ')}.`);
  return value as T;
}

function checkName(name: string, what: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed || !normalizeName(trimmed)) invalid(`The ${what} is empty: give it at least one letter or digit.`);
  return trimmed;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkTime(t: EventTimeInput): EventTimeInput {
  if (!DAY.test(t.start) || !DAY.test(t.end)) invalid(`Event dates must be YYYY-MM-DD (got start "${t.start}", end "${t.end}").`);
  if (t.start > t.end) invalid(`The event starts (${t.start}) after it ends (${t.end}): swap them or fix one.`);
  checkOneOf(t.precision, ['day', 'week', 'month', 'year'] as const, 'date precision');
  checkOneOf(t.tense, ['past', 'present', 'future'] as const, 'tense');
  return t;
}

async function entityRowOrThrow(trx: Db, id: string) {
  const row = await trx.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new StoreError('not_found', `No entity with id ${id}.`);
  if (row.merged_into) {
    throw new StoreError('conflict', `Entity ${id} was merged into ${row.merged_into}; edit that entity instead.`);
  }
  return row;
}

async function checkEntitiesExist(trx: Db, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await trx.selectFrom('entities').select(['id', 'merged_into']).where('id', 'in', unique).execute();
  for (const id of unique) {
    const row = found.find((f) => f.id === id);
    if (!row) throw new StoreError('not_found', `No entity with id ${id}.`);
    if (row.merged_into) throw new StoreError('conflict', `Entity ${id} was merged into ${row.merged_into}; use that id.`);
  }
}

/** Guards a parent link: it must exist and must not make the event its own ancestor. */
async function checkParent(trx: Db, eventId: string | undefined, parentId: string): Promise<void> {
  let current: string | null = parentId;
  for (let hops = 0; current && hops < 50; hops++) {
    if (current === eventId) invalid(`Event ${parentId} cannot be the parent: it is ${eventId} itself or one of its parts.`);
    const row: { parent_id: string | null } | undefined = await trx
      .selectFrom('events')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) throw new StoreError('not_found', `No event with id ${current} (given as parent).`);
    current = row.parent_id;
  }
}

// ---------------------------------------------------------------------------------------

const TABLE = { entity: 'entities', event: 'events', quote: 'quotes' } as const;

export async function setReviewState(
  db: Db,
  cmd: CommandContext,
  ctx: RequestContext,
  ref: RecordRef,
  state: ReviewState,
  note?: string,
): Promise<ReviewResult | undefined> {
  requireUser(ctx);
  checkOneOf(ref.kind, ['entity', 'event', 'quote'] as const, 'record kind');
  checkOneOf(state, REVIEW_STATES, 'review state');
  return db.transaction().execute(async (trx) => {
    const table = TABLE[ref.kind];
    const row = await trx.selectFrom(table).select(['id', 'review_state']).where('id', '=', ref.id).executeTakeFirst();
    if (!row) return undefined;
    const previous = row.review_state as ReviewState;
    const at = cmd.now();
    if (previous !== state || note) {
      if (previous !== state) {
        if (table === 'quotes') await trx.updateTable('quotes').set({ review_state: state }).where('id', '=', ref.id).execute();
        else await trx.updateTable(table).set({ review_state: state, updated_at: at }).where('id', '=', ref.id).execute();
      }
      const action: HistoryAction = state === 'confirmed' ? 'confirm' : state === 'rejected' ? 'reject' : 'reopen';
      await writeHistory(trx, ctx, at, [{ kind: ref.kind, id: ref.id, action, field: 'reviewState', before: previous, after: state, note }]);
    }
    return { kind: ref.kind, id: ref.id, state, previousState: previous };
  });
}

// ---------------------------------------------------------------------------------------
// entities

/** Counts the mentions of entities whose mentions moved (merge, split) afresh. */
async function recountMentions(trx: Db, ids: string[]): Promise<void> {
  await trx
    .updateTable('entities')
    .set((eb) => ({
      mention_count: eb.selectFrom('mentions as m').whereRef('m.entity_id', '=', 'entities.id').select((sb) => sb.fn.countAll<number>().as('n')),
      document_count: eb.selectFrom('mentions as m').whereRef('m.entity_id', '=', 'entities.id').select((sb) => sb.fn.count<number>('m.document_id').distinct().as('n')),
    }))
    .where('id', 'in', ids)
    .execute();
}

async function aliasesOf(trx: Db, id: string): Promise<string[]> {
  const rows = await trx.selectFrom('entity_aliases').select('alias').where('entity_id', '=', id).where('kind', '=', 'alias').orderBy('alias').execute();
  return rows.map((r) => r.alias);
}

/** Replaces the visible aliases of an entity (the name row and hidden keys stay). */
async function writeAliases(trx: Db, id: string, name: string, aliases: string[]): Promise<void> {
  await trx.deleteFrom('entity_aliases').where('entity_id', '=', id).where('kind', '=', 'alias').execute();
  const nameNorm = normalizeName(name);
  const seen = new Set<string>([nameNorm]);
  const rows = [];
  for (const a of aliases) {
    const alias = a.trim();
    const norm = normalizeName(alias);
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    rows.push({ entity_id: id, kind: 'alias', alias, norm });
  }
  if (rows.length > 0) await trx.insertInto('entity_aliases').values(rows).execute();
}

async function writeName(trx: Db, id: string, name: string): Promise<void> {
  await trx.deleteFrom('entity_aliases').where('entity_id', '=', id).where('kind', '=', 'name').execute();
  await trx.insertInto('entity_aliases').values({ entity_id: id, kind: 'name', alias: name, norm: normalizeName(name) }).execute();
}

export async function updateEntity(db: Db, cmd: CommandContext, ctx: RequestContext, id: string, patch: EntityPatch): Promise<boolean> {
  requireUser(ctx);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('entities').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) return false;
    const row = await entityRowOrThrow(trx, id);
    const at = cmd.now();
    const changes: Change[] = [];
    const set: Partial<Insertable<Database['entities']>> = {};
    let name = row.name;
    let aliases = await aliasesOf(trx, id);
    const oldAliases = [...aliases];

    if (patch.type !== undefined && patch.type !== row.type) {
      set.type = checkOneOf(patch.type, ENTITY_TYPES, 'entity type');
      changes.push({ kind: 'entity', id, action: 'edit', field: 'type', before: row.type, after: patch.type });
    }
    if (patch.aliases !== undefined) {
      if (!Array.isArray(patch.aliases)) invalid('aliases must be a list of names.');
      aliases = patch.aliases.map((a) => String(a).trim()).filter((a) => a !== '');
    }
    if (patch.name !== undefined) {
      const next = checkName(patch.name, 'entity name');
      if (next !== row.name) {
        name = next;
        set.name = next;
        set.norm_name = normalizeName(next);
        changes.push({ kind: 'entity', id, action: 'edit', field: 'name', before: row.name, after: next });
        // The old name keeps matching future documents (unless the edit also set aliases).
        if (patch.aliases === undefined) aliases = [...aliases, row.name];
      }
    }
    if (set.name) await writeName(trx, id, name);
    if (patch.aliases !== undefined || set.name) {
      await writeAliases(trx, id, name, aliases);
      const after = await aliasesOf(trx, id);
      if (JSON.stringify(after) !== JSON.stringify(oldAliases)) {
        changes.push({ kind: 'entity', id, action: 'edit', field: 'aliases', before: oldAliases, after });
      }
    }
    if (patch.attributes !== undefined) {
      if (typeof patch.attributes !== 'object' || patch.attributes === null) invalid('attributes must be an object.');
      const before = parseJson<EntityAttributes>(row.attributes, {});
      const next: Record<string, unknown> = { ...before };
      for (const [k, v] of Object.entries(patch.attributes)) {
        if (v === null) delete next[k];
        else if (v !== undefined) next[k] = v;
      }
      for (const k of new Set([...Object.keys(before), ...Object.keys(next)])) {
        const b = (before as Record<string, unknown>)[k];
        const a = next[k];
        if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ kind: 'entity', id, action: 'edit', field: `attributes.${k}`, before: b ?? null, after: a ?? null });
      }
      set.attributes = JSON.stringify(next);
      set.iso2 = typeof next.iso2 === 'string' ? next.iso2 : null;
    }
    if (changes.length === 0) return true;
    set.updated_at = at;
    await trx.updateTable('entities').set(set).where('id', '=', id).execute();
    await upsertSearchDocs(trx, await entitySearchDocs(trx, [id]));
    await writeHistory(trx, ctx, at, changes);
    return true;
  });
}

export async function createEntity(db: Db, cmd: CommandContext, ctx: RequestContext, input: NewEntity): Promise<string> {
  requireUser(ctx);
  const type = checkOneOf(input.type, ENTITY_TYPES, 'entity type');
  const name = checkName(input.name, 'entity name');
  return db.transaction().execute(async (trx) => {
    const id = newId('ent');
    const at = cmd.now();
    const attributes = input.attributes ?? {};
    await trx
      .insertInto('entities')
      .values({
        id,
        type,
        name,
        norm_name: normalizeName(name),
        attributes: JSON.stringify(attributes),
        iso2: attributes.iso2 ?? null,
        review_state: 'confirmed',
        merged_into: null,
        created_by: ctx.user,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await writeName(trx, id, name);
    await writeAliases(trx, id, name, input.aliases ?? []);
    await upsertSearchDocs(trx, await entitySearchDocs(trx, [id]));
    await writeHistory(trx, ctx, at, [{ kind: 'entity', id, action: 'create', after: { type, name, aliases: input.aliases ?? [], attributes } }]);
    return id;
  });
}

export async function mergeEntities(db: Db, cmd: CommandContext, ctx: RequestContext, intoId: string, fromId: string): Promise<boolean> {
  requireUser(ctx);
  if (intoId === fromId) invalid(`Cannot merge entity ${intoId} into itself: pick two different entities.`);
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('entities').select('id').where('id', 'in', [intoId, fromId]).execute();
    if (found.length < 2) return false;
    const into = await entityRowOrThrow(trx, intoId);
    const from = await entityRowOrThrow(trx, fromId);
    const at = cmd.now();

    await trx.updateTable('mentions').set({ entity_id: intoId }).where('entity_id', '=', fromId).execute();
    await trx.updateTable('event_participants').set({ entity_id: intoId }).where('entity_id', '=', fromId).execute();
    // Both may have held the same role in one event ("NATO" and "the alliance" as host): keep one.
    await trx
      .deleteFrom('event_participants')
      .where('entity_id', '=', intoId)
      .where('id', 'not in', (eb) =>
        eb.selectFrom('event_participants as k').where('k.entity_id', '=', intoId).groupBy(['k.event_id', 'k.role']).select((k) => k.fn.min('k.id').as('id')),
      )
      .execute();
    await trx.updateTable('quotes').set({ speaker_entity_id: intoId }).where('speaker_entity_id', '=', fromId).execute();
    // Entities merged into `from` earlier now point straight at the survivor.
    await trx.updateTable('entities').set({ merged_into: intoId, updated_at: at }).where('merged_into', '=', fromId).execute();

    // Every name of `from` becomes an alias (or key) of `into`.
    const [fromAliases, intoAliases] = await Promise.all([
      trx.selectFrom('entity_aliases').selectAll().where('entity_id', '=', fromId).execute(),
      trx.selectFrom('entity_aliases').selectAll().where('entity_id', '=', intoId).execute(),
    ]);
    const have = new Set(intoAliases.map((a) => `${a.kind === 'key' ? 'key' : 'n'}|${a.norm}`));
    const moved = [];
    for (const a of fromAliases) {
      const kind = a.kind === 'key' ? 'key' : 'alias';
      const k = `${kind === 'key' ? 'key' : 'n'}|${a.norm}`;
      if (have.has(k)) continue;
      have.add(k);
      moved.push({ entity_id: intoId, kind, alias: a.alias, norm: a.norm });
    }
    await trx.deleteFrom('entity_aliases').where('entity_id', '=', fromId).execute();
    if (moved.length > 0) await trx.insertInto('entity_aliases').values(moved).execute();

    // Attributes `into` lacks are taken from `from`; its own values stay.
    const intoAttrs = parseJson<EntityAttributes>(into.attributes, {});
    const merged = { ...parseJson<EntityAttributes>(from.attributes, {}), ...intoAttrs };
    await trx
      .updateTable('entities')
      .set({ attributes: JSON.stringify(merged), iso2: merged.iso2 ?? null, updated_at: at })
      .where('id', '=', intoId)
      .execute();
    await trx.updateTable('entities').set({ merged_into: intoId, updated_at: at }).where('id', '=', fromId).execute();
    await recountMentions(trx, [intoId, fromId]);

    await removeSearchDocs(trx, [fromId]);
    await upsertSearchDocs(trx, await entitySearchDocs(trx, [intoId]));
    await writeHistory(trx, ctx, at, [
      { kind: 'entity', id: fromId, action: 'merge', field: 'mergedInto', before: null, after: intoId },
      { kind: 'entity', id: intoId, action: 'merge', field: 'mergedFrom', before: null, after: { id: fromId, name: from.name } },
    ]);
    return true;
  });
}

export async function splitEntity(
  db: Db,
  cmd: CommandContext,
  ctx: RequestContext,
  id: string,
  input: SplitEntityInput,
): Promise<string | undefined> {
  requireUser(ctx);
  const mentionIds = input.mentionIds ?? [];
  const aliasNames = input.aliases ?? [];
  const participantIds = input.participantIds ?? [];
  if (mentionIds.length + aliasNames.length + participantIds.length === 0) {
    invalid('A split needs something to move: give mentionIds, aliases or participantIds of the entity.');
  }
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('entities').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) return undefined;
    const original = await entityRowOrThrow(trx, id);
    const at = cmd.now();

    const [mentions, aliases, parts] = await Promise.all([
      mentionIds.length
        ? trx.selectFrom('mentions').select(['id', 'entity_id', 'text']).where('id', 'in', mentionIds).execute()
        : Promise.resolve([]),
      trx.selectFrom('entity_aliases').selectAll().where('entity_id', '=', id).where('kind', '=', 'alias').execute(),
      participantIds.length
        ? trx.selectFrom('event_participants').select(['id', 'entity_id']).where('id', 'in', participantIds).execute()
        : Promise.resolve([]),
    ]);
    for (const mid of mentionIds) {
      if (!mentions.some((m) => m.id === mid && m.entity_id === id)) invalid(`Mention ${mid} does not belong to entity ${id}.`);
    }
    for (const pid of participantIds) {
      if (!parts.some((p) => p.id === pid && p.entity_id === id)) invalid(`Participation ${pid} does not belong to entity ${id}.`);
    }
    const movedAliases = aliasNames.map((name) => {
      const alias = aliases.find((a) => a.norm === normalizeName(name));
      if (!alias) invalid(`"${name}" is not an alias of entity ${id}; its aliases are: ${aliases.map((a) => a.alias).join(', ') || 'none'}.`);
      return alias;
    });

    const name = checkName(input.name ?? movedAliases[0]?.alias ?? mentions[0]?.text ?? '', 'name of the new entity');
    const type = input.type ? checkOneOf(input.type, ENTITY_TYPES, 'entity type') : (original.type as EntityType);
    const newIdValue = newId('ent');
    await trx
      .insertInto('entities')
      .values({
        id: newIdValue,
        type,
        name,
        norm_name: normalizeName(name),
        attributes: '{}',
        iso2: null,
        review_state: 'confirmed',
        merged_into: null,
        created_by: ctx.user,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await writeName(trx, newIdValue, name);
    if (movedAliases.length > 0) {
      await trx
        .deleteFrom('entity_aliases')
        .where('entity_id', '=', id)
        .where('kind', '=', 'alias')
        .where(
          'norm',
          'in',
          movedAliases.map((a) => a.norm),
        )
        .execute();
      await writeAliases(
        trx,
        newIdValue,
        name,
        movedAliases.map((a) => a.alias),
      );
    }
    if (mentionIds.length) await trx.updateTable('mentions').set({ entity_id: newIdValue }).where('id', 'in', mentionIds).execute();
    if (participantIds.length) {
      await trx.updateTable('event_participants').set({ entity_id: newIdValue }).where('id', 'in', participantIds).execute();
    }
    await trx.updateTable('entities').set({ updated_at: at }).where('id', '=', id).execute();
    if (mentionIds.length) await recountMentions(trx, [id, newIdValue]);
    await upsertSearchDocs(trx, await entitySearchDocs(trx, [id, newIdValue]));
    const moved = { mentionIds, aliases: movedAliases.map((a) => a.alias), participantIds };
    await writeHistory(trx, ctx, at, [
      { kind: 'entity', id, action: 'split', field: 'splitInto', before: null, after: { id: newIdValue, name, ...moved } },
      { kind: 'entity', id: newIdValue, action: 'create', after: { type, name, splitFrom: id, ...moved } },
    ]);
    return newIdValue;
  });
}

// ---------------------------------------------------------------------------------------
// events

function checkParticipants(list: ParticipantInput[]): ParticipantInput[] {
  if (!Array.isArray(list)) invalid('participants must be a list of { entityId, role }.');
  for (const p of list) checkOneOf(p.role, ROLES, 'participant role');
  return list;
}

async function insertEvent(trx: Db, ctx: RequestContext, at: string, input: NewEvent, parentId: string | undefined): Promise<string> {
  const type = checkOneOf(input.type, EVENT_TYPES, 'event type');
  const label = checkName(input.label, 'event label');
  if (input.status !== undefined) checkOneOf(input.status, EVENT_STATUSES_ALL, 'event status');
  const time = input.time ? checkTime(input.time) : undefined;
  const participants = [...checkParticipants(input.participants ?? []), ...(input.places ?? []).map((entityId) => ({ entityId, role: 'place' as const }))];
  await checkEntitiesExist(
    trx,
    participants.map((p) => p.entityId),
  );
  if (parentId) await checkParent(trx, undefined, parentId);
  const id = newId('evt');
  await trx
    .insertInto('events')
    .values({
      id,
      document_id: null,
      type,
      label,
      status: input.status ?? null,
      time_start: time?.start ?? null,
      time_end: time?.end ?? null,
      time_precision: time?.precision ?? null,
      time_iso: time?.iso ?? null,
      time_tense: time?.tense ?? null,
      time_ev_start: null,
      time_ev_end: null,
      time_ev_rule: null,
      parent_id: parentId ?? null,
      topics: JSON.stringify(input.topics ?? []),
      cameo: input.cameo ?? null,
      plover: input.plover ?? null,
      ev_start: null,
      ev_end: null,
      ev_rule: null,
      review_state: 'confirmed',
      created_by: ctx.user,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await insertParticipants(trx, id, participants);
  await upsertSearchDocs(trx, [eventSearchDoc(id, label, input.topics ?? [])]);
  return id;
}

async function insertParticipants(trx: Db, eventId: string, list: ParticipantInput[]): Promise<void> {
  if (list.length === 0) return;
  await trx
    .insertInto('event_participants')
    .values(list.map((p) => ({ id: newId('par'), event_id: eventId, entity_id: p.entityId, role: p.role, ev_start: null, ev_end: null, ev_rule: null })))
    .execute();
}

export async function createEvent(db: Db, cmd: CommandContext, ctx: RequestContext, input: NewEvent): Promise<string> {
  requireUser(ctx);
  return db.transaction().execute(async (trx) => {
    const at = cmd.now();
    const id = await insertEvent(trx, ctx, at, input, input.parentId);
    const changes: Change[] = [{ kind: 'event', id, action: 'create', after: { ...input, sessions: undefined } }];
    for (const session of input.sessions ?? []) {
      const sid = await insertEvent(trx, ctx, at, session, id);
      changes.push({ kind: 'event', id: sid, action: 'create', after: { ...session, parentId: id } });
    }
    await writeHistory(trx, ctx, at, changes);
    return id;
  });
}

export async function updateEvent(db: Db, cmd: CommandContext, ctx: RequestContext, id: string, patch: EventPatch): Promise<boolean> {
  requireUser(ctx);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    const at = cmd.now();
    const changes: Change[] = [];
    const set: Partial<Insertable<Database['events']>> = {};
    const edit = (field: string, before: unknown, after: unknown) => {
      if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) {
        changes.push({ kind: 'event', id, action: 'edit', field, before: before ?? null, after: after ?? null });
        return true;
      }
      return false;
    };

    if (patch.type !== undefined && edit('type', row.type, checkOneOf(patch.type, EVENT_TYPES, 'event type'))) set.type = patch.type;
    if (patch.label !== undefined) {
      const label = checkName(patch.label, 'event label');
      if (edit('label', row.label, label)) set.label = label;
    }
    if (patch.status !== undefined) {
      if (patch.status !== null) checkOneOf(patch.status, EVENT_STATUSES_ALL, 'event status');
      if (edit('status', row.status, patch.status)) set.status = patch.status;
    }
    if (patch.time !== undefined) {
      const before = row.time_start
        ? { start: row.time_start, end: row.time_end, precision: row.time_precision, iso: row.time_iso, tense: row.time_tense }
        : null;
      const t = patch.time === null ? null : checkTime(patch.time);
      const after = t ? { start: t.start, end: t.end, precision: t.precision, iso: t.iso, tense: t.tense } : null;
      if (edit('time', before, after)) {
        Object.assign(set, {
          time_start: t?.start ?? null,
          time_end: t?.end ?? null,
          time_precision: t?.precision ?? null,
          time_iso: t?.iso ?? null,
          time_tense: t?.tense ?? null,
          // The old words no longer support the new date.
          time_ev_start: null,
          time_ev_end: null,
          time_ev_rule: null,
        });
      }
    }
    if (patch.parentId !== undefined) {
      if (patch.parentId !== null) await checkParent(trx, id, patch.parentId);
      if (edit('parentId', row.parent_id, patch.parentId)) set.parent_id = patch.parentId;
    }
    if (patch.topics !== undefined) {
      if (!Array.isArray(patch.topics)) invalid('topics must be a list of words.');
      if (edit('topics', parseJson<string[]>(row.topics, []), patch.topics)) set.topics = JSON.stringify(patch.topics);
    }
    if (patch.cameo !== undefined && edit('cameo', row.cameo, patch.cameo)) set.cameo = patch.cameo;
    if (patch.plover !== undefined && edit('plover', row.plover, patch.plover)) set.plover = patch.plover;

    for (const [field, replacePlaces] of [
      ['places', true],
      ['participants', false],
    ] as const) {
      const wanted: ParticipantInput[] | undefined = replacePlaces
        ? patch.places?.map((entityId) => ({ entityId, role: 'place' as const }))
        : patch.participants && checkParticipants(patch.participants).filter((p) => p.role !== 'place');
      if (wanted === undefined) continue;
      await checkEntitiesExist(
        trx,
        wanted.map((p) => p.entityId),
      );
      const current = await trx
        .selectFrom('event_participants')
        .select(['id', 'entity_id', 'role'])
        .where('event_id', '=', id)
        .where('role', replacePlaces ? '=' : '!=', 'place')
        .orderBy('id')
        .execute();
      const key = (p: { entityId?: string; entity_id?: string; role: string }) => `${p.role}|${p.entityId ?? p.entity_id}`;
      const before = [...new Set(current.map(key))].sort();
      const after = [...new Set(wanted.map(key))].sort();
      if (!edit(field, before, after)) continue;
      // Rows that stay keep their id and evidence; only the difference is written.
      const keep = new Set(after);
      const removeIds = current.filter((c) => !keep.has(key(c))).map((c) => c.id);
      if (removeIds.length) await trx.deleteFrom('event_participants').where('id', 'in', removeIds).execute();
      const present = new Set(current.map(key));
      const added = wanted.filter((w, i, all) => !present.has(key(w)) && all.findIndex((o) => key(o) === key(w)) === i);
      await insertParticipants(trx, id, added);
    }

    if (changes.length === 0) return true;
    set.updated_at = at;
    await trx.updateTable('events').set(set).where('id', '=', id).execute();
    if (set.label !== undefined || set.topics !== undefined) {
      await upsertSearchDocs(trx, [eventSearchDoc(id, set.label ?? row.label, parseJson<string[]>(set.topics ?? row.topics, []))]);
    }
    await writeHistory(trx, ctx, at, changes);
    return true;
  });
}

export async function updateQuote(db: Db, cmd: CommandContext, ctx: RequestContext, id: string, patch: QuotePatch): Promise<boolean> {
  requireUser(ctx);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    const changes: Change[] = [];
    const set: Partial<Insertable<Database['quotes']>> = {};
    if (patch.text !== undefined) {
      const text = checkName(patch.text, 'quote text');
      if (text !== row.text) (set.text = text), changes.push({ kind: 'quote', id, action: 'edit', field: 'text', before: row.text, after: text });
    }
    if (patch.speaker !== undefined) {
      const speaker = checkName(patch.speaker, 'speaker');
      if (speaker !== row.speaker) (set.speaker = speaker), changes.push({ kind: 'quote', id, action: 'edit', field: 'speaker', before: row.speaker, after: speaker });
    }
    if (patch.speakerEntityId !== undefined && patch.speakerEntityId !== row.speaker_entity_id) {
      if (patch.speakerEntityId !== null) await checkEntitiesExist(trx, [patch.speakerEntityId]);
      set.speaker_entity_id = patch.speakerEntityId;
      changes.push({ kind: 'quote', id, action: 'edit', field: 'speakerEntityId', before: row.speaker_entity_id, after: patch.speakerEntityId });
    }
    if (patch.eventId !== undefined && patch.eventId !== row.event_id) {
      if (patch.eventId !== null) {
        const ev = await trx.selectFrom('events').select('id').where('id', '=', patch.eventId).executeTakeFirst();
        if (!ev) throw new StoreError('not_found', `No event with id ${patch.eventId}.`);
      }
      set.event_id = patch.eventId;
      changes.push({ kind: 'quote', id, action: 'edit', field: 'eventId', before: row.event_id, after: patch.eventId });
    }
    if (changes.length === 0) return true;
    await trx.updateTable('quotes').set(set).where('id', '=', id).execute();
    await writeHistory(trx, ctx, cmd.now(), changes);
    return true;
  });
}
