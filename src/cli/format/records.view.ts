import type { TimeInterval } from '../../domain/index.js';
import type {
  DocumentDetail,
  DocumentSummary, EntityDetail, EntityRef, EntitySummary, EventDetail, EventSummary, ReviewItem, SearchHit, StoredQuote, TimelineItem,
} from '../../storage/index.js';
import { renderFields, renderTable } from './table.js';
import { describeTime } from './extraction.view.js';

const names = (refs: readonly EntityRef[]) => [...new Set(refs.map((r) => r.name))].join(', ');
const status = (s: string | undefined) => s?.replace('_', ' ');

export function renderDocuments(items: readonly DocumentSummary[]): string {
  return renderTable(items, [
    { header: 'id', cell: (d) => d.id },
    { header: 'published', cell: (d) => d.published },
    { header: 'outlet', cell: (d) => d.outlet, max: 20 },
    { header: 'title', cell: (d) => d.title, max: 60 },
    { header: 'ents', cell: (d) => d.counts.entities, align: 'right' },
    { header: 'events', cell: (d) => d.counts.events, align: 'right' },
    { header: 'quotes', cell: (d) => d.counts.quotes, align: 'right' },
  ]);
}

export function renderEntities(items: readonly EntitySummary[]): string {
  return renderTable(items, [
    { header: 'id', cell: (e) => e.id },
    { header: 'type', cell: (e) => e.type },
    { header: 'name', cell: (e) => e.name, max: 50 },
    { header: 'mentions', cell: (e) => e.mentionCount, align: 'right' },
    { header: 'docs', cell: (e) => e.documentCount, align: 'right' },
    { header: 'review', cell: (e) => e.reviewState },
  ]);
}

export function renderEvents(items: readonly EventSummary[]): string {
  return renderTable(items, [
    { header: 'id', cell: (e) => e.id },
    { header: 'type', cell: (e) => e.type },
    { header: 'label', cell: (e) => e.label, max: 44 },
    { header: 'where', cell: (e) => names(e.places), max: 20 },
    { header: 'when', cell: (e) => describeTime(e.time) },
    { header: 'status', cell: (e) => status(e.status) },
    { header: 'who', cell: (e) => names(e.participants.map((p) => p.entity)), max: 40 },
  ]);
}

export function renderTimeline(items: readonly TimelineItem[]): string {
  return renderTable(items, [
    { header: 'when', cell: (e) => describeTime(e as TimeInterval) },
    { header: 'type', cell: (e) => e.type },
    { header: 'label', cell: (e) => e.label, max: 44 },
    { header: 'where', cell: (e) => names(e.places), max: 20 },
    { header: 'status', cell: (e) => status(e.status) },
    { header: 'who', cell: (e) => names(e.participants), max: 40 },
    { header: 'id', cell: (e) => e.id },
  ]);
}

export function renderSearch(items: readonly SearchHit[]): string {
  return renderTable(items, [
    { header: 'kind', cell: (h) => h.kind },
    { header: 'id', cell: (h) => h.id },
    { header: 'title', cell: (h) => h.title, max: 40 },
    { header: 'snippet', cell: (h) => h.snippet, max: 70 },
  ]);
}

export function renderReview(items: readonly ReviewItem[]): string {
  return renderTable(items, [
    { header: 'kind', cell: (r) => r.kind },
    { header: 'id', cell: (r) => r.id },
    { header: 'type', cell: (r) => r.type },
    { header: 'label', cell: (r) => r.label, max: 70 },
    { header: 'state', cell: (r) => r.state },
  ]);
}

function renderQuotes(quotes: readonly StoredQuote[]): string[] {
  return quotes.map((q) => `  “${q.text}” — ${q.speakerEntity?.name ?? q.speaker}`);
}

/** The profile `liaison show` prints for an entity. */
export function renderEntityDetail(e: EntityDetail): string {
  const a = e.attributes;
  const out = [
    `${e.name}  (${e.type}, ${e.id}, ${e.reviewState})`,
    renderFields([
      ['aliases', e.aliases],
      ['role', a.role ? `${a.role}${a.roleDate ? ` (as of ${a.roleDate})` : ''}` : undefined],
      ['country', a.iso2],
      ['coordinates', a.lat !== undefined && a.lon !== undefined ? `${a.lat}, ${a.lon}` : undefined],
      ['kind', a.instrumentKind ?? a.placeKind],
      ['host place', a.hostPlace],
      ['parent org', a.parentOrganization],
      ['mentions', `${e.mentionCount} in ${e.documentCount} document${e.documentCount === 1 ? '' : 's'}`],
    ]),
  ];
  if (e.events.length) {
    out.push('', 'events:', renderTable(e.events, [
      { header: 'role', cell: (v) => v.role },
      { header: 'type', cell: (v) => v.type },
      { header: 'label', cell: (v) => v.label, max: 50 },
      { header: 'when', cell: (v) => describeTime(v.time) },
      { header: 'status', cell: (v) => status(v.status) },
      { header: 'id', cell: (v) => v.id },
    ]));
  }
  if (e.quotes.length) out.push('', 'quotes:', ...renderQuotes(e.quotes));
  if (e.related.length) out.push('', `related: ${e.related.slice(0, 12).map((r) => `${r.entity.name} (${r.count})`).join(', ')}`);
  if (e.sources.length) {
    out.push('', 'sources:', renderTable(e.sources, [
      { header: 'published', cell: (d) => d.published },
      { header: 'outlet', cell: (d) => d.outlet, max: 20 },
      { header: 'title', cell: (d) => d.title, max: 60 },
      { header: 'mentions', cell: (d) => d.mentionCount, align: 'right' },
      { header: 'id', cell: (d) => d.id },
    ]));
  }
  return out.join('\n');
}

/** The profile `liaison show` prints for an event. */
export function renderEventDetail(e: EventDetail): string {
  const out = [
    `${e.label}  (${e.type}, ${e.id}, ${e.reviewState})`,
    renderFields([
      ['status', status(e.status)],
      ['when', e.time ? `${describeTime(e.time)} (${e.time.tense})` : undefined],
      ['where', names(e.places)],
      ['part of', e.parent ? `${e.parent.label} (${e.parent.id})` : undefined],
      ['topics', e.topics],
      ['codes', [e.cameo && `CAMEO ${e.cameo}`, e.plover && `PLOVER ${e.plover}`].filter(Boolean).join(', ')],
      ['sources', e.documents.map((d) => [d.published, d.outlet, d.title ?? d.id].filter(Boolean).join(' · '))],
    ]),
  ];
  const roles = Object.entries(e.participantsByRole).filter(([role]) => role !== 'place');
  if (roles.length) {
    out.push('', 'participants:');
    for (const [role, list] of roles) out.push(`  ${role.padEnd(10)} ${(list ?? []).map((p) => p.entity.name).join(', ')}`);
  }
  if (e.sessions.length) out.push('', 'sessions:', renderEvents(e.sessions));
  if (e.quotes.length) out.push('', 'quotes:', ...renderQuotes(e.quotes));
  return out.join('\n');
}

/** What `liaison show doc_…` prints: where the text came from and what was found in it. */
export function renderDocumentDetail(d: DocumentDetail): string {
  const out = [
    `${d.title ?? '(untitled)'}  (document, ${d.id})`,
    renderFields([
      ['published', d.published],
      ['outlet', d.outlet],
      ['dateline', d.dateline],
      ['url', d.url],
      ['ingested', `${d.ingestedAt} by ${d.ingestedBy}`],
      ['length', `${d.length} characters`],
      ['found', `${d.counts.entities} entities, ${d.counts.events} events, ${d.counts.quotes} quotes`],
      ['notes', d.notes],
    ]),
  ];
  if (d.events.length) out.push('', 'events:', renderEvents(d.events));
  if (d.quotes.length) out.push('', 'quotes:', ...renderQuotes(d.quotes));
  return out.join('\n');
}
