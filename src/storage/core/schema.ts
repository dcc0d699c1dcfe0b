/**
 * Table shapes as Kysely sees them. Both adapters create exactly these tables, with
 * portable column types only: text, integer, real. Dates and timestamps are ISO text
 * (they sort correctly as text in both databases) and structured values are JSON text,
 * so no query depends on a dialect's date or JSON functions.
 */
import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: string;
  /** sha256 of the normalized text: the same words are one document, whoever sends them. */
  content_hash: string;
  /** sha256 the caller computed from its raw input (before extraction), if any. */
  source_hash: string | null;
  title: string | null;
  outlet: string | null;
  url: string | null;
  dateline: string | null;
  published: string | null;
  language: string | null;
  classification: string | null;
  text: string;
  text_length: number;
  /** JSON array of strings. */
  notes: string;
  ingested_at: string;
  ingested_by: string;
}

export interface EntitiesTable {
  id: string;
  type: string;
  name: string;
  norm_name: string;
  /** JSON object (EntityAttributes). */
  attributes: string;
  /** Copied out of attributes because place filters and the map join on it. */
  iso2: string | null;
  review_state: string;
  /** Set when a person merged this entity into another; the row stays so old ids resolve. */
  merged_into: string | null;
  /** Its mentions and the documents they are in, kept by save, merge and split so lists need not count. */
  mention_count: Generated<number>;
  document_count: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/**
 * Every string an entity is matched by. kind `name` is the canonical name, `alias` a
 * visible alias, `key` a hidden match key (lexicon id, ISO code) never shown to users.
 */
export interface EntityAliasesTable {
  entity_id: string;
  kind: string;
  alias: string;
  norm: string;
}

export interface MentionsTable {
  id: string;
  entity_id: string;
  document_id: string;
  span_start: number;
  span_end: number;
  text: string;
  rule: string;
}

export interface EventsTable {
  id: string;
  document_id: string | null;
  type: string;
  label: string;
  status: string | null;
  time_start: string | null;
  time_end: string | null;
  time_precision: string | null;
  time_iso: string | null;
  time_tense: string | null;
  time_ev_start: number | null;
  time_ev_end: number | null;
  time_ev_rule: string | null;
  parent_id: string | null;
  /** JSON array of strings. */
  topics: string;
  cameo: string | null;
  plover: string | null;
  ev_start: number | null;
  ev_end: number | null;
  ev_rule: string | null;
  review_state: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface EventParticipantsTable {
  id: string;
  event_id: string;
  entity_id: string;
  role: string;
  ev_start: number | null;
  ev_end: number | null;
  ev_rule: string | null;
}

export interface QuotesTable {
  id: string;
  document_id: string | null;
  text: string;
  speaker: string;
  speaker_entity_id: string | null;
  event_id: string | null;
  ev_start: number | null;
  ev_end: number | null;
  ev_rule: string | null;
  sp_start: number | null;
  sp_end: number | null;
  sp_rule: string | null;
  review_state: string;
  created_at: string;
}

export interface HistoryTable {
  id: string;
  at: string;
  actor: string;
  record_kind: string;
  record_id: string;
  action: string;
  field: string;
  /** JSON. */
  before_value: string | null;
  /** JSON. */
  after_value: string | null;
  note: string | null;
}

/** One row per searchable thing; each adapter indexes it with its own full-text engine. */
export interface SearchDocsTable {
  rowid: Generated<number>;
  kind: string;
  ref_id: string;
  title: string;
  body: string;
}

export interface Database {
  documents: DocumentsTable;
  entities: EntitiesTable;
  entity_aliases: EntityAliasesTable;
  mentions: MentionsTable;
  events: EventsTable;
  event_participants: EventParticipantsTable;
  quotes: QuotesTable;
  history: HistoryTable;
  search_docs: SearchDocsTable;
}
