/**
 * Matching the entities of one extraction to the stored ones: by type plus normalized
 * name or alias, or by lexicon id / ISO code. One query per document reads every stored
 * alias that could matter (those sharing a normalized form with a name or alias of this
 * extraction), so the later steps need no further reads.
 */
import type { Insertable } from 'kysely';
import type { EntityAttributes, ExtractedEntity } from '../../domain/index.js';
import { newId } from './ids.js';
import { normalizeName } from './names.js';
import { parseJson, type Db } from './rows.js';
import type { EntitiesTable, EntityAliasesTable } from './schema.js';
import { IN_LIST_MAX, paddedInList, type StatementCache } from './statement-cache.js';

export const PIPELINE_USER = 'pipeline';

interface MatchKey {
  norm: string;
  /** name-to-name matches and lexicon/ISO keys count more than alias matches. */
  weight: number;
}

interface Keyed {
  e: ExtractedEntity;
  keys: MatchKey[];
  hidden: string[];
}

// Names repeat within a save and from one document to the next ("NATO", "Ukraine"):
// each is normalized once (the cache starts over when it grows large).
const normalizedNames = new Map<string, string>();

function normalized(name: string): string {
  let norm = normalizedNames.get(name);
  if (norm === undefined) {
    if (normalizedNames.size >= 20_000) normalizedNames.clear();
    normalizedNames.set(name, (norm = normalizeName(name)));
  }
  return norm;
}

function addKey(keys: Map<string, number>, norm: string, weight: number): void {
  if (norm) keys.set(norm, Math.max(keys.get(norm) ?? 0, weight));
}

/** What an extracted entity can be recognised by. */
function matchKeys(e: ExtractedEntity): Keyed {
  const keys = new Map<string, number>();
  addKey(keys, normalized(e.name), 2);
  for (const a of e.aliases ?? []) {
    const norm = normalized(a);
    // A bare surname ("Johnson") names many people: it may find this person later, but
    // must not pull this document's person onto another one.
    if (e.type === 'person' && !norm.includes(' ')) continue;
    addKey(keys, norm, 1);
  }
  const hidden: string[] = [];
  const attrs = e.attributes ?? {};
  if (attrs.lexiconId) hidden.push(`lex:${attrs.lexiconId.toLowerCase()}`);
  if (e.type === 'country' && attrs.iso2) hidden.push(`iso:${attrs.iso2.toLowerCase()}`);
  for (const h of hidden) addKey(keys, h, 3);
  return { e, keys: [...keys].map(([norm, weight]) => ({ norm, weight })), hidden };
}

/** Merges extracted entities that share a key (a pipeline may emit one per mention group). */
export function groupByKey(entities: ExtractedEntity[]): ExtractedEntity[] {
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

function pushAlias(rows: Insertable<EntityAliasesTable>[], seen: Set<string>, entityId: string, kind: string, alias: string, norm: string): void {
  if (!norm || seen.has(`${kind}|${norm}`)) return;
  seen.add(`${kind}|${norm}`);
  rows.push({ entity_id: entityId, kind, alias, norm });
}

/** Name, visible aliases and hidden match keys of an extracted entity as alias rows. */
function aliasRowsFor(entityId: string, k: Keyed, storedName?: string): Insertable<EntityAliasesTable>[] {
  const rows: Insertable<EntityAliasesTable>[] = [];
  const seen = new Set<string>();
  const nameNorm = normalized(storedName ?? k.e.name);
  if (storedName === undefined) pushAlias(rows, seen, entityId, 'name', k.e.name, nameNorm);
  for (const a of [k.e.name, ...k.e.aliases]) {
    const norm = normalized(a);
    if (norm !== nameNorm) pushAlias(rows, seen, entityId, 'alias', a, norm);
  }
  for (const h of k.hidden) pushAlias(rows, seen, entityId, 'key', h, h);
  return rows;
}

interface Candidate {
  entity_id: string;
  norm: string;
  kind: string;
  type: string;
  created_at: string;
}

/** A stored entity as this save sees it, or one this save creates (`row` set). */
interface Known {
  name: string;
  attributes: string;
  iso2: string | null;
  /** `kind|norm` of its alias rows, as far as they can collide with this extraction's. */
  aliases: Set<string>;
  row?: Insertable<EntitiesTable>;
}

interface CandidateRow extends Candidate {
  name: string;
  attributes: string;
  iso2: string | null;
}

/** Every live entity that has an alias row with one of `norms`, once per such row. */
async function findCandidates(db: Db, cache: StatementCache, norms: string[]): Promise<CandidateRow[]> {
  const out: CandidateRow[] = [];
  for (let i = 0; i < norms.length; i += IN_LIST_MAX) {
    const args = paddedInList(norms.slice(i, i + IN_LIST_MAX));
    const result = await cache.run<CandidateRow>(
      db,
      `match entities ${args.length}`,
      args.length,
      // CROSS JOIN keeps SQLite reading aliases first (a seek per name); given the
      // choice it walked every live entity through the merged_into index instead.
      (s) =>
        db
          .selectFrom('entity_aliases as a')
          .crossJoin('entities as e')
          .whereRef('e.id', '=', 'a.entity_id')
          .where('a.norm', 'in', s)
          .where('e.merged_into', 'is', null)
          .select(['a.entity_id', 'a.norm', 'a.kind', 'e.type', 'e.created_at', 'e.name', 'e.attributes', 'e.iso2']),
      args,
    );
    out.push(...result.rows);
  }
  return out;
}

/** Highest score wins; on a tie the older entity (the one people have seen longer), then the lower id. */
function bestScored(score: Map<string, { points: number; createdAt: string }>): string | undefined {
  let best: string | undefined;
  let top = { points: -Infinity, createdAt: '' };
  for (const [id, s] of score) {
    const better = s.points > top.points || (s.points === top.points && (s.createdAt < top.createdAt || (s.createdAt === top.createdAt && id < best!)));
    if (better) {
      best = id;
      top = s;
    }
  }
  return best;
}

export interface EntityMatch {
  /** Extracted entity key → stored or new entity id. */
  entityIds: Record<string, string>;
  /** The extracted entities, grouped by key. */
  entities: ExtractedEntity[];
  newEntityRows: Insertable<EntitiesTable>[];
  /** Alias rows of the new entities, then new aliases of stored ones. */
  aliasRows: Insertable<EntityAliasesTable>[];
  /** Stored entities whose attributes this extraction completes. */
  attributeUpdates: { id: string; attributes: string; iso2: string | null }[];
  /** Entities whose search row must be written: the new ones and those with a new alias. */
  touched: string[];
  /** The touched entities that already have a search row. */
  touchedStored: string[];
}

/**
 * Matches each extracted entity to a stored one, or plans a new one. Nothing is written
 * here; the history table is read only when a later-dated role might replace a stored one.
 */
export async function matchEntities(db: Db, cache: StatementCache, extracted: ExtractedEntity[], now: string): Promise<EntityMatch> {
  const entities = groupByKey(extracted);
  const keyed = entities.map(matchKeys);
  // Surnames are read too: they never match, but may already be stored as aliases.
  const norms = new Set<string>();
  for (const k of keyed) {
    for (const m of k.keys) norms.add(m.norm);
    for (const a of [k.e.name, ...k.e.aliases]) {
      const norm = normalized(a);
      if (norm) norms.add(norm);
    }
  }
  const byNorm = new Map<string, Candidate[]>();
  const known = new Map<string, Known>();
  for (const c of await findCandidates(db, cache, [...norms])) {
    const list = byNorm.get(c.norm);
    if (list) list.push(c);
    else byNorm.set(c.norm, [c]);
    let entity = known.get(c.entity_id);
    if (!entity) known.set(c.entity_id, (entity = { name: c.name, attributes: c.attributes, iso2: c.iso2, aliases: new Set() }));
    entity.aliases.add(`${c.kind}|${c.norm}`);
  }

  const entityIds: Record<string, string> = {};
  const newEntityRows: Insertable<EntitiesTable>[] = [];
  const aliasRows: Insertable<EntityAliasesTable>[] = [];
  const matched = new Map<string, Keyed[]>();
  for (const k of keyed) {
    const { e, keys } = k;
    const score = new Map<string, { points: number; createdAt: string }>();
    for (const key of keys) {
      for (const c of byNorm.get(key.norm) ?? []) {
        if (c.type !== e.type) continue;
        const weight = key.weight === 2 && c.kind === 'name' ? 3 : key.weight;
        const s = score.get(c.entity_id) ?? { points: 0, createdAt: c.created_at };
        s.points += weight;
        score.set(c.entity_id, s);
      }
    }
    const best = bestScored(score);
    if (best) {
      entityIds[e.key] = best;
      const list = matched.get(best);
      if (list) list.push(k);
      else matched.set(best, [k]);
      continue;
    }
    const id = newId('ent');
    entityIds[e.key] = id;
    const row: Insertable<EntitiesTable> = {
      id,
      type: e.type,
      name: e.name,
      norm_name: normalized(e.name),
      attributes: JSON.stringify(e.attributes ?? {}),
      iso2: e.attributes?.iso2 ?? null,
      review_state: 'draft',
      merged_into: null,
      created_by: PIPELINE_USER,
      created_at: now,
      updated_at: now,
    };
    newEntityRows.push(row);
    // Later extracted entities in this same document can match this new one too.
    for (const key of keys) {
      const c = { entity_id: id, norm: key.norm, kind: key.weight === 2 ? 'name' : 'alias', type: e.type, created_at: now };
      const list = byNorm.get(key.norm);
      if (list) list.push(c);
      else byNorm.set(key.norm, [c]);
    }
    const rows = aliasRowsFor(id, k);
    aliasRows.push(...rows);
    known.set(id, { name: row.name, attributes: row.attributes!, iso2: row.iso2 ?? null, aliases: new Set(rows.map((r) => `${r.kind}|${r.norm}`)), row });
  }

  // Matched entities learn new aliases and fill attributes they lack (never overwrite:
  // a value may have been set by a person).
  const touched = new Set(newEntityRows.map((r) => r.id));
  const touchedStored: string[] = [];
  const attributeUpdates: EntityMatch['attributeUpdates'] = [];
  for (const [id, group] of matched) {
    const entity = known.get(id)!;
    for (const k of group) {
      for (const a of aliasRowsFor(id, k, entity.name)) {
        const kindNorm = `${a.kind}|${a.norm}`;
        if (entity.aliases.has(kindNorm) || (a.kind === 'alias' && entity.aliases.has(`name|${a.norm}`))) continue;
        entity.aliases.add(kindNorm);
        aliasRows.push(a);
        if (a.kind === 'alias' && !touched.has(id)) {
          touched.add(id);
          touchedStored.push(id);
        }
      }
    }
    const attrs = parseJson<EntityAttributes>(entity.attributes, {});
    const merged: EntityAttributes = { ...attrs };
    let changed = false;
    for (const { e } of group) {
      for (const [key, v] of Object.entries(e.attributes ?? {}) as [keyof EntityAttributes, unknown][]) {
        if (merged[key] === undefined && v !== undefined) {
          (merged as Record<string, unknown>)[key] = v;
          changed = true;
        }
      }
    }
    // Roles change: a later dated statement of a role replaces an earlier one, unless
    // a person set the role by hand (their edit is in history; a new entity has none).
    const later = group
      .map(({ e }) => e.attributes ?? {})
      .filter((a) => a.role && a.roleDate && merged.roleDate && a.roleDate > merged.roleDate && a.role !== merged.role)
      .sort((a, b) => b.roleDate!.localeCompare(a.roleDate!))[0];
    if (later && (entity.row || !(await isRoleEditedByHand(db, id)))) {
      Object.assign(merged, { role: later.role, roleDate: later.roleDate });
      changed = true;
    }
    if (!changed) continue;
    const attributes = JSON.stringify(merged);
    const iso2 = merged.iso2 ?? entity.iso2 ?? null;
    if (entity.row) Object.assign(entity.row, { attributes, iso2 });
    else attributeUpdates.push({ id, attributes, iso2 });
  }
  return { entityIds, entities, newEntityRows, aliasRows, attributeUpdates, touched: [...touched], touchedStored };
}

async function isRoleEditedByHand(db: Db, entityId: string): Promise<boolean> {
  const edited = await db
    .selectFrom('history')
    .select('id')
    .where('record_id', '=', entityId)
    .where('field', 'in', ['attributes.role', 'attributes.roleDate'])
    .executeTakeFirst();
  return edited !== undefined;
}
