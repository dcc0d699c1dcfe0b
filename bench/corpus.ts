import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small seeded PRNG (mulberry32) so every run benchmarks the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads every .txt in the given folders that exist; missing folders are skipped. */
export function readSourceTexts(dirs: readonly string[]): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      out.push({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g');
const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'g');

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * One variant of an article: the first paragraph (headline/dateline) stays put, the body
 * paragraphs are shuffled, months, weekdays and years are shifted, so the pipeline sees
 * new date arithmetic and new sentence orders rather than one cached string.
 */
export function varyArticle(text: string, random: () => number): string {
  const paragraphs = text.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '');
  const [head, ...body] = paragraphs;
  const monthShift = Math.floor(random() * 11) + 1;
  const dayShift = Math.floor(random() * 4) + 1;
  const yearShift = Math.floor(random() * 4) - 1;
  const shifted = [head, ...shuffle(body, random)]
    .join('\n\n')
    .replace(MONTH_RE, (m) => MONTHS[(MONTHS.indexOf(m) + monthShift) % 12])
    .replace(WEEKDAY_RE, (d) => WEEKDAYS[(WEEKDAYS.indexOf(d) + dayShift) % 5])
    .replace(/\b(20[0-4]\d)\b/g, (y) => String(Number(y) + yearShift));
  return shifted;
}

export interface Corpus {
  articles: string[];
  bytes: number;
  words: number;
  sources: number;
}

export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Repeats varied copies of the sources until the corpus holds at least `minBytes` (UTF-8). */
export function buildCorpus(sources: readonly string[], minBytes: number, seed = 20250402): Corpus {
  if (sources.length === 0) throw new Error('No source texts for the corpus: add .txt files to eval/ or ../shared/eval/dev/.');
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const articles: string[] = [];
  let bytes = 0;
  // Originals first, then variants; identical variants are dropped so ingest never dedupes them.
  for (let round = 0; bytes < minBytes; round++) {
    for (const source of sources) {
      const article = round === 0 ? source : varyArticle(source, random);
      if (seen.has(article)) continue;
      seen.add(article);
      articles.push(article);
      bytes += Buffer.byteLength(article, 'utf8');
      if (bytes >= minBytes) break;
    }
    if (round > 100_000) throw new Error('Could not vary the sources enough to reach the corpus size.');
  }
  return { articles, bytes, words: articles.reduce((n, a) => n + countWords(a), 0), sources: sources.length };
}
