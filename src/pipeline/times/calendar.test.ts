import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, isoWeek, isoWeekday, parseDay } from './calendar.js';

describe('calendar', () => {
  it('round-trips day numbers across leap years and centuries', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2024, 12, 31], [2100, 3, 1], [1999, 12, 31]]) {
      expect(civilDate(dayNumber(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2025, 4, 2) - dayNumber(2025, 3, 31)).toBe(2);
  });

  it('knows the weekday', () => {
    expect(isoWeekday(dayNumber(2025, 4, 2))).toBe(3); // a Wednesday
    expect(isoWeekday(dayNumber(2025, 4, 6))).toBe(7);
  });

  it('numbers ISO weeks, including weeks that straddle a new year', () => {
    expect(isoWeek('2025-04-02')).toBe('2025-W14');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
  });

  it('rejects impossible days', () => {
    expect(parseDay('2025-02-29')).toBeUndefined();
    expect(parseDay('2024-02-29')).toBe(dayNumber(2024, 2, 29));
    expect(isoWeek('not a date')).toBeUndefined();
  });
});
