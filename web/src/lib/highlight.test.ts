import { describe, expect, it } from 'vitest';
import { groupByMark, outermostSpans, splitText } from './highlight';
import { contextAround, parseSpan, safeUrl } from './text-context';

const TEXT = 'NATO Mission Iraq will grow, NATO said.';
const mark = (id: string, start: number, end: number, kind = 'organization') => ({ id, start, end, kind });

describe('splitText', () => {
  it('covers every character exactly once, in order', () => {
    const pieces = splitText(TEXT, [mark('a', 0, 17, 'instrument'), mark('b', 29, 33)], { start: 5, end: 12 });
    expect(pieces.map((p) => p.text).join('')).toBe(TEXT);
    expect(pieces.every((p, i) => i === 0 || p.start === pieces[i - 1].end)).toBe(true);
  });

  it('keeps the outer mention where mentions nest or cross', () => {
    const kept = outermostSpans([mark('nato', 0, 4), mark('nmi', 0, 17), mark('iraq', 13, 17), mark('cross', 15, 22)], TEXT.length);
    expect(kept.map((k) => k.id)).toEqual(['nmi']);
  });

  it('drops spans outside the text instead of failing', () => {
    expect(outermostSpans([mark('bad', 30, 500), mark('empty', 3, 3)], TEXT.length)).toEqual([]);
  });

  it('marks the pieces inside the selection and groups one mention into one element', () => {
    const pieces = splitText(TEXT, [mark('nmi', 0, 17)], { start: 5, end: 12 });
    const groups = groupByMark(pieces);
    expect(groups[0].mark?.id).toBe('nmi');
    expect(groups[0].pieces.map((p) => [p.text, p.selected])).toEqual([
      ['NATO ', false],
      ['Mission', true],
      [' Iraq', false],
    ]);
  });

  it('leaves markup in the source as plain characters', () => {
    const text = 'A <script>alert(1)</script> B';
    expect(splitText(text, []).map((p) => p.text).join('')).toBe(text);
  });
});

describe('text helpers', () => {
  it('finds the sentence around a span', () => {
    const text = 'First one. The second sentence names Sarajevo here. Third.';
    const at = text.indexOf('Sarajevo');
    const ctx = contextAround(text, at, at + 8);
    expect(text.slice(ctx.start, ctx.end)).toBe('The second sentence names Sarajevo here.');
  });

  it('parses spans from the URL and ignores nonsense', () => {
    expect(parseSpan('10-20')).toEqual({ start: 10, end: 20 });
    expect(parseSpan('20-10')).toBeUndefined();
    expect(parseSpan('x')).toBeUndefined();
  });

  it('only lets web links through', () => {
    expect(safeUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });
});
