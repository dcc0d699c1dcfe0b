import { describe, expect, it } from 'vitest';
import { foldKey, loadGazetteer, loadLexicon } from './index.js';

const gazetteer = loadGazetteer();

describe('loadGazetteer', () => {
  it('returns one shared instance per process', () => {
    expect(loadGazetteer()).toBe(gazetteer);
  });

  it('answers the lookups the reference text needs', () => {
    expect(gazetteer.countryByName('Kosovo')?.iso2).toBe('XK');
    expect(gazetteer.countryByName('South Korea')?.iso2).toBe('KR');
    expect(gazetteer.countryByName('us')).toBeUndefined();
    expect(gazetteer.countryByDemonym('Iraqi')?.iso2).toBe('IQ');
    expect(gazetteer.countryByDemonym('Ukrainian')?.iso2).toBe('UA');
    expect(gazetteer.countryByDemonym('South Korean')?.iso2).toBe('KR');
    const capital = gazetteer.countryByCapital('Baghdad');
    expect(capital?.iso2).toBe('IQ');
    expect(capital?.capital).toBe('Baghdad');
    expect(gazetteer.countryByIso2('jo')?.name).toBe('Jordan');
    const hague = gazetteer.cityByName('The Hague');
    expect(hague?.iso2).toBe('NL');
    expect(hague!.lat).toBeCloseTo(52.08, 1);
    expect(hague!.lon).toBeCloseTo(4.3, 1);
    for (const [name, iso2] of [['Sarajevo', 'BA'], ['Amman', 'JO'], ['Vilnius', 'LT'], ['Brussels', 'BE']]) {
      expect(gazetteer.cityByName(name)?.iso2, name).toBe(iso2);
    }
    expect(gazetteer.regionByName('Indo-Pacific')?.id).toBe('indo-pacific');
    expect(gazetteer.regionByName('Western Balkans')?.id).toBe('western-balkans');
    expect(gazetteer.siteByName('NATO headquarters')?.kind).toBe('site');
    expect(gazetteer.regionByName('NATO headquarters')).toBeUndefined();
  });

  it('lists surface forms for matchers, tagged by what they point to', () => {
    const refs = new Map(gazetteer.surfaceForms().map((f) => [f.text, f.ref]));
    expect(refs.get('Kosovar')).toBe('demonym:XK');
    expect(refs.get('Baghdad')).toBe('capital:IQ');
    expect(refs.get('Sahel')).toBe('region:sahel');
    expect(refs.get('NATO HQ')).toBe('site:nato-hq');
    expect(gazetteer.surfaceForms().find((f) => f.text === 'US')?.mode).toBe('upper');
  });

  it('resolves every lexicon host place to a country, city, region or site', () => {
    const unresolved = loadLexicon().entries
      .filter((e) => e.hostPlace !== undefined)
      .filter((e) => {
        const place = e.hostPlace!;
        return !(gazetteer.countryByName(place) || gazetteer.cityByName(place) || gazetteer.regionByName(place) || gazetteer.siteByName(place));
      })
      .map((e) => `${e.id}: ${e.hostPlace}`);
    expect(unresolved).toEqual([]);
  });

  it('shares no surface form between the lexicon and the gazetteer', () => {
    const places = new Set(gazetteer.surfaceForms().map((f) => foldKey(f.text)));
    const shared = loadLexicon().surfaceForms().filter((f) => places.has(foldKey(f.text))).map((f) => `${f.text} (${f.ref})`);
    expect(shared).toEqual([]);
  });
});
