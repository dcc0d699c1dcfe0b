// Proleptic Gregorian day arithmetic on plain day numbers (days since 1970-01-01), so
// the stage never builds a Date and cannot be touched by the host's time zone or clock.

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Day number of a civil date (after Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilDate(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
}

/** 1 = Monday … 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

const pad = (v: number, width = 2): string => String(v).padStart(width, '0');

export function formatDay(n: number): string {
  const { year, month, day } = civilDate(n);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Parses YYYY-MM-DD into a day number; undefined when it is not a real calendar day. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumber(year, month, day);
}

/** ISO 8601 week-numbering year and week of a day number. */
export function isoWeekOfDay(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const year = civilDate(thursday).year;
  return { year, week: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}

/** `2025-W14` for `2025-04-02`; undefined when the input is not a YYYY-MM-DD day. */
export function isoWeek(date: string): string | undefined {
  const n = parseDay(date);
  if (n === undefined) return undefined;
  const { year, week } = isoWeekOfDay(n);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Monday of the ISO week containing day n. */
export function weekStart(n: number): number {
  return n - isoWeekday(n) + 1;
}
