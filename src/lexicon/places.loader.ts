import { asOptionalNumber, asOptionalString, asRecord, asString, asStringArray, fail, readDataFile } from './data-file.js';
import { matchModeOf } from './fold-key.js';
import type { RegionEntry } from './lexicon.types.js';
import { SurfaceIndex } from './surface-index.js';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PlaceTable {
  entries: RegionEntry[];
  index: SurfaceIndex;
  byId: Map<string, RegionEntry>;
}

/** Regions (regions.json) and sites (sites.json) share one shape; `kind` tells them apart. */
export function buildPlaceTable(data: unknown, kind: RegionEntry['kind']): PlaceTable {
  const file = kind === 'site' ? 'sites.json' : 'regions.json';
  const listKey = kind === 'site' ? 'sites' : 'regions';
  const root = asRecord(data, file, 'root');
  asString(root.version, file, 'version');
  const list = root[listKey];
  if (!Array.isArray(list)) fail(file, listKey, 'expected an array');
  const known = new Set(['id', 'name', 'aliases', 'lat', 'lon', 'iso2', 'city']);

  const entries: RegionEntry[] = [];
  const byId = new Map<string, RegionEntry>();
  const index = new SurfaceIndex();
  list.forEach((value, i) => {
    const raw = asRecord(value, file, `${listKey}[${i}]`);
    const id = asString(raw.id, file, `${listKey}[${i}].id`);
    if (!ID_PATTERN.test(id)) fail(file, id, 'id must be lowercase words joined by "-"');
    if (byId.has(id)) fail(file, id, 'id is used twice');
    for (const key of Object.keys(raw)) if (!known.has(key)) fail(file, id, `unknown field "${key}"`);
    const lat = asOptionalNumber(raw.lat, file, `${id}.lat`);
    const lon = asOptionalNumber(raw.lon, file, `${id}.lon`);
    if ((lat === undefined) !== (lon === undefined)) fail(file, id, 'give both lat and lon or neither');
    if (lat !== undefined && (lat < -90 || lat > 90)) fail(file, id, 'lat must lie in [-90, 90]');
    if (lon !== undefined && (lon < -180 || lon > 180)) fail(file, id, 'lon must lie in [-180, 180]');
    const iso2 = asOptionalString(raw.iso2, file, `${id}.iso2`);
    if (iso2 !== undefined && !/^[A-Z]{2}$/.test(iso2)) fail(file, id, 'iso2 must be two capital letters');
    const city = asOptionalString(raw.city, file, `${id}.city`);
    const entry: RegionEntry = {
      id,
      name: asString(raw.name, file, `${id}.name`),
      aliases: asStringArray(raw.aliases, file, `${id}.aliases`),
      kind,
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
      ...(iso2 !== undefined ? { iso2 } : {}),
      ...(city !== undefined ? { city } : {}),
    };
    entries.push(entry);
    byId.set(id, entry);
    for (const form of [entry.name, ...entry.aliases]) index.add(form, id, matchModeOf(form, new Set()));
  });
  return { entries, index, byId };
}

export function loadRegionTable(): PlaceTable {
  return buildPlaceTable(readDataFile('regions.json'), 'region');
}

export function loadSiteTable(): PlaceTable {
  return buildPlaceTable(readDataFile('sites.json'), 'site');
}
