import { useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
import type { DataItem, DataGroup } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { EVENT_TYPES } from '../lib';
import type { TimelineItem } from '../lib';

/** A text-only element: vis-timeline would parse a string label as HTML. */
function textNode(text: string, className?: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/**
 * The opening window: the middle 90% of event starts with a margin, so one event dated
 * only by its year (a bar across twelve months) does not shrink everything else to slivers.
 */
function openingWindow(items: TimelineItem[]): { start: Date; end: Date } | undefined {
  if (items.length < 2) return undefined;
  const starts = items.map((i) => Date.parse(`${i.start}T00:00:00Z`)).sort((a, b) => a - b);
  const lo = starts[Math.floor(starts.length * 0.05)];
  const hi = starts[Math.min(starts.length - 1, Math.ceil(starts.length * 0.95))];
  const pad = Math.max((hi - lo) * 0.1, 7 * 86_400_000);
  return { start: new Date(lo - pad), end: new Date(hi + pad) };
}

/** Long labels would stack every item on its own row; the full label shows on selection. */
function shorten(label: string, max = 48): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Events as rows per type; a day is a box, a week or month a bar across its interval. */
export function TimelineChart({ items, selectedId, onSelect }: { items: TimelineItem[]; selectedId?: string; onSelect: (id: string | undefined) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!host.current) return;
    const types = EVENT_TYPES.filter((t) => items.some((i) => i.type === t));
    const groups = new DataSet<DataGroup>(types.map((t) => ({ id: t, content: textNode(t), className: `group-${t}` })));
    const data = new DataSet<DataItem>(
      items.map((item) => {
        const ranged = item.precision !== 'day' || item.start !== item.end;
        return {
          id: item.id,
          group: item.type,
          // The typings say string, but vis-timeline appends an element as is.
          content: textNode(shorten(item.label)) as unknown as string,
          start: item.start,
          end: ranged ? dayAfter(item.end) : undefined,
          type: ranged ? 'range' : 'point',
          className: `type-${item.type} state-${item.reviewState}`,
        };
      }),
    );
    const tl = new Timeline(host.current, data, groups, {
      stack: true,
      zoomKey: 'ctrlKey',
      orientation: { axis: 'top' },
      margin: { item: 6 },
      maxHeight: 620,
      verticalScroll: true,
      // Labels arrive as DOM nodes built with textContent; nothing is parsed as HTML.
      xss: { disabled: false },
    });
    tl.on('select', (props: { items: Array<string | number> }) => onSelectRef.current(props.items[0] === undefined ? undefined : String(props.items[0])));
    const opening = openingWindow(items);
    if (opening) tl.setWindow(opening.start, opening.end, { animation: false });
    else if (items.length) tl.fit({ animation: false });
    timeline.current = tl;
    return () => {
      tl.destroy();
      timeline.current = null;
    };
  }, [items]);

  useEffect(() => {
    const tl = timeline.current;
    if (!tl) return;
    tl.setSelection(selectedId ? [selectedId] : []);
    if (selectedId) tl.focus(selectedId, { animation: false });
  }, [selectedId]);

  return <div ref={host} className="timeline-host" role="img" aria-label={`Timeline of ${items.length} events; the table below lists the same events`} />;
}
