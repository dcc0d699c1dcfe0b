/**
 * Dates as people and the eval write them (`2025`, `2025-06`, `2025-06-24`, `2025-W26`,
 * `START/END`) turned into the inclusive day interval the store keeps.
 */
import type { Precision, Tense } from '../domain/index.js';
import type { EventTimeInput } from '../storage/index.js';
import { ValidationError } from './service.errors.js';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function bounds(part: string): { start: string; end: string; precision: Precision } | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(part))) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  if ((m = /^(\d{4})-(\d{2})$/.exec(part))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}`, precision: 'month' };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(part))) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (iso(d) !== part) return undefined;
    return { start: part, end: part, precision: 'day' };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(part))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    // ISO week 1 is the week with the year's first Thursday; weeks start on Monday.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4);
    monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    if (week < 1 || week > 53) return undefined;
    return { start: iso(monday), end: iso(sunday), precision: 'week' };
  }
  return undefined;
}

/** Parses a date; `today` (YYYY-MM-DD) sets the tense. Throws ValidationError with the accepted forms. */
export function parseEventDate(value: string, today: string): EventTimeInput {
  const text = value.trim();
  const parts = text.split('/');
  const parsed = parts.map(bounds);
  if (parts.length > 2 || parsed.some((p) => p === undefined)) {
    throw new ValidationError(
      'invalid_date',
      `"${value}" is not a date Liaison reads: use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www (ISO week) or START/END of those.`,
    );
  }
  const first = parsed[0]!;
  const last = parsed[parsed.length - 1]!;
  if (first.start > last.end) throw new ValidationError('invalid_date', `"${value}" ends before it starts: put the earlier date first.`);
  const precision = parsed.length === 1 ? first.precision : first.precision === last.precision ? first.precision : 'day';
  const tense: Tense = last.end < today ? 'past' : first.start > today ? 'future' : 'present';
  return { start: first.start, end: last.end, precision, iso: text, tense };
}

export function isDay(value: string): boolean {
  return bounds(value)?.precision === 'day';
}
