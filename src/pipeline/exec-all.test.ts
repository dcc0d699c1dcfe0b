import { describe, expect, it } from 'vitest';
import { execAll } from './exec-all.js';

describe('execAll', () => {
  it('finds what matchAll finds, with indexes and groups', () => {
    const re = /\b(met|meets)\s+(\w+)/g;
    const text = 'Rutte met Sybiha; later he meets Kallas and met Wang.';
    const ours = execAll(re, text).map((m) => [m.index, m[0], m[2]]);
    const theirs = [...text.matchAll(re)].map((m) => [m.index, m[0], m[2]]);
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(3);
  });

  it('leaves the shared regex reset, so a second call starts from the beginning', () => {
    const re = /o/g;
    expect(execAll(re, 'foo')).toHaveLength(2);
    expect(re.lastIndex).toBe(0);
    expect(execAll(re, 'foo')).toHaveLength(2);
  });

  it('steps over empty matches instead of looping', () => {
    expect(execAll(/x*/g, 'ab').map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('refuses a regex without the global flag', () => {
    expect(() => execAll(/o/, 'foo')).toThrow(/global regex/);
  });
});
