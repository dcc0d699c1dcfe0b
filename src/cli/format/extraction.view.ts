import type { ExtractedEntity, ExtractedEvent, Extraction, TimeInterval } from '../../domain/index.js';
import { renderTable } from './table.js';

const PLURAL: Record<string, string> = { person: 'people', organization: 'organizations', country: 'countries', place: 'places', instrument: 'instruments' };

/** A day interval as a reader says it: "2025-04-03", "week of 2025-03-31", "2025-06". */
export function describeTime(time: TimeInterval | undefined): string | undefined {
  if (!time) return undefined;
  if (time.precision === 'week') return `week of ${time.start}`;
  return time.iso || time.start;
}

function entityName(byKey: Map<string, ExtractedEntity>, key: string): string {
  return byKey.get(key)?.name ?? key;
}

function eventRow(event: ExtractedEvent, byKey: Map<string, ExtractedEntity>) {
  const places = event.participants.filter((p) => p.role === 'place').map((p) => entityName(byKey, p.entityKey));
  const others = event.participants.filter((p) => p.role !== 'place').map((p) => entityName(byKey, p.entityKey));
  return {
    type: event.type,
    label: event.label,
    place: [...new Set(places)].join(', '),
    when: describeTime(event.time),
    status: event.status?.replace('_', ' '),
    who: [...new Set(others)].join(', '),
  };
}

/** The readable summary of one extraction shown by `liaison extract` on a terminal. */
export function renderExtraction(x: Extraction, width = 120): string {
  const byKey = new Map(x.entities.map((e) => [e.key, e]));
  const head = [x.source.dateline, x.source.outlet, x.source.published ? `published ${x.source.published}` : 'publication date unknown']
    .filter(Boolean)
    .join(' · ');
  const out = [head];
  if (x.source.title) out.push(x.source.title);
  out.push('');
  if (x.events.length === 0) out.push('events    none found');
  else {
    const whoMax = Math.max(20, width - 108);
    out.push(
      renderTable(x.events.map((e) => eventRow(e, byKey)), [
        { header: 'event', cell: (r) => r.type },
        { header: 'label', cell: (r) => r.label, max: 40 },
        { header: 'where', cell: (r) => r.place, max: 18 },
        { header: 'when', cell: (r) => r.when, max: 20 },
        { header: 'status', cell: (r) => r.status },
        { header: 'who', cell: (r) => r.who, max: whoMax },
      ]),
    );
  }
  out.push('');
  const bySpeaker = new Map<string, number>();
  for (const q of x.quotes) bySpeaker.set(q.speaker, (bySpeaker.get(q.speaker) ?? 0) + 1);
  out.push(
    x.quotes.length === 0
      ? 'quotes    none found'
      : `quotes    ${[...bySpeaker].map(([speaker, n]) => `${n} by "${speaker}"`).join(', ')}`,
  );
  const byType = new Map<string, string[]>();
  for (const e of x.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e.name]);
  for (const [type, names] of byType) {
    const list = names.join(', ');
    const room = Math.max(20, width - 22);
    out.push(`${(PLURAL[type] ?? type).padEnd(14)}${String(names.length).padStart(3)}  ${list.length > room ? `${list.slice(0, room - 1)}…` : list}`);
  }
  if (x.entities.length === 0) out.push('entities  none found');
  for (const note of x.notes) out.push(`note: ${note}`);
  out.push('', '(every line is traceable: --format json gives the character span and rule behind each field)');
  return out.join('\n');
}
