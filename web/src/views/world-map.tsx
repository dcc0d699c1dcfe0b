import { useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, WheelEvent as ReactWheelEvent } from 'react';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import type { MapCountry, MapPlace } from '../lib';

const WIDTH = 960;
const HEIGHT = 500;
const SHADES = ['#eef1ec', '#d3e7c8', '#a9d18e', '#74b45a', '#3f8a35', '#1f5e22'];

type CountryFeature = Feature<Geometry, { name: string }> & { id?: string };

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = (feature(topology, topology.objects.countries) as unknown as { features: CountryFeature[] }).features;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);
const countryPaths = countries.map((c) => ({ id: c.id, name: c.properties.name, d: path(c) ?? '' }));

interface ViewBox { x: number; y: number; w: number; h: number }
const WORLD: ViewBox = { x: 0, y: 0, w: WIDTH, h: HEIGHT };

/** Activity buckets on a log scale: a handful of busy countries should not wash out the rest. */
function shade(activity: number, max: number): string {
  if (activity <= 0 || max <= 0) return '#f4f4f1';
  const level = Math.ceil((Math.log1p(activity) / Math.log1p(max)) * (SHADES.length - 1));
  return SHADES[Math.max(1, Math.min(SHADES.length - 1, level))];
}

/**
 * Which places get a visible label at this zoom: busiest first, skipping any label that
 * would overlap one already placed (the dot and its accessible name stay either way).
 */
function labelWidth(name: string, scale: number): number {
  return (8 + name.length * 6.2) * scale;
}

/** Labels go right of their dot, or left of it where they would run off the visible map. */
function labelOnLeft(name: string, x: number, scale: number, view: ViewBox): boolean {
  return x + labelWidth(name, scale) > view.x + view.w;
}

function placeLabels(located: Array<{ place: MapPlace; xy: [number, number] }>, scale: number, view: ViewBox): Set<string> {
  const boxes: Array<[number, number, number, number]> = [];
  const shown = new Set<string>();
  const order = [...located].sort((a, b) => b.place.events.length - a.place.events.length || a.place.name.localeCompare(b.place.name));
  for (const { place, xy } of order) {
    const width = labelWidth(place.name, scale);
    const left = labelOnLeft(place.name, xy[0], scale, view) ? xy[0] - width : xy[0] - 4 * scale;
    const box: [number, number, number, number] = [left, xy[1] - 8 * scale, left + width + 4 * scale, xy[1] + 5 * scale];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    shown.add(place.id);
  }
  return shown;
}

/** A view box around the given points with some margin, keeping the map's aspect ratio. */
function fitPoints(points: Array<[number, number]>): ViewBox {
  if (points.length === 0) return WORLD;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  let w = Math.max(...xs) - Math.min(...xs) + 120;
  let h = Math.max(...ys) - Math.min(...ys) + 90;
  const ratio = WIDTH / HEIGHT;
  if (w / h > ratio) h = w / ratio;
  else w = h * ratio;
  w = Math.min(w, WIDTH);
  h = Math.min(h, HEIGHT);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return { x: Math.max(0, Math.min(WIDTH - w, cx - w / 2)), y: Math.max(0, Math.min(HEIGHT - h, cy - h / 2)), w, h };
}

export interface WorldMapProps {
  places: MapPlace[];
  countries: MapCountry[];
  chosenPlaceId?: string;
  onChoosePlace: (place: MapPlace) => void;
  onChooseCountry: (country: MapCountry) => void;
}

export function WorldMap({ places, countries: active, chosenPlaceId, onChoosePlace, onChooseCountry }: WorldMapProps) {
  const located = useMemo(
    () => places.map((p) => ({ place: p, xy: projection([p.lon, p.lat]) })).filter((p): p is { place: MapPlace; xy: [number, number] } => !!p.xy),
    [places],
  );
  const home = useMemo(() => fitPoints(located.map((p) => p.xy)), [located]);
  const [view, setView] = useState<ViewBox>(home);
  const drag = useRef<{ x: number; y: number; view: ViewBox } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const byNumeric = useMemo(() => new Map(active.filter((c) => c.isoNumeric).map((c) => [c.isoNumeric!, c])), [active]);
  const byName = useMemo(() => new Map(active.map((c) => [c.name.toLowerCase(), c])), [active]);
  const activity = (c: MapCountry) => c.eventCount * 3 + c.mentionCount;
  const max = Math.max(0, ...active.map(activity));
  const scale = view.w / WIDTH;
  const labelled = useMemo(() => placeLabels(located, scale, view), [located, scale, view]);

  const zoom = (factor: number, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(WIDTH, Math.max(40, view.w * factor));
    const h = (w * HEIGHT) / WIDTH;
    const x = Math.max(0, Math.min(WIDTH - w, cx - ((cx - view.x) * w) / view.w));
    const y = Math.max(0, Math.min(HEIGHT - h, cy - ((cy - view.y) * h) / view.h));
    setView({ x, y, w, h });
  };
  const toMap = (clientX: number, clientY: number) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return [view.x + ((clientX - rect.left) / rect.width) * view.w, view.y + ((clientY - rect.top) / rect.height) * view.h];
  };
  const onWheel = (e: ReactWheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    const [cx, cy] = toMap(e.clientX, e.clientY);
    zoom(e.deltaY > 0 ? 1.25 : 0.8, cx, cy);
  };
  const onPointerDown = (e: ReactPointerEvent) => {
    if ((e.target as Element).closest('.place-dot, .country.active')) return;
    drag.current = { x: e.clientX, y: e.clientY, view };
  };
  const onPointerMove = (e: ReactPointerEvent) => {
    const start = drag.current;
    if (!start || !svgRef.current) return;
    const rect = svgRef.current.getBoundingClientRect();
    const dx = ((e.clientX - start.x) / rect.width) * start.view.w;
    const dy = ((e.clientY - start.y) / rect.height) * start.view.h;
    setView({ ...start.view, x: Math.max(0, Math.min(WIDTH - start.view.w, start.view.x - dx)), y: Math.max(0, Math.min(HEIGHT - start.view.h, start.view.y - dy)) });
  };

  return (
    <div>
      <div className="row map-tools" role="toolbar" aria-label="Map view">
        <button type="button" className="secondary" onClick={() => zoom(0.7)}>Zoom in</button>
        <button type="button" className="secondary" onClick={() => zoom(1 / 0.7)}>Zoom out</button>
        <button type="button" className="secondary" onClick={() => setView(home)}>Fit places</button>
        <button type="button" className="secondary" onClick={() => setView(WORLD)}>Whole world</button>
        <span className="map-legend" aria-hidden="true">
          less <span className="swatch shade-1" /><span className="swatch shade-3" /><span className="swatch shade-5" /> more activity ·{' '}
          <span className="swatch dot-swatch" /> place
        </span>
      </div>
      <svg
        ref={svgRef}
        className="map-svg"
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="group"
        aria-label="World map: countries shaded by activity, places as dots"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerLeave={() => (drag.current = null)}
      >
        <path d={path({ type: 'Sphere' }) ?? ''} fill="#dcebf7" />
        <g>
          {countryPaths.map((c, i) => {
            const hit = (c.id && byNumeric.get(c.id)) || byName.get(c.name.toLowerCase());
            return (
              <path
                key={c.id ?? `n${i}`}
                d={c.d}
                className={hit ? 'country active' : 'country'}
                fill={hit ? shade(activity(hit), max) : '#f4f4f1'}
                strokeWidth={0.5 * scale}
                onClick={hit ? () => onChooseCountry(hit) : undefined}
              >
                <title>{hit ? `${hit.name}: ${hit.eventCount} events, ${hit.mentionCount} mentions` : c.name}</title>
              </path>
            );
          })}
        </g>
        <g>
          {located.map(({ place, xy }) => (
            <g key={place.id}>
              <circle
                className={place.id === chosenPlaceId ? 'place-dot chosen' : 'place-dot'}
                cx={xy[0]}
                cy={xy[1]}
                r={Math.max(3.5, Math.min(9, 3 + Math.sqrt(place.events.length) * 1.5)) * scale}
                strokeWidth={1.2 * scale}
                role="button"
                tabIndex={0}
                aria-label={`${place.name}: ${place.events.length} ${place.events.length === 1 ? 'event' : 'events'}`}
                onClick={() => onChoosePlace(place)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onChoosePlace(place);
                  }
                }}
              />
              {(labelled.has(place.id) || place.id === chosenPlaceId) && <text
                className="place-label"
                x={labelOnLeft(place.name, xy[0], scale, view) ? xy[0] - 6 * scale : xy[0] + 6 * scale}
                textAnchor={labelOnLeft(place.name, xy[0], scale, view) ? 'end' : 'start'}
                y={xy[1] + 3.5 * scale} fontSize={11 * scale} strokeWidth={3 * scale} aria-hidden="true">
                {place.name}
              </text>}
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}
