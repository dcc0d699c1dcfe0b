import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/index.js';
import { parseEventDate } from './dates.js';
import { createQueryService, type QueryService } from './query.service.js';
import { createReviewService, type ReviewService } from './review.service.js';
import { NotFoundError, ValidationError } from './service.errors.js';

const ana = { user: 'ana' };
const clock = () => new Date('2025-04-02T10:00:00Z');

let store: Store;
let review: ReviewService;
let query: QueryService;
beforeEach(async () => {
  store = await openStore({ file: ':memory:' });
  review = createReviewService({ store, clock });
  query = createQueryService({ store, clock });
});
afterEach(() => store.close());

describe('event dates as people write them', () => {
  it('turns each eval form into an inclusive interval with precision and tense', () => {
    expect(parseEventDate('2025-W14', '2025-04-02')).toEqual({ start: '2025-03-31', end: '2025-04-06', precision: 'week', iso: '2025-W14', tense: 'present' });
    expect(parseEventDate('2025-06', '2025-04-02')).toMatchObject({ start: '2025-06-01', end: '2025-06-30', precision: 'month', tense: 'future' });
    expect(parseEventDate('2024-02', '2025-04-02')).toMatchObject({ end: '2024-02-29', tense: 'past' });
    expect(parseEventDate('2025', '2025-04-02')).toMatchObject({ start: '2025-01-01', end: '2025-12-31', precision: 'year' });
    expect(parseEventDate('2026-W01', '2025-04-02')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(parseEventDate('2025-06-24/2025-06-25', '2025-04-02')).toMatchObject({ start: '2025-06-24', end: '2025-06-25', precision: 'day' });
    for (const bad of ['2025-02-30', 'June 2025', '2025-13', '2025-06-25/2025-06-24', '']) {
      expect(() => parseEventDate(bad, '2025-04-02')).toThrow(ValidationError);
    }
  });
});

describe('review service', () => {
  it('creates a meeting with sessions from typed dates and edits it with history', async () => {
    const eu = await review.createEntity(ana, { type: 'organization', name: 'European Union', aliases: ['EU'] });
    const meeting = await review.createEvent(ana, {
      type: 'meeting',
      label: 'EU-AU ministerial',
      status: 'scheduled',
      date: '2025-05-21',
      participants: [{ entityId: eu.id, role: 'host' }],
      sessions: [{ type: 'session', label: 'closed session', date: '2025-05-21' }],
    });
    expect(meeting.time).toMatchObject({ start: '2025-05-21', tense: 'future' });
    expect(meeting.sessions[0].time?.start).toBe('2025-05-21');

    const moved = await review.editEvent(ana, meeting.id, { date: '2025-W22', status: 'held' });
    expect(moved.time).toMatchObject({ start: '2025-05-26', end: '2025-06-01', precision: 'week' });
    const fields = (await review.history(ana, { recordId: meeting.id })).items.map((h) => h.field ?? h.action);
    expect(fields).toEqual(expect.arrayContaining(['time', 'status', 'create']));
    await expect(review.editEvent(ana, meeting.id, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(review.editEvent(ana, 'evt_nope', { label: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(review.editEvent(ana, meeting.id, { date: 'soon' })).rejects.toMatchObject({ code: 'invalid_date' });

    const dash = await query.dashboard(ana);
    expect(dash.today).toBe('2025-04-02');
    expect(dash.upcoming.map((e) => e.label)).toEqual(['EU-AU ministerial']);
  });

  it('confirms, rejects, merges and splits through the store, refusing what makes no sense', async () => {
    const a = await review.createEntity(ana, { type: 'person', name: 'Kaja Kallas', aliases: ['Kallas'] });
    const b = await review.createEntity(ana, { type: 'person', name: 'EU foreign policy chief', aliases: ['the EU foreign policy chief'] });
    expect(await review.reject(ana, 'entity', b.id, 'a title, not a name')).toMatchObject({ state: 'rejected', previousState: 'confirmed' });
    await expect(review.confirm(ana, 'entity', 'ent_missing')).rejects.toBeInstanceOf(NotFoundError);

    const merged = await review.mergeEntities(ana, a.id, b.id);
    expect(merged.aliases).toEqual(expect.arrayContaining(['Kallas', 'EU foreign policy chief']));
    await expect(review.mergeEntities(ana, a.id, a.id)).rejects.toMatchObject({ code: 'invalid_edit' });
    await expect(review.mergeEntities(ana, a.id, 'ent_missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(review.splitEntity(ana, a.id, {})).rejects.toMatchObject({ code: 'invalid_edit' });
    const split = await review.splitEntity(ana, a.id, { aliases: ['EU foreign policy chief'] });
    expect(split.created.name).toBe('EU foreign policy chief');
    await expect(review.editEntity(ana, a.id, {})).rejects.toMatchObject({ code: 'invalid_edit' });
    expect((await review.editEntity(ana, a.id, { attributes: { role: 'EU foreign policy chief' } })).attributes.role).toBe('EU foreign policy chief');
  });
});

describe('query service', () => {
  it('finds records by id prefix and says plainly when one is missing', async () => {
    const e = await review.createEntity(ana, { type: 'country', name: 'Jordan', attributes: { iso2: 'JO' } });
    expect(await query.findRecordOrThrow(ana, e.id)).toMatchObject({ kind: 'entity', record: { name: 'Jordan' } });
    await expect(query.findRecordOrThrow(ana, 'xyz_1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(query.getDocumentOrThrow(ana, 'doc_missing')).rejects.toThrow(/No document with id doc_missing/);
    await expect(query.listEvents(ana, { from: '2025-05-01', to: '2025-04-01' })).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(query.timeline(ana, { from: '2025-02-30' })).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(query.search(ana, { q: ' ' })).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await query.search(ana, { q: 'jord' })).items.map((h) => h.id)).toEqual([e.id]);
  });
});
