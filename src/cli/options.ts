import { InvalidArgumentError } from 'commander';

/** Commander parser for YYYY-MM-DD options; rejects impossible dates such as 2025-02-30. */
export function parseDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, e.g. 2025-04-02 (got "${value}").`);
  }
  return value;
}

/** Commander parser for a date bound that may be a year, a month or a day. */
export function parseDateBound(value: string): string {
  if (/^\d{4}$/.test(value) || /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return value;
  return parseDay(value);
}

export function parsePortOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port from 0 to 65535 (got "${value}").`);
  return n;
}
