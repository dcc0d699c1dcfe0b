import type { Precision, Tense } from '../domain/index.js';
import { ApiError } from './api.error.js';

export interface ParsedDate {
  start: string;
  end: string;
  precision: Precision;
  iso: string;
  tense: Tense;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const dayString = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function utc(year: number, month: number, day: number): Date {
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC silently rolls 2025-02-30 over into March; a person typing it meant something else.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new ApiError('invalid_date', `${year}-${pad(month)}-${pad(day)} is not a calendar day: check the month and day.`);
  }
  return d;
}

/** Monday of ISO week 1 is the Monday of the week holding 4 January. */
function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday;
}

function weeksInYear(year: number): number {
  const dec28 = new Date(Date.UTC(year, 11, 28));
  const firstMonday = isoWeekStart(year, 1);
  return Math.floor((dec28.getTime() - firstMonday.getTime()) / (7 * 86_400_000)) + 1;
}

function parseOne(text: string): { start: string; end: string; precision: Precision } {
  let m = /^(\d{4})$/.exec(text);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > weeksInYear(year)) throw new ApiError('invalid_date', `${text}: ${year} has weeks W01 to W${weeksInYear(year)}.`);
    const monday = isoWeekStart(year, week);
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    return { start: dayString(monday), end: dayString(sunday), precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new ApiError('invalid_date', `${text}: the month must be 01 to 12.`);
    const last = new Date(Date.UTC(year, month, 0));
    return { start: `${m[1]}-${m[2]}-01`, end: dayString(last), precision: 'month' };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const d = dayString(utc(Number(m[1]), Number(m[2]), Number(m[3])));
    return { start: d, end: d, precision: 'day' };
  }
  throw new ApiError('invalid_date', `"${text}" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or START/END.`);
}

/**
 * Turns the date forms people type (and the eval format uses) into an interval. Tense is
 * judged against `today`, because a hand-made record has no publication date to lean on.
 */
export function parseIsoDate(text: string, today: string): ParsedDate {
  const [first, second, ...rest] = text.split('/');
  if (rest.length > 0) throw new ApiError('invalid_date', `"${text}" has more than one "/": write START/END.`);
  const a = parseOne(first);
  const b = second === undefined ? a : parseOne(second);
  if (b.end < a.start) throw new ApiError('invalid_date', `"${text}" ends before it starts: put the earlier date first.`);
  const start = a.start;
  const end = b.end;
  const tense: Tense = end < today ? 'past' : start > today ? 'future' : 'present';
  // An interval is as precise as its coarser end.
  const order: Precision[] = ['day', 'week', 'month', 'year'];
  const precision = order[Math.max(order.indexOf(a.precision), order.indexOf(b.precision))];
  return { start, end, precision, iso: text, tense };
}
