import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Wall-clock seconds: what a user waits. */
  seconds: number;
  /** CPU seconds this process used (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  items: number;
  words: number;
}

/** Runs `work` over every item once, timing the whole loop (no per-item clock overhead). */
export async function timeLoop<T>(items: readonly T[], words: (item: T) => number, work: (item: T, i: number) => unknown): Promise<Timing> {
  let totalWords = 0;
  for (const item of items) totalWords += words(item);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    const r = work(items[i], i);
    if (r instanceof Promise) await r;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, items: items.length, words: totalWords };
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Peak resident set size so far, in bytes (Linux reports KiB). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Times several workers over the same items, alternating between them slice by slice, so
 * a burst of load from other processes falls on all of them alike and their ratio holds.
 */
export async function timeInterleaved<T, K extends string>(
  items: readonly T[],
  words: (item: T) => number,
  workers: Record<K, (item: T, i: number) => unknown>,
  slices = 10,
): Promise<Record<K, Timing>> {
  const totals = {} as Record<K, Timing>;
  const names = Object.keys(workers) as K[];
  for (const name of names) totals[name] = { seconds: 0, cpuSeconds: 0, items: 0, words: 0 };
  const size = Math.ceil(items.length / slices);
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    for (const name of names) {
      const t = await timeLoop(slice, words, workers[name]);
      const total = totals[name];
      total.seconds += t.seconds;
      total.cpuSeconds += t.cpuSeconds;
      total.items += t.items;
      total.words += t.words;
    }
  }
  return totals;
}

/** The pass with the median wall time (the middle one of an odd count). */
export function medianPass(passes: readonly Timing[]): Timing {
  if (passes.length === 0) throw new RangeError('medianPass needs at least one pass');
  const sorted = [...passes].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
