import { describe, expect, it } from 'vitest';
import { readDataFile } from './data-file.js';
import { loadCountryTables } from './countries.loader.js';

const tables = loadCountryTables();
const nameOf = (text: string) => tables.names.find(text);
const overrides = readDataFile('country-overrides.json') as {
  countries: { iso2: string; name?: string; aliases?: string[]; demonyms?: string[] }[];
  excludedDemonyms: string[];
  droppedForms: string[];
  demonymOwners: Record<string, string>;
};

describe('countries from world-countries', () => {
  it('have unique ISO codes and coordinates on the globe', () => {
    const iso2 = tables.countries.map((c) => c.iso2);
    expect(new Set(iso2).size).toBe(iso2.length);
    expect(tables.countries.length).toBeGreaterThanOrEqual(245);
    for (const c of tables.countries) {
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      expect(Math.abs(c.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.lon)).toBeLessThanOrEqual(180);
    }
  });

  it('let no name, alias, demonym or capital point at two countries', () => {
    expect(tables.names.collisions()).toEqual([]);
    expect(tables.demonyms.collisions()).toEqual([]);
    expect(tables.capitals.collisions()).toEqual([]);
  });

  it('never treat a bare ISO code in lower case as a name ("in", "no", "us")', () => {
    for (const word of ['in', 'no', 'it', 'is', 'me', 'us', 'am', 'be']) expect(nameOf(word), word).toBeUndefined();
  });
});

describe('country overrides', () => {
  it('each apply to a country that ends up in the table with its name and every alias resolving to it', () => {
    for (const o of overrides.countries) {
      const c = tables.byIso2.get(o.iso2);
      expect(c, o.iso2).toBeDefined();
      if (o.name !== undefined) expect(c?.name).toBe(o.name);
      for (const alias of o.aliases ?? []) expect(nameOf(alias), `${alias} → ${o.iso2}`).toBe(o.iso2);
      for (const d of o.demonyms ?? []) expect(tables.demonyms.find(d), `${d} → ${o.iso2}`).toBe(o.iso2);
    }
  });

  it('make Kosovo a country (XK) with its capital and demonym', () => {
    const kosovo = tables.byIso2.get('XK');
    expect(nameOf('Kosovo')).toBe('XK');
    expect(kosovo?.sovereign).toBe(true);
    expect(kosovo?.capital).toBe('Pristina');
    expect(tables.capitals.find('Prishtina')).toBe('XK');
    expect(tables.demonyms.find('Kosovar')).toBe('XK');
  });

  it('resolve the awkward names diplomatic texts use', () => {
    const cases: [string, string][] = [
      ['South Korea', 'KR'], ['Republic of Korea', 'KR'], ['Korea', 'KR'], ['North Korea', 'KP'], ['DPRK', 'KP'],
      ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Czechia', 'CZ'], ['Czech Republic', 'CZ'],
      ['the United States', 'US'], ['US', 'US'], ['U.S.', 'US'], ['USA', 'US'], ['America', 'US'],
      ['UK', 'GB'], ['Britain', 'GB'], ['United Kingdom', 'GB'], ['the Netherlands', 'NL'],
      ['Russia', 'RU'], ['Russian Federation', 'RU'], ['Iran', 'IR'], ['Syria', 'SY'], ['Viet Nam', 'VN'],
      ['Laos', 'LA'], ['Burma', 'MM'], ["Côte d'Ivoire", 'CI'], ['Cote d’Ivoire', 'CI'], ['Ivory Coast', 'CI'],
      ['DR Congo', 'CD'], ['DRC', 'CD'], ['Bosnia', 'BA'], ['Bosnia and Herzegovina', 'BA'],
      ['Palestine', 'PS'], ['Taiwan', 'TW'], ['Hashemite Kingdom of Jordan', 'JO'],
    ];
    for (const [text, iso2] of cases) expect(nameOf(text), text).toBe(iso2);
  });

  it('keep the pronoun "us" and lowercase common words out', () => {
    expect(nameOf('us')).toBeUndefined();
    expect(nameOf('Us')).toBeUndefined();
    expect(nameOf('turkey')).toBeUndefined();
    expect(nameOf('china')).toBeUndefined();
    expect(tables.demonyms.find('polish')).toBeUndefined();
    expect(tables.demonyms.find('Polish')).toBe('PL');
  });

  it('drop ambiguous forms and demonyms instead of guessing', () => {
    for (const form of overrides.droppedForms) expect(nameOf(form), form).toBeUndefined();
    for (const d of overrides.excludedDemonyms) expect(tables.demonyms.find(d), d).toBeUndefined();
    for (const [d, iso2] of Object.entries(overrides.demonymOwners)) expect(tables.demonyms.find(d), d).toBe(iso2);
  });

  it('resolve demonyms and capitals', () => {
    const demonyms: [string, string][] = [
      ['Iraqi', 'IQ'], ['Ukrainian', 'UA'], ['South Korean', 'KR'], ['American', 'US'], ['British', 'GB'],
      ['Dutch', 'NL'], ['Emirati', 'AE'], ['Bosnian', 'BA'], ['Kosovar', 'XK'], ['Jordanian', 'JO'],
    ];
    for (const [d, iso2] of demonyms) expect(tables.demonyms.find(d), d).toBe(iso2);
    const capitals: [string, string][] = [['Baghdad', 'IQ'], ['Amman', 'JO'], ['Kyiv', 'UA'], ['Kiev', 'UA'], ['Washington', 'US'], ['The Hague', 'NL']];
    for (const [city, iso2] of capitals) expect(tables.capitals.find(city), city).toBe(iso2);
  });
});
