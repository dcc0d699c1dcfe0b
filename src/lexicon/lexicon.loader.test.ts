import { describe, expect, it } from 'vitest';
import { readDataFile } from './data-file.js';
import { foldKey, matchModeOf } from './fold-key.js';
import { LexiconError } from './lexicon.errors.js';
import { buildLexicon, loadLexicon } from './lexicon.loader.js';
import type { LexiconKind } from './lexicon.types.js';

const lexicon = loadLexicon();
const ofKind = (kind: LexiconKind) => lexicon.entries.filter((e) => e.kind === kind);

/**
 * Forms of one entry that differ only by case or accents add nothing. Hyphen and
 * apostrophe variants ("NATO Russia Council", "Daesh") stay: token matchers see them as
 * different words.
 */
function redundantForms(forms: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const form of forms) {
    const key = `${form.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}|${matchModeOf(form, new Set())}`;
    if (seen.has(key)) out.push(form);
    seen.add(key);
  }
  return out;
}

describe('organizations.json as a whole', () => {
  it('is versioned as semver plus curation date and holds well over a hundred entries', () => {
    expect(lexicon.version).toMatch(/^\d+\.\d+\.\d+\+\d{4}-\d{2}-\d{2}$/);
    expect(lexicon.entries.length).toBeGreaterThanOrEqual(120);
  });

  it('gives every entry a unique id', () => {
    const ids = lexicon.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets no alias name two entries unless the data declares it ambiguous', () => {
    expect(lexicon.problems()).toEqual([]);
  });

  it('maps every name and alias back to exactly its own entry', () => {
    const wrong: string[] = [];
    for (const entry of lexicon.entries) {
      for (const form of [entry.name, ...entry.aliases]) {
        if (lexicon.ambiguousForms().has(foldKey(form))) continue;
        if (lexicon.byName(form)?.id !== entry.id) wrong.push(`${form} → ${lexicon.byName(form)?.id ?? 'nothing'} (want ${entry.id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists no alias twice for one entry (ignoring case and accents)', () => {
    const redundant = lexicon.entries.flatMap((e) => redundantForms([e.name, ...e.aliases]).map((f) => `${e.id}: ${f}`));
    expect(redundant).toEqual([]);
  });

  it('points every parent and memberOf at an existing entry', () => {
    for (const entry of lexicon.entries) {
      if (entry.parent !== undefined) expect(lexicon.byId(entry.parent), entry.id).toBeDefined();
      for (const other of entry.memberOf ?? []) expect(lexicon.byId(other), entry.id).toBeDefined();
    }
  });

  it('offers every declared ambiguous form as all of its candidates and as none of them alone', () => {
    expect(lexicon.candidates('PSC').map((e) => e.id).sort()).toEqual(['au.psc', 'eu.psc']);
    expect(lexicon.byName('PSC')).toBeUndefined();
  });
});

describe('organization entries', () => {
  const organizations = ofKind('organization');

  it('are typed organization and carry no instrument kind', () => {
    expect(organizations.length).toBeGreaterThan(40);
    for (const e of organizations) {
      expect(e.type).toBe('organization');
      expect(e.instrumentKind).toBeUndefined();
      expect(e.name.trim()).toBe(e.name);
    }
  });

  it('resolve by the names texts use, acronyms only in capitals', () => {
    expect(lexicon.byName('NATO')?.id).toBe('nato');
    expect(lexicon.byName('Nato')?.id).toBe('nato');
    expect(lexicon.byName('North Atlantic Treaty Organisation')?.id).toBe('nato');
    expect(lexicon.byName('EU')?.id).toBe('eu');
    expect(lexicon.byName('the European Union')?.id).toBe('eu');
    expect(lexicon.byName('U.N.')?.id).toBe('un');
    expect(lexicon.byName('WHO')?.id).toBe('who');
    expect(lexicon.byName('who')).toBeUndefined();
    expect(lexicon.byName('us')).toBeUndefined();
    expect(lexicon.byName('Da’esh')?.id).toBe('daesh');
    expect(lexicon.byName('ISIL')?.id).toBe('daesh');
    expect(lexicon.byName('Houthis')?.id).toBe('houthis');
    expect(lexicon.byName('al-Shabaab')?.id).toBe('al-shabaab');
  });

  it('carry the words texts use to refer back to them', () => {
    expect(lexicon.byId('nato')?.collective).toContain('the alliance');
    expect(lexicon.byId('eu')?.collective).toContain('the bloc');
    expect(lexicon.byId('un')?.collective).toContain('the world body');
  });
});

describe('body entries', () => {
  const bodies = ofKind('body');

  it('are organizations in the record and each has a parent organization', () => {
    expect(bodies.length).toBeGreaterThan(30);
    for (const e of bodies) {
      expect(e.type).toBe('organization');
      expect(e.parent, e.id).toBeDefined();
      expect(e.id.startsWith(`${e.parent}.`), `${e.id} should be namespaced by ${e.parent}`).toBe(true);
    }
  });

  it('resolve the councils and committees texts name', () => {
    expect(lexicon.byName('NUC')?.id).toBe('nato.nuc');
    expect(lexicon.byName('NATO-Ukraine Council')?.name).toBe('NATO-Ukraine Council');
    expect(lexicon.byName('North Atlantic Council')?.parent).toBe('nato');
    expect(lexicon.byName('Foreign Affairs Council')?.id).toBe('eu.fac');
    expect(lexicon.byName('UN Security Council')?.id).toBe('un.unsc');
    expect(lexicon.byName('Security Council')?.id).toBe('un.unsc');
    expect(lexicon.childrenOf('nato').map((e) => e.id)).toContain('nato.nuc');
  });
});

describe('instrument entries', () => {
  const instruments = ofKind('instrument');

  it('are typed instrument and say what kind of instrument they are', () => {
    expect(instruments.length).toBeGreaterThan(60);
    for (const e of instruments) {
      expect(e.type).toBe('instrument');
      expect(e.instrumentKind, e.id).toBeDefined();
    }
  });

  it('resolve acronyms and spelling variants to the instrument', () => {
    const nmi = lexicon.byName('NMI');
    expect(nmi?.name).toBe('NATO Mission Iraq');
    expect(nmi?.instrumentKind).toBe('mission');
    expect(nmi?.parent).toBe('nato');
    expect(lexicon.byName('nmi')).toBeUndefined();
    const centre = lexicon.byName('NATO-ICI Regional Center');
    expect(centre?.id).toBe('nato.ici-rc');
    expect(centre?.hostPlace).toBe('Kuwait');
    expect(centre?.instrumentKind).toBe('centre');
    expect(lexicon.byName('Defense Capacity Building Initiative')?.id).toBe('nato.dcb');
    expect(lexicon.byName('NSD-S Hub')?.name).toBe('Hub for the South');
    expect(lexicon.byName('Special Representative for the Southern Neighborhood')?.instrumentKind).toBe('envoy');
    expect(lexicon.byName('EUFOR Althea')?.parent).toBe('eu');
    expect(lexicon.byName('UNIFIL')?.hostPlace).toBe('Lebanon');
    expect(lexicon.byName('AUSSOM')?.parent).toBe('au');
  });
});

describe('buildLexicon on bad data', () => {
  const good = readDataFile('organizations.json') as { version: string; entries: Record<string, unknown>[] };
  const withEntries = (entries: Record<string, unknown>[]) => ({ ...good, entries });
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof LexiconError ? error.code : 'other';
    }
    return 'none';
  };

  it('refuses a duplicated id, an unknown parent and an instrument without its kind', () => {
    const nato = good.entries[0];
    expect(codeOf(() => buildLexicon(withEntries([nato, nato])))).toBe('invalid_data');
    expect(codeOf(() => buildLexicon(withEntries([{ ...nato, id: 'x.y', parent: 'nowhere' }])))).toBe('invalid_data');
    expect(codeOf(() => buildLexicon(withEntries([{ ...nato, kind: 'instrument' }])))).toBe('invalid_data');
    expect(codeOf(() => buildLexicon({ ...good, version: '1.0' }))).toBe('invalid_data');
  });

  it('reports two entries sharing an alias as a problem to fix', () => {
    const lex = buildLexicon({
      version: '1.0.0+2026-01-01',
      entries: [
        { id: 'a', kind: 'organization', name: 'Alpha Council', aliases: ['AC'] },
        { id: 'b', kind: 'organization', name: 'Arctic Council', aliases: ['AC'] },
      ],
    });
    expect(lex.problems()).toEqual([{ form: 'ac', ids: ['a', 'b'] }]);
    expect(lex.byName('AC')).toBeUndefined();
  });

  it('throws a coded error for an unknown id only in the OrThrow variant', () => {
    expect(lexicon.byId('no-such-id')).toBeUndefined();
    expect(codeOf(() => lexicon.byIdOrThrow('no-such-id'))).toBe('unknown_entry');
  });
});
