import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../domain/index.js';
import { extract, toGold } from './index.js';
import { buildMentionResources } from './mentions/index.js';

// The referee and the reference text live beside the repository, in ../shared.
const scorerUrl = new URL('../../../shared/eval/score.mjs', import.meta.url);
const seedUrl = new URL('../../../shared/seed/000_8e139579997b0ee8.txt', import.meta.url);
const goldUrl = new URL('../../../shared/eval/dev/seed-nato-ministers.gold.json', import.meta.url);
const missing = [scorerUrl, seedUrl, goldUrl].map((u) => fileURLToPath(u)).filter((p) => !existsSync(p));
const skipNote = missing.length ? ` (skipped: ${missing.join(', ')} not found)` : '';

interface Prf { tp: number; pred: number; gold: number; f1: number }
type ScoreDoc = (gold: unknown, pred: unknown) => { entities: Prf; events: Prf; quotes: Prf };

const SEED_PUBLISHED = '2025-04-02';

function seedText(): string {
  return readFileSync(seedUrl, 'utf8');
}

/** Every evidence span of an extraction lies inside its text, and mentions quote it exactly. */
function expectEvidenceInText(x: Extraction): void {
  const inside = (e: { start: number; end: number }) => e.start >= 0 && e.start <= e.end && e.end <= x.text.length;
  for (const en of x.entities) {
    for (const m of en.mentions) {
      expect(x.text.slice(m.start, m.end), `${en.key} ${m.rule}`).toBe(m.text);
    }
  }
  for (const ev of x.events) {
    expect(inside(ev.evidence)).toBe(true);
    for (const p of ev.participants) expect(inside(p.evidence)).toBe(true);
    if (ev.time) expect(inside(ev.time.evidence)).toBe(true);
  }
  for (const q of x.quotes) {
    expect(inside(q.evidence)).toBe(true);
    expect(x.text.slice(q.evidence.start, q.evidence.end)).toContain(q.text.replace(/[,.]$/, ''));
  }
}

describe('the reference text', () => {
  it.skipIf(missing.length > 0)(`scores entities F1 >= 0.9, events F1 >= 0.8, quotes F1 >= 0.95 against its answer key${skipNote}`, async () => {
    const { scoreDoc } = (await import(scorerUrl.href)) as { scoreDoc: ScoreDoc };
    const gold: unknown = JSON.parse(readFileSync(goldUrl, 'utf8'));
    const x = extract(seedText(), { published: SEED_PUBLISHED });
    const s = scoreDoc(gold, toGold(x));
    const figures = `entities ${s.entities.f1.toFixed(3)} · events ${s.events.f1.toFixed(3)} · quotes ${s.quotes.f1.toFixed(3)}`;
    expect(s.entities.f1, figures).toBeGreaterThanOrEqual(0.9);
    expect(s.events.f1, figures).toBeGreaterThanOrEqual(0.8);
    expect(s.quotes.f1, figures).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(missing.length > 0)(`reads the outlet and dateline from the header and keeps every span inside the text${skipNote}`, () => {
    const x = extract(seedText(), { published: SEED_PUBLISHED });
    expect(x.source).toMatchObject({ published: SEED_PUBLISHED, outlet: 'Aletihad', dateline: 'Brussels' });
    expect(x.notes).toEqual([]);
    expectEvidenceInText(x);
    // Six of the quotes are the official's; the speaker is the descriptor the text uses.
    expect(x.quotes.filter((q) => /official/i.test(q.speaker)).length).toBeGreaterThanOrEqual(5);
  });

  it.skipIf(missing.length > 0)(`is deterministic: the same text gives the same extraction, with shared or fresh resources${skipNote}`, () => {
    const text = seedText();
    const a = extract(text, { published: SEED_PUBLISHED });
    const b = extract(text, { published: SEED_PUBLISHED });
    expect(b).toEqual(a);
    const c = extract(text, { published: SEED_PUBLISHED, resources: buildMentionResources() });
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });
});

describe('extract on short texts', () => {
  it('lets a capital asking for something stand for its country ("a request from Baghdad")', () => {
    const x = extract('NATO will broaden its advisory role, following a request from Baghdad.', { published: SEED_PUBLISHED });
    const iraq = x.entities.find((e) => e.key === 'country:IQ');
    expect(iraq?.mentions).toEqual([expect.objectContaining({ text: 'Baghdad', rule: 'resolve.capital-for-country' })]);
    expect(x.entities.find((e) => e.key === 'place:baghdad')?.type).toBe('place');
    expectEvidenceInText(x);
  });

  it('takes the publication date from a dateline when none is given, and says so when there is none', () => {
    const dated = extract('BRUSSELS, 3 April 2025 – NATO foreign ministers met in Brussels on Thursday.');
    expect(dated.source).toMatchObject({ published: '2025-04-03', dateline: 'Brussels' });
    expect(dated.notes).toEqual([]);
    expect(dated.events.find((e) => e.type === 'meeting')?.time?.iso).toBe('2025-04-03');

    const undated = extract('NATO ministers met in Brussels on Thursday.');
    expect(undated.source.published).toBeUndefined();
    expect(undated.notes.join(' ')).toMatch(/no publication date/);
    expect(undated.events.find((e) => e.type === 'meeting')?.time).toBeUndefined();
  });

  it('keeps caller metadata over what the text says', () => {
    const x = extract('BRUSSELS (ALETIHAD)\nNATO ministers met.', { published: '2025-04-02', outlet: 'Wire', title: 'Ministers meet', url: 'https://example.org/a' });
    expect(x.source).toMatchObject({ published: '2025-04-02', outlet: 'Wire', title: 'Ministers meet', url: 'https://example.org/a', dateline: 'Brussels' });
  });
});

describe('toGold', () => {
  const text =
    'Iraqi officials welcomed the plan. NATO will broaden NATO Mission Iraq, following a request from Baghdad. ' +
    'NATO Secretary-General Mark Rutte visited Sarajevo in March. "We will stay," Rutte said.';

  it('lists only entities the text names, with role and aliases', () => {
    const gold = toGold(extract(text, { published: SEED_PUBLISHED }));
    const names = gold.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['NATO', 'NATO Mission Iraq', 'Baghdad', 'Mark Rutte', 'Sarajevo']));
    // Iraq is only implied (a demonym, a capital), Bosnia only through its capital.
    expect(names).not.toContain('Iraq');
    expect(names).not.toContain('Bosnia and Herzegovina');
    expect(gold.entities.find((e) => e.name === 'Mark Rutte')).toEqual({ name: 'Mark Rutte', type: 'person', aliases: ['Rutte'], role: 'NATO Secretary-General' });
  });

  it('puts participants in the field of their role, with date and status', () => {
    const gold = toGold(extract(text, { published: SEED_PUBLISHED }));
    const visit = gold.events.find((e) => e.type === 'visit');
    expect(visit).toMatchObject({ who: ['Mark Rutte'], where: ['Sarajevo'], date: '2025-03', status: 'held' });
    const request = gold.events.find((e) => e.type === 'request');
    expect(request?.from).toEqual(expect.arrayContaining(['Baghdad', 'Iraq']));
    expect(request?.to).toEqual(['NATO']);
    expect(gold.quotes).toEqual([{ speaker: 'Mark Rutte', text: expect.stringContaining('We will stay') }]);
    expect(gold.source.published).toBe(SEED_PUBLISHED);
  });
});

describe('bad input', () => {
  const cases: [string, () => string, 'text' | 'html'][] = [
    ['an empty string', () => '', 'text'],
    ['only markup, read as HTML', () => '<html><head><script>var s = "NATO";</script><style>p{}</style></head><body><div><br/></div></body></html>', 'html'],
    ['only markup, read as plain text', () => '<div><span></span><br/></div>', 'text'],
    ['binary-looking garbage', () => Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''), 'text'],
    ['control characters and a lone surrogate', () => '\u0000\u0001\u0002\uFFFD\uD800 NATO \u0007', 'text'],
  ];
  for (const [what, make, format] of cases) {
    it(`does not throw on ${what} and gives an Extraction`, () => {
      const x = extract(make(), { format, published: SEED_PUBLISHED });
      expect(Array.isArray(x.entities) && Array.isArray(x.events) && Array.isArray(x.quotes) && Array.isArray(x.notes)).toBe(true);
      expect(typeof x.text).toBe('string');
      expectEvidenceInText(x);
    });
  }

  it('gives nothing for an empty string or markup alone', () => {
    for (const [input, format] of [['', 'text'], ['<html><body><p></p></body></html>', 'html']] as const) {
      const x = extract(input, { format, published: SEED_PUBLISHED });
      expect({ entities: x.entities, events: x.events, quotes: x.quotes, text: x.text }).toEqual({ entities: [], events: [], quotes: [], text: '' });
    }
  });

  // Two megabytes of diplomatic prose, many meetings and quotes: slow, but it must finish.
  it('handles 2 MB of text', { timeout: 180_000 }, () => {
    const unit = 'NATO foreign ministers meeting in Brussels this week will review plans to open a liaison office in Amman, a NATO official said. ' +
      '"We will stand with our partners," EU foreign policy chief Kaja Kallas said in Luxembourg on Monday.\n';
    const big = unit.repeat(Math.ceil(2_000_000 / unit.length));
    expect(big.length).toBeGreaterThanOrEqual(2_000_000);
    const x = extract(big, { published: SEED_PUBLISHED });
    // Normalizing may trim the trailing newline, nothing more.
    expect(big.length - x.text.length).toBeLessThanOrEqual(1);
    expect(x.entities.find((e) => e.key === 'org:nato')?.mentions.length).toBeGreaterThan(10_000);
    expect(x.events.length).toBeGreaterThan(0);
  });
});
