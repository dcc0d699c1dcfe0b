/**
 * A plain-text excerpt around the first words that match a search, with the offsets of
 * every match in it. Used where the database's own highlighter cannot see through
 * accents (PostgreSQL's ts_headline works on the raw text; the index on folded text).
 */
const WORD = /[\p{L}\p{N}]+/gu;

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function makeSnippet(text: string, tokens: string[], width = 180): { snippet: string; highlights: { start: number; end: number }[] } {
  const last = tokens.length - 1;
  const matches: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = fold(m[0]);
    if (tokens.some((t, i) => w === t || (i === last && w.startsWith(t)))) matches.push({ start: m.index!, end: m.index! + m[0].length });
  }
  if (matches.length === 0) {
    const head = text.slice(0, width);
    return { snippet: head.length < text.length ? `${head}…` : head, highlights: [] };
  }
  let from = Math.max(0, matches[0].start - Math.floor(width / 3));
  // Start on a word boundary so the excerpt does not open mid-word.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < matches[0].start) from = space + 1;
  }
  const to = Math.min(text.length, from + width);
  const prefix = from > 0 ? '…' : '';
  const snippet = prefix + text.slice(from, to).replace(/\s+/g, ' ') + (to < text.length ? '…' : '');
  // Whitespace runs were collapsed: recompute offsets on the excerpt itself.
  const body = snippet.slice(prefix.length);
  const highlights: { start: number; end: number }[] = [];
  for (const m of body.matchAll(WORD)) {
    const w = fold(m[0]);
    if (tokens.some((t, i) => w === t || (i === last && w.startsWith(t)))) {
      highlights.push({ start: prefix.length + m.index!, end: prefix.length + m.index! + m[0].length });
    }
  }
  return { snippet, highlights };
}
