import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../domain/index.js';
import type { EntityMention, Segmented } from '../types.js';
import { DESCRIPTOR_HEADS, findQuotes, type QuoteDraft } from './index.js';
import { hasShared, readSeedArticle, runsWithShared, SEED_DEV_TEXT } from '../../../test/shared-files.js';

/** Test-only segmentation: one paragraph per line, sentences at . ! ? before a capital or quote. */
function segment(text: string): Segmented {
  const seg: Segmented = { text, paragraphs: [], sentences: [] };
  for (const line of text.matchAll(/[^\n]+/g)) {
    const base = line.index;
    const paragraph = seg.paragraphs.length;
    seg.paragraphs.push({ start: base, end: base + line[0].length });
    let from = 0;
    const push = (a: number, b: number): void => {
      seg.sentences.push({ start: base + a, end: base + b, text: text.slice(base + a, base + b), paragraph, index: seg.sentences.length });
    };
    for (const b of line[0].matchAll(/[.!?][”"’»)]?\s+(?=[A-Z“"‘«(])/g)) {
      push(from, b.index + b[0].trimEnd().length);
      from = b.index + b[0].length;
    }
    if (from < line[0].length) push(from, line[0].length);
  }
  return seg;
}

interface Entity {
  forms: string[];
  type: EntityType;
  name: string;
  role?: string;
}

/** Mentions as the mentions stage would give them: every occurrence of every form, longest first. */
function mentionsOf(text: string, entities: Entity[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const e of entities) {
    for (const form of [...e.forms].sort((a, b) => b.length - a.length)) {
      for (const m of text.matchAll(new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'))) {
        if (out.some((o) => m.index < o.end && m.index + form.length > o.start)) continue;
        out.push({
          text: form, start: m.index, end: m.index + form.length, type: e.type, key: `${e.type}:${e.name}`, name: e.name,
          sentence: 0, rule: 'test', attributes: e.role ? { role: e.role } : undefined,
        });
      }
    }
  }
  return out;
}

function quotes(text: string, entities: Entity[] = []): QuoteDraft[] {
  return findQuotes(segment(text), mentionsOf(text, entities));
}

/** `speaker: words` lines, the shape a reader checks. */
function summary(text: string, entities: Entity[] = []): string[] {
  return quotes(text, entities).map((q) => `${q.speaker?.name ?? '?'}: ${q.text}`);
}

const KALLAS: Entity = { forms: ['Kaja Kallas', 'Kallas'], type: 'person', name: 'Kaja Kallas', role: 'High Representative for Foreign Affairs and Security Policy' };
const RUTTE: Entity = { forms: ['Mark Rutte', 'Rutte'], type: 'person', name: 'Mark Rutte', role: 'NATO Secretary General' };

describe.runIf(runsWithShared)('findQuotes on the reference text', () => {
  const text = readSeedArticle();
  const gold = JSON.parse(hasShared ? readFileSync(SEED_DEV_TEXT.replace(/\.txt$/, '.gold.json'), 'utf8') : '{"quotes":[]}') as {
    quotes: { speaker: string; text: string }[];
  };
  const found = quotes(text, [
    RUTTE,
    { forms: ['Andrii Sybiha'], type: 'person', name: 'Andrii Sybiha' },
    KALLAS,
    { forms: ['NATO'], type: 'organization', name: 'NATO' },
  ]);
  const first8 = (s: string): string => s.replace(/[’]/g, "'").split(/\s+/).slice(0, 8).join(' ');

  it('finds all seven gold quotes, each spoken by "a NATO official"', () => {
    expect(found).toHaveLength(7);
    for (const g of gold.quotes) {
      const q = found.find((f) => first8(f.text) === first8(g.text));
      expect(q, g.text).toBeDefined();
      expect(q!.speaker?.name).toBe('a NATO official');
      expect(q!.speaker?.key).toBeUndefined();
    }
  });

  it('points evidence at the quoted characters and names the rules', () => {
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
    const byStart = (s: string): QuoteDraft => found.find((q) => q.text.startsWith(s))!;
    expect(byStart('Allies recognise').text.endsWith('security,')).toBe(true);
    expect(byStart('Allies recognise').rule).toBe('quotes.said-after');
    expect(byStart('Through our partnerships').rule).toBe('quotes.continued-paragraph');
    expect(byStart('tangible demonstration').speaker?.rule).toBe('quotes.speaker.pronoun');
    expect(text.slice(byStart('tangible').speaker!.start, byStart('tangible').speaker!.end)).toBe('He');
    expect(byStart('continued support').text).toBe('continued support to Ukraine');
  });
});

describe('findQuotes: attribution forms', () => {
  it('reads “…,” X said with a named person', () => {
    const [q] = quotes('“We will not be intimidated,” Kallas said after the meeting.', [KALLAS]);
    expect(q).toMatchObject({ text: 'We will not be intimidated,', rule: 'quotes.said-after', speaker: { key: 'person:Kaja Kallas', name: 'Kaja Kallas', rule: 'quotes.speaker.mention' } });
  });
  it('reads the inverted “…,” said X', () => {
    expect(summary('"Every offer counts and every hour matters," said the head of the coordination centre.')).toEqual([
      'the head of the coordination centre: Every offer counts and every hour matters,',
    ]);
    expect(quotes('“Dialogue remains the only path,” said EU foreign policy chief Kaja Kallas.', [KALLAS])[0].speaker?.name).toBe('Kaja Kallas');
  });
  it('reads X said: “…” and X said that … “…”', () => {
    const [a] = quotes('Rutte told reporters: “The alliance stands united on this question.”', [RUTTE]);
    expect(a).toMatchObject({ rule: 'quotes.said-before', speaker: { name: 'Mark Rutte' } });
    const [b] = quotes('Rutte said that allies had shown “a remarkable degree of unity” in Vilnius.', [RUTTE]);
    expect(b).toMatchObject({ text: 'a remarkable degree of unity', rule: 'quotes.said-that', speaker: { name: 'Mark Rutte' } });
  });
  it('reads according to …', () => {
    expect(summary('The deal is “within reach, but not yet done”, according to a senior EU diplomat.')).toEqual([
      'a senior EU diplomat: within reach, but not yet done',
    ]);
  });
  it('steps over an apposition between speaker and verb', () => {
    expect(summary('Kallas, the EU’s top diplomat, said the bloc would “stay the course for as long as it takes”.', [KALLAS])).toEqual([
      'Kaja Kallas: stay the course for as long as it takes',
    ]);
    expect(summary('A senior European diplomat, who asked not to be named, said: “The text was kept short on purpose.”')).toEqual([
      'a senior European diplomat: The text was kept short on purpose.',
    ]);
    const youssouf: Entity = { forms: ['Mahmoud Ali Youssouf'], type: 'person', name: 'Mahmoud Ali Youssouf' };
    expect(summary('The Chairperson of the AU Commission, Mahmoud Ali Youssouf, said the mission “cannot run on promises”.', [youssouf])).toEqual([
      'Mahmoud Ali Youssouf: cannot run on promises',
    ]);
  });
  it('gives an organisation as speaker when the text does ("the ministry said")', () => {
    const ministry: Entity = { forms: ['the Japanese foreign ministry'], type: 'organization', name: 'Ministry of Foreign Affairs of Japan' };
    const [q] = quotes('“The door to dialogue remains open,” the Japanese foreign ministry said in a statement.', [ministry]);
    expect(q.speaker).toMatchObject({ key: 'organization:Ministry of Foreign Affairs of Japan', name: 'Ministry of Foreign Affairs of Japan' });
  });
  it('reads communiqué style: the statement as speaker', () => {
    expect(summary('The joint statement said the parties were “committed to a peaceful settlement of all disputes”.')).toEqual([
      'the joint statement: committed to a peaceful settlement of all disputes',
    ]);
  });
  it('attributes a quote after a participle to the subject of its clause', () => {
    expect(summary('An Indonesian diplomat said the region wanted "partners, not patrons," adding that the bloc would not choose sides.')).toEqual([
      'an Indonesian diplomat: partners, not patrons,',
    ]);
    expect(summary('The official said talks went well, describing them as “frank and forward-looking”.')).toEqual([
      'the official: frank and forward-looking',
    ]);
  });
  it('reads "quoted X as saying" and the interview colon', () => {
    const xi: Entity = { forms: ['Xi Jinping', 'Xi'], type: 'person', name: 'Xi Jinping' };
    expect(summary('State media quoted Xi as saying that China “will never seek hegemony in the region”.', [xi])).toEqual([
      'Xi Jinping: will never seek hegemony in the region',
    ]);
    const [q] = quotes('Kallas: “Europe must be able to defend itself, with or without others.”', [KALLAS]);
    expect(q).toMatchObject({ rule: 'quotes.colon', speaker: { name: 'Kaja Kallas' } });
  });
  it('never reads a reporting verb inside the quotation as the attribution', () => {
    const [q] = quotes('“Ministers said they were ready, and they were,” Rutte noted.', [RUTTE]);
    expect(q.speaker?.name).toBe('Mark Rutte');
  });
});

describe('findQuotes: speakers across sentences and paragraphs', () => {
  it('chains "the diplomat" back to the first "a senior EU diplomat"', () => {
    const text = 'A senior EU diplomat said the talks were difficult.\n“Nobody expected a breakthrough this week,” the diplomat said.\n“We will try again in June,” the EU diplomat added.';
    expect(summary(text)).toEqual([
      'a senior EU diplomat: Nobody expected a breakthrough this week,',
      'a senior EU diplomat: We will try again in June,',
    ]);
    expect(quotes(text)[0].speaker?.rule).toBe('quotes.speaker.descriptor-chain');
  });
  it('keeps a participial complement in the descriptor ("a diplomat involved in the talks")', () => {
    const text = 'A diplomat involved in the talks said the offer was under review.\n"The signature is the easy part," the diplomat said.';
    expect(summary(text)).toEqual(['a diplomat involved in the talks: The signature is the easy part,']);
  });
  it('keeps two descriptor chains apart by their modifiers', () => {
    const text = 'A Western diplomat said the council was split. An African Union official said the opposite.\n“The council will act,” the Western diplomat said.';
    expect(summary(text)).toEqual(['a Western diplomat: The council will act,']);
  });
  it('carries a speaker into the next sentence and the next paragraph', () => {
    const text = '“Lebanon has a rare chance to open a new chapter,” Guterres said. “The army must be able to take charge of the south.”\n“We will stand with it every step of the way.”';
    const guterres: Entity = { forms: ['António Guterres', 'Guterres'], type: 'person', name: 'António Guterres' };
    const found = quotes(text, [guterres]);
    expect(found.map((q) => [q.speaker?.name, q.rule])).toEqual([
      ['António Guterres', 'quotes.said-after'],
      ['António Guterres', 'quotes.continued-sentence'],
      ['António Guterres', 'quotes.continued-paragraph'],
    ]);
  });
  it('continues a quote whose paragraph ends without a closing mark', () => {
    const text = 'A senior EU diplomat described the arrangement as fragile.\n“Everyone signed up because it suits them for now.\n“The moment one interest shifts, we will feel it,” the diplomat said.';
    const found = quotes(text);
    expect(found.map((q) => q.text)).toEqual(['Everyone signed up because it suits them for now.', 'The moment one interest shifts, we will feel it,']);
    expect(found.every((q) => q.speaker?.name === 'a senior EU diplomat')).toBe(true);
  });
  it('takes the person the previous sentence is about ("Rutte spoke to reporters. “…”")', () => {
    const [q] = quotes('Rutte spoke to reporters in Tokyo. “What happens in Ukraine today could happen in East Asia tomorrow.”', [RUTTE]);
    expect(q).toMatchObject({ rule: 'quotes.previous-sentence', speaker: { name: 'Mark Rutte' } });
  });
  it('resolves he/she to the previous sentence subject, else to the last speaker', () => {
    const valtonen: Entity = { forms: ['Elina Valtonen', 'Valtonen'], type: 'person', name: 'Elina Valtonen' };
    expect(summary('Valtonen told reporters the OSCE would keep its channels open. “Dialogue is never a reward; it is a tool,” she said.', [valtonen])).toEqual([
      'Elina Valtonen: Dialogue is never a reward; it is a tool,',
    ]);
    const text = '“These are the most ambitious targets we have set,” a NATO official said. He added that allies had “proved once again they can decide together”.';
    expect(summary(text)).toEqual(['a NATO official: These are the most ambitious targets we have set,', 'a NATO official: proved once again they can decide together']);
  });
  it('matches a bare surname or a title to the person named earlier', () => {
    const hasan: Entity = { forms: ['Mohamad Hasan'], type: 'person', name: 'Mohamad Hasan' };
    expect(summary("Malaysia's Foreign Minister Mohamad Hasan chaired the meeting. “Elections cannot be the first step,” Mohamad said.", [hasan])).toEqual([
      'Mohamad Hasan: Elections cannot be the first step,',
    ]);
    const text = 'EU ministers met under the chairmanship of Kaja Kallas.\n"Our help to Ukraine is an investment in our own security," the High Representative said.';
    const [q] = quotes(text, [KALLAS]);
    expect(q.speaker).toMatchObject({ name: 'Kaja Kallas', key: 'person:Kaja Kallas', rule: 'quotes.speaker.title' });
  });
  it('keeps name particles and drops the title of a person no mention covers', () => {
    expect(summary('Commission President Ursula von der Leyen told leaders the moment had come. "The window is narrow," she said.')).toEqual([
      'Ursula von der Leyen: The window is narrow,',
    ]);
  });
  it('completes a surname with an Arabic particle from an earlier full name', () => {
    const text = 'GCC ministers met Asaad al-Shaibani, the new foreign minister. "Syria wants to return as a partner," al-Shaibani told reporters.';
    expect(summary(text)).toEqual(['Asaad al-Shaibani: Syria wants to return as a partner,']);
  });
  it('resolves "he" itself rather than trusting a pronoun mention tied to the last name', () => {
    const text = 'Ukraine\'s foreign minister met Kaja Kallas. “Security of the region is vital,” a NATO official said. He described the visits as “a tangible demonstration of commitment”.';
    const he = text.indexOf('He described');
    const pronoun: EntityMention = { text: 'He', start: he, end: he + 2, type: 'person', key: 'person:Kaja Kallas', name: 'Kaja Kallas', via: 'pronoun', sentence: 2, rule: 'test' };
    const found = findQuotes(segment(text), [...mentionsOf(text, [KALLAS]), pronoun]);
    expect(found.map((q) => q.speaker?.name)).toEqual(['a NATO official', 'a NATO official']);
  });
  it('reads a post named as speaker as the person holding it', () => {
    const post: Entity = { forms: ['High Representative'], type: 'instrument', name: 'High Representative' };
    const text = 'Ministers met under Kaja Kallas.\n"Each euro we put in now spares us a bigger bill later," the High Representative said.';
    const found = findQuotes(segment(text), [...mentionsOf(text, [KALLAS]), ...mentionsOf(text, [post])]);
    expect(found[0].speaker).toMatchObject({ name: 'Kaja Kallas', rule: 'quotes.speaker.title' });
  });
  it('quotes a person the sentence is about when there is no reporting verb', () => {
    const lavrov: Entity = { forms: ['Sergei Lavrov'], type: 'person', name: 'Sergei Lavrov' };
    expect(summary('Foreign Minister Sergei Lavrov used his speech to accuse the West of turning the body into "an appendage of NATO".', [lavrov])).toEqual([
      'Sergei Lavrov: an appendage of NATO',
    ]);
  });
  it('leaves a quote nobody is credited with unattributed', () => {
    const [q] = quotes('The treaty opens with the words “We the peoples of the United Nations determined to save succeeding generations”.');
    expect(q).toMatchObject({ rule: 'quotes.unattributed', speaker: undefined });
  });
});

describe('findQuotes: what is not a quotation', () => {
  it('skips scare quotes and quoted names that nobody says', () => {
    expect(quotes('The so-called “peace plan” was shelved.')).toEqual([]);
    expect(quotes('Cooperation runs through platforms such as the “Hub for the South” in Naples.')).toEqual([]);
  });
  it('keeps a short quote when the sentence attributes it', () => {
    const wang: Entity = { forms: ['Wang Yi', 'Wang'], type: 'person', name: 'Wang Yi' };
    expect(summary('Wang said the three should "rise above" differences.', [wang])).toEqual(['Wang Yi: rise above']);
  });
  it('does not break on apostrophes but reads multi-word single quotes', () => {
    expect(quotes('The alliance’s role in fighting Da’esh is not in question, the allies’ envoys said.')).toEqual([]);
    expect(summary('The envoy said Moscow’s offer was ‘a step in the right direction’, a diplomat added.')).toEqual([
      'a diplomat: a step in the right direction',
    ]);
  });
  it('reads German-style marks as the normalizer leaves them (“…“)', () => {
    expect(summary('“Wir stehen fest an der Seite der Ukraine“, sagte ein Sprecher, a German spokesman said.')).toEqual([
      'a German spokesman: Wir stehen fest an der Seite der Ukraine',
    ]);
  });
  it('reads guillemets', () => {
    expect(summary('«Nous resterons aux côtés de l’Ukraine», a French official said.')).toEqual([
      'a French official: Nous resterons aux côtés de l’Ukraine',
    ]);
  });
});

describe('DESCRIPTOR_HEADS', () => {
  it('lists the head nouns of speaker descriptors', () => {
    for (const head of ['official', 'diplomat', 'spokesperson', 'source', 'envoy', 'statement', 'communiqué']) expect(DESCRIPTOR_HEADS).toContain(head);
  });
});

describe('findQuotes on awkward input', () => {
  it('survives unbalanced marks and apostrophes in a long paragraph', () => {
    const text = `“${'The allies’ ‘plan and the proposal said '.repeat(2000)}end.`;
    const found = quotes(text);
    // The opener runs to the end of the paragraph; apostrophes invent nothing.
    expect(found).toHaveLength(1);
    expect(found[0].text.endsWith('end.')).toBe(true);
    const openers = quotes(`${'He said “yes and then '.repeat(2000)}end.`);
    expect(openers.length).toBe(1000); // “…“ pairs, as German-style marks look once normalized
  });
  it('returns nothing for text without quotation marks', () => {
    expect(quotes('Ministers met in Brussels. The official said nothing new.')).toEqual([]);
    expect(quotes('')).toEqual([]);
  });
});
