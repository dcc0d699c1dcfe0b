/**
 * Versioned migrations kept in code (no files to ship next to a bundled CLI). Names sort
 * in the order they run. The core schema is the same for every adapter; each adapter
 * adds its own full-text migration (`0002_search`), the one place dialects differ.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { StoreError } from '../store.error.js';

export const coreMigrations: Record<string, Migration> = {
  '0001_core': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('outlet', 'text')
        .addColumn('url', 'text')
        .addColumn('dateline', 'text')
        .addColumn('published', 'text')
        .addColumn('language', 'text')
        .addColumn('classification', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('text_length', 'integer', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('ingested_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_published_idx').on('documents').columns(['published', 'ingested_at']).execute();

      await db.schema
        .createTable('entities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('norm_name', 'text', (c) => c.notNull())
        .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('iso2', 'text')
        .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('merged_into', 'text', (c) => c.references('entities.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('entities_type_idx').on('entities').columns(['type', 'norm_name']).execute();
      await db.schema.createIndex('entities_review_idx').on('entities').column('review_state').execute();
      await db.schema.createIndex('entities_merged_idx').on('entities').column('merged_into').execute();
      await db.schema.createIndex('entities_iso2_idx').on('entities').column('iso2').execute();

      await db.schema
        .createTable('entity_aliases')
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('alias', 'text', (c) => c.notNull())
        .addColumn('norm', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('entity_aliases_pk', ['entity_id', 'kind', 'norm'])
        .execute();
      await db.schema.createIndex('entity_aliases_norm_idx').on('entity_aliases').column('norm').execute();

      await db.schema
        .createTable('mentions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mentions_entity_idx').on('mentions').column('entity_id').execute();
      await db.schema.createIndex('mentions_document_idx').on('mentions').columns(['document_id', 'span_start']).execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.references('documents.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('status', 'text')
        .addColumn('time_start', 'text')
        .addColumn('time_end', 'text')
        .addColumn('time_precision', 'text')
        .addColumn('time_iso', 'text')
        .addColumn('time_tense', 'text')
        .addColumn('time_ev_start', 'integer')
        .addColumn('time_ev_end', 'integer')
        .addColumn('time_ev_rule', 'text')
        .addColumn('parent_id', 'text', (c) => c.references('events.id'))
        .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('cameo', 'text')
        .addColumn('plover', 'text')
        .addColumn('ev_start', 'integer')
        .addColumn('ev_end', 'integer')
        .addColumn('ev_rule', 'text')
        .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_document_idx').on('events').column('document_id').execute();
      await db.schema.createIndex('events_type_idx').on('events').columns(['type', 'status']).execute();
      await db.schema.createIndex('events_time_idx').on('events').columns(['time_start', 'time_end']).execute();
      await db.schema.createIndex('events_parent_idx').on('events').column('parent_id').execute();
      await db.schema.createIndex('events_review_idx').on('events').column('review_state').execute();

      await db.schema
        .createTable('event_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('ev_start', 'integer')
        .addColumn('ev_end', 'integer')
        .addColumn('ev_rule', 'text')
        .execute();
      await db.schema.createIndex('participants_event_idx').on('event_participants').column('event_id').execute();
      await db.schema.createIndex('participants_entity_idx').on('event_participants').columns(['entity_id', 'role']).execute();

      await db.schema
        .createTable('quotes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.references('documents.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('speaker', 'text', (c) => c.notNull())
        .addColumn('speaker_entity_id', 'text', (c) => c.references('entities.id'))
        .addColumn('event_id', 'text', (c) => c.references('events.id'))
        .addColumn('ev_start', 'integer')
        .addColumn('ev_end', 'integer')
        .addColumn('ev_rule', 'text')
        .addColumn('sp_start', 'integer')
        .addColumn('sp_end', 'integer')
        .addColumn('sp_rule', 'text')
        .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('quotes_document_idx').on('quotes').column('document_id').execute();
      await db.schema.createIndex('quotes_speaker_idx').on('quotes').column('speaker_entity_id').execute();
      await db.schema.createIndex('quotes_event_idx').on('quotes').column('event_id').execute();
      await db.schema.createIndex('quotes_review_idx').on('quotes').column('review_state').execute();

      await db.schema
        .createTable('history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('record_kind', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('before_value', 'text')
        .addColumn('after_value', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('history_record_idx').on('history').columns(['record_kind', 'record_id', 'at']).execute();
      await db.schema.createIndex('history_at_idx').on('history').column('at').execute();
    },
  },
  // Dedupe moved to the hash of the normalized text (what every caller agrees on); the
  // hash a caller computed from its raw input is kept beside it for its quick check.
  '0003_source_hash': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('documents').addColumn('source_hash', 'text').execute();
      await db.schema.createIndex('documents_source_hash_idx').on('documents').column('source_hash').execute();
    },
  },
  // Lookups that grew with the database: history by record (checked on every role update
  // during ingest), an entity's mentions by document (counts stay inside the index, and
  // the first mention is one seek), an entity's events (covering, so `participant`
  // filters read the index only).
  '0004_lookup_indexes': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('history_record_field_idx').on('history').columns(['record_id', 'field']).execute();
      await db.schema.dropIndex('mentions_entity_idx').execute();
      await db.schema.createIndex('mentions_entity_doc_idx').on('mentions').columns(['entity_id', 'document_id', 'span_start']).execute();
      await db.schema.dropIndex('participants_entity_idx').execute();
      await db.schema.createIndex('participants_entity_idx').on('event_participants').columns(['entity_id', 'role', 'event_id']).execute();
    },
  },
  // The graph reads every participation by event; with role and entity in the index it
  // never touches the table.
  '0005_participants_by_event': {
    async up(db: Kysely<any>) {
      await db.schema.dropIndex('participants_event_idx').execute();
      await db.schema.createIndex('participants_event_idx').on('event_participants').columns(['event_id', 'entity_id', 'role']).execute();
    },
  },
  // Entity lists sorted by a count of mentions made per entity on every request; the
  // counts are now kept on the entity. The history index by kind was a second copy of
  // the one by record id (every filter by record names its id; a filter by kind alone
  // reads history by time).
  '0006_entity_counts': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('entities').addColumn('mention_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('entities').addColumn('document_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db
        .updateTable('entities')
        .set((eb) => ({
          mention_count: eb.selectFrom('mentions as m').whereRef('m.entity_id', '=', 'entities.id').select((sb) => sb.fn.countAll().as('n')),
          document_count: eb
            .selectFrom('mentions as m')
            .whereRef('m.entity_id', '=', 'entities.id')
            .select((sb) => sb.fn.count('m.document_id').distinct().as('n')),
        }))
        .execute();
      await db.schema.dropIndex('history_record_idx').execute();
    },
  },
  // Event lists sorted every event on each request. The time index now holds the whole
  // list order (start, end, creation, id), so a page is read off it; it still serves
  // date ranges as before. Summaries read participations by event in evidence order
  // (ev_start, id) with entity and role from the index alone; the graph still finds
  // (event, entity, role) in it.
  '0008_event_order': {
    async up(db: Kysely<any>) {
      await db.schema.dropIndex('events_time_idx').execute();
      await db.schema.createIndex('events_time_idx').on('events').columns(['time_start', 'time_end', 'created_at', 'id']).execute();
      await db.schema.dropIndex('participants_event_idx').execute();
      await db.schema
        .createIndex('participants_event_idx')
        .on('event_participants')
        .columns(['event_id', 'ev_start', 'id', 'entity_id', 'role'])
        .execute();
    },
  },
  // 0008 put evidence order before entity and role in the by-event index, which changed
  // the order the graph reads participations in (it picks the first events of each edge
  // from that order). The index keeps the 0005 columns first again, evidence order
  // after them: still covering for summaries, which sort each event's few rows.
  '0009_participants_by_event_first': {
    async up(db: Kysely<any>) {
      await db.schema.dropIndex('participants_event_idx').execute();
      await db.schema
        .createIndex('participants_event_idx')
        .on('event_participants')
        .columns(['event_id', 'entity_id', 'role', 'ev_start', 'id'])
        .execute();
    },
  },
};

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** Runs pending migrations; throws a StoreError naming the migration that failed. */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration>): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeMigrations(migrations) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError(
      'migration_failed',
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}. ` +
        'The database was left at the previous version; check that it is a Liaison database and that you may write to it.',
    );
  }
}
