import { describe, expect, it } from 'vitest';
import { buildTitles, loadTitles } from './titles.loader.js';

describe('title entries', () => {
  const titles = loadTitles();

  it('list offices, descriptors and honorifics without repeats', () => {
    expect(titles.version).toMatch(/^\d+\.\d+\.\d+\+\d{4}-\d{2}-\d{2}$/);
    for (const list of [titles.offices, titles.descriptors, titles.honorifics, titles.familyNameFirst, titles.leaderOffices]) {
      const lower = list.map((w) => w.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
      for (const w of list) expect(w.trim()).toBe(w);
    }
  });

  it('hold the offices of the people diplomatic texts quote', () => {
    const offices = new Set(titles.offices.map((w) => w.toLowerCase()));
    for (const w of ['secretary-general', 'secretary general', 'foreign minister', 'minister of foreign affairs', 'defence minister',
      'defense minister', 'prime minister', 'president', 'vice-president', 'chancellor', 'king', 'queen', 'crown prince', 'emir',
      'ambassador', 'special envoy', 'special representative', 'high representative', 'foreign policy chief', 'spokesperson',
      'commissioner', 'chair', 'chairman', 'state secretary', 'secretary of state', 'chief of defence', 'general', 'admiral', 'commander']) {
      expect(offices.has(w), w).toBe(true);
    }
  });

  it('hold descriptors for unnamed speakers and honorifics that are not offices', () => {
    expect(titles.descriptors).toEqual(expect.arrayContaining(['official', 'diplomat', 'source', 'spokesperson']));
    expect(titles.honorifics).toEqual(expect.arrayContaining(['Mr', 'Ms', 'Dr', 'Sheikh', 'H.E.']));
    const offices = new Set(titles.offices.map((w) => w.toLowerCase()));
    for (const h of titles.honorifics) expect(offices.has(h.toLowerCase()), h).toBe(false);
  });

  it('order entries longest first so the fullest title wins', () => {
    const deputy = titles.entries.findIndex((e) => e.words === 'Deputy Foreign Minister');
    const plain = titles.entries.findIndex((e) => e.words === 'Foreign Minister');
    expect(deputy).toBeGreaterThanOrEqual(0);
    expect(deputy).toBeLessThan(plain);
    expect(titles.entries.find((e) => e.words === 'official')?.kind).toBe('descriptor');
  });

  it('hold family names written first, never a word that is also a pronoun', () => {
    expect(titles.familyNameFirst).toEqual(expect.arrayContaining(['Wang', 'Xi', 'Li', 'Kim']));
    for (const w of titles.familyNameFirst) expect(['He', 'She', 'It', 'We', 'Me'], w).not.toContain(w);
  });

  it('refuses a word listed both as office and honorific', () => {
    expect(() => buildTitles({ version: '1', offices: ['Sheikh'], descriptors: ['official'], honorifics: ['Sheikh'], familyNameFirst: ['Wang'], leaderOffices: ['King'] })).toThrow(/also an office/);
  });

  it('hold leader offices that are all offices too', () => {
    expect(titles.leaderOffices).toEqual(expect.arrayContaining(['President', 'Prime Minister', 'King']));
    expect(() => buildTitles({ version: '1', offices: ['King'], descriptors: ['official'], honorifics: ['Mr'], familyNameFirst: ['Wang'], leaderOffices: ['Pope'] })).toThrow(/not listed in offices/);
  });

  it('refuses a family name that is not one capitalised word', () => {
    expect(() => buildTitles({ version: '1', offices: ['King'], descriptors: ['official'], honorifics: ['Mr'], familyNameFirst: ['wang yi'], leaderOffices: ['King'] })).toThrow(/one capitalised word/);
  });
});
