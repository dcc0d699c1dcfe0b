import type { Evidence } from './evidence.js';

export const ENTITY_TYPES = ['person', 'organization', 'country', 'place', 'instrument'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Instrument kinds follow the head noun the text uses ("liaison office", "mission", ...). */
export type InstrumentKind =
  | 'office' | 'centre' | 'hub' | 'mission' | 'initiative' | 'programme'
  | 'envoy' | 'fund' | 'facility' | 'partnership' | 'other';

export interface EntityAttributes {
  /** ISO 3166-1 alpha-2 for countries (and for places, the country they lie in). */
  iso2?: string;
  iso3?: string;
  lat?: number;
  lon?: number;
  /** A person's title or role as the text gives it ("Ukrainian Foreign Minister"). */
  role?: string;
  /** Publication date the role was stated on (roles change; the date says when it held). */
  roleDate?: string;
  /** For places: city | region | site. */
  placeKind?: 'city' | 'region' | 'site';
  instrumentKind?: InstrumentKind;
  /** Canonical name of the place hosting an instrument ("Amman"). */
  hostPlace?: string;
  /** Canonical name of the owning organization ("NATO"). */
  parentOrganization?: string;
  /** Lexicon id when the entity came from the curated lexicon. */
  lexiconId?: string;
}

/** One occurrence of an entity in a text. */
export interface Mention extends Evidence {
  text: string;
}

/** An entity as extracted from one document: its key is local to that extraction. */
export interface ExtractedEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  attributes: EntityAttributes;
  mentions: Mention[];
}
