import type { Span } from '../domain/index.js';

// Display helper: the sentence around a span, so evidence can be shown in context. News
// paragraphs are single lines, so a line break always ends a sentence.
const END = /[.!?]["'”’)\]]*\s/g;

export function sentenceAround(text: string, span: Span): Span & { text: string } {
  const lineStart = text.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  const nl = text.indexOf('\n', span.end);
  const lineEnd = nl === -1 ? text.length : nl;
  let start = lineStart;
  END.lastIndex = lineStart;
  for (let m = END.exec(text); m && m.index + m[0].length <= span.start; m = END.exec(text)) {
    start = m.index + m[0].length;
  }
  let end = lineEnd;
  END.lastIndex = Math.max(span.end - 1, start);
  const after = END.exec(text);
  if (after && after.index < lineEnd) end = after.index + after[0].length - 1;
  const trimmedEnd = Math.max(start, end);
  return { start, end: trimmedEnd, text: text.slice(start, trimmedEnd) };
}
