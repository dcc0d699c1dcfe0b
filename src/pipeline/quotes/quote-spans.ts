import type { Span } from '../../domain/index.js';

/** A quotation found in the text: `start`/`end` enclose the words, without the marks. */
export interface QuoteSpan extends Span {
  /** Offsets of the opening mark and just after the closing one (or the paragraph end). */
  outerStart: number;
  outerEnd: number;
  mark: 'double' | 'guillemet' | 'single';
  /** The paragraph ended before a closing mark: the quote goes on in the next paragraph. */
  openEnded: boolean;
  paragraph: number;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpaceOrStart = (ch: string | undefined): boolean => ch === undefined || /[\s(\[“"—–-]/.test(ch);

function push(out: QuoteSpan[], text: string, open: number, close: number, closed: boolean, mark: QuoteSpan['mark'], paragraph: number): void {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  if (end <= start) return;
  out.push({ start, end, outerStart: open, outerEnd: closed ? close + 1 : close, mark, openEnded: !closed, paragraph });
}

/**
 * Single quotes double as apostrophes ("alliance’s", "Da’esh", "allies’"), so one counts as
 * an opening mark only at the start of a word and as a closing one only at the end of a
 * word, and the pair must hold at least two words.
 */
function singleQuotes(text: string, from: number, to: number, paragraph: number, out: QuoteSpan[]): void {
  for (let i = from; i < to; i += 1) {
    const ch = text[i];
    if ((ch !== '‘' && ch !== "'") || !isSpaceOrStart(text[i - 1]) || !isLetter(text[i + 1])) continue;
    const closeChar = ch === '‘' ? '’' : "'";
    // A quotation in single marks is a phrase, not a page: look only so far for its end.
    for (let j = i + 2; j < Math.min(to, i + 600); j += 1) {
      if (text[j] !== closeChar || isLetter(text[j + 1])) continue;
      if (!/[\p{L}\p{N}.,!?]/u.test(text[j - 1])) continue;
      const inner = text.slice(i + 1, j);
      if (/\s/.test(inner.trim())) {
        push(out, text, i, j, true, 'single', paragraph);
        i = j;
      }
      break;
    }
  }
}

/** Quotations in each paragraph, in text order; quotes never span paragraphs. */
export function findQuoteSpans(text: string, paragraphs: Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // Next occurrence of each mark at or after a position, remembered so that a paragraph full
  // of openers without closers is not rescanned for every opener.
  const nextCache = new Map<string, number>();
  const next = (mark: string, from: number): number => {
    const known = nextCache.get(mark);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(mark, from);
    nextCache.set(mark, found);
    return found;
  };
  paragraphs.forEach((p, paragraph) => {
    let plainFrom = p.start; // text between double quotes, where single quotes may open
    for (let i = p.start; i < p.end; i += 1) {
      const ch = text[i];
      let closer: string;
      if (ch === '“') closer = '”';
      else if (ch === '«') closer = '»';
      else if (ch === '"') closer = '"';
      else if (ch === '„') closer = '“';
      else continue;
      singleQuotes(text, plainFrom, i, paragraph, out);
      let close = next(closer, i + 1);
      // A stray straight quote after a curly opener still closes it, and so does a second “
      // (German-style „…“ arrives here as “…“ once normalized).
      if (ch === '“' && (close < 0 || close >= p.end)) {
        const alt = next('"', i + 1);
        const same = next('“', i + 1);
        if (alt >= 0 && alt < p.end) close = alt;
        else if (same >= 0 && same < p.end) close = same;
      }
      const closed = close >= 0 && close < p.end;
      push(out, text, i, closed ? close : p.end, closed, ch === '«' ? 'guillemet' : 'double', paragraph);
      i = closed ? close : p.end;
      plainFrom = i + 1;
    }
    singleQuotes(text, plainFrom, p.end, paragraph, out);
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Stands in for quoted characters: neither a letter nor a space, so it also stops any
 * backward walk for a speaker at the quote. */
export const MASK = '\u0001';

/** The text with every quotation (marks included) blanked out, so reporting words inside
 * quotes are never read as attribution. Same length, same offsets. */
export function maskQuotes(text: string, quotes: QuoteSpan[]): string {
  if (quotes.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    if (q.outerStart < at) continue;
    parts.push(text.slice(at, q.outerStart), MASK.repeat(q.outerEnd - q.outerStart));
    at = q.outerEnd;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
