import type { Span } from '../../domain/index.js';
import type { Segmented, Sentence } from '../types.js';

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'amb',
  'st', 'mt', 'no', 'nos', 'vol', 'art', 'para', 'paras', 'e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'h.e', 'u.s', 'u.k', 'u.n', 'e.u',
]);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

function isSentenceBreak(text: string, i: number, end: number): number {
  // i is at . ! or ?; returns the index just past the sentence end, or -1.
  const c = text[i];
  let j = i + 1;
  while (j < end && CLOSERS.has(text[j])) j++;
  if (j >= end) return j;
  if (text[j] !== ' ') return -1;
  let k = j;
  while (k < end && text[k] === ' ') k++;
  if (k >= end) return j;
  const next = text[k];
  // The next sentence starts with a capital, a digit, or an opening quote/bracket.
  if (!/[A-Z0-9“"‘'(«\u00C0-\u024F]/.test(next) || (next >= 'a' && next <= 'z')) return -1;
  if (c === '.') {
    // Look back at the word before the period.
    let w = i - 1;
    while (w >= 0 && /[A-Za-z.]/.test(text[w])) w--;
    const word = text.slice(w + 1, i).toLowerCase();
    if (ABBREVIATIONS.has(word)) return -1;
    // Initials ("J. Smith", "U.S."): a single capital letter before the period.
    if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[i - 1])) return -1;
  }
  return j;
}

/** Splits text into paragraphs (line breaks) and sentences, keeping exact offsets. */
export function segment(text: string, bodyStart = 0): Segmented {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let start = pos;
    let end = nl;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    if (end > start) {
      const paragraph = paragraphs.length;
      paragraphs.push({ start, end });
      let s = start;
      // The header (dateline) is a sentence of its own when the body starts inside the paragraph.
      const splitAt = bodyStart > start && bodyStart < end ? bodyStart : -1;
      for (let i = start; i < end; i++) {
        const c = text[i];
        let cut = -1;
        if (i === splitAt && i > s) cut = i;
        else if (c === '.' || c === '!' || c === '?') cut = isSentenceBreak(text, i, end);
        if (cut > s) {
          pushSentence(text, sentences, s, cut, paragraph);
          s = cut;
          while (s < end && text[s] === ' ') s++;
          i = Math.max(i, s - 1);
        }
      }
      if (s < end) pushSentence(text, sentences, s, end, paragraph);
    }
    pos = nl + 1;
  }
  return { text, paragraphs, sentences };
}

function pushSentence(text: string, out: Sentence[], start: number, end: number, paragraph: number): void {
  while (end > start && text[end - 1] === ' ') end--;
  while (start < end && text[start] === ' ') start++;
  if (end <= start) return;
  out.push({ start, end, text: text.slice(start, end), paragraph, index: out.length });
}
