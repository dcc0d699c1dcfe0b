import { describe, expect, it } from 'vitest';
import { ApiError } from './api.error.js';
import { parseIsoDate } from './iso-date.js';

describe('parseIsoDate', () => {
  const today = '2025-04-02';

  it('reads a day, a month, a year and an ISO week as intervals', () => {
    expect(parseIsoDate('2025-04-03', today)).toEqual({ start: '2025-04-03', end: '2025-04-03', precision: 'day', iso: '2025-04-03', tense: 'future' });
    expect(parseIsoDate('2025-03', today)).toMatchObject({ start: '2025-03-01', end: '2025-03-31', precision: 'month', tense: 'past' });
    expect(parseIsoDate('2024-02', today)).toMatchObject({ end: '2024-02-29' });
    expect(parseIsoDate('2025', today)).toMatchObject({ start: '2025-01-01', end: '2025-12-31', precision: 'year', tense: 'present' });
    // The week of the NATO ministers' meeting in the seed text: Monday 31 March to Sunday 6 April.
    expect(parseIsoDate('2025-W14', today)).toMatchObject({ start: '2025-03-31', end: '2025-04-06', precision: 'week', tense: 'present' });
    expect(parseIsoDate('2026-W01', today)).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
  });

  it('reads START/END with the coarser precision', () => {
    expect(parseIsoDate('2025-06-24/2025-06', today)).toMatchObject({ start: '2025-06-24', end: '2025-06-30', precision: 'month', iso: '2025-06-24/2025-06' });
  });

  it('refuses impossible days, weeks and reversed intervals with invalid_date', () => {
    for (const bad of ['2025-02-30', '2025-13', '2025-W54', '2025-05/2025-04', '2025-1-1']) {
      const error = (() => {
        try {
          parseIsoDate(bad, today);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, bad).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('invalid_date');
    }
  });
});
