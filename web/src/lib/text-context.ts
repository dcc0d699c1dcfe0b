/**
 * The sentence-like stretch of text around a span, for showing a mention in context when
 * the API gave offsets only. Stops at sentence punctuation followed by a space, or a line break.
 */
export function contextAround(text: string, start: number, end: number, maxChars = 400): { start: number; end: number } {
  let from = start;
  while (from > 0 && start - from < maxChars) {
    const ch = text[from - 1];
    if (ch === '\n') break;
    if (/[.!?]/.test(text[from - 2] ?? '') && /\s/.test(ch)) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < maxChars) {
    const ch = text[to];
    if (ch === '\n') break;
    to++;
    if (/[.!?]/.test(ch) && (to >= text.length || /\s/.test(text[to]))) break;
  }
  while (from < to && /\s/.test(text[from])) from++;
  return { start: from, end: to };
}

/** Parses `at=120-180` from a document URL. */
export function parseSpan(value: string | undefined): { start: number; end: number } | undefined {
  const match = value?.match(/^(\d+)-(\d+)$/);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : undefined;
}

/** Only web links become anchors: a stored `javascript:` URL must never be clickable. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
