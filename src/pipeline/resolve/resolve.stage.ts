import type { EntityAttributes, ExtractedEntity, Mention } from '../../domain/index.js';
import type { Gazetteer } from '../../lexicon/index.js';
import type { EntityMention } from '../types.js';

export interface ResolveContext {
  gazetteer: Gazetteer;
  published?: string;
}

export interface Resolved {
  entities: ExtractedEntity[];
  /** Mentions with keys rewritten to the entity they were merged into. */
  mentions: EntityMention[];
}

/** Rule ids whose mentions point at an entity without naming it: they never make an entity alone. */
const REFERRING_RULES = new Set(['mentions.dictionary.collective']);

function headPhrase(name: string, attrs: EntityAttributes | undefined): string {
  // The host ("... in Amman") is compared separately, so it is no part of the head; so is an
  // owner written as an acronym ("EU liaison office").
  let s = name.replace(/^\p{Lu}{2,}(?:['’]s)?\s+/u, '').toLowerCase().replace(/\s+(?:in|to)\s+.*$/, '');
  const parent = attrs?.parentOrganization?.toLowerCase();
  if (parent && s.startsWith(parent + ' ')) s = s.slice(parent.length + 1);
  else if (parent && (s.startsWith(parent + "'s ") || s.startsWith(parent + '’s '))) s = s.slice(parent.length + 3);
  return s.trim();
}

/** The host place an instrument's name gives ("... in Jordan"), else its recorded host. */
function hostOf(m: EntityMention): string | undefined {
  const named = /\s(?:in|to)\s+(?:the\s+)?(.+)$/.exec(m.name)?.[1];
  return named ?? m.attributes?.hostPlace;
}

/** Two hosts are the same place for an office when equal, or one is the other's capital/country. */
function hostsAgree(a: string | undefined, b: string | undefined, g: Gazetteer): boolean {
  if (!a || !b) return true;
  if (a === b) return true;
  const ca = g.countryByName(a), cb = g.countryByName(b);
  const capA = g.countryByCapital(a), capB = g.countryByCapital(b);
  return (!!ca && capB?.iso2 === ca.iso2) || (!!cb && capA?.iso2 === cb.iso2);
}

/**
 * Light coreference: mentions with one key are one entity; instruments restated with
 * another host ("liaison office in Jordan" / "NATO liaison office in Amman") merge;
 * back-references ("the alliance") only join an entity the text also names.
 */
export function resolveEntities(mentions: EntityMention[], ctx: ResolveContext): Resolved {
  const byKey = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const list = byKey.get(m.key);
    if (list) list.push(m);
    else byKey.set(m.key, [m]);
  }
  const remap = new Map<string, string>();
  // Instruments: same head phrase and agreeing hosts are the same instrument. Grouping by
  // kind and head first keeps this linear in practice.
  const groups = new Map<string, { key: string; host?: string }[]>();
  for (const [key, ms] of byKey) {
    const first = ms[0];
    if (first.type !== 'instrument') continue;
    const group = `${first.attributes?.instrumentKind ?? ''}|${headPhrase(first.name, first.attributes)}`;
    const members = groups.get(group);
    const me = { key, host: hostOf(first) };
    if (!members) { groups.set(group, [me]); continue; }
    const same = members.find((o) => hostsAgree(o.host, me.host, ctx.gazetteer));
    if (same) remap.set(key, remap.get(same.key) ?? same.key);
    else members.push(me);
  }
  const target = (k: string) => remap.get(k) ?? k;
  const merged = new Map<string, EntityMention[]>();
  for (const [k, ms] of byKey) {
    const t = target(k);
    const list = merged.get(t);
    if (list) list.push(...ms);
    else merged.set(t, [...ms]);
  }

  const entities: ExtractedEntity[] = [];
  const kept = new Set<string>();
  for (const [key, ms] of merged) {
    if (ms.every((m) => REFERRING_RULES.has(m.rule))) continue;
    kept.add(key);
    entities.push(toEntity(key, ms, ctx));
  }
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const key = target(m.key);
    if (!kept.has(key)) continue;
    out.push(key === m.key ? m : { ...m, key });
  }
  return { entities, mentions: out };
}

function toEntity(key: string, ms: EntityMention[], ctx: ResolveContext): ExtractedEntity {
  const sorted = [...ms].sort((a, b) => a.start - b.start);
  // The fullest name: the lexicon's or gazetteer's canonical name, else the longest surface form.
  const named = sorted.filter((m) => m.via === 'name' || m.via === undefined);
  const fromData = sorted.find((m) => m.rule.startsWith('mentions.dictionary') || m.rule.startsWith('mentions.gazetteer'));
  let name = fromData?.name ?? sorted[0].name;
  if (!fromData) for (const m of named) if (m.name.length > name.length) name = m.name;
  const attributes: EntityAttributes = {};
  for (const m of sorted) {
    const a = m.attributes;
    if (!a) continue;
    for (const k in a) {
      const value = a[k as keyof EntityAttributes];
      if (value !== undefined) (attributes as Record<string, unknown>)[k] = value;
    }
  }
  const role = sorted.find((m) => m.attributes?.role)?.attributes?.role;
  if (role) {
    attributes.role = role;
    if (ctx.published) attributes.roleDate = ctx.published;
  }
  const aliases = new Set<string>();
  for (const m of sorted) {
    // Back-references ("the mission", "the alliance", "he") point at an entity but are no name for
    // it: as aliases they would merge every mission of every document into one.
    if (m.via === 'demonym' || m.via === 'pronoun' || m.via === 'descriptor') continue;
    const surface = m.text.replace(/^the\s+/i, '');
    if (surface.toLowerCase() !== name.toLowerCase()) aliases.add(surface);
    if (m.name !== name && m.type === 'instrument') aliases.add(m.name);
    if (m.alias && m.alias !== name) aliases.add(m.alias);
  }
  const mentions: Mention[] = sorted.map((m) => ({ start: m.start, end: m.end, rule: m.rule, text: m.text }));
  return { key, type: sorted[0].type, name, aliases: [...aliases], attributes, mentions };
}
