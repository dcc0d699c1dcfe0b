import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.js';

const brief = (text: string) => tokenize(text).map(({ text: t, key, cap, upper, word }) => ({ t, key, cap, upper, word }));

describe('tokenize', () => {
  it('keeps inner hyphens and apostrophes, and splits a possessive', () => {
    expect(tokenize("NATO-Ukraine talks on Da'esh and NATO’s role").map((t) => t.text)).toEqual(['NATO-Ukraine', 'talks', 'on', "Da'esh", 'and', 'NATO', '’s', 'role']);
  });

  it('marks capitals, acronyms and words the same for plain and accented words', () => {
    expect(brief('NATO Rutte met Šefčovič and ÉLYSÉE staff in 2025.')).toEqual([
      { t: 'NATO', key: 'nato', cap: true, upper: true, word: true },
      { t: 'Rutte', key: 'rutte', cap: true, upper: false, word: true },
      { t: 'met', key: 'met', cap: false, upper: false, word: true },
      { t: 'Šefčovič', key: 'sefcovic', cap: true, upper: false, word: true },
      { t: 'and', key: 'and', cap: false, upper: false, word: true },
      { t: 'ÉLYSÉE', key: 'elysee', cap: true, upper: true, word: true },
      { t: 'staff', key: 'staff', cap: false, upper: false, word: true },
      { t: 'in', key: 'in', cap: false, upper: false, word: true },
      { t: '2025', key: '2025', cap: false, upper: false, word: true },
      { t: '.', key: '.', cap: false, upper: false, word: false },
    ]);
  });

  it('reads dotted initialisms and a single capital as they are', () => {
    expect(brief('U.S. and A').map((x) => [x.t, x.upper])).toEqual([['U.S.', true], ['and', false], ['A', false]]);
  });

  it('gives offsets into the whole text when given a range', () => {
    const text = 'Intro. Kallas spoke.';
    expect(tokenize(text, 7, text.length).map((t) => [t.text, t.start, t.end])).toEqual([['Kallas', 7, 13], ['spoke', 14, 19], ['.', 19, 20]]);
  });
});
