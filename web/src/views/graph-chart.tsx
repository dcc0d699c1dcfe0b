import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import type { GraphData } from '../lib';

const TYPE_COLOURS: Record<string, string> = {
  person: '#e8913a',
  organization: '#1f5fa8',
  country: '#3f8a35',
  place: '#7b4bb3',
  instrument: '#c2334d',
};

const EDGE_COLOURS: Record<string, string> = {
  meets: '#7d8896',
  visits: '#c2334d',
  serves: '#3f8a35',
  requests: '#7b4bb3',
};

/**
 * Cytoscape adds an inline <style> (position: relative for its container) unless an element
 * with this id exists. The server's CSP blocks inline styles, and styles.css already sets the
 * position, so a marker element keeps it from trying.
 */
function markCytoscapeStyled(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.appendChild(marker);
}

/**
 * Cytoscape draws on canvas and only ever treats labels as text, so entity names from
 * articles cannot inject markup here.
 */
export function GraphChart({ data, focusId, onChoose }: { data: GraphData; focusId?: string; onChoose: (id: string | undefined) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const onChooseRef = useRef(onChoose);
  onChooseRef.current = onChoose;

  useEffect(() => {
    if (!host.current) return;
    const maxWeight = Math.max(1, ...data.nodes.map((n) => n.weight));
    const ids = new Set(data.nodes.map((n) => n.id));
    markCytoscapeStyled();
    const cy = cytoscape({
      container: host.current,
      elements: [
        ...data.nodes.map((n) => ({
          data: { id: n.id, label: n.name, type: n.type, size: 18 + 34 * Math.sqrt(n.weight / maxWeight) },
          classes: n.id === focusId ? 'focus' : '',
        })),
        ...data.edges
          .filter((e) => ids.has(e.source) && ids.has(e.target))
          .map((e) => ({ data: { id: e.id, source: e.source, target: e.target, kind: e.kind, width: 1 + Math.min(6, e.weight) } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            width: 'data(size)',
            height: 'data(size)',
            'background-color': (ele: cytoscape.NodeSingular) => TYPE_COLOURS[ele.data('type') as string] ?? '#888',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-outline-color': '#fff',
            'text-outline-width': 2,
            color: '#1c2430',
          },
        },
        { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#f2a900' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1c2430' } },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': (ele: cytoscape.EdgeSingular) => EDGE_COLOURS[ele.data('kind') as string] ?? '#999',
            'target-arrow-color': (ele: cytoscape.EdgeSingular) => EDGE_COLOURS[ele.data('kind') as string] ?? '#999',
            'target-arrow-shape': (ele: cytoscape.EdgeSingular) => (ele.data('kind') === 'meets' ? 'none' : 'triangle'),
            'curve-style': 'bezier',
            opacity: 0.75,
          },
        },
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 20 } as cytoscape.LayoutOptions,
    });
    cy.on('tap', 'node', (evt) => onChooseRef.current(evt.target.id() as string));
    cy.on('tap', (evt) => {
      if (evt.target === cy) onChooseRef.current(undefined);
    });
    return () => cy.destroy();
  }, [data, focusId]);

  return <div ref={host} className="graph-host" role="img" aria-label={`Graph of ${data.nodes.length} entities and ${data.edges.length} links; the list beside it names them`} />;
}

export { TYPE_COLOURS, EDGE_COLOURS };
