import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Extraction } from '../domain/index.js';
import { openStore, type Store } from '../storage/index.js';
import { createIngestService, type IngestService } from './ingest.service.js';
import { IngestError } from './service.errors.js';

import { readSeedArticle, runsWithShared, SEED_ARTICLE as SEED } from '../../test/shared-files.js';

const seedText = readSeedArticle();
const me = { user: 'tester' };

const dir = mkdtempSync(join(tmpdir(), 'liaison-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
};

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return (e as IngestError).code;
  }
  throw new Error('expected the ingest to fail');
};

let store: Store;
let ingest: IngestService;
beforeEach(async () => {
  store = await openStore({ file: join(dir, `db-${++n}.db`) });
  ingest = createIngestService({ store });
});
afterEach(async () => {
  await store.close();
});

describe.runIf(runsWithShared)('ingest service', () => {
  it('ingests the seed article once; the second time it is a duplicate and nothing is written', async () => {
    const first = await ingest.ingestFile(me, SEED, { published: '2025-04-02' });
    expect(first).toMatchObject({ status: 'ingested', duplicate: false });
    expect(first.counts.events).toBeGreaterThan(3);
    expect(first.counts.entities).toBeGreaterThan(10);
    const doc = (await store.getDocument(first.documentId))!;
    expect(doc).toMatchObject({ published: '2025-04-02', outlet: 'Aletihad', dateline: 'Brussels', ingestedBy: 'tester' });
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);

    const again = await ingest.ingestFile(me, SEED, { published: '2025-04-02' });
    expect(again).toMatchObject({ status: 'duplicate', duplicate: true, documentId: first.documentId });
    // The same words with Windows line endings are the same document.
    const crlf = await ingest.ingestText(me, seedText.replace(/\n/g, '\r\n'), { published: '2025-04-02' });
    expect(crlf.documentId).toBe(first.documentId);
    expect((await store.listDocuments()).total).toBe(1);
  });

  it('reads metadata from a front-matter header, and explicit options win over it', async () => {
    const header = '---\npublished: 2025-04-02T09:00:00Z\noutlet: "Desk Wire"\ntitle: Ministers to meet\nmood: sunny\n---\n';
    const a = await ingest.ingestFile(me, file('with-header.txt', header + seedText));
    const doc = (await store.getDocument(a.documentId))!;
    expect(doc).toMatchObject({ published: '2025-04-02', outlet: 'Desk Wire', title: 'Ministers to meet' });
    expect(doc.text.startsWith('---')).toBe(false);
    expect(doc.notes.join(' ')).toContain('mood: sunny');

    const b = await ingest.ingestText(me, header + seedText.replace('Brussels', 'Bruxelles'), { outlet: 'Given Outlet' });
    expect((await store.getDocument(b.documentId))!.outlet).toBe('Given Outlet');
  });

  it('strips HTML markup and keeps evidence pointing into the stored text', async () => {
    const html = `<!doctype html><html><head><title>x</title><script>var a = "<b>NATO</b>";</script></head>
      <body><p>BRUSSELS (ALETIHAD)</p><p>NATO foreign ministers meeting in <b>Brussels</b> this week will review plans to open a liaison office in Jordan, a NATO official said on Wednesday.</p></body></html>`;
    const r = await ingest.ingestFile(me, file('page.html', html), { published: '2025-04-02' });
    const doc = (await store.getDocument(r.documentId))!;
    expect(doc.text).not.toMatch(/<\/?[a-z]/i);
    expect(doc.text).not.toContain('var a');
    expect(doc.mentions.length).toBeGreaterThan(0);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    // Pasted text that plainly is HTML is read as HTML too.
    const pasted = await ingest.ingestText(me, html.replace('this week', 'next week'), { published: '2025-04-02' });
    expect((await store.getDocument(pasted.documentId))!.text).not.toContain('<p>');
    const fragment = await ingest.ingestText(me, '<p>NATO ministers met in <b>Vilnius</b>.</p><p>They spoke.</p><p>More later.</p>', { published: '2025-04-02' });
    expect((await store.getDocument(fragment.documentId))!.text).not.toMatch(/<\/?p>/);
    // A text that merely mentions a tag stays text.
    const prose = await ingest.ingestText(me, 'Editors wrap paragraphs in <p> tags, the memo from Brussels said.', { published: '2025-04-02' });
    expect((await store.getDocument(prose.documentId))!.text).toContain('<p>');
  });

  it('refuses binary files, bad encodings, empty texts and unsupported types with their codes', async () => {
    const pdfLike = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0, 0xff, 0xfe, 7, 8])]);
    expect(await codeOf(ingest.ingestFile(me, file('report.txt', pdfLike)))).toBe('binary_file');
    expect(await codeOf(ingest.ingestFile(me, file('noise.txt', Buffer.from('abc\u0001\u0002\u0003\u0004\u0005\u0006def'.repeat(20)))))).toBe('binary_file');

    const latin1 = Buffer.from('Le ministre des Affaires étrangères a rencontré ses homologues à Bruxelles.', 'latin1');
    expect(await codeOf(ingest.ingestFile(me, file('latin.txt', latin1)))).toBe('invalid_encoding');
    const forced = await ingest.ingestFile(me, file('latin.txt', latin1), { encoding: 'latin1' });
    expect((await store.getDocument(forced.documentId))!.text).toContain('étrangères');

    expect(await codeOf(ingest.ingestFile(me, file('empty.txt', '')))).toBe('empty_text');
    expect(await codeOf(ingest.ingestFile(me, file('blank.md', ' \n\t\n  ')))).toBe('empty_text');
    expect(await codeOf(ingest.ingestText(me, '---\ntitle: only a header\n---\n\n'))).toBe('empty_text');
    expect(await codeOf(ingest.ingestFile(me, file('markup.html', '<html><body><script>x()</script></body></html>')))).toBe('empty_text');
    expect(await codeOf(ingest.ingestFile(me, file('scan.pdf', 'text')))).toBe('unsupported_type');
    expect(await codeOf(ingest.ingestFile(me, file('README', 'text')))).toBe('unsupported_type');
    expect(await codeOf(ingest.ingestFile(me, join(dir, 'missing.txt')))).toBe('not_found');
    const folder = join(dir, 'folder.txt');
    mkdirSync(folder);
    expect(await codeOf(ingest.ingestFile(me, folder))).toBe('unreadable');
    expect((await store.listDocuments()).total).toBe(1);
  });

  it('reads UTF-16 text that starts with a byte order mark', async () => {
    const body = 'Ukrainian Foreign Minister Andrii Sybiha will join the session in Brussels on Thursday.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    const r = await ingest.ingestFile(me, file('utf16.txt', le), { published: '2025-04-02' });
    expect((await store.getDocument(r.documentId))!.text).toContain('Andrii Sybiha');
  });

  it('refuses a file over the limit from its size alone, without reading it', async () => {
    // A sparse 40 GB file: reading it would take minutes and all memory; stat() is instant.
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 40 * 1024 ** 3);
    const started = Date.now();
    const err = await ingest.ingestFile(me, huge).catch((e: unknown) => e as IngestError);
    expect(err).toMatchObject({ code: 'too_large' });
    expect((err as Error).message).toMatch(/limit is 5\.0 MB/);
    expect(Date.now() - started).toBeLessThan(2000);

    const small = createIngestService({ store, maxBytes: 1000 });
    expect(await codeOf(small.ingestText(me, 'word '.repeat(300)))).toBe('too_large');
    const endless = Readable.from((function* () {
      for (;;) yield Buffer.from('all work and no play '.repeat(10));
    })());
    expect(await codeOf(small.ingestStream(me, endless))).toBe('too_large');
  });

  it('ingests many files independently: one bad file does not stop the others', async () => {
    const paths = [
      file('a.txt', seedText),
      file('b.bin', 'x'),
      file('c.txt', Buffer.from([0, 0, 0, 1])),
      file('d.md', `# Summit\n\n${seedText.replace('Brussels', 'Vilnius')}`),
    ];
    const seen: number[] = [];
    const outcomes = await ingest.ingestFiles(me, paths, { published: '2025-04-02' }, (_o, i) => seen.push(i));
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(outcomes.map((o) => (o.ok ? o.result.status : o.error.code))).toEqual(['ingested', 'unsupported_type', 'binary_file', 'ingested']);
    expect((await store.listDocuments()).total).toBe(2);
  });

  it('leaves nothing behind when storing fails half way', async () => {
    const broken = createIngestService({
      store,
      extract: (text): Extraction => ({
        source: {},
        text,
        entities: [{ key: 'a', type: 'country', name: 'Jordan', aliases: [], attributes: {}, mentions: [{ start: 0, end: 6, rule: 't', text: text.slice(0, 6) }] }],
        events: [{ key: 'e', type: 'visit', label: 'visit', participants: [{ entityKey: 'ghost', role: 'visitor', evidence: { start: 0, end: 1, rule: 't' } }], topics: [], evidence: { start: 0, end: 6, rule: 't' } }],
        quotes: [],
        notes: [],
      }),
    });
    await expect(broken.ingestText(me, 'Jordan hosts the talks.')).rejects.toMatchObject({ code: 'invalid' });
    expect((await store.listDocuments()).total).toBe(0);
    expect((await store.listEntities()).total).toBe(0);
    // The CLI's entry point takes text plus metadata.
    const ok = await ingest.ingest(me, { text: 'Jordan hosts the talks.', meta: { published: '2025-04-02' } });
    expect(ok.duplicate).toBe(false);
  });

  it('rejects a publication date that is not a day', async () => {
    await expect(ingest.ingestText(me, seedText, { published: '2025-13-01' })).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(ingest.ingestText(me, seedText, { published: 'April 2' })).rejects.toMatchObject({ code: 'invalid_date' });
  });
});
