import { describe, expect, it } from 'vitest';
import { medianPass, timeInterleaved } from './measure.js';

describe('timeInterleaved', () => {
  it('gives every worker every item once, alternating slice by slice', async () => {
    const calls: string[] = [];
    const items = ['a b', 'c', 'd e f', 'g', 'h i'];
    const result = await timeInterleaved(items, (t) => t.split(' ').length, {
      one: (t: string) => calls.push(`1:${t}`),
      two: async (t: string) => void calls.push(`2:${t}`),
    }, 2);
    expect(result.one).toMatchObject({ items: 5, words: 9 });
    expect(result.two).toMatchObject({ items: 5, words: 9 });
    expect(calls).toEqual(['1:a b', '1:c', '1:d e f', '2:a b', '2:c', '2:d e f', '1:g', '1:h i', '2:g', '2:h i']);
    expect(result.one.seconds).toBeGreaterThanOrEqual(0);
  });
});

describe('medianPass', () => {
  const pass = (seconds: number) => ({ seconds, cpuSeconds: seconds, items: 1, words: 10 });

  it('takes the pass with the middle wall time, whatever the order', () => {
    expect(medianPass([pass(3), pass(1), pass(2)]).seconds).toBe(2);
    expect(medianPass([pass(5)]).seconds).toBe(5);
    expect(medianPass([pass(4), pass(1)]).seconds).toBe(1);
  });

  it('refuses no passes at all', () => {
    expect(() => medianPass([])).toThrow(/at least one/);
  });
});
