import type { EntityAttributes, EntityType, Evidence, Span, TimeInterval } from '../domain/index.js';

/** Output of normalize: clean text plus what the header of the text told us. */
export interface NormalizedText {
  text: string;
  /** offsets[i] = offset in the original input of normalized character i (length text.length + 1). */
  offsets: number[];
  dateline?: { place: string; span: Span };
  outlet?: { name: string; span: Span };
  /** Publication date found in the text itself ("BRUSSELS, 3 April 2025 –"), YYYY-MM-DD. */
  datelineDate?: string;
  title?: string;
  /** Where the body starts (after title/dateline lines). */
  bodyStart: number;
}

export interface Sentence extends Span {
  text: string;
  paragraph: number;
  index: number;
}

export interface Segmented {
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
}

/**
 * A span recognised as naming (or pointing to) an entity. `key` groups mentions of the
 * same entity: for gazetteer and lexicon hits it is stable (`country:IQ`, `org:nato`),
 * for people and new instruments it is derived from the full name.
 */
export interface EntityMention extends Evidence {
  text: string;
  type: EntityType;
  key: string;
  /** Canonical name for the key. */
  name: string;
  attributes?: EntityAttributes;
  /** A country mentioned through its capital or demonym ("Baghdad" asked, "Iraqi"). */
  via?: 'name' | 'demonym' | 'capital' | 'acronym' | 'short' | 'pronoun' | 'descriptor';
  /** Sentence index. */
  sentence: number;
  /** Another name the mention gives the entity ("European Union Mission" for "... Mission in Armenia"). */
  alias?: string;
}

export interface TimeExpression extends Evidence {
  text: string;
  interval: TimeInterval;
  sentence: number;
}

/** Context every stage receives: no clock, no I/O, no globals. */
export interface PipelineContext {
  /** YYYY-MM-DD; relative dates resolve against it. */
  published?: string;
}
