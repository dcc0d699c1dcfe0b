import type { EventStatus, TimeInterval } from './api-types';

/** "under_review" → "under review": statuses are shown as words, not identifiers. */
export function statusLabel(status: EventStatus | string | undefined): string {
  return status ? status.replace(/_/g, ' ') : '—';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as precise as the text was: "3 April 2025", "week of 31 March 2025", "March 2025". */
export function timeLabel(time: TimeInterval | undefined): string {
  if (!time) return 'undated';
  const [y, m, d] = time.start.split('-').map(Number);
  switch (time.precision) {
    case 'day':
      return time.start === time.end ? `${d} ${MONTHS[m - 1]} ${y}` : `${time.start} – ${time.end}`;
    case 'week':
      return `week of ${d} ${MONTHS[m - 1]} ${y}`;
    case 'month':
      return `${MONTHS[m - 1]} ${y}`;
    case 'year':
      return String(y);
  }
}

export function shortDate(iso: string | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
