import { describe, expect, it } from 'vitest';
import type { ExtractedEntity } from '../../domain/index.js';
import { normalize, segment } from '../index.js';
import { defaultMentionResources, findMentions } from '../mentions/index.js';
import { resolveEntities, type Resolved } from './index.js';

/** The real mentions stage, then resolveEntities with the real gazetteer. */
function resolve(text: string, published?: string): Resolved {
  const resources = defaultMentionResources();
  const norm = normalize(text);
  const seg = segment(norm.text, norm.bodyStart);
  const mentions = findMentions(seg, { resources, dateline: norm.dateline });
  return resolveEntities(mentions, { gazetteer: resources.gazetteer, published });
}

function entityOrThrow(r: Resolved, pred: (e: ExtractedEntity) => boolean, what: string): ExtractedEntity {
  const e = r.entities.find(pred);
  if (!e) throw new Error(`no entity ${what} among: ${r.entities.map((x) => x.name).join(', ')}`);
  return e;
}

describe('instruments restated in other words', () => {
  it('merges an office restated with the capital instead of the country ("liaison office in Jordan" / "NATO liaison office in Amman")', () => {
    const r = resolve('Ministers will review plans to open a liaison office in Jordan. The establishment of a NATO liaison office in Amman is under review.');
    const offices = r.entities.filter((e) => e.type === 'instrument');
    expect(offices).toHaveLength(1);
    const office = offices[0];
    expect(office.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['liaison office in Jordan', 'NATO liaison office in Amman']));
    expect(office.aliases).toEqual(expect.arrayContaining(['liaison office in Jordan']));
    expect(office.attributes).toMatchObject({ instrumentKind: 'office', hostPlace: 'Amman', parentOrganization: 'NATO' });
    // Every mention of the instrument now carries the merged key.
    for (const m of r.mentions.filter((x) => x.type === 'instrument')) expect(m.key).toBe(office.key);
  });

  it('merges the same restatement for an office the lexicon does not know ("liaison office in Tunisia" / "NATO liaison office in Tunis")', () => {
    const r = resolve('Allies discussed a liaison office in Tunisia. A NATO liaison office in Tunis would open next year.');
    const offices = r.entities.filter((e) => e.type === 'instrument');
    expect(offices).toHaveLength(1);
    expect(offices[0].mentions.map((m) => m.text)).toEqual(['liaison office in Tunisia', 'NATO liaison office in Tunis']);
    expect(offices[0].attributes).toMatchObject({ parentOrganization: 'NATO', instrumentKind: 'office' });
  });

  it('merges the same restatement when the owner is written as an acronym ("EU liaison office in Amman")', () => {
    const r = resolve('The EU will open a liaison office in Jordan. The EU liaison office in Amman will start work in June.');
    expect(r.entities.filter((e) => e.type === 'instrument')).toHaveLength(1);
  });

  it('keeps offices in different countries apart', () => {
    const r = resolve('The AU plans a liaison office in Jordan and a liaison office in Kuwait.');
    const offices = r.entities.filter((e) => e.type === 'instrument');
    expect(offices.map((e) => e.attributes.hostPlace).sort()).toEqual(['Jordan', 'Kuwait']);
  });

  it('keeps a mission and an office in one city apart', () => {
    const r = resolve('The EU runs a training mission in Bamako and a liaison office in Bamako.');
    const kinds = r.entities.filter((e) => e.type === 'instrument').map((e) => e.attributes.instrumentKind).sort();
    expect(kinds).toEqual(['mission', 'office']);
  });
});

describe('back-references', () => {
  it('never makes an entity from collective mentions alone ("the alliance", "the bloc" with no body named)', () => {
    const r = resolve('The alliance will meet next week. The bloc agreed to send observers.');
    expect(r.entities.filter((e) => e.type === 'organization')).toEqual([]);
    expect(r.mentions.some((m) => m.rule === 'mentions.dictionary.collective')).toBe(false);
  });

  it('joins a collective mention to the body the text names ("NATO" ... "the alliance")', () => {
    const r = resolve('NATO ministers met in Brussels. The alliance will expand its presence in Iraq.');
    const nato = entityOrThrow(r, (e) => e.key === 'org:nato', 'NATO');
    expect(nato.name).toBe('NATO');
    expect(nato.mentions.map((m) => m.rule)).toEqual(['mentions.dictionary.lexicon', 'mentions.dictionary.collective']);
    // A back-reference is a mention of NATO, never a name of it: as an alias it would pull
    // every "alliance" of other documents into NATO.
    expect(nato.aliases).toEqual([]);
  });
});

describe('names and aliases', () => {
  it('names a lexicon body by its canonical name and keeps the acronym as an alias', () => {
    const r = resolve('The EU sent observers to the vote.');
    expect(entityOrThrow(r, (e) => e.key === 'org:eu', 'EU')).toMatchObject({ name: 'European Union', aliases: ['EU'] });
  });

  it('leaves demonyms out of a country\'s aliases but keeps their mentions', () => {
    const r = resolve('Iraq asked for help. Iraqi officials met NATO advisers, and the Iraqi authorities agreed.');
    const iraq = entityOrThrow(r, (e) => e.key === 'country:IQ', 'Iraq');
    expect(iraq.aliases).toEqual([]);
    expect(iraq.mentions.filter((m) => m.rule === 'mentions.dictionary.demonym').map((m) => m.text)).toEqual(['Iraqi', 'Iraqi']);
  });

  it('gives a person the full name, the surname as alias, and the role dated to publication', () => {
    const r = resolve('NATO Secretary-General Mark Rutte visited Sarajevo. Rutte said he was encouraged.', '2025-04-02');
    const rutte = entityOrThrow(r, (e) => e.type === 'person', 'a person');
    expect(rutte).toMatchObject({ name: 'Mark Rutte', aliases: ['Rutte'] });
    expect(rutte.attributes).toMatchObject({ role: 'NATO Secretary-General', roleDate: '2025-04-02' });
    // "he" is a mention of Rutte, but a pronoun is never an alias.
    expect(rutte.mentions.map((m) => m.text)).toEqual(['Mark Rutte', 'Rutte', 'he']);
  });

  it('leaves the role undated when the publication date is unknown', () => {
    const r = resolve('EU foreign policy chief Kaja Kallas arrived in Kyiv.');
    const kallas = entityOrThrow(r, (e) => e.type === 'person', 'a person');
    expect(kallas.attributes.role).toBe('EU foreign policy chief');
    expect(kallas.attributes.roleDate).toBeUndefined();
  });

  it('makes one entity per key with mentions in text order, each pointing at its characters', () => {
    const text = 'ASEAN foreign ministers met in Kuala Lumpur. Malaysian Foreign Minister Mohamad Hasan said ASEAN would act; Hasan chaired the talks in Kuala Lumpur.';
    const r = resolve(text);
    const keys = r.entities.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of r.entities) {
      const starts = e.mentions.map((m) => m.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(entityOrThrow(r, (e) => e.key === 'org:asean', 'ASEAN').mentions).toHaveLength(2);
    expect(entityOrThrow(r, (e) => e.key === 'place:kuala-lumpur', 'Kuala Lumpur').mentions).toHaveLength(2);
  });
});
