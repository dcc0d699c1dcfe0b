import { describe, expect, it } from 'vitest';
import { buildCorpus, countWords, varyArticle, seededRandom } from './corpus.js';

const article = [
  'BRUSSELS (WIRE)',
  'Ministers will meet on Thursday in April 2025 to review the plan.',
  'The official said the talks in March went well.',
  'A summit follows in June.',
].join('\n');

describe('bench corpus', () => {
  it('reaches the requested size with distinct articles, the same every run', () => {
    const a = buildCorpus([article, article.replace('BRUSSELS', 'AMMAN')], 50_000);
    const b = buildCorpus([article, article.replace('BRUSSELS', 'AMMAN')], 50_000);
    expect(a.bytes).toBeGreaterThanOrEqual(50_000);
    expect(new Set(a.articles).size).toBe(a.articles.length);
    expect(a.articles).toEqual(b.articles);
    expect(a.words).toBe(a.articles.reduce((n, t) => n + countWords(t), 0));
  });

  it('keeps the dateline first and shifts month and weekday names', () => {
    const varied = varyArticle(article, seededRandom(7));
    expect(varied.startsWith('BRUSSELS (WIRE)')).toBe(true);
    expect(varied).not.toBe(article);
    expect(varied.split(/\n+/).sort()).not.toEqual(article.split('\n').sort());
  });

  it('refuses to build from nothing', () => {
    expect(() => buildCorpus([], 10)).toThrow(/No source texts/);
  });
});
