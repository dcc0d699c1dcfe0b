import type { DocumentMeta, Extraction, ExtractedEntity, ExtractedQuote } from '../domain/index.js';
import { normalize, type InputFormat } from './normalize/index.js';
import { segment } from './segment/index.js';
import { defaultMentionResources, findMentions, type MentionResources } from './mentions/index.js';
import { findTimes } from './times/index.js';
import { findEvents } from './events/index.js';
import { findQuotes } from './quotes/index.js';
import { resolveEntities } from './resolve/index.js';
import type { EntityMention } from './types.js';

export interface ExtractOptions extends DocumentMeta {
  format?: InputFormat;
  /** Gazetteers and lexicon; the process-wide default is built on first use. */
  resources?: MentionResources;
}

/**
 * Runs every stage over one text. Pure: the same text, metadata and resources always give
 * the same extraction; nothing here reads the clock, the disk or the network.
 */
export function extract(input: string, options: ExtractOptions = {}): Extraction {
  const resources = options.resources ?? defaultMentionResources();
  const norm = normalize(input, options.format ?? 'text');
  const seg = segment(norm.text, norm.bodyStart);
  const published = options.published ?? norm.datelineDate;
  const notes: string[] = [];
  if (!published) notes.push('no publication date: relative dates ("on Thursday", "next month") were left unresolved');

  const found = findMentions(seg, { resources, dateline: norm.dateline });
  const times = findTimes(seg, { published });
  const resolved = resolveEntities(found, { gazetteer: resources.gazetteer, published });
  const mentions = withCapitalGovernments(resolved.mentions, resolved.entities, resources);
  const datelineKey = norm.dateline ? mentions.find((m) => m.start === norm.dateline!.span.start)?.key : undefined;
  const events = findEvents(seg, mentions, times, { published, datelineKey });
  const quoteDrafts = findQuotes(seg, mentions);

  const quotes: ExtractedQuote[] = quoteDrafts.map((q, i) => ({
    key: `q${i + 1}`,
    text: q.text,
    speaker: q.speaker?.name ?? 'unknown',
    ...(q.speaker?.key ? { speakerKey: q.speaker.key } : {}),
    evidence: { start: q.start, end: q.end, rule: q.rule },
    ...(q.speaker ? { speakerEvidence: { start: q.speaker.start, end: q.speaker.end, rule: q.speaker.rule } } : {}),
  }));
  // Participants may name entities only implied so far (a capital standing for its country).
  const known = new Set(resolved.entities.map((e) => e.key));
  for (const ev of events) for (const p of ev.participants) if (!known.has(p.entityKey)) p.entityKey = '';
  for (const ev of events) ev.participants = ev.participants.filter((p) => p.entityKey);

  return {
    source: {
      published,
      outlet: options.outlet ?? norm.outlet?.name,
      dateline: norm.dateline?.place,
      title: options.title ?? norm.title,
      url: options.url,
    },
    text: norm.text,
    entities: resolved.entities,
    events,
    quotes,
    notes,
  };
}

/**
 * "A request from Baghdad": a capital named as an actor stands for its government, so the
 * country joins the record too, with the capital's mention as its evidence.
 */
function withCapitalGovernments(mentions: EntityMention[], entities: ExtractedEntity[], r: MentionResources): EntityMention[] {
  const out = [...mentions];
  const byKey = new Map(entities.map((e) => [e.key, e]));
  for (const m of mentions) {
    if (m.type !== 'place' || m.attributes?.placeKind !== 'city') continue;
    const country = r.gazetteer.countryByCapital(m.name);
    if (!country) continue;
    const key = `country:${country.iso2}`;
    const entity = byKey.get(key);
    const mention: EntityMention = {
      ...m, type: 'country', key, name: country.name, via: 'capital', rule: 'resolve.capital-for-country',
      attributes: { iso2: country.iso2, iso3: country.iso3, lat: country.lat, lon: country.lon },
    };
    if (entity) entity.mentions.push({ start: m.start, end: m.end, rule: mention.rule, text: m.text });
    else {
      const created: ExtractedEntity = { key, type: 'country', name: country.name, aliases: [], attributes: mention.attributes!, mentions: [{ start: m.start, end: m.end, rule: mention.rule, text: m.text }] };
      entities.push(created);
      byKey.set(key, created);
    }
    out.push(mention);
  }
  return out;
}
