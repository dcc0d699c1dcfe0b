import type { InstrumentKind } from '../domain/index.js';
import type { SurfaceForm } from './surface-index.js';

export type LexiconKind = 'organization' | 'body' | 'instrument';

export interface LexiconEntry {
  /** Stable and dotted by owner: "nato", "nato.nuc", "eu.fac", "nato.nmi". */
  id: string;
  kind: LexiconKind;
  /** Entity type in the record; bodies are organizations. Derived from `kind`. */
  type: 'organization' | 'instrument';
  /** The form texts use most ("NATO", "European Union"). */
  name: string;
  /** Expansions, acronyms, spelling variants (Organisation/Organization, Centre/Center). */
  aliases: string[];
  /** Id of the owning organization ("nato" for "nato.nuc"). */
  parent?: string;
  instrumentKind?: InstrumentKind;
  /** Canonical name of the place hosting an instrument ("Kuwait"). */
  hostPlace?: string;
  memberOf?: string[];
  /** Words a text uses to refer back to it ("the alliance"); not unique, for coreference only. */
  collective?: string[];
}

export interface Lexicon {
  version: string;
  entries: LexiconEntry[];
  byId(id: string): LexiconEntry | undefined;
  byIdOrThrow(id: string): LexiconEntry;
  /** The one entry a name or alias names, respecting acronym casing ("NMI", not "nmi"). */
  byName(text: string): LexiconEntry | undefined;
  /** Every entry a form may name, including curated ambiguous acronyms ("PSC"). */
  candidates(text: string): LexiconEntry[];
  childrenOf(id: string): LexiconEntry[];
  /** Every name and alias, for building a matcher over texts; ref is the entry id. */
  surfaceForms(): readonly SurfaceForm[];
}

export interface CountryEntry {
  iso2: string;
  iso3: string;
  /** The short name texts use ("South Korea", "Türkiye"). */
  name: string;
  official?: string;
  aliases: string[];
  demonyms: string[];
  capital?: string;
  lat: number;
  lon: number;
  /** False for dependent territories (Aruba, Guam); true for states incl. Kosovo, Palestine, Taiwan. */
  sovereign: boolean;
}

export interface CityEntry {
  name: string;
  iso2: string;
  lat: number;
  lon: number;
  population: number;
  isCapital: boolean;
}

export interface RegionEntry {
  id: string;
  name: string;
  aliases: string[];
  lat?: number;
  lon?: number;
  /** region: an area ("Sahel"); site: a building or compound ("NATO headquarters"). */
  kind: 'region' | 'site';
  /** Country the place lies in, when it lies in one (Crimea → UA, the Élysée → FR). */
  iso2?: string;
  /** For sites: the city they are in. */
  city?: string;
}

export type CountryVia = 'name' | 'demonym' | 'capital';
/** Ref of a gazetteer surface form: `country:IQ`, `demonym:IQ`, `capital:IQ`, `region:sahel`, `site:nato-hq`. */
export type GazetteerRef = `${'country' | 'demonym' | 'capital' | 'region' | 'site'}:${string}`;

export interface Gazetteer {
  countries: CountryEntry[];
  /** Names, aliases and official names, case-insensitive except acronyms ("US" yes, "us" no). */
  countryByName(name: string): CountryEntry | undefined;
  countryByIso2(iso2: string): CountryEntry | undefined;
  /** "Iraqi" → IQ, "South Korean" → KR; ambiguous demonyms ("Congolese") are not in the data. */
  countryByDemonym(word: string): CountryEntry | undefined;
  /** "Baghdad" → IQ. */
  countryByCapital(city: string): CountryEntry | undefined;
  /** Most populous city of that name, accents folded ("Bogota"); exonyms from city-overrides.json. */
  cityByName(name: string): CityEntry | undefined;
  /** All cities of that name, most populous first. */
  citiesByName(name: string): CityEntry[];
  regions: RegionEntry[];
  regionByName(name: string): RegionEntry | undefined;
  sites: RegionEntry[];
  siteByName(name: string): RegionEntry | undefined;
  /** Country names, demonyms, capitals, regions and sites (not the ~25k cities). */
  surfaceForms(): readonly SurfaceForm<GazetteerRef>[];
}

export interface TitleEntry {
  words: string;
  kind: 'office' | 'descriptor';
}

export interface Titles {
  version: string;
  /** Words forming a person's title before or after the name ("Foreign Minister"). */
  offices: string[];
  /** Head words for unnamed speakers ("official", "diplomat"). */
  descriptors: string[];
  honorifics: string[];
  /** Family names written first and used alone later ("Wang Yi" ... "Wang"). */
  familyNameFirst: string[];
  /** Offices whose holder leads a country ("President"): "the Indonesian leader" points back to them. */
  leaderOffices: string[];
}
