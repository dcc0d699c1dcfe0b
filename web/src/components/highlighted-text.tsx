import { useEffect, useMemo, useRef } from 'react';
import { groupByMark, splitText } from '../lib';
import type { MarkSpan } from '../lib';

export interface HighlightedTextProps {
  text: string;
  marks: MarkSpan[];
  /** Id of the mark the reader chose. */
  activeId?: string;
  /** A span to shade (the evidence of the chosen event or quote). */
  selection?: { start: number; end: number };
  onChoose: (mark: MarkSpan) => void;
}

/**
 * The document text with mentions as buttons coloured by entity type. Every character of
 * the article is rendered as a React text node: markup in the source stays visible text.
 */
export function HighlightedText({ text, marks, activeId, selection, onChoose }: HighlightedTextProps) {
  const groups = useMemo(() => groupByMark(splitText(text, marks, selection)), [text, marks, selection]);
  const selectedRef = useRef<HTMLSpanElement | null>(null);

  // Bring the chosen evidence into view when it changes (e.g. opened from an event page).
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selection?.start, selection?.end]);

  let firstSelected = true;
  const renderPieces = (pieces: ReturnType<typeof splitText>) =>
    pieces.map((piece) => {
      if (!piece.selected) return piece.text;
      const ref = firstSelected ? selectedRef : undefined;
      firstSelected = false;
      return (
        <span key={piece.start} ref={ref} className="evidence-selected">
          {piece.text}
        </span>
      );
    });

  return (
    <div className="doc-text" role="region" aria-label="Document text">
      {groups.map((group) => {
        const mark = group.mark;
        const start = group.pieces[0].start;
        if (!mark) return <span key={start}>{renderPieces(group.pieces)}</span>;
        // A <mark> acting as a button, not a <button>: buttons do not break across lines,
        // so a long name would push the text around it.
        return (
          <mark
            key={start}
            role="button"
            tabIndex={0}
            className={`mention type-${mark.kind}`}
            aria-pressed={activeId === mark.id}
            title={mark.kind}
            onClick={() => onChoose(mark)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onChoose(mark);
              }
            }}
          >
            {renderPieces(group.pieces)}
          </mark>
        );
      })}
    </div>
  );
}
