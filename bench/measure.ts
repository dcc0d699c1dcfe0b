import { performance } from 'node:perf_hooks';

export interface Timing {
  seconds: number;
  items: number;
  words: number;
}

/** Runs `work` over every item once, timing the whole loop (no per-item clock overhead). */
export async function timeLoop<T>(items: readonly T[], words: (item: T) => number, work: (item: T, i: number) => unknown): Promise<Timing> {
  let totalWords = 0;
  for (const item of items) totalWords += words(item);
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    const r = work(items[i], i);
    if (r instanceof Promise) await r;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, items: items.length, words: totalWords };
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Peak resident set size so far, in bytes (Linux reports KiB). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
