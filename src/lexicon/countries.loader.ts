import { readFileSync } from 'node:fs';
import { asOptionalNumber, asOptionalString, asRecord, asString, asStringArray, fail, readDataFile, resolvePackageFile } from './data-file.js';
import { foldKey, matchModeOf } from './fold-key.js';
import type { CountryEntry } from './lexicon.types.js';
import { SurfaceIndex } from './surface-index.js';

const FILE = 'country-overrides.json';

/** The fields of a world-countries record this loader reads. */
interface PackageCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  latlng: [number, number];
  independent: boolean | null;
  demonyms?: { eng?: { m: string; f: string } };
}

export interface CountryTables {
  countries: CountryEntry[];
  names: SurfaceIndex;
  demonyms: SurfaceIndex;
  capitals: SurfaceIndex;
  byIso2: Map<string, CountryEntry>;
}

interface Draft extends CountryEntry {
  capitalAliases: string[];
}

function uniqueForms(forms: string[], exclude: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const form of forms) {
    const key = foldKey(form);
    if (key === '' || exclude.has(key) || seen.has(form)) continue;
    seen.add(form);
    out.push(form);
  }
  return out;
}

function fromPackage(c: PackageCountry): Draft {
  const eng = c.demonyms?.eng;
  const demonyms = eng ? [...new Set([eng.m, eng.f].flatMap((d) => d.split(/,\s*/)))].filter((d) => d !== '') : [];
  const [capital, ...otherCapitals] = c.capital;
  // An ISO code on its own is not how a text names a country ("IN", "IT", "NO" are words).
  const alt = c.altSpellings.filter((a) => a !== c.cca2);
  return {
    iso2: c.cca2,
    iso3: c.cca3,
    name: c.name.common,
    official: c.name.official,
    aliases: [c.name.official, ...alt],
    demonyms,
    ...(capital ? { capital } : {}),
    lat: c.latlng[0],
    lon: c.latlng[1],
    sovereign: c.independent === true,
    capitalAliases: otherCapitals,
  };
}

function applyOverride(drafts: Map<string, Draft>, value: unknown, index: number): void {
  const raw = asRecord(value, FILE, `countries[${index}]`);
  const iso2 = asString(raw.iso2, FILE, `countries[${index}].iso2`);
  if (!/^[A-Z]{2}$/.test(iso2)) fail(FILE, `countries[${index}]`, `iso2 "${iso2}" must be two capital letters`);
  const known = new Set(['iso2', 'iso3', 'name', 'official', 'aliases', 'demonyms', 'capital', 'capitalAliases', 'notCapitals', 'lat', 'lon', 'sovereign']);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(FILE, iso2, `unknown field "${key}"`);

  let draft = drafts.get(iso2);
  if (!draft) {
    // A polity the package lacks must be described in full.
    const lat = asOptionalNumber(raw.lat, FILE, `${iso2}.lat`);
    const lon = asOptionalNumber(raw.lon, FILE, `${iso2}.lon`);
    if (lat === undefined || lon === undefined) fail(FILE, iso2, 'a country missing from world-countries needs lat and lon');
    draft = {
      iso2,
      iso3: asString(raw.iso3, FILE, `${iso2}.iso3`),
      name: asString(raw.name, FILE, `${iso2}.name`),
      aliases: [],
      demonyms: [],
      lat,
      lon,
      sovereign: true,
      capitalAliases: [],
    };
    drafts.set(iso2, draft);
  }
  const name = asOptionalString(raw.name, FILE, `${iso2}.name`);
  if (name !== undefined && name !== draft.name) {
    draft.aliases.push(draft.name);
    draft.name = name;
  }
  const official = asOptionalString(raw.official, FILE, `${iso2}.official`);
  if (official !== undefined) draft.official = official;
  const iso3 = asOptionalString(raw.iso3, FILE, `${iso2}.iso3`);
  if (iso3 !== undefined) draft.iso3 = iso3;
  draft.aliases.push(...asStringArray(raw.aliases, FILE, `${iso2}.aliases`));
  draft.demonyms.push(...asStringArray(raw.demonyms, FILE, `${iso2}.demonyms`));
  const capital = asOptionalString(raw.capital, FILE, `${iso2}.capital`);
  if (capital !== undefined && capital !== draft.capital) {
    if (draft.capital !== undefined) draft.capitalAliases.push(draft.capital);
    draft.capital = capital;
  }
  draft.capitalAliases.push(...asStringArray(raw.capitalAliases, FILE, `${iso2}.capitalAliases`));
  // Package errors: a capital listed for the wrong territory.
  const notCapitals = new Set(asStringArray(raw.notCapitals, FILE, `${iso2}.notCapitals`));
  if (draft.capital !== undefined && notCapitals.has(draft.capital)) delete draft.capital;
  draft.capitalAliases = draft.capitalAliases.filter((c) => !notCapitals.has(c));
  const lat = asOptionalNumber(raw.lat, FILE, `${iso2}.lat`);
  const lon = asOptionalNumber(raw.lon, FILE, `${iso2}.lon`);
  if (lat !== undefined) draft.lat = lat;
  if (lon !== undefined) draft.lon = lon;
  if (raw.sovereign !== undefined) {
    if (typeof raw.sovereign !== 'boolean') fail(FILE, `${iso2}.sovereign`, 'expected true or false');
    draft.sovereign = raw.sovereign;
  }
}

/** Countries from world-countries with the curated overrides applied, and their lookup indexes. */
export function buildCountryTables(packageCountries: readonly PackageCountry[], overrides: unknown): CountryTables {
  const root = asRecord(overrides, FILE, 'root');
  asString(root.version, FILE, 'version');
  const drafts = new Map<string, Draft>();
  for (const c of packageCountries) drafts.set(c.cca2, fromPackage(c));
  if (!Array.isArray(root.countries)) fail(FILE, 'countries', 'expected an array');
  root.countries.forEach((value, i) => applyOverride(drafts, value, i));

  const dropped = new Set(asStringArray(root.droppedForms, FILE, 'droppedForms').map(foldKey));
  const capitalised = new Set(asStringArray(root.capitalisedForms, FILE, 'capitalisedForms').map(foldKey));
  const excludedDemonyms = new Set(asStringArray(root.excludedDemonyms, FILE, 'excludedDemonyms').map(foldKey));
  const owners = asRecord(root.demonymOwners ?? {}, FILE, 'demonymOwners');
  const ownerOf = new Map<string, string>();
  for (const [demonym, iso2] of Object.entries(owners)) {
    const code = asString(iso2, FILE, `demonymOwners.${demonym}`);
    if (!drafts.has(code)) fail(FILE, `demonymOwners.${demonym}`, `"${code}" is not a known country code`);
    ownerOf.set(foldKey(demonym), code);
    drafts.get(code)?.demonyms.push(demonym);
  }

  const countries: CountryEntry[] = [];
  const names = new SurfaceIndex();
  const demonyms = new SurfaceIndex();
  const capitals = new SurfaceIndex();
  const byIso2 = new Map<string, CountryEntry>();
  for (const draft of drafts.values()) {
    const own = new Set([foldKey(draft.name)]);
    const demonymList = uniqueForms(draft.demonyms, excludedDemonyms).filter((d) => {
      const owner = ownerOf.get(foldKey(d));
      return owner === undefined || owner === draft.iso2;
    });
    const entry: CountryEntry = {
      iso2: draft.iso2,
      iso3: draft.iso3,
      name: draft.name,
      ...(draft.official !== undefined ? { official: draft.official } : {}),
      aliases: uniqueForms(draft.aliases, new Set([...dropped, ...own])),
      demonyms: demonymList,
      ...(draft.capital !== undefined ? { capital: draft.capital } : {}),
      lat: draft.lat,
      lon: draft.lon,
      sovereign: draft.sovereign,
    };
    countries.push(entry);
    byIso2.set(entry.iso2, entry);
    for (const form of [entry.name, ...entry.aliases]) names.add(form, entry.iso2, matchModeOf(form, capitalised));
    for (const form of entry.demonyms) demonyms.add(form, entry.iso2, matchModeOf(form, capitalised));
    for (const form of [entry.capital, ...draft.capitalAliases]) {
      if (form !== undefined) capitals.add(form, entry.iso2, 'fold');
    }
  }
  return { countries, names, demonyms, capitals, byIso2 };
}

export function loadCountryTables(): CountryTables {
  // The minified copy in dist/ holds the same records and parses in about half the time.
  const path = resolvePackageFile('world-countries/dist/countries.json');
  const packageCountries = JSON.parse(readFileSync(path, 'utf8')) as PackageCountry[];
  return buildCountryTables(packageCountries, readDataFile(FILE));
}
