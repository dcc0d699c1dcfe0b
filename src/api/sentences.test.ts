import { describe, expect, it } from 'vitest';
import { sentenceAround } from './sentences.js';

describe('sentenceAround', () => {
  const text = 'BRUSSELS (X)\nMinisters met on Monday. Rutte visited Sarajevo in March. He left.\n“It matters,” she said.';

  it('returns the sentence holding a span, within its line', () => {
    const start = text.indexOf('Sarajevo');
    const s = sentenceAround(text, { start, end: start + 'Sarajevo'.length });
    expect(s.text).toBe('Rutte visited Sarajevo in March.');
    expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('never crosses a line break', () => {
    const start = text.indexOf('BRUSSELS');
    expect(sentenceAround(text, { start, end: start + 8 }).text).toBe('BRUSSELS (X)');
    const q = text.indexOf('It matters');
    expect(sentenceAround(text, { start: q, end: q + 10 }).text).toBe('“It matters,” she said.');
  });
});
