/**
 * The behaviour every Store adapter must have, written once and run against each
 * (`sqlite/sqlite.store.test.ts`, `postgres/postgres.store.test.ts`). Extractions are
 * built by hand so the suite tests storage, not the pipeline.
 */
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityType, Evidence, ExtractedEntity, ExtractedEvent, ExtractedQuote, Extraction } from '../domain/index.js';
import type { RequestContext, Store } from './port.js';
import { StoreError } from './store.error.js';

export interface StoreContractOptions {
  name: string;
  /** A new, empty, migrated store; the suite closes it after each test. */
  newStore: () => Promise<Store>;
  /**
   * A new database migrated only up to `lastMigration` (for upgrade tests), and `open`,
   * which closes `db` and opens the database as a store, running the later migrations.
   */
  newOldDatabase: (lastMigration: string) => Promise<{ db: Kysely<any>; open: () => Promise<Store> }>;
}

const alice: RequestContext = { user: 'alice' };

/** Builds a text piece by piece and remembers where each marked piece landed. */
class TextBuilder {
  text = '';
  add(piece: string): Evidence & { text: string } {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length, rule: 'test.fixture', text: piece };
  }
  plain(piece: string): void {
    this.text += piece;
  }
}

function entity(key: string, type: EntityType, name: string, spans: (Evidence & { text: string })[], extra: Partial<ExtractedEntity> = {}): ExtractedEntity {
  return { key, type, name, aliases: [], attributes: {}, mentions: spans.map((s) => ({ ...s })), ...extra };
}

/**
 * A small wire story: a ministers' meeting in a city, a session with a guest, a visit,
 * and a quote. `variant` changes the words so each call has its own content hash.
 */
function story(variant: string, opts: { date?: string; city?: string; minister?: string } = {}): Extraction {
  const date = opts.date ?? '2025-04-03';
  const city = opts.city ?? 'Brussels';
  const minister = opts.minister ?? 'Andrii Sybiha';
  const b = new TextBuilder();
  const nato = b.add('NATO');
  b.plain(' foreign ministers meet in ');
  const cityM = b.add(city);
  b.plain(` this week (${variant}). `);
  const nuc = b.add('NATO-Ukraine Council');
  b.plain(' session is scheduled; ');
  const sy = b.add(minister);
  b.plain(' of ');
  const ua = b.add('Ukraine');
  b.plain(' will join. ');
  const ally = b.add('The alliance');
  b.plain(' official said: “');
  const quoteText = b.add('Support to Ukraine remains at the centre of our talks');
  b.plain('.” Later ');
  const sy2 = b.add(minister.split(' ').pop()!);
  b.plain(' visited ');
  const kyiv = b.add('Kyiv');
  b.plain('.');
  const ev = (s: Evidence) => ({ start: s.start, end: s.end, rule: 'test.event' });
  const events: ExtractedEvent[] = [
    {
      key: 'm1',
      type: 'meeting',
      label: `NATO foreign ministers' meeting (${variant})`,
      status: 'scheduled',
      time: { start: '2025-03-31', end: '2025-04-06', precision: 'week', iso: '2025-W14', tense: 'future', evidence: ev(nato) },
      participants: [
        { entityKey: 'nato', role: 'host', evidence: ev(nato) },
        { entityKey: 'city', role: 'place', evidence: ev(cityM) },
      ],
      topics: ['defence spending'],
      cameo: '043',
      plover: 'CONSULT',
      evidence: { start: 0, end: cityM.end, rule: 'test.event.meeting' },
    },
    {
      key: 's1',
      type: 'session',
      label: `NATO-Ukraine Council session (${variant})`,
      status: 'scheduled',
      time: { start: date, end: date, precision: 'day', iso: date, tense: 'future', evidence: ev(nuc) },
      participants: [
        { entityKey: 'nuc', role: 'host', evidence: ev(nuc) },
        { entityKey: 'sybiha', role: 'guest', evidence: ev(sy) },
        { entityKey: 'city', role: 'place', evidence: ev(cityM) },
      ],
      parentKey: 'm1',
      topics: [],
      evidence: { start: nuc.start, end: ua.end, rule: 'test.event.session' },
    },
    {
      key: 'v1',
      type: 'visit',
      label: `${minister} visits Kyiv`,
      status: 'held',
      time: { start: '2025-03-01', end: '2025-03-31', precision: 'month', iso: '2025-03', tense: 'past', evidence: ev(sy2) },
      participants: [
        { entityKey: 'sybiha', role: 'visitor', evidence: ev(sy2) },
        { entityKey: 'kyiv', role: 'place', evidence: ev(kyiv) },
      ],
      topics: [],
      evidence: { start: sy2.start, end: kyiv.end, rule: 'test.event.visit' },
    },
  ];
  const quotes: ExtractedQuote[] = [
    { key: 'q1', text: quoteText.text, speaker: 'a NATO official', eventKey: 'm1', evidence: ev(quoteText), speakerEvidence: ev(ally) },
  ];
  return {
    source: { published: '2025-04-02', outlet: 'Wire', dateline: city, title: `Ministers meet (${variant})` },
    text: b.text,
    entities: [
      entity('nato', 'organization', 'NATO', [nato, ally], { aliases: ['the alliance'], attributes: { lexiconId: 'nato' } }),
      entity('city', 'place', city, [cityM], { attributes: { iso2: city === 'Brussels' ? 'BE' : 'XX', lat: 50.85, lon: 4.35, placeKind: 'city' } }),
      entity('nuc', 'organization', 'NATO-Ukraine Council', [nuc]),
      entity('sybiha', 'person', minister, [sy, sy2], { aliases: [minister.split(' ').pop()!], attributes: { role: 'Ukrainian Foreign Minister' } }),
      entity('ua', 'country', 'Ukraine', [ua], { attributes: { iso2: 'UA', iso3: 'UKR' } }),
      entity('kyiv', 'place', 'Kyiv', [kyiv], { attributes: { iso2: 'UA', lat: 50.45, lon: 30.52, placeKind: 'city' } }),
    ],
    events,
    quotes,
    notes: [],
  };
}

const doc = (title?: string) => ({ ingestedBy: 'alice', ...(title ? { title } : {}) });

/**
 * A long story: 70 envoys, envoy i named (i % 3) + 1 times (139 mentions), 40 meetings
 * of two envoys each. Enough rows that every table is written in several statements.
 */
function longStory(variant: string): Extraction {
  const b = new TextBuilder();
  const entities: ExtractedEntity[] = [];
  for (let i = 0; i < 70; i++) {
    const spans = [];
    for (let j = 0; j <= i % 3; j++) {
      spans.push(b.add(`Envoy${i} Long`));
      b.plain(` spoke (${variant}). `);
    }
    entities.push(entity(`e${i}`, 'person', `Envoy${i} Long`, spans));
  }
  const events: ExtractedEvent[] = entities.slice(0, 40).map((e, i) => ({
    key: `m${i}`,
    type: 'meeting',
    label: `Envoy talks ${i} (${variant})`,
    participants: [
      { entityKey: e.key, role: 'participant', evidence: e.mentions[0] },
      { entityKey: entities[i + 1].key, role: 'participant', evidence: entities[i + 1].mentions[0] },
    ],
    topics: [],
    evidence: { start: e.mentions[0].start, end: entities[i + 1].mentions[0].end, rule: 'test.event.meeting' },
  }));
  return { source: { title: `Envoys (${variant})` }, text: b.text, entities, events, quotes: [], notes: [] };
}

export function runStoreContract({ name, newStore, newOldDatabase }: StoreContractOptions): void {
  describe(`Store contract: ${name}`, () => {
    const open: Store[] = [];
    const fresh = async () => {
      const s = await newStore();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      while (open.length > 0) await open.pop()!.close();
    });

    it('stores a document with its mentions, events and quotes, all pointing into its text', async () => {
      const store = await fresh();
      const x = story('a');
      const saved = await store.saveExtraction(doc(), x);
      expect(saved.status).toBe('ingested');
      expect(saved.counts).toMatchObject({ entities: 6, newEntities: 6, events: 3, quotes: 1 });

      const d = (await store.getDocument(saved.documentId))!;
      expect(d.text).toBe(x.text);
      expect(await store.getDocumentText(saved.documentId)).toBe(x.text);
      expect(await store.getDocumentText('doc_missing')).toBeUndefined();
      expect(d.title).toBe('Ministers meet (a)');
      expect(d.counts).toEqual({ entities: 6, events: 3, quotes: 1 });
      expect(d.mentions.length).toBe(8);
      for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
      expect(d.mentions.map((m) => m.start)).toEqual([...d.mentions.map((m) => m.start)].sort((a, b) => a - b));

      const session = d.events.find((e) => e.type === 'session')!;
      const meeting = d.events.find((e) => e.type === 'meeting')!;
      expect(session.parentId).toBe(meeting.id);
      expect(session.participants.map((p) => [p.role, p.entity.name])).toEqual(
        expect.arrayContaining([
          ['host', 'NATO-Ukraine Council'],
          ['guest', 'Andrii Sybiha'],
        ]),
      );
      expect(session.places.map((p) => p.name)).toEqual(['Brussels']);
      expect(session.time).toMatchObject({ start: '2025-04-03', precision: 'day' });
      expect(meeting).toMatchObject({ cameo: '043', plover: 'CONSULT', topics: ['defence spending'], reviewState: 'draft', createdBy: 'pipeline' });
      expect(meeting.evidence[0]).toMatchObject({ documentId: d.id, rule: 'test.event.meeting' });

      expect(d.quotes).toHaveLength(1);
      expect(d.quotes[0]).toMatchObject({ speaker: 'a NATO official', eventId: meeting.id, reviewState: 'draft' });
      expect(d.text.slice(d.quotes[0].evidence!.start, d.quotes[0].evidence!.end)).toBe(d.quotes[0].text);

      const ev = (await store.getEvent(meeting.id))!;
      expect(ev.sessions.map((s) => s.id)).toEqual([session.id]);
      expect(ev.participantsByRole.host?.[0].entity.name).toBe('NATO');
      expect(ev.timeEvidence).toMatchObject({ documentId: d.id });
      expect(ev.quotes).toHaveLength(1);
      expect((await store.getEvent(session.id))!.parent?.id).toBe(meeting.id);
    });

    it('stores a long document whole, and counts each entity\'s mentions and documents', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), longStory('a'));
      expect(a.counts).toMatchObject({ entities: 70, newEntities: 70, mentions: 139, events: 40, participants: 80 });
      const d = (await store.getDocument(a.documentId))!;
      expect(d.mentions).toHaveLength(139);
      expect(d.events).toHaveLength(40);
      for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);

      const b = await store.saveExtraction(doc(), longStory('b'));
      expect(b.counts.newEntities).toBe(0);
      expect(b.entityIds).toEqual(a.entityIds);
      const list = await store.listEntities({ limit: 500 });
      expect(list.total).toBe(70);
      for (const e of list.items) {
        const i = Number(/Envoy(\d+)/.exec(e.name)![1]);
        expect([e.mentionCount, e.documentCount]).toEqual([2 * ((i % 3) + 1), 2]);
      }
      // Most mentioned first.
      expect(list.items[0].mentionCount).toBe(6);
      expect(list.items[69].mentionCount).toBe(2);
      expect((await store.search({ q: 'envoy69', kinds: ['entity'] })).items.map((h) => h.title)).toEqual(['Envoy69 Long']);
    });

    it('upgrades a database written by an earlier version: counts and search carry over', async () => {
      const old = await newOldDatabase('0005_participants_by_event');
      // Rows as versions up to 0005 wrote them: the document's text also in its search row.
      const at = '2025-04-02T10:00:00.000Z';
      const text = 'NATO ministers met in São Tomé. The alliance agreed.';
      const later = 'NATO ministers met again.';
      await old.db
        .insertInto('documents')
        .values([
          { id: 'doc_1', content_hash: 'h1', title: 'Ministers meet', text, text_length: text.length, notes: '[]', ingested_at: at, ingested_by: 'alice' },
          { id: 'doc_2', content_hash: 'h2', title: 'Ministers again', text: later, text_length: later.length, notes: '[]', ingested_at: at, ingested_by: 'alice' },
        ])
        .execute();
      const entityRow = (id: string, type: string, name: string) => ({
        id, type, name, norm_name: name.toLowerCase(), attributes: '{}', review_state: 'draft', created_by: 'pipeline', created_at: at, updated_at: at,
      });
      await old.db.insertInto('entities').values([entityRow('ent_1', 'organization', 'NATO'), entityRow('ent_2', 'place', 'São Tomé')]).execute();
      await old.db
        .insertInto('entity_aliases')
        .values([
          { entity_id: 'ent_1', kind: 'name', alias: 'NATO', norm: 'nato' },
          { entity_id: 'ent_1', kind: 'alias', alias: 'The alliance', norm: 'alliance' },
          { entity_id: 'ent_2', kind: 'name', alias: 'São Tomé', norm: 'sao tome' },
        ])
        .execute();
      const mention = (id: string, entity: string, document: string, start: number, end: number) => ({
        id, entity_id: entity, document_id: document, span_start: start, span_end: end, text: (document === 'doc_1' ? text : later).slice(start, end), rule: 't',
      });
      await old.db
        .insertInto('mentions')
        .values([mention('men_1', 'ent_1', 'doc_1', 0, 4), mention('men_2', 'ent_1', 'doc_1', 32, 44), mention('men_3', 'ent_2', 'doc_1', 22, 30), mention('men_4', 'ent_1', 'doc_2', 0, 4)])
        .execute();
      await old.db
        .insertInto('search_docs')
        .values([
          { kind: 'document', ref_id: 'doc_1', title: 'Ministers meet', body: text },
          { kind: 'document', ref_id: 'doc_2', title: 'Ministers again', body: later },
          { kind: 'entity', ref_id: 'ent_1', title: 'NATO', body: 'The alliance' },
          { kind: 'entity', ref_id: 'ent_2', title: 'São Tomé', body: '' },
        ])
        .execute();
      const store = await old.open();
      open.push(store);

      const list = await store.listEntities();
      expect(list.items.map((e) => [e.name, e.mentionCount, e.documentCount])).toEqual([
        ['NATO', 3, 2],
        ['São Tomé', 1, 1],
      ]);
      const hits = await store.search({ q: 'sao tome' });
      expect(hits.items.map((h) => h.id).sort()).toEqual(['doc_1', 'ent_2']);
      const docHit = hits.items.find((h) => h.id === 'doc_1')!;
      expect(docHit.highlights.map((h) => docHit.snippet.slice(h.start, h.end))).toEqual(['São', 'Tomé']);
      expect((await store.search({ q: 'ministers', kinds: ['document'] })).total).toBe(2);

      // New documents are counted on the old entities and found beside the old ones.
      const x = story('after upgrade');
      const saved = await store.saveExtraction(doc(), x);
      expect(saved.entityIds.nato).toBe('ent_1');
      expect((await store.getEntity('ent_1'))).toMatchObject({ mentionCount: 5, documentCount: 3 });
      expect((await store.search({ q: 'ministers', kinds: ['document'] })).total).toBe(3);
      expect((await store.search({ q: 'alliance', kinds: ['entity'] })).items.map((h) => h.id)).toEqual(['ent_1']);
    });

    it('saves nothing at all when the save fails half way', async () => {
      const store = await fresh();
      const x = story('broken');
      // The last event names an entity the extraction does not define: the document,
      // entities and mentions are already written when this is found.
      x.events[2].participants.push({ entityKey: 'nobody', role: 'participant', evidence: { start: 0, end: 1, rule: 't' } });
      await expect(store.saveExtraction(doc(), x)).rejects.toSatisfy((e: unknown) => e instanceof StoreError && e.code === 'invalid');

      expect((await store.listDocuments()).total).toBe(0);
      expect((await store.listEntities()).total).toBe(0);
      expect((await store.listEvents()).total).toBe(0);
      expect((await store.search({ q: 'ministers' })).total).toBe(0);
      expect((await store.history()).total).toBe(0);
      // And the same text can be stored once fixed.
      x.events[2].participants.pop();
      expect((await store.saveExtraction(doc(), x)).status).toBe('ingested');
    });

    it('keeps an event whose parent key is unknown, without a parent, and says so', async () => {
      const store = await fresh();
      const x = story('orphan');
      x.events[1].parentKey = 'no-such-event';
      // The same guest named twice in one role is one participation.
      x.events[1].participants.push({ ...x.events[1].participants[1] });
      const saved = await store.saveExtraction(doc(), x);
      const d = (await store.getDocument(saved.documentId))!;
      const session = d.events.find((e) => e.type === 'session')!;
      expect(session.parentId).toBeUndefined();
      expect(session.participants.filter((p) => p.role === 'guest')).toHaveLength(1);
      expect(d.notes.join(' ')).toContain('no-such-event');
    });

    it('treats the same text as a duplicate and writes nothing', async () => {
      const store = await fresh();
      const first = await store.saveExtraction(doc(), story('dup'));
      const again = await store.saveExtraction(doc(), story('dup'));
      expect(again).toMatchObject({ status: 'duplicate', documentId: first.documentId });
      expect(await store.findDocumentIdByHash((await store.getDocument(first.documentId))!.hash)).toBe(first.documentId);
      expect((await store.listDocuments()).total).toBe(1);
      expect((await store.listEvents()).total).toBe(3);
      // A caller's own hash of its raw input finds the document before extraction...
      const withHash = await store.saveExtraction({ ...doc(), contentHash: 'abc123' }, story('other'));
      expect(await store.findDocumentIdByHash('abc123')).toBe(withHash.documentId);
      // ...and two callers that hashed different raw forms of one text still get one document.
      const again2 = await store.saveExtraction({ ...doc(), contentHash: 'different-raw-form' }, story('other'));
      expect(again2).toMatchObject({ status: 'duplicate', documentId: withHash.documentId });
      expect((await store.listDocuments()).total).toBe(2);
    });

    it('keeps one entity for one real-world thing across documents', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('one'));
      const b = await store.saveExtraction(doc(), story('two'));
      expect(b.counts.newEntities).toBe(0);
      for (const key of ['nato', 'city', 'nuc', 'sybiha', 'ua', 'kyiv']) expect(b.entityIds[key]).toBe(a.entityIds[key]);

      // Matching goes by normalized name or alias: "the Alliance" finds NATO, "DA’ESH" finds "Da'esh".
      const x = story('three');
      x.entities[0] = { ...x.entities[0], name: 'the Alliance', aliases: [], attributes: {} };
      const c = await store.saveExtraction(doc(), x);
      expect(c.entityIds.nato).toBe(a.entityIds.nato);

      const nato = (await store.getEntity(a.entityIds.nato))!;
      expect(nato.documentCount).toBe(3);
      expect(nato.mentionCount).toBe(6);
      expect(nato.sources).toHaveLength(3);
      expect(nato.aliases).toContain('the alliance');
      const people = await store.listEntities({ type: 'person' });
      expect(people.items.map((p) => p.name)).toEqual(['Andrii Sybiha']);

      // Same name, different type: two entities.
      const y = story('four');
      y.entities[4] = { ...y.entities[4], type: 'organization', attributes: {} };
      const d = await store.saveExtraction(doc(), y);
      expect(d.entityIds.ua).not.toBe(a.entityIds.ua);
    });

    it('updates a person\'s role from a later text, but never over a hand edit', async () => {
      const store = await fresh();
      const dated = (variant: string, role: string, roleDate: string) => {
        const x = story(variant);
        x.entities[3] = { ...x.entities[3], attributes: { role, roleDate } };
        return x;
      };
      const a = await store.saveExtraction(doc(), dated('r1', 'Ukrainian Foreign Minister', '2025-04-02'));
      const id = a.entityIds.sybiha;
      await store.saveExtraction(doc(), dated('r0', 'Deputy Head of the Presidential Office', '2024-01-10'));
      expect((await store.getEntity(id))!.attributes).toMatchObject({ role: 'Ukrainian Foreign Minister', roleDate: '2025-04-02' });
      await store.saveExtraction(doc(), dated('r2', 'Foreign Minister of Ukraine', '2025-09-01'));
      expect((await store.getEntity(id))!.attributes).toMatchObject({ role: 'Foreign Minister of Ukraine', roleDate: '2025-09-01' });
      await store.updateEntity(alice, id, { attributes: { role: 'Minister for Foreign Affairs' } });
      await store.saveExtraction(doc(), dated('r3', 'Ambassador', '2026-01-01'));
      expect((await store.getEntity(id))!.attributes.role).toBe('Minister for Foreign Affairs');
    });

    it('does not merge two people who only share a surname', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('p1', { minister: 'Anna Smith' }));
      const b = await store.saveExtraction(doc(), story('p2', { minister: 'John Smith' }));
      expect(b.entityIds.sybiha).not.toBe(a.entityIds.sybiha);
    });

    it('finds a document by a word and an entity by an alias, ignoring accents', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('s', { city: 'São Tomé' }));
      await store.saveExtraction(doc(), story('t'));

      const byWord = await store.search({ q: 'ministers', kinds: ['document'] });
      expect(byWord.total).toBe(2);
      expect(byWord.items[0].kind).toBe('document');

      const accent = await store.search({ q: 'sao tome' });
      expect(accent.items.map((h) => h.id)).toEqual(expect.arrayContaining([a.documentId, a.entityIds.city]));
      const docHit = accent.items.find((h) => h.id === a.documentId)!;
      expect(docHit.highlights.length).toBeGreaterThan(0);
      for (const h of docHit.highlights) expect(docHit.snippet.slice(h.start, h.end).toLowerCase()).toMatch(/s[aã]o|tom[eé]/);

      const alias = await store.search({ q: 'alliance', kinds: ['entity'] });
      expect(alias.items.map((h) => h.id)).toEqual([a.entityIds.nato]);
      expect(alias.items[0].title).toBe('NATO');

      const prefix = await store.search({ q: 'Syb', kinds: ['entity'] });
      expect(prefix.items.map((h) => h.title)).toEqual(['Andrii Sybiha']);
      const events = await store.search({ q: 'council session', kinds: ['event'] });
      expect(events.total).toBe(2);
      expect((await store.search({ q: '  ' })).total).toBe(0);
      expect((await store.search({ q: 'NOT OR "' })).total).toBe(0);
    });

    it('filters events by type, status, dates, participant and place, and pages them', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('e1', { date: '2025-04-03' }));
      await store.saveExtraction(doc(), story('e2', { date: '2025-05-10', city: 'Vilnius' }));

      expect((await store.listEvents({ type: 'session' })).total).toBe(2);
      expect((await store.listEvents({ status: 'held' })).total).toBe(2);
      // Overlap: the week-long meetings (31 Mar – 6 Apr) and the 3 April session.
      const april = await store.listEvents({ from: '2025-04-02', to: '2025-04-04' });
      expect(april.items.map((e) => e.type).sort()).toEqual(['meeting', 'meeting', 'session']);
      expect((await store.listEvents({ from: '2025-05-01' })).items.map((e) => e.time?.start)).toEqual(['2025-05-10']);
      expect((await store.listEvents({ participantId: a.entityIds.sybiha })).total).toBe(4);
      expect((await store.listEvents({ placeId: a.entityIds.city })).total).toBe(2);
      // A country's events include those in its cities.
      expect((await store.listEvents({ placeId: a.entityIds.ua })).items.map((e) => e.type)).toEqual(['visit', 'visit']);
      const meeting = (await store.listEvents({ type: 'meeting', limit: 1 })).items[0];
      expect((await store.listEvents({ parentId: meeting.id })).items.map((e) => e.type)).toEqual(['session']);
      expect((await store.listEvents({ topLevel: true })).total).toBe(4);

      const all = await store.listEvents();
      expect(all.total).toBe(6);
      expect(all.items.map((e) => e.time?.start)).toEqual([...all.items.map((e) => e.time?.start)].sort());
      const p1 = await store.listEvents({ limit: 4, offset: 0 });
      const p2 = await store.listEvents({ limit: 4, offset: 4 });
      expect(p1.items).toHaveLength(4);
      expect(p2.items).toHaveLength(2);
      expect(p2.total).toBe(6);
      expect(new Set([...p1.items, ...p2.items].map((e) => e.id)).size).toBe(6);
    });

    it('orders the timeline by date and filters it by entity and range', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('t1', { date: '2025-06-24' }));
      await store.createEvent(alice, { type: 'meeting', label: 'undated talks' });
      const t = await store.timeline();
      expect(t.items.map((i) => i.start)).toEqual(['2025-03-01', '2025-03-31', '2025-06-24']);
      expect(t.items[0]).toMatchObject({ type: 'visit', precision: 'month', iso: '2025-03', tense: 'past' });
      expect(t.items[0].participants.map((p) => p.name)).toEqual(['Andrii Sybiha']);
      expect(t.items[0].places.map((p) => p.name)).toEqual(['Kyiv']);
      expect((await store.timeline({ entityId: a.entityIds.nuc })).items.map((i) => i.type)).toEqual(['session']);
      expect((await store.timeline({ from: '2025-04-01', to: '2025-04-30' })).items.map((i) => i.type)).toEqual(['meeting']);
      expect((await store.timeline({ limit: 1, offset: 1 })).items.map((i) => i.start)).toEqual(['2025-03-31']);
    });

    it('lists undated events last, in pages that join up across the two; the timeline counts only what it lists', async () => {
      const store = await fresh();
      await store.saveExtraction(doc(), story('u1', { date: '2025-04-03' }));
      for (const label of ['undated talks', 'undated visit']) await store.createEvent(alice, { type: 'meeting', label });
      const all = await store.listEvents();
      expect(all.total).toBe(5);
      expect(all.items.map((e) => e.time === undefined)).toEqual([false, false, false, true, true]);
      expect(all.items.map((e) => e.time?.start).slice(0, 3)).toEqual(['2025-03-01', '2025-03-31', '2025-04-03']);
      for (const limit of [1, 2, 3]) {
        const paged = [];
        for (let offset = 0; offset < all.total; offset += limit) paged.push(...(await store.listEvents({ limit, offset })).items);
        expect(paged.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
      }
      expect(await store.listEvents({ offset: 5 })).toMatchObject({ items: [], total: 5 });
      expect((await store.listEvents({ type: 'meeting', offset: 1 })).items.map((e) => e.label)).toEqual(['undated talks', 'undated visit']);

      const visit = all.items.find((e) => e.type === 'visit')!;
      await store.setReviewState(alice, { kind: 'event', id: visit.id }, 'rejected');
      const t = await store.timeline();
      expect(t.total).toBe(2);
      expect(t.items.map((i) => i.start)).toEqual(['2025-03-31', '2025-04-03']);
      expect(await store.timeline({ limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ start: '2025-04-03' }] });
      expect((await store.timeline({ type: 'visit' })).total).toBe(0);
      // The timeline names the same places and participants, in the same order, as the list.
      for (const item of t.items) {
        const summary = all.items.find((e) => e.id === item.id)!;
        expect(item.places).toEqual(summary.places);
        expect(item.participants).toEqual([...new Map(summary.participants.map((p) => [p.entity.id, p.entity])).values()]);
        expect(item.participants.length + item.places.length).toBeGreaterThan(0);
      }
    });

    it('keeps every review action and edit as history', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('r'));
      const queue = await store.reviewQueue();
      expect(queue.total).toBe(6 + 3 + 1);
      expect(queue.items[0].kind).toBe('event');
      // Pages across kinds join up exactly, in a fixed order (events, entities, quotes).
      const paged = [];
      for (let offset = 0; offset < queue.total; offset += 3) paged.push(...(await store.reviewQueue({ limit: 3, offset })).items);
      expect(paged.map((i) => i.id)).toEqual(queue.items.map((i) => i.id));
      expect(paged.map((i) => i.kind)).toEqual([...Array(3).fill('event'), ...Array(6).fill('entity'), 'quote']);
      expect(queue.items.filter((i) => i.kind === 'entity').every((i) => i.evidence?.documentId === a.documentId)).toBe(true);
      expect((await store.reviewQueue({ kind: 'quote' })).items.map((i) => i.kind)).toEqual(['quote']);

      const result = await store.setReviewState(alice, { kind: 'entity', id: a.entityIds.nato }, 'confirmed', 'checked the lexicon');
      expect(result).toEqual({ kind: 'entity', id: a.entityIds.nato, state: 'confirmed', previousState: 'draft' });
      expect((await store.reviewQueue()).total).toBe(9);
      expect((await store.reviewQueue({ state: 'confirmed' })).items.map((i) => i.id)).toEqual([a.entityIds.nato]);
      expect(await store.setReviewState(alice, { kind: 'event', id: 'evt_missing' }, 'rejected')).toBeUndefined();

      const edited = (await store.updateEntity(alice, a.entityIds.sybiha, { name: 'Andriy Sybiha', attributes: { role: 'Foreign Minister of Ukraine', iso2: 'UA' } }))!;
      expect(edited.name).toBe('Andriy Sybiha');
      expect(edited.aliases).toContain('Andrii Sybiha');
      expect(edited.attributes).toMatchObject({ role: 'Foreign Minister of Ukraine', iso2: 'UA' });

      const meeting = (await store.listEvents({ type: 'meeting' })).items[0];
      const ev = (await store.updateEvent(alice, meeting.id, { status: 'held', places: [a.entityIds.kyiv], label: 'Ministers meeting' }))!;
      expect(ev).toMatchObject({ status: 'held', label: 'Ministers meeting' });
      expect(ev.places.map((p) => p.name)).toEqual(['Kyiv']);
      expect(ev.participants.map((p) => p.entity.name)).toEqual(['NATO']);

      const h = await store.history({ recordId: a.entityIds.sybiha });
      expect(h.items.map((i) => i.field).sort()).toEqual(['aliases', 'attributes.iso2', 'attributes.role', 'name']);
      const nameRow = h.items.find((i) => i.field === 'name')!;
      expect(nameRow).toMatchObject({ kind: 'entity', action: 'edit', user: 'alice', before: 'Andrii Sybiha', after: 'Andriy Sybiha' });
      const review = (await store.history({ recordId: a.entityIds.nato })).items[0];
      expect(review).toMatchObject({ action: 'confirm', before: 'draft', after: 'confirmed', note: 'checked the lexicon', user: 'alice' });
      const evHistory = await store.history({ kind: 'event', recordId: meeting.id });
      expect(evHistory.items.map((i) => i.field).sort()).toEqual(['label', 'places', 'status']);
      expect((await store.history({ kind: 'document' })).items[0]).toMatchObject({ action: 'ingest', recordId: a.documentId });

      // The old name still matches the next document that uses it.
      const b = await store.saveExtraction(doc(), story('r2'));
      expect(b.entityIds.sybiha).toBe(a.entityIds.sybiha);
      // Edits are refused without a user.
      await expect(store.updateEntity({ user: '' }, a.entityIds.nato, { name: 'x' })).rejects.toBeInstanceOf(StoreError);
    });

    it('merges two entities and splits one, keeping old ids resolvable', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('m'));
      const nato = a.entityIds.nato;
      const nuc = a.entityIds.nuc;

      const merged = (await store.mergeEntities(alice, nato, nuc))!;
      expect(merged.id).toBe(nato);
      expect(merged.aliases).toEqual(expect.arrayContaining(['NATO-Ukraine Council', 'the alliance']));
      expect(merged.mentionCount).toBe(3);
      expect(merged.events.map((e) => e.type).sort()).toEqual(['meeting', 'session']);
      // Two entities hosting one event, once merged, are one host.
      const twin = await store.createEntity(alice, { type: 'organization', name: 'North Atlantic Alliance' });
      const meetingId = merged.events.find((e) => e.type === 'meeting')!.id;
      await store.updateEvent(alice, meetingId, { participants: [{ entityId: nato, role: 'host' }, { entityId: twin.id, role: 'host' }] });
      await store.mergeEntities(alice, nato, twin.id);
      expect((await store.getEvent(meetingId))!.participantsByRole.host).toHaveLength(1);
      const viaOld = (await store.getEntity(nuc))!;
      expect(viaOld.id).toBe(nato);
      expect(viaOld.mergedInto).toBe(nato);
      expect((await store.listEntities({ type: 'organization' })).items.map((e) => e.id)).toEqual([nato]);
      expect((await store.search({ q: 'ukraine council', kinds: ['entity'] })).items.map((h) => h.id)).toEqual([nato]);
      await expect(store.mergeEntities(alice, nato, nuc)).rejects.toSatisfy((e: unknown) => e instanceof StoreError && e.code === 'conflict');
      await expect(store.mergeEntities(alice, nato, nato)).rejects.toSatisfy((e: unknown) => e instanceof StoreError && e.code === 'invalid');
      expect((await store.history({ recordId: nuc })).items[0]).toMatchObject({ action: 'merge', after: nato });

      const detail = (await store.getEntity(nato))!;
      const councilMention = detail.mentions.find((m) => m.text === 'NATO-Ukraine Council')!;
      const split = (await store.splitEntity(alice, nato, { name: 'NATO-Ukraine Council', mentionIds: [councilMention.id], aliases: ['NATO-Ukraine Council'] }))!;
      expect(split.created).toMatchObject({ name: 'NATO-Ukraine Council', type: 'organization', mentionCount: 1, reviewState: 'confirmed', createdBy: 'alice' });
      expect(split.original.mentionCount).toBe(2);
      expect(split.original.aliases).not.toContain('NATO-Ukraine Council');
      expect((await store.history({ recordId: nato })).items[0]).toMatchObject({ action: 'split' });
      await expect(store.splitEntity(alice, nato, {})).rejects.toBeInstanceOf(StoreError);
      await expect(store.splitEntity(alice, nato, { mentionIds: ['men_not_mine'] })).rejects.toBeInstanceOf(StoreError);
    });

    it('creates entities and events by hand, confirmed and attributed to the user', async () => {
      const store = await fresh();
      const au = await store.createEntity(alice, { type: 'organization', name: 'African Union', aliases: ['AU'] });
      expect(au).toMatchObject({ reviewState: 'confirmed', createdBy: 'alice', aliases: ['AU'] });
      const addis = await store.createEntity(alice, { type: 'place', name: 'Addis Ababa', attributes: { lat: 9.03, lon: 38.74, iso2: 'ET' } });
      const ev = await store.createEvent(alice, {
        type: 'meeting',
        label: 'AU summit',
        status: 'scheduled',
        time: { start: '2026-02-14', end: '2026-02-15', precision: 'day', iso: '2026-02-14/2026-02-15', tense: 'future' },
        places: [addis.id],
        participants: [{ entityId: au.id, role: 'host' }],
        sessions: [{ type: 'session', label: 'closed session', participants: [{ entityId: au.id, role: 'participant' }] }],
      });
      expect(ev).toMatchObject({ reviewState: 'confirmed', createdBy: 'alice', documents: [] });
      expect(ev.sessions.map((s) => s.label)).toEqual(['closed session']);
      expect(ev.places.map((p) => p.id)).toEqual([addis.id]);
      expect((await store.history({ recordId: ev.id })).items[0]).toMatchObject({ action: 'create', user: 'alice' });
      // A new document naming the hand-made entity lands on it.
      const x = story('au');
      x.entities[0] = { ...x.entities[0], name: 'AU', aliases: [], attributes: {} };
      expect((await store.saveExtraction(doc(), x)).entityIds.nato).toBe(au.id);
      await expect(store.createEvent(alice, { type: 'meeting', label: 'x', participants: [{ entityId: 'ent_missing', role: 'host' }] })).rejects.toSatisfy(
        (e: unknown) => e instanceof StoreError && e.code === 'not_found',
      );
      await expect(store.createEntity(alice, { type: 'planet' as EntityType, name: 'Mars' })).rejects.toBeInstanceOf(StoreError);

      const dash = await store.dashboard({ today: '2026-01-01', days: 60 });
      expect(dash.upcoming.map((e) => e.label)).toEqual(['AU summit']);
      expect(dash.upcoming[0].sessions.map((s) => s.label)).toEqual(['closed session']);
      expect(dash.counts.documents).toBe(1);
    });

    it('pages documents newest first and reports totals', async () => {
      const store = await fresh();
      const x = (n: number) => {
        const s = story(`page ${n}`);
        s.source.published = `2025-01-0${n}`;
        return s;
      };
      for (const n of [3, 1, 5, 2, 4]) await store.saveExtraction(doc(), x(n));
      const p1 = await store.listDocuments({ limit: 2 });
      const p3 = await store.listDocuments({ limit: 2, offset: 4 });
      expect(p1.total).toBe(5);
      expect(p1.items.map((d) => d.published)).toEqual(['2025-01-05', '2025-01-04']);
      expect(p3.items.map((d) => d.published)).toEqual(['2025-01-01']);
      expect((await store.listDocuments({ from: '2025-01-02', to: '2025-01-03' })).total).toBe(2);
      expect((await store.listDocuments({ limit: 10_000 })).limit).toBe(500);
      const ents = await store.listEntities({ limit: 2 });
      expect(ents.total).toBe(6);
      expect(ents.items[0].mentionCount).toBeGreaterThanOrEqual(ents.items[1].mentionCount);
      expect((await store.listEntities({ q: 'sybi' })).items.map((e) => e.name)).toEqual(['Andrii Sybiha']);
    });

    it('draws a map and a graph from the stored events', async () => {
      const store = await fresh();
      const a = await store.saveExtraction(doc(), story('g'));
      const map = await store.mapData();
      expect(map.places.map((p) => p.name).sort()).toEqual(['Brussels', 'Kyiv']);
      expect(map.places.find((p) => p.name === 'Brussels')!.events).toHaveLength(2);
      expect(map.countries).toEqual([expect.objectContaining({ name: 'Ukraine', iso2: 'UA', iso3: 'UKR', mentionCount: 1 })]);
      const g = await store.graph();
      const meets = g.edges.filter((e) => e.kind === 'meets');
      expect(meets).toHaveLength(1);
      expect([meets[0].source, meets[0].target].sort()).toEqual([a.entityIds.nuc, a.entityIds.sybiha].sort());
      expect(g.edges.find((e) => e.kind === 'visits')).toMatchObject({ source: a.entityIds.sybiha, target: a.entityIds.kyiv, weight: 1 });
      const around = await store.graph({ entityId: a.entityIds.kyiv });
      expect(around.nodes.map((n) => n.id).sort()).toEqual([a.entityIds.kyiv, a.entityIds.sybiha].sort());
    });
  });
}
