import { describe, expect, it } from 'vitest';
import { loadCountryTables } from './countries.loader.js';
import { loadCityTable } from './cities.loader.js';
import { buildPlaceTable, loadRegionTable, loadSiteTable, type PlaceTable } from './places.loader.js';

const countries = loadCountryTables();

function checkShape(table: PlaceTable, kind: 'region' | 'site') {
  const ids = table.entries.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(table.index.collisions()).toEqual([]);
  for (const e of table.entries) {
    expect(e.kind).toBe(kind);
    expect(e.lat, e.id).toBeDefined();
    expect(Math.abs(e.lat!)).toBeLessThanOrEqual(90);
    expect(Math.abs(e.lon!)).toBeLessThanOrEqual(180);
    if (e.iso2 !== undefined) expect(countries.byIso2.has(e.iso2), `${e.id}: ${e.iso2}`).toBe(true);
    for (const form of [e.name, ...e.aliases]) expect(table.index.find(form), `${form} → ${e.id}`).toBe(e.id);
  }
}

describe('region entries', () => {
  const regions = loadRegionTable();

  it('have unique ids, aliases that map back to one region, and sane coordinates', () => {
    expect(regions.entries.length).toBeGreaterThan(50);
    checkShape(regions, 'region');
  });

  it('resolve the regions diplomatic texts name', () => {
    const find = (name: string) => regions.byId.get(regions.index.find(name) ?? '');
    expect(find('Indo-Pacific')?.id).toBe('indo-pacific');
    expect(find('the Western Balkans')?.name).toBe('Western Balkans');
    expect(find('MENA')?.name).toBe('Middle East and North Africa');
    expect(find('mena')).toBeUndefined();
    expect(find('southern neighborhood')?.id).toBe('southern-neighbourhood');
    expect(find('Persian Gulf')?.id).toBe('gulf');
    expect(find('Donbass')?.iso2).toBe('UA');
    const balkans = find('Western Balkans')!;
    expect(balkans.lat! > 40 && balkans.lat! < 46 && balkans.lon! > 15 && balkans.lon! < 24).toBe(true);
  });

  it('do not shadow country names', () => {
    const clashes = regions.entries.flatMap((r) => [r.name, ...r.aliases]).filter((f) => countries.names.find(f) !== undefined);
    expect(clashes).toEqual([]);
  });
});

describe('site entries', () => {
  const sites = loadSiteTable();
  const cities = loadCityTable();

  it('have unique ids, aliases that map back to one site, and sane coordinates', () => {
    checkShape(sites, 'site');
  });

  it('lie within a few kilometres of the city they name', () => {
    for (const s of sites.entries) {
      if (s.city === undefined) continue;
      const c = cities.lookup(s.city)[0];
      expect(c, `${s.id}: city ${s.city}`).toBeDefined();
      expect(c.iso2, s.id).toBe(s.iso2);
      expect(Math.abs(c.lat - s.lat!) + Math.abs(c.lon - s.lon!), s.id).toBeLessThan(0.3);
    }
  });

  it('resolve the headquarters and palaces texts name', () => {
    const find = (name: string) => sites.byId.get(sites.index.find(name) ?? '');
    expect(find('NATO headquarters')?.city).toBe('Brussels');
    expect(find('NATO HQ')?.id).toBe('nato-hq');
    expect(find('the Elysee')?.id).toBe('elysee');
    expect(find('the White House')?.iso2).toBe('US');
    expect(find('Kremlin')?.iso2).toBe('RU');
    expect(find('United Nations headquarters')?.id).toBe('un-hq');
    expect(find('SHAPE headquarters')?.city).toBe('Mons');
  });
});

describe('buildPlaceTable on bad data', () => {
  it('refuses duplicate ids and coordinates off the globe', () => {
    const entry = { id: 'x', name: 'X', aliases: [], lat: 1, lon: 1 };
    expect(() => buildPlaceTable({ version: '1', regions: [entry, entry] }, 'region')).toThrow(/used twice/);
    expect(() => buildPlaceTable({ version: '1', regions: [{ ...entry, lat: 95 }] }, 'region')).toThrow(/lat/);
    expect(() => buildPlaceTable({ version: '1', sites: [{ ...entry, lon: undefined }] }, 'site')).toThrow(/both lat and lon/);
  });
});
