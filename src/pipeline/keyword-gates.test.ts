import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeywordGates, topLevelAlternatives } from './keyword-gates.js';

/** What the gates replace: every gate tested on its own. */
const oneByOne = (gates: RegExp[], text: string) => gates.reduce((bits, g, i) => (g.test(text) ? bits | (1 << i) : bits), 0);

describe('topLevelAlternatives', () => {
  it('splits only at the top level', () => {
    expect(topLevelAlternatives('a|working (?:dinner|lunch)|[|x]|\\||b')).toEqual(['a', 'working (?:dinner|lunch)', '[|x]', '\\|', 'b']);
  });
});

describe('KeywordGates', () => {
  const gates = [/meeting|summit|talks/, /\bmet\b|meet|talks|host/, /week|month|year/, /weekend/, /(?:day|week|month|year)s?\b/, /end|close|start/];

  it('opens every gate whose keyword occurs, also where keywords overlap or nest', () => {
    const g = new KeywordGates(gates);
    for (const text of ['the meeting last weekend', 'they met and talks ended', 'in two weeks', 'a hostile start', 'metal and meat', '']) {
      expect(g.scan(text), text).toBe(oneByOne(gates, text));
    }
  });

  it('may open a gate whose keyword needs a boundary the hit has lost, never the reverse', () => {
    const g = new KeywordGates(gates);
    const text = 'they will meet monthly';
    const alone = oneByOne(gates, text);
    expect(g.scan(text) & alone).toBe(alone);
    expect(g.scan(text)).toBe(alone | (1 << 4));
  });

  it('never closes a gate that would open, on every sentence of the dev set', () => {
    const g = new KeywordGates(gates);
    const dir = join(import.meta.dirname, '..', '..', 'eval');
    const texts = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(dir, n), 'utf8').toLowerCase());
    let sentences = 0;
    for (const text of texts) for (const s of text.split(/(?<=[.!?])\s+/)) {
      sentences++;
      const alone = oneByOne(gates, s);
      expect(g.scan(s) & alone, s).toBe(alone);
    }
    expect(sentences).toBeGreaterThan(300);
  });

  it('scanExact answers exactly as the gates one by one, whole rule regexes included', () => {
    const rules = [/\b(?:agreed(?:\s+to)?|approved)\b/i, /\b(?:to|agreed\s+to)\s+(?:consider|explore)\b/i, /months?\b/i];
    const g = new KeywordGates(rules);
    for (const text of ['Ministers agreed to consider a mission', 'They approved it', 'meeting monthly', 'It was agreed.', 'nothing here']) {
      expect(g.scanExact(text), text).toBe(oneByOne(rules, text));
    }
  });

  it('refuses gates it cannot combine', () => {
    expect(() => new KeywordGates([/a/, /b/i])).toThrow(/same flags/);
    expect(() => new KeywordGates([/a/g])).toThrow(/global/);
  });
});
