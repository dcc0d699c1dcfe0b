/**
 * Turns a text and a set of spans into flat pieces the document view renders as plain
 * React text nodes. Nothing here produces markup: the article's own characters only ever
 * reach the page as text.
 */
export interface MarkSpan {
  start: number;
  end: number;
  /** Identifies the mention (or other record) the span belongs to. */
  id: string;
  kind: string;
}

export interface TextPiece {
  start: number;
  end: number;
  text: string;
  /** The mention covering this piece, if any. */
  mark?: MarkSpan;
  /** Whether the piece lies inside the span the reader selected. */
  selected: boolean;
}

/**
 * Keeps the outermost spans where spans nest or cross: a reader clicks one thing at a
 * time, and "NATO Mission Iraq" is more useful as one mark than as "NATO" + "Iraq".
 */
export function outermostSpans(spans: readonly MarkSpan[], textLength: number): MarkSpan[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= textLength && s.start < s.end);
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MarkSpan[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.start >= reach) {
      kept.push(span);
      reach = span.end;
    }
  }
  return kept;
}

export function splitText(
  text: string,
  spans: readonly MarkSpan[],
  selection?: { start: number; end: number },
): TextPiece[] {
  const marks = outermostSpans(spans, text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (selection) {
    cuts.add(Math.max(0, Math.min(text.length, selection.start)));
    cuts.add(Math.max(0, Math.min(text.length, selection.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  let markIndex = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    while (markIndex < marks.length && marks[markIndex].end <= start) markIndex++;
    const candidate = marks[markIndex];
    const mark = candidate && candidate.start <= start && candidate.end >= end ? candidate : undefined;
    const selected = selection !== undefined && start >= selection.start && end <= selection.end;
    pieces.push({ start, end, text: text.slice(start, end), mark, selected });
  }
  return pieces;
}

/** Groups consecutive pieces of the same mark so each mention renders as one element. */
export function groupByMark(pieces: readonly TextPiece[]): Array<{ mark?: MarkSpan; pieces: TextPiece[] }> {
  const groups: Array<{ mark?: MarkSpan; pieces: TextPiece[] }> = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last && piece.mark && last.mark === piece.mark) last.pieces.push(piece);
    else groups.push({ mark: piece.mark, pieces: [piece] });
  }
  return groups;
}
