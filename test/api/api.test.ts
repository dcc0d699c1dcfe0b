import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type LiaisonApp } from '../../src/api/index.js';
import { multipart, openTempStore, SEED_PUBLISHED, type TempStore } from './helpers.js';
import { readSeedArticle, runsWithShared } from '../shared-files.js';

// One app over one temporary SQLite file; the tests below build on each other's records
// (ingest first, then read, review, edit), in file order.
let temp: TempStore;
let app: LiaisonApp;
const seedText = readSeedArticle();
let seedDocumentId = '';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function get(url: string): Promise<{ status: number; body: Json; headers: Record<string, unknown> }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers };
}

async function send(method: 'POST' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: Json; headers: Record<string, unknown> }> {
  const res = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

function expectProblem(res: { status: number; body: Json; headers: Record<string, unknown> }, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, code, type: `/api/docs#problem-${code}` });
  expect(typeof res.body.title).toBe('string');
  expect(res.body.detail.length).toBeGreaterThan(10);
}

beforeAll(async () => {
  temp = await openTempStore();
  app = createApp({ config: temp.config, store: temp.store, clock: () => new Date('2025-04-02T12:00:00Z') });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await temp?.cleanup();
});

describe.runIf(runsWithShared)('meta', () => {
  it('answers health with the store kind, and sets CSP and nosniff on every response', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'sqlite', time: '2025-04-02T12:00:00.000Z' });
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const missing = await get('/api/nothing-here');
    expectProblem(missing, 404, 'not_found');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('documents in openapi.json exactly the routes Fastify registered', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const served = new Set(
      app.registeredRoutes
        .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api'))
        .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`),
    );
    expect(served.size).toBeGreaterThan(25);
    expect([...documented].sort()).toEqual([...served].sort());
    // Query parameters come from the validation schemas, so a filter cannot go undocumented.
    // Every $ref points at a schema the document defines.
    const refs = JSON.stringify(res.body).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(Object.keys(res.body.components.schemas)).toContain(ref.split('/').pop()!.replace('"', ''));
    const events = res.body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    expect(events).toEqual(expect.arrayContaining(['type', 'status', 'from', 'to', 'participant', 'place', 'limit', 'offset']));
  });

  it('renders the docs page as HTML with every path, no scripts, and a stylesheet it serves itself', async () => {
    const res = await get('/api/docs');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    for (const route of app.liaisonRoutes) expect(res.body).toContain(route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}'));
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('id="problem-empty_text"');
    expect((await get('/api/docs.css')).status).toBe(200);
  });
});

describe.runIf(runsWithShared)('documents', () => {
  it('ingests the seed article: 201 with the document, its mentions and its records', async () => {
    const res = await send('POST', '/api/documents', { text: seedText, published: SEED_PUBLISHED, outlet: 'Aletihad' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.duplicate).toBe(false);
    const doc = res.body.document;
    seedDocumentId = doc.id;
    expect(res.headers.location).toBe(`/api/documents/${encodeURIComponent(doc.id)}`);
    expect(doc.published).toBe(SEED_PUBLISHED);
    expect(doc.text).toContain('NATO Mission Iraq');
    expect(doc.mentions.length).toBeGreaterThan(10);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(doc.entities.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['Mark Rutte', 'Kaja Kallas']));
    expect(doc.events.length).toBeGreaterThan(3);
    expect(doc.events.every((e: { evidence: unknown[] }) => e.evidence.length > 0)).toBe(true);

    const again = await get(`/api/documents/${encodeURIComponent(doc.id)}`);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(doc.id);
  });

  it('answers a re-post of the same text with 200 and duplicate: true, writing nothing', async () => {
    const before = (await get('/api/documents')).body.total;
    const res = await send('POST', '/api/documents', { text: seedText, published: SEED_PUBLISHED });
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(true);
    expect(res.body.document.id).toBe(seedDocumentId);
    expect((await get('/api/documents')).body.total).toBe(before);
  });

  it('refuses empty text with 422, a bad date with 400, a binary upload with 415, and other media types with 415', async () => {
    expectProblem(await send('POST', '/api/documents', { text: '', published: SEED_PUBLISHED }), 422, 'empty_text');
    expectProblem(await send('POST', '/api/documents', { text: '  \n\t ', published: SEED_PUBLISHED }), 422, 'empty_text');

    const badDate = await send('POST', '/api/documents', { text: 'NATO ministers met in Brussels.', published: '2025-02-30' });
    expectProblem(badDate, 400, 'invalid_request');
    expect(badDate.body.errors[0].path).toBe('body/published');
    expectProblem(await send('POST', '/api/documents', { text: 'NATO ministers met.', published: 'last Tuesday' }), 400, 'invalid_request');
    expectProblem(await send('POST', '/api/documents', { text: 'NATO ministers met.' }), 400, 'invalid_request');

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const upload = multipart({ published: SEED_PUBLISHED }, { name: 'file', filename: 'photo.txt', type: 'application/octet-stream', content: png });
    const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload });
    expectProblem({ status: res.statusCode, body: res.json(), headers: res.headers }, 415, 'unsupported_media_type');

    // Not UTF-8 (Windows-1252 curly quotes): refused with a message saying to save it as UTF-8.
    const cp1252 = multipart({ published: SEED_PUBLISHED }, { name: 'file', filename: 'old.txt', type: 'text/plain', content: Buffer.from([0x93, 0x4e, 0x41, 0x54, 0x4f, 0x94, 0x20, 0x6d, 0x65, 0x74]) });
    const legacy = await app.inject({ method: 'POST', url: '/api/documents', ...cp1252 });
    expectProblem({ status: legacy.statusCode, body: legacy.json(), headers: legacy.headers }, 422, 'unreadable_text');
    expect(legacy.json().detail).toContain('UTF-8');

    const plain = await app.inject({ method: 'POST', url: '/api/documents', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    expectProblem({ status: plain.statusCode, body: plain.json(), headers: plain.headers }, 415, 'unsupported_media_type');
    // Nothing half-written by any of the refusals.
    expect((await get('/api/documents')).body.total).toBe(1);
  });

  it('refuses a text over the size limit with 413', async () => {
    const big = 'NATO ministers met in Brussels. '.repeat(200_000);
    const res = await send('POST', '/api/documents', { text: big, published: SEED_PUBLISHED });
    expectProblem(res, 413, 'too_large');
    const upload = multipart({ published: SEED_PUBLISHED }, { name: 'file', filename: 'big.txt', type: 'text/plain', content: Buffer.from(big) });
    const res2 = await app.inject({ method: 'POST', url: '/api/documents', ...upload });
    expectProblem({ status: res2.statusCode, body: res2.json(), headers: res2.headers }, 413, 'too_large');
  });

  it('ingests a multipart text upload with its metadata, and keeps markup as plain text', async () => {
    const article = 'BRUSSELS (Wire)\nEU foreign ministers will meet in Luxembourg on Monday, <script>alert(1)</script> an EU official said on Friday.\n';
    const upload = multipart({ published: '2025-04-04', outlet: 'Wire', url: 'https://example.org/a' }, { name: 'file', filename: 'eu.txt', type: 'text/plain', content: Buffer.from(article) });
    const res = await app.inject({ method: 'POST', url: '/api/documents', ...upload });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json().document;
    expect(doc).toMatchObject({ published: '2025-04-04', outlet: 'Wire', url: 'https://example.org/a' });
    expect(String(res.headers['content-type'])).toContain('application/json');
  });
});

describe.runIf(runsWithShared)('events', () => {
  it('lists events filtered by type and by status, paginated', async () => {
    const all = await get('/api/events?limit=500');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ limit: 500, offset: 0 });
    expect(all.body.total).toBe(all.body.items.length);

    const proposals = await get('/api/events?type=proposal');
    expect(proposals.body.items.length).toBeGreaterThan(0);
    expect(proposals.body.items.every((e: { type: string }) => e.type === 'proposal')).toBe(true);

    const scheduled = await get('/api/events?status=scheduled');
    expect(scheduled.body.items.length).toBeGreaterThan(0);
    expect(scheduled.body.items.every((e: { status: string }) => e.status === 'scheduled')).toBe(true);
    expect(scheduled.body.total).toBeLessThan(all.body.total);

    const page = await get('/api/events?limit=2&offset=1');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].id).toBe(all.body.items[1].id);

    expectProblem(await get('/api/events?status=maybe'), 400, 'invalid_request');
    expectProblem(await get('/api/events?limit=0'), 400, 'invalid_request');
    expectProblem(await get('/api/events?from=2025-13-01'), 400, 'invalid_request');
  });

  it('gives one event with participants by role and evidence carrying its sentence', async () => {
    const visits = await get('/api/events?type=visit');
    expect(visits.body.items.length).toBeGreaterThan(0);
    const res = await get(`/api/events/${encodeURIComponent(visits.body.items[0].id)}`);
    expect(res.status).toBe(200);
    expect(res.body.participantsByRole).toBeTypeOf('object');
    expect(res.body.evidence.length).toBeGreaterThan(0);
    const ev = res.body.evidence[0];
    expect(ev.sentence.text).toContain(seedText.includes(ev.sentence.text) ? ev.sentence.text : '');
    expect(ev.sentence.start).toBeLessThanOrEqual(ev.start);
    expect(ev.sentence.end).toBeGreaterThanOrEqual(ev.end);
    expectProblem(await get('/api/events/evt_missing'), 404, 'not_found');
  });

  it('creates a meeting by hand with a session and participants, then edits it with history', async () => {
    const nato = (await get('/api/entities?q=NATO&type=organization')).body.items[0];
    const created = await send('POST', '/api/events', {
      type: 'meeting', label: 'NATO defence ministers meeting', status: 'scheduled', date: '2025-06-05',
      participants: [{ entityId: nato.id, role: 'host' }],
      sessions: [{ label: 'NATO-Ukraine Council session', date: '2025-06-05', status: 'scheduled' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ type: 'meeting', reviewState: 'confirmed', time: { start: '2025-06-05', precision: 'day', tense: 'future' } });
    expect(created.body.sessions).toHaveLength(1);
    expect(created.body.participantsByRole.host[0].entity.id).toBe(nato.id);

    const edited = await send('PATCH', `/api/events/${encodeURIComponent(created.body.id)}`, { status: 'cancelled', date: '2025-W24' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'cancelled', time: { start: '2025-06-09', end: '2025-06-15', precision: 'week' } });
    const history = await get(`/api/history?kind=event&id=${encodeURIComponent(created.body.id)}`);
    const fields = history.body.items.filter((h: { action: string }) => h.action === 'edit').map((h: { field: string }) => h.field);
    expect(fields).toEqual(expect.arrayContaining(['status']));
    expect(history.body.items.every((h: { user: string }) => h.user === 'tester')).toBe(true);

    expectProblem(await send('POST', '/api/events', { type: 'meeting', label: 'x', date: '2025-02-30' }), 400, 'invalid_date');
    expectProblem(await send('PATCH', `/api/events/${encodeURIComponent(created.body.id)}`, {}), 400, 'invalid_request');
  });
});

describe.runIf(runsWithShared)('entities', () => {
  it('filters entities by type and words, and gives one with aliases, events, related entities and sources', async () => {
    const people = await get('/api/entities?type=person');
    expect(people.body.items.length).toBeGreaterThan(1);
    expect(people.body.items.every((e: { type: string }) => e.type === 'person')).toBe(true);

    const kallas = (await get('/api/entities?q=kallas')).body.items[0];
    expect(kallas.name).toBe('Kaja Kallas');
    const res = await get(`/api/entities/${encodeURIComponent(kallas.id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: kallas.id, type: 'person', aliases: expect.any(Array), attributes: expect.any(Object) });
    // She joins the sessions of the ministers' meeting: events carry her role.
    expect(res.body.events.some((e: { type: string; role: string }) => e.type === 'session' && e.role === 'participant')).toBe(true);
    expect(res.body.sources.map((s: { id: string }) => s.id)).toContain(seedDocumentId);
    expect(res.body.related.length).toBeGreaterThan(0);
    expectProblem(await get('/api/entities?type=planet'), 400, 'invalid_request');
    expectProblem(await get('/api/entities/ent_missing'), 404, 'not_found');
  });

  it('keeps every edited field in history with who, before and after', async () => {
    const kallas = (await get('/api/entities?q=kallas')).body.items[0];
    const res = await send('PATCH', `/api/entities/${encodeURIComponent(kallas.id)}`, { attributes: { role: 'EU High Representative' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.attributes.role).toBe('EU High Representative');
    const history = await get(`/api/history?kind=entity&id=${encodeURIComponent(kallas.id)}`);
    const edit = history.body.items.find((h: { action: string }) => h.action === 'edit');
    expect(edit).toMatchObject({ user: 'tester', recordId: kallas.id });
    expect(JSON.stringify(edit.after)).toContain('EU High Representative');
    expect(JSON.stringify(edit.before)).not.toContain('EU High Representative');
    expectProblem(await send('PATCH', `/api/entities/${encodeURIComponent(kallas.id)}`, { nickname: 'x' }), 400, 'invalid_request');
  });

  it('creates an entity by hand, merges it into another, and splits an alias off again', async () => {
    const rutte = (await get('/api/entities?q=rutte')).body.items[0];
    const created = await send('POST', '/api/entities', { type: 'person', name: 'M. Rutte', aliases: ['Secretary-General Rutte'] });
    expect(created.status).toBe(201);
    expect(created.body.reviewState).toBe('confirmed');

    expectProblem(await send('POST', `/api/entities/${encodeURIComponent(created.body.id)}/merge`, { into: created.body.id }), 400, 'invalid_edit');
    const merged = await send('POST', `/api/entities/${encodeURIComponent(created.body.id)}/merge`, { into: rutte.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.mergedId).toBe(created.body.id);
    expect(merged.body.entity.id).toBe(rutte.id);
    expect(merged.body.entity.aliases).toEqual(expect.arrayContaining(['Secretary-General Rutte']));
    // The merged-away id still resolves, to the survivor.
    expect((await get(`/api/entities/${encodeURIComponent(created.body.id)}`)).body.id).toBe(rutte.id);

    const split = await send('POST', `/api/entities/${encodeURIComponent(rutte.id)}/split`, { name: 'Secretary-General Rutte', aliases: ['Secretary-General Rutte'] });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    expect(split.body.created.name).toBe('Secretary-General Rutte');
    expect(split.body.original.aliases).not.toContain('Secretary-General Rutte');
    expectProblem(await send('POST', `/api/entities/${encodeURIComponent(rutte.id)}/split`, { name: 'Nobody' }), 400, 'invalid_edit');
  });
});

describe.runIf(runsWithShared)('review', () => {
  it('confirms a draft, and a later read shows it confirmed with the decision in history', async () => {
    const queue = await get('/api/review?kind=event');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBeGreaterThan(0);
    const item = queue.body.items[0];
    expect(item.state).toBe('draft');
    const res = await send('POST', `/api/review/event/${encodeURIComponent(item.id)}/confirm`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ kind: 'event', id: item.id, state: 'confirmed', previousState: 'draft' });
    expect((await get(`/api/events/${encodeURIComponent(item.id)}`)).body.reviewState).toBe('confirmed');
    expect((await get('/api/review?kind=event')).body.total).toBe(queue.body.total - 1);
    const history = await get(`/api/history?kind=event&id=${encodeURIComponent(item.id)}`);
    expect(history.body.items[0]).toMatchObject({ action: 'confirm', user: 'tester' });

    // Reject a draft no later test reads (the map test needs Brussels, others NATO and people).
    const used = new Set(['Brussels', 'NATO', 'Kaja Kallas', 'Mark Rutte', 'Iraq', 'Ukraine']);
    const other = (await get('/api/review?kind=entity&limit=500')).body.items.find((i: { label: string }) => !used.has(i.label));
    const rejected = await send('POST', `/api/review/entity/${encodeURIComponent(other.id)}/reject`, { note: 'not an entity' });
    expect(rejected.body.state).toBe('rejected');
    expectProblem(await send('POST', '/api/review/event/evt_missing/confirm'), 404, 'not_found');
    expectProblem(await send('POST', '/api/review/planet/x/confirm'), 400, 'invalid_request');
  });
});

describe.runIf(runsWithShared)('views', () => {
  it('filters the timeline by type and dates', async () => {
    const visits = await get('/api/timeline?type=visit');
    expect(visits.status).toBe(200);
    expect(visits.body.items.length).toBeGreaterThan(0);
    expect(visits.body.items.every((i: { type: string }) => i.type === 'visit')).toBe(true);
    const march = await get('/api/timeline?from=2025-03-01&to=2025-03-31');
    expect(march.body.items.every((i: { start: string; end: string }) => i.start <= '2025-03-31' && i.end >= '2025-03-01')).toBe(true);
    const june = await get('/api/timeline?from=2025-06-01&to=2025-06-30');
    const marchIds = new Set(march.body.items.map((i: { id: string }) => i.id));
    expect(june.body.items.some((i: { id: string }) => marchIds.has(i.id))).toBe(false);
    expectProblem(await get('/api/timeline?from=2025-06-01&to=2025-03-01'), 400, 'invalid_date');
  });

  it('finds documents, entities and events by a word', async () => {
    const res = await get('/api/search?q=Sarajevo');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.some((h: { kind: string; id: string }) => h.kind === 'document' && h.id === seedDocumentId)).toBe(true);
    const entities = await get('/api/search?q=Sarajevo&kind=entity');
    expect(entities.body.items.every((h: { kind: string }) => h.kind === 'entity')).toBe(true);
    expectProblem(await get('/api/search'), 400, 'invalid_request');
    expect((await get('/api/search?q=zzyzxnothing')).body.total).toBe(0);
  });

  it('serves map, graph and dashboard data', async () => {
    const map = await get('/api/map');
    expect(map.status).toBe(200);
    const brussels = map.body.places.find((p: { name: string }) => p.name === 'Brussels');
    expect(brussels?.lat).toBeTypeOf('number');
    expect(brussels.events.length).toBeGreaterThan(0);
    // Countries carry the ISO numeric code world-atlas uses as feature id (Iraq is 368).
    expect(map.body.countries.length).toBeGreaterThan(0);
    for (const c of map.body.countries as { iso2: string; isoNumeric?: string }[]) {
      if (c.iso2 === 'IQ') expect(c.isoNumeric).toBe('368');
      if (c.iso2 === 'UA') expect(c.isoNumeric).toBe('804');
    }
    expect(map.body.countries.some((c: { isoNumeric?: string }) => /^\d{3}$/.test(c.isoNumeric ?? ''))).toBe(true);

    const graph = await get('/api/graph');
    expect(graph.body.nodes.length).toBeGreaterThan(0);
    const ids = new Set(graph.body.nodes.map((n: { id: string }) => n.id));
    expect(graph.body.edges.every((e: { source: string; target: string }) => ids.has(e.source) && ids.has(e.target))).toBe(true);

    const dash = await get('/api/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.today).toBe('2025-04-02');
    expect(dash.body.counts.documents).toBe(2);
    expect(dash.body.latestDocuments.length).toBe(2);
    expect(dash.body.reviewQueue.total).toBeGreaterThan(0);
    expect(dash.body.upcoming.every((e: { time?: { end: string } }) => !e.time || e.time.end >= '2025-04-02')).toBe(true);
  });
});
