import { describe, expect, it } from 'vitest';
import type { Extraction, ExtractedEvent, Role } from '../../domain/index.js';
import { extract } from '../index.js';
import { defaultMentionResources } from '../mentions/index.js';
import { eventCodes } from './index.js';

// Events are read through extract(): it runs every real stage in order (mentions, times,
// resolve, a capital standing for its government) before findEvents, as a user gets them.
function run(text: string, published?: string): Extraction {
  return extract(text, { published, resources: defaultMentionResources() });
}

/** Names of an event's participants with a given role. */
function names(x: Extraction, ev: ExtractedEvent, role?: Role): string[] {
  const nameOf = new Map(x.entities.map((e) => [e.key, e.name]));
  return ev.participants.filter((p) => !role || p.role === role).map((p) => nameOf.get(p.entityKey) ?? p.entityKey);
}

function only(x: Extraction, type: ExtractedEvent['type']): ExtractedEvent {
  const found = x.events.filter((e) => e.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, got ${found.length}: ${JSON.stringify(x.events.map((e) => [e.type, e.label]))}`);
  return found[0];
}

describe('meetings', () => {
  it('dates a ministers\' meeting "this week" to the ISO week of publication, in its place, scheduled', () => {
    const x = run('NATO foreign ministers meeting in Brussels this week will focus on deterrence and defence production.', '2025-04-02');
    const m = only(x, 'meeting');
    expect(m.evidence.rule).toBe('events.meeting.noun');
    expect(m.time).toMatchObject({ iso: '2025-W14', precision: 'week', start: '2025-03-31', end: '2025-04-06' });
    expect(m.status).toBe('scheduled');
    expect(names(x, m, 'place')).toEqual(['Brussels']);
    expect(names(x, m, 'participant')).toContain('NATO');
    expect(m).toMatchObject({ cameo: '043', plover: 'CONSULT' });
  });

  it('tells a past summit from a coming one ("the last NATO summit in Vilnius", "the summit in The Hague in June")', () => {
    const x = run('Leaders recalled the last NATO summit in Vilnius. Allies are now preparing for the summit in The Hague in June.', '2025-04-02');
    const vilnius = x.events.find((e) => e.type === 'meeting' && names(x, e, 'place').includes('Vilnius'));
    const hague = x.events.find((e) => e.type === 'meeting' && names(x, e, 'place').includes('The Hague'));
    expect(vilnius?.status).toBe('held');
    expect(hague).toMatchObject({ status: 'scheduled', time: { iso: '2025-06', precision: 'month' } });
    expect(names(x, hague!, 'participant')).toContain('NATO');
  });

  it('reads "in June" said in July as the June just past, so the summit was held', () => {
    const x = run('Leaders took stock after the NATO summit in The Hague in June.', '2025-07-10');
    const m = only(x, 'meeting');
    expect(m).toMatchObject({ status: 'held', time: { iso: '2025-06' } });
  });

  it('marks a postponed summit as cancelled', () => {
    const x = run('The ASEAN summit in Bangkok was postponed because of the floods.', '2025-04-02');
    const m = only(x, 'meeting');
    expect(m.status).toBe('cancelled');
    expect(names(x, m)).toEqual(expect.arrayContaining(['ASEAN', 'Bangkok']));
  });

  it('makes a meeting of a gathering body named as the occasion ("told reporters after the Foreign Affairs Council"), held on the story\'s day', () => {
    const x = run('BRUSSELS, 20 May 2025 - EU foreign ministers on Tuesday adopted a 17th package of sanctions against Russia, the High Representative Kaja Kallas told reporters after the Foreign Affairs Council.', '2025-05-20');
    const m = only(x, 'meeting');
    expect(names(x, m)).toContain('Foreign Affairs Council');
    expect(m).toMatchObject({ status: 'held', time: { start: '2025-05-20' } });
    // The next one is another meeting, though the first names no date or place.
    const y = run('BRUSSELS, 20 May 2025 - Kaja Kallas told reporters after the Foreign Affairs Council that sanctions were adopted. "I will report to ministers at our next Foreign Affairs Council on 23 June," she said.', '2025-05-20');
    const both = y.events.filter((e) => e.type === 'meeting');
    expect(both.map((e) => e.status).sort()).toEqual(['held', 'scheduled']);
  });

  it('dates a summit filed from its own city by the story, not by a deadline it set ("running until July 29")', () => {
    const x = run('ABUJA, Dec 15 (Continental Wire) - West African leaders on Sunday gave the juntas six more months. Meeting in Abuja for the bloc\'s 66th ordinary summit, the ECOWAS Authority of Heads of State and Government set a transition period running until July 29, during which the door would remain open.', '2024-12-15');
    const summit = x.events.find((e) => e.type === 'meeting' && /summit/.test(e.label));
    expect(summit).toMatchObject({ status: 'held', time: { start: '2024-12-15' } });
  });

  it('keeps a held meeting named bare apart from the next one of the same body', () => {
    const x = run('High Representative Kaja Kallas chaired the Foreign Affairs Council, which adopted sanctions. Ministers will take up defence at the next Foreign Affairs Council on 23 June.', '2025-03-21');
    expect(x.events.filter((e) => e.type === 'meeting').map((e) => e.status).sort()).toEqual(['held', 'scheduled']);
  });

  it('makes a meeting of a gathering body named with a date ("the European Council in June")', () => {
    const x = run('EU leaders will discuss defence at the European Council in June.', '2025-04-02');
    const m = only(x, 'meeting');
    expect(m.evidence.rule).toBe('events.meeting.body');
    expect(m).toMatchObject({ status: 'scheduled', time: { iso: '2025-06' } });
    expect(names(x, m)).toContain('European Council');
  });

  it('makes a meeting from a verb ("X met Y in Z on Tuesday"): both people, the place, the day, held', () => {
    const x = run('Chinese Foreign Minister Wang Yi met Indonesian Foreign Minister Retno Marsudi in Jakarta on Tuesday.', '2025-05-15');
    const m = only(x, 'meeting');
    expect(m.evidence.rule).toBe('events.meeting.verb');
    expect(names(x, m, 'participant')).toEqual(expect.arrayContaining(['Wang Yi', 'Retno Marsudi']));
    expect(names(x, m, 'place')).toEqual(['Jakarta']);
    expect(m).toMatchObject({ status: 'held', time: { iso: '2025-05-13', precision: 'day' } });
  });

  it('gives host and guest roles to "hosted"', () => {
    const x = run('French President Emmanuel Macron hosted Indonesian President Prabowo Subianto in Paris on Monday.', '2025-04-02');
    const m = only(x, 'meeting');
    expect(names(x, m, 'host')).toEqual(['Emmanuel Macron']);
    expect(names(x, m, 'guest')).toEqual(['Prabowo Subianto']);
    expect(m.time?.iso).toBe('2025-03-31');
  });

  it('makes no meeting of one party talking about talks with no place or date', () => {
    const x = run('NATO said the talks were useful.', '2025-04-02');
    expect(x.events.filter((e) => e.type === 'meeting')).toEqual([]);
  });

  it('does not make the host of a planned office a participant of the meeting that discusses it', () => {
    const x = run('NATO foreign ministers meeting in Brussels this week will review plans to open a liaison office in Jordan.', '2025-04-02');
    const m = only(x, 'meeting');
    expect(names(x, m)).not.toContain('Jordan');
  });

  it('makes one meeting of "ministers met in Brussels on Monday for a ministerial"', () => {
    const x = run('EU foreign ministers met in Brussels on Monday for a ministerial.', '2025-03-19');
    expect(x.events.filter((e) => e.type === 'meeting')).toHaveLength(1);
  });
  it('schedules a meeting that is the object of an intention ("agreed to work toward holding a summit"), though the clause is past', () => {
    const x = run('The foreign ministers of Japan, China and South Korea met in Tokyo on Saturday and agreed to work toward holding a summit of their leaders in Japan.', '2025-03-23');
    const summit = x.events.find((e) => e.type === 'meeting' && /summit/.test(e.label));
    expect(summit?.status).toBe('scheduled');
  });

  it('gives "both sides" the parties of the meeting just told ("Both sides agreed to hold a joint working meeting")', () => {
    const x = run('The European Union and India held talks in New Delhi on Friday. Both sides agreed to hold a joint working meeting of ministers in the first half of the year.', '2025-03-01');
    const m = x.events.find((e) => e.type === 'meeting' && e.status === 'scheduled');
    expect(names(x, m!)).toEqual(expect.arrayContaining(['European Union', 'India']));
  });

  it('gives a later summit with no party named the bodies of the story\'s earlier summit, not its most named body', () => {
    const x = run('BRUSSELS, 21 March (EuroDesk) - At a summit chaired by European Council President António Costa on Thursday, EU leaders backed the defence plan. The European Union said the EU would fund it and the EU budget would grow. Earlier this month, at an extraordinary summit on 6 March, leaders had given their first blessing to the plan.', '2025-03-21');
    const earlier = x.events.find((e) => e.type === 'meeting' && e.time?.iso === '2025-03-06');
    expect(names(x, earlier!, 'participant')).toEqual(['European Council']);
  });

  it('keeps a visitor\'s rounds apart: "He later held talks with A, who ..., and with B" after "X met C"', () => {
    const x = run('BEIRUT, Jan. 17 — UN Secretary-General António Guterres met President Joseph Aoun on Friday. He later held talks with Prime Minister-designate Nawaf Salam, who is trying to form a government, and with Parliament Speaker Nabih Berri.', '2025-01-17');
    const meetings = x.events.filter((e) => e.type === 'meeting').map((e) => names(x, e).sort());
    expect(meetings).toEqual([['António Guterres', 'Joseph Aoun'], ['António Guterres', 'Nawaf Salam'], ['António Guterres', 'Nabih Berri']].map((p) => p.sort()));
  });

  it('keeps "held talks with A, the leader, and with B" told as no sequence as one meeting', () => {
    const x = run('KUWAIT CITY, Dec 31 (Meridian) - GCC Secretary-General Jasem Mohamed Albudaiwi held talks with Syrian leader Ahmed al-Sharaa, the head of the new administration, and with Foreign Minister Asaad al-Shaibani on Monday.', '2024-12-31');
    expect(names(x, only(x, 'meeting'))).toEqual(expect.arrayContaining(['Jasem Mohamed Albudaiwi', 'Ahmed al-Sharaa', 'Asaad al-Shaibani']));
  });

});

describe('sessions', () => {
  const text =
    'NATO foreign ministers meeting in Brussels this week will focus on deterrence. ' +
    'A meeting of the NATO-Ukraine Council is scheduled for Thursday, and Ukrainian Foreign Minister Andrii Sybiha will join the session, ' +
    'alongside EU foreign policy chief Kaja Kallas, who will also take part in a closed session on NATO-EU coordination.';

  it('makes a council meeting during a ministerial a session of it, dated to its own day', () => {
    const x = run(text, '2025-04-02');
    const parent = only(x, 'meeting');
    const nuc = x.events.find((e) => e.type === 'session' && e.evidence.rule === 'events.session.meeting-of');
    expect(nuc).toBeDefined();
    expect(nuc!.parentKey).toBe(parent.key);
    expect(nuc).toMatchObject({ status: 'scheduled', time: { iso: '2025-04-03', precision: 'day' } });
    // "will join the session" adds the minister; the place comes from the ministerial.
    expect(names(x, nuc!)).toEqual(expect.arrayContaining(['NATO-Ukraine Council', 'Andrii Sybiha', 'Brussels']));
  });

  it('makes a session from the noun with its topic ("a closed session on NATO-EU coordination")', () => {
    const x = run(text, '2025-04-02');
    const closed = x.events.find((e) => e.type === 'session' && e.evidence.rule === 'events.session.noun');
    expect(closed).toBeDefined();
    expect(closed!.label).toMatch(/^closed session on NATO-EU coordination/);
    expect(closed!.topics).toEqual(['NATO-EU coordination']);
    expect(closed!.parentKey).toBe(only(x, 'meeting').key);
    expect(names(x, closed!)).toContain('Kaja Kallas');
    // The text gives it no date of its own: it lies within the ministerial's week.
    expect(closed!.time!.start >= '2025-03-31' && closed!.time!.end <= '2025-04-06').toBe(true);
  });

  // Wrong today: a session takes every actor named in its sentence, so Sybiha, who joins the
  // NATO-Ukraine Council, is also listed in the closed session only Kallas attends.
  it.fails('lists in a closed session only those said to take part in it', () => {
    const x = run(text, '2025-04-02');
    const closed = x.events.find((e) => e.type === 'session' && e.label.startsWith('closed session'));
    expect(names(x, closed!)).not.toContain('Andrii Sybiha');
  });

  it('links a working lunch to the ministerial it was part of, after the fact', () => {
    const x = run('EU foreign ministers gathered for a ministerial in Luxembourg on Monday. They held a working lunch with Moldovan President Maia Sandu.', '2025-03-20');
    const lunch = only(x, 'session');
    const ministerial = x.events.find((e) => e.type === 'meeting' && e.label.includes('ministerial'));
    expect(lunch.parentKey).toBe(ministerial?.key);
  });
});

describe('visits', () => {
  it('makes one visit per destination ("visited Sarajevo and Kosovo in March"), held, month-precise', () => {
    const x = run('NATO Secretary-General Mark Rutte visited Sarajevo and Kosovo in March.', '2025-04-02');
    const visits = x.events.filter((e) => e.type === 'visit');
    expect(visits).toHaveLength(2);
    expect(visits.map((v) => names(x, v, 'place'))).toEqual([['Sarajevo'], ['Kosovo']]);
    for (const v of visits) {
      expect(v.evidence.rule).toBe('events.visit.verb');
      expect(names(x, v, 'visitor')).toEqual(['Mark Rutte']);
      expect(v).toMatchObject({ status: 'held', time: { iso: '2025-03' }, cameo: '042', plover: 'CONSULT' });
    }
  });

  it('schedules a visit announced for next week', () => {
    const x = run('Ukrainian Foreign Minister Andrii Sybiha will visit Warsaw next week.', '2025-04-02');
    const v = only(x, 'visit');
    expect(v).toMatchObject({ status: 'scheduled', time: { iso: '2025-W15' } });
    expect(names(x, v, 'visitor')).toEqual(['Andrii Sybiha']);
  });

  it('puts an arrival that names no destination at the dateline place ("KYIV (Reuters) - ... arrived on Tuesday")', () => {
    const x = run('KYIV (Reuters) - NATO Secretary-General Mark Rutte arrived on Tuesday for a two-day visit, officials said.', '2025-04-02');
    const v = only(x, 'visit');
    expect(v.evidence.rule).toBe('events.visit.dateline');
    expect(names(x, v, 'visitor')).toEqual(['Mark Rutte']);
    expect(names(x, v, 'place')).toEqual(['Kyiv']);
    expect(v).toMatchObject({ status: 'held', time: { iso: '2025-04-01' } });
  });

  it('reads "visits by X to A and B" as two visits', () => {
    const x = run('He pointed to recent visits by NATO Secretary-General Mark Rutte to Sarajevo and Kosovo in March.', '2025-04-02');
    const visits = x.events.filter((e) => e.type === 'visit');
    expect(visits.map((v) => v.evidence.rule)).toEqual(['events.visit.noun-by', 'events.visit.noun-by']);
    expect(visits.map((v) => names(x, v, 'place')[0])).toEqual(['Sarajevo', 'Kosovo']);
    for (const v of visits) expect(v).toMatchObject({ status: 'held', time: { iso: '2025-03' } });
  });

  it('makes the titled person, not the organisation in the title, the visitor of "visits by NATO Secretary-General Mark Rutte"', () => {
    const x = run('He pointed to recent visits by NATO Secretary-General Mark Rutte to Sarajevo and Kosovo in March.', '2025-04-02');
    for (const v of x.events.filter((e) => e.type === 'visit')) expect(names(x, v, 'visitor')).toEqual(['Mark Rutte']);
  });
});

describe('requests', () => {
  it('reads "following a request from Baghdad" as Iraq asking, addressed to the body named', () => {
    const x = run('NATO ministers are expected to approve a larger training mission in Iraq, following a request from Baghdad.', '2025-04-02');
    const r = only(x, 'request');
    expect(r.evidence.rule).toBe('events.request.noun');
    expect(names(x, r, 'requester')).toEqual(expect.arrayContaining(['Iraq', 'Baghdad']));
    expect(names(x, r, 'addressee')).toEqual(['NATO']);
    expect(r).toMatchObject({ cameo: '020', plover: 'REQUEST' });
  });

  it('reads "X asked Y to" with the requester\'s country from the title', () => {
    const x = run('Somali President Hassan Sheikh Mohamud asked the African Union to extend its mission in Somalia.', '2025-04-02');
    const r = only(x, 'request');
    expect(r.evidence.rule).toBe('events.request.verb');
    expect(names(x, r, 'requester')).toEqual(expect.arrayContaining(['Hassan Sheikh Mohamud', 'Somalia']));
    expect(names(x, r, 'addressee')).toEqual(['African Union']);
  });

  it('reads a resolution\'s "demanded that" as the body\'s request, its subject only a pronoun', () => {
    const x = run('The Security Council extended the mandate of UNMISS on Thursday. It demanded that all parties stop fighting at once.', '2025-05-08');
    const r = only(x, 'request');
    expect(r.evidence.rule).toBe('events.request.that');
    expect(names(x, r, 'requester')).toEqual(['UN Security Council']);
  });

  it('reads "called upon all parties concerned to" and "requested the Secretary-General to" told by "We" or "It" as the body\'s requests', () => {
    const x = run('The ASEAN ministers met in Vientiane. We strongly condemned the violence and called upon all parties concerned to halt it at once.', '2024-07-25');
    expect(names(x, only(x, 'request'), 'requester')).toEqual(['ASEAN']);
    const y = run('The Security Council renewed UNMISS for a year. It requested the Secretary-General to report every 90 days on the Mission.', '2025-05-08');
    const r = only(y, 'request');
    expect(names(y, r, 'requester')).toEqual(['UN Security Council']);
    expect(names(y, r, 'subject')).toContain('UNMISS');
  });

  it('reads "called on the transitional Government to" as a request to an addressee only described', () => {
    const x = run('The Security Council met on South Sudan. The Council also called on the transitional Government to stop obstructing UNMISS.', '2025-05-08');
    const r = only(x, 'request');
    expect(names(x, r, 'requester')).toEqual(['UN Security Council']);
    expect(names(x, r, 'subject')).toContain('UNMISS');
  });

  it('keeps a body\'s asks of two described addressees apart, and reads "The request asks for" as no new request', () => {
    const x = run('The Security Council renewed UNMISS. The Council also called on the transitional Government to stop obstructing UNMISS. It requested the Secretary-General to report on the Mission every 90 days.', '2025-05-08');
    expect(x.events.filter((e) => e.type === 'request')).toHaveLength(2);
    const y = run('Bosnia and Herzegovina asked NATO for flood assistance on Saturday. The request asks for helicopters and shelters.', '2024-10-07');
    expect(y.events.filter((e) => e.type === 'request')).toHaveLength(1);
  });

  it('reads "X asked for this" as X\'s request with no addressee named', () => {
    const x = run('The Netherlands asked for a review of the association agreement with Israel earlier this month.', '2025-05-20');
    const r = only(x, 'request');
    expect(names(x, r, 'requester')).toEqual(['Netherlands']);
    expect(r.time).toMatchObject({ precision: 'month', start: '2025-05-01' });
  });

  it('does not read a question ("when asked about") as a request', () => {
    const x = run('When asked about NATO plans for Iraq, the EU spokesperson declined to comment.', '2025-04-02');
    expect(x.events.filter((e) => e.type === 'request')).toEqual([]);
  });
});

describe('proposals and decisions', () => {
  it('reads an agreement named before its verb ("a letter of intent signed by X and Y") as an approved decision', () => {
    const x = run('PARIS (AFP) - A letter of intent signed by France and Indonesia on Sunday covers submarines and munitions.', '2025-07-14');
    const d = only(x, 'decision');
    expect(d).toMatchObject({ status: 'approved', evidence: { rule: 'events.plan.agreement-reached' } });
    expect(names(x, d)).toEqual(expect.arrayContaining(['France', 'Indonesia']));
  });

  const cases: { wording: string; text: string; type: 'proposal' | 'decision'; status: string; rule: string }[] = [
    { wording: 'will review plans to open', text: 'EU ministers will review plans to open a liaison office in Amman.', type: 'proposal', status: 'under_review', rule: 'events.plan.review-plans' },
    { wording: 'under review is the establishment of', text: 'Among the options under review is the establishment of an EU liaison office in Amman.', type: 'proposal', status: 'under_review', rule: 'events.plan.under-review' },
    { wording: 'are considering opening', text: 'ASEAN ministers are considering opening a liaison office in Yangon.', type: 'proposal', status: 'under_review', rule: 'events.plan.considering' },
    { wording: 'agreed to consider sending', text: 'The UN Security Council agreed to consider sending observers to Haiti.', type: 'proposal', status: 'under_review', rule: 'events.plan.consider' },
    { wording: 'are expected to approve', text: 'NATO ministers are expected to approve the expansion of NATO Mission Iraq.', type: 'proposal', status: 'expected', rule: 'events.plan.expected-to' },
    { wording: 'proposed a centre', text: 'Japan proposed a maritime coordination centre in Manila.', type: 'proposal', status: 'proposed', rule: 'events.plan.propose' },
    { wording: 'tabled the legal proposal for', text: 'The European Commission tabled the legal proposal for NATO Mission Iraq on Wednesday.', type: 'proposal', status: 'proposed', rule: 'events.plan.propose' },
    { wording: 'plans to open', text: 'The AU plans to open a liaison office in Khartoum.', type: 'proposal', status: 'proposed', rule: 'events.plan.plans-to' },
    { wording: 'agreed to launch', text: 'EU ministers agreed to launch a naval mission in the Red Sea.', type: 'decision', status: 'approved', rule: 'events.plan.approved' },
    { wording: 'agreed to set up', text: 'G7 ministers agreed to set up a maritime working group in Ottawa.', type: 'decision', status: 'approved', rule: 'events.plan.approved' },
    { wording: 'endorsed a proposal to set up', text: 'ASEAN ministers endorsed a proposal to set up a cyber centre in Singapore.', type: 'decision', status: 'approved', rule: 'events.plan.approved' },
    { wording: 'launched', text: 'The African Union launched a monitoring mission in Sudan on Monday.', type: 'decision', status: 'implemented', rule: 'events.plan.implemented' },
    { wording: 'blocked', text: "Hungary blocked the EU's training mission in Niger.", type: 'decision', status: 'rejected', rule: 'events.plan.rejected' },
  ];
  for (const c of cases) {
    it(`"${c.wording}" gives a ${c.type} with status ${c.status}`, () => {
      const x = run(c.text, '2025-04-02');
      const plans = x.events.filter((e) => e.type === 'proposal' || e.type === 'decision');
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatchObject({ type: c.type, status: c.status, evidence: { rule: c.rule } });
      expect(plans[0].participants.length).toBeGreaterThan(0);
    });
  }

  it('names the instrument as subject and its host as place ("will review plans to open a liaison office in Amman")', () => {
    const x = run('EU ministers will review plans to open a liaison office in Amman.', '2025-04-02');
    const p = only(x, 'proposal');
    expect(names(x, p, 'subject')).toEqual(['liaison office in Amman']);
    expect(names(x, p, 'place')).toEqual(['Amman']);
    expect(names(x, p, 'participant')).toEqual(['European Union']);
  });

  it('dates a launch reported for Monday and codes decisions as agreements, rejections as rejections', () => {
    const launched = only(run('The African Union launched a monitoring mission in Sudan on Monday.', '2025-04-02'), 'decision');
    expect(launched).toMatchObject({ time: { iso: '2025-03-31' }, cameo: '057', plover: 'AGREE' });
    const blocked = only(run("Hungary blocked the EU's training mission in Niger.", '2025-04-02'), 'decision');
    expect(blocked).toMatchObject({ cameo: '120', plover: 'REJECT' });
  });

  it('reads "ministers are considering a monitoring mission in Myanmar" as a proposal under review', () => {
    const x = run('ASEAN ministers are considering a monitoring mission in Myanmar.', '2025-04-02');
    expect(only(x, 'proposal').status).toBe('under_review');
  });

  it('reads "rejected a plan to deploy a force" as a rejected decision', () => {
    const x = run('The AU Peace and Security Council rejected a plan to deploy a stabilisation force in Sudan.', '2025-04-02');
    expect(only(x, 'decision').status).toBe('rejected');
  });

  it('reads a passive with adverbs ("were once more adopted by 26 members") as a step taken', () => {
    const x = run('The conclusions on Ukraine were once more adopted by 26 members only.', '2025-03-21');
    expect(only(x, 'decision')).toMatchObject({ status: 'approved', evidence: { rule: 'events.plan.approved' } });
  });

  it('reads a participle set off by commas ("NMI, authorized by NATO in 2018, has") as that step, on the noun before it', () => {
    const x = run('NATO Mission Iraq, authorized by NATO in 2018, has fewer than 500 staff.', '2025-04-02');
    const d = only(x, 'decision');
    expect(d).toMatchObject({ status: 'approved', time: { iso: '2018' } });
    expect(names(x, d, 'subject')).toEqual(['NATO Mission Iraq']);
    expect(names(x, d, 'participant')).toContain('NATO');
  });

  it('still reads a participle without commas ("the mission authorized by NATO") as a description', () => {
    const x = run('Staff of the mission authorized by NATO arrived in Baghdad.', '2025-04-02');
    expect(x.events.filter((e) => e.type === 'decision')).toEqual([]);
  });

  it('gives "the two leaders" the parties of the meeting just told, and leaves a later verb\'s year ("ordered in 2022") to that verb', () => {
    const x = run('PARIS, July 14 (AFP) - Indonesian President Prabowo Subianto held talks with French President Emmanuel Macron in Paris on Sunday. The two leaders signed a letter of intent covering submarines and the jets Jakarta ordered in 2022.', '2025-07-14');
    const d = only(x, 'decision');
    expect(names(x, d)).toEqual(expect.arrayContaining(['Prabowo Subianto', 'Emmanuel Macron']));
    expect(d.time?.iso).toBe('2025-07-13');
  });

  it('merges restatements in two sentences into one event, keeping the more precise date', () => {
    const x = run(
      'NATO ministers are expected to approve the expansion of NATO Mission Iraq. Allies are expected to approve the expansion of the mission in Iraq on Thursday.',
      '2025-04-02',
    );
    const p = only(x, 'proposal');
    expect(p.status).toBe('expected');
    expect(names(x, p, 'subject')).toEqual(['NATO Mission Iraq']);
    expect(p.time?.iso).toBe('2025-04-03');
  });

  it('lets a later restatement without a cue add who the plan serves ("we are broadening the scope of NMI to support ...")', () => {
    const x = run(
      'NATO ministers are expected to approve an enlarged scope for NATO Mission Iraq (NMI). "We are broadening the scope of NMI to support the Iraqi Ministry of Interior," the official said.',
      '2025-04-02',
    );
    const p = only(x, 'proposal');
    expect(names(x, p, 'subject')).toEqual(['NATO Mission Iraq']);
    expect(names(x, p, 'participant')).toContain('Iraqi Ministry of Interior');
  });

  it('drops a restatement that restates nothing (no plan of that kind earlier)', () => {
    const x = run('"We are broadening the scope of NATO Mission Iraq," the official said.', '2025-04-02');
    expect(x.events.filter((e) => e.type === 'proposal' || e.type === 'decision')).toEqual([]);
  });

  it('reads a communiqué\'s tasking ("We tasked the ASEAN Secretariat to ...") as a decision of the body', () => {
    const x = run('The ASEAN foreign ministers met in Vientiane on 25 July 2024. We tasked the ASEAN Secretariat to continue assisting Timor-Leste with its membership roadmap.', '2024-07-25');
    const d = only(x, 'decision');
    expect(d.status).toBe('approved');
    expect(names(x, d)).toContain('ASEAN Secretariat');
    expect(d.time).toMatchObject({ start: '2024-07-25' });
    const y = run('We noted the work of the ASEAN task force and tasked it to finalise the ASEAN Community Vision 2045 in time for their adoption by our Leaders next year.', '2024-07-25');
    expect(only(y, 'decision').label).toMatch(/^tasked it to finalise/);
  });

  it('does not take the actor of an earlier clause for a step told by "I" or "we"', () => {
    const x = run('The Netherlands asked for this earlier this month, and we have now agreed with the European Commission to launch the review.', '2025-05-20');
    expect(names(x, only(x, 'decision'))).not.toContain('Netherlands');
    // A communiqué's "we" is its body.
    const y = run('G7 foreign ministers met in Charlevoix. We welcome the efforts of Kenya and take note of the proposal for a support office, which we will examine with other Security Council members.', '2025-03-14');
    expect(names(y, only(y, 'proposal'))).toContain('G7');
  });

  it('reads a letter proposing a step as a proposal, and "turned the plan down" next as its rejection', () => {
    const x = run('In July 2023 Secretary-General Antonio Guterres sent Vladimir Putin a letter proposing that a subsidiary of Rosselkhozbank be connected to SWIFT. Moscow turned the plan down.', '2025-04-08');
    const plans = x.events.filter((e) => e.type === 'proposal' || e.type === 'decision');
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ status: 'rejected', time: { iso: '2023-07' } });
    expect(names(x, plans[0])).toContain('Antonio Guterres');
  });

  it('raises a plan\'s status when a later sentence reports it approved', () => {
    const x = run('EU ministers will review plans to open a liaison office in Amman. On Friday, the EU agreed to open the liaison office in Amman.', '2025-04-02');
    const plans = x.events.filter((e) => e.type === 'proposal' || e.type === 'decision');
    expect(plans).toHaveLength(1);
    // One event, raised to a decision by the second statement, which becomes its evidence.
    expect(plans[0]).toMatchObject({ type: 'decision', status: 'approved', evidence: { rule: 'events.plan.approved' } });
  });
});

describe('dates taken from the story', () => {
  it('dates a follow-up sentence by the lead\'s day, not by the dateline\'s filing date', () => {
    const x = run(
      'KUWAIT CITY, Dec 31 (Meridian) - Kuwait\'s foreign minister travelled to Damascus on Monday.\n\n' +
        'Secretary-General Jasem Albudaiwi held talks with Ahmed al-Sharaa, the leader of Syria\'s new administration.',
      '2024-12-31',
    );
    const m = x.events.find((e) => e.type === 'meeting');
    expect(m).toMatchObject({ status: 'held', time: { iso: '2024-12-30' } });
  });

  it('does not take a web page\'s "Updated" stamp for the story\'s day', () => {
    const x = run(
      'Zelensky signs tribunal deal\nBy Clara Weisz\nUpdated 26 June 2025, 08:40 CET | 4 min read\n\n' +
        'STRASBOURG – Ukraine and the Council of Europe signed an agreement on Wednesday to create a special tribunal.\n\n' +
        'President Volodymyr Zelensky travelled to Strasbourg for the ceremony.',
      '2025-06-26',
    );
    expect(only(x, 'visit')).toMatchObject({ time: { iso: '2025-06-25' } });
  });

  it('takes the newest day of the lead, not a background date in it', () => {
    const x = run(
      'CHISINAU, 21 January 2025 – Elina Valtonen, who took over the OSCE chairmanship on 1 January, visited Moldova on Monday.\n\n' +
        'In Chisinau she held talks with President Maia Sandu.',
      '2025-01-21',
    );
    expect(x.events.find((e) => e.type === 'meeting')).toMatchObject({ time: { iso: '2025-01-20' } });
  });

  it('dates an announcement by the day after its own verb ("announced on Sunday")', () => {
    const x = run('BRUSSELS, 7 October 2024 – Austria offered helicopters, while the European Union announced on Sunday an initial €500,000 in humanitarian aid.', '2024-10-07');
    expect(only(x, 'decision')).toMatchObject({ status: 'approved', time: { iso: '2024-10-06' } });
  });

  it('dates a decision by the day it was taken, not the later day it reaches ("agreed to prolong ... until May 2027")', () => {
    const x = run(
      'LUXEMBOURG, 14 April 2025 – EU foreign ministers met today in Luxembourg.\n\n' +
        'Ministers also agreed to prolong the mandate of the EU Partnership Mission in the Republic of Moldova until May 2027.',
      '2025-04-14',
    );
    expect(only(x, 'decision')).toMatchObject({ status: 'approved', time: { iso: '2025-04-14' } });
  });

  it('keeps the coming date of a step a modal puts ahead ("should be approved next week")', () => {
    const x = run('Kaja Kallas said the EU sanctions package against Russia should be approved by EU ministers next week.', '2025-05-15');
    const d = x.events.find((e) => e.type === 'decision' || e.type === 'proposal');
    expect(d?.time?.iso).toBe('2025-W21');
  });

  it('does not let section headings or quoted speech push a release\'s findings out of the story', () => {
    const headings = ['Ukraine', 'Moldova', 'Middle East', 'Horn of Africa'];
    const filler = headings.map((h) => `${h}\n\n"We spoke about ${h}." "It matters." "We will act," the High Representative said.\n\n`).join('');
    const x = run(
      `LUXEMBOURG, 14 April 2025 – EU foreign ministers met today in Luxembourg.\n\n${filler}The Council appointed Annika Lindqvist as EU Special Representative for the Horn of Africa.`,
      '2025-04-14',
    );
    const d = x.events.find((e) => e.type === 'decision' && e.label.includes('Lindqvist'));
    expect(d).toMatchObject({ status: 'approved', time: { iso: '2025-04-14' } });
  });

  it('dates a step by the day an earlier sentence of its paragraph gave, before the story\'s day', () => {
    const x = run(
      'KUWAIT CITY, Dec 31 (Meridian) - Kuwait\'s foreign minister travelled to Damascus on Monday.\n\n' +
        'The visit followed an extraordinary session of the GCC Ministerial Council in Kuwait last Thursday. ' +
        'In a closing statement, ministers decided to form a ministerial liaison group to coordinate Gulf aid to Syria.',
      '2024-12-31',
    );
    expect(only(x, 'decision')).toMatchObject({ status: 'approved', time: { iso: '2024-12-26' } });
  });

  it('dates a meeting planned for the margins of a summit by that summit', () => {
    const x = run(
      'Rutte invited Ishiba to attend the NATO summit in The Hague in June. ' +
        'Officials say a follow-up meeting of the so-called IP4 partners, Japan, Australia, New Zealand and South Korea, with allied foreign ministers is planned for the margins of the summit.',
      '2025-04-10',
    );
    const side = x.events.find((e) => e.type === 'meeting' && names(x, e).includes('Australia'));
    expect(side?.time?.iso).toBe('2025-06');
  });

  it('does not date a request by the response told before it, but by the next sentence that restates it', () => {
    const text =
      'The Council established EUMA on 23 January, responding to a request from the Government of Armenia. ' +
      'The request was first raised by Prime Minister Nikol Pashinyan at a meeting in Prague on 6 October 2022.';
    const x = run(text, '2023-02-20');
    expect(only(x, 'request').time?.iso).toBe('2022-10-06');
    const alone = run(text.slice(0, text.indexOf(' The request')), '2023-02-20');
    expect(only(alone, 'request').time).toBeUndefined();
  });

  it('keeps two steps on one mission told on different days apart, each with its day', () => {
    const x = run(
      'RAFAH / BRUSSELS, 3 February 2025 – The monitors of the European Union Border Assistance Mission Rafah (EUBAM Rafah) took up their posts on Saturday, a day after the first wounded Palestinians were cleared to leave Gaza for treatment in Egypt. ' +
        'The redeployment followed a political agreement reached by EU foreign ministers in Brussels last Monday, at the request of Israel, Egypt and the Palestinian Authority.',
      '2025-02-03',
    );
    const days = x.events.filter((e) => e.type === 'decision').map((e) => e.time?.iso).sort();
    expect(days).toEqual(['2025-01-27', '2025-02-01']);
  });

  it('dates a headline\'s news and a proposal put forward by the story\'s day', () => {
    const x = run(
      'Secretary-General proposes UN support office for multinational force in Haiti\n\n' +
        'UNITED NATIONS, 26 February 2025 – António Guterres wrote to the Security Council in a letter circulated on Monday.\n\n' +
        'Japanese Foreign Minister Takeshi Iwaya proposed turning the ASEAN-Japan Cybersecurity Capacity Building Centre in Bangkok into a hub.',
      '2025-02-26',
    );
    const proposals = x.events.filter((e) => e.type === 'proposal');
    expect(proposals.length).toBe(2);
    for (const p of proposals) expect(p.time?.iso).toBe('2025-02-24');
  });
});

describe('codes and evidence', () => {
  it('carries the CAMEO and PLOVER codes of its type and status on every event', () => {
    const x = run(
      'NATO foreign ministers meeting in Brussels this week will review plans to open a liaison office in Amman, following a request from Jordan. ' +
      'NATO Secretary-General Mark Rutte visited Sarajevo in March. The EU launched a naval mission in the Red Sea.',
      '2025-04-02',
    );
    expect(new Set(x.events.map((e) => e.type))).toEqual(new Set(['meeting', 'proposal', 'request', 'visit', 'decision']));
    for (const e of x.events) {
      expect(e.cameo).toMatch(/^\d{3}$/);
      expect(e.plover).toMatch(/^[A-Z]+$/);
      expect({ cameo: e.cameo, plover: e.plover }).toEqual(eventCodes(e.type, e.status));
    }
  });

  it('points every event, participant and time at characters of the text', () => {
    const x = run(
      'NATO Secretary-General Mark Rutte met Ukrainian Foreign Minister Andrii Sybiha in Kyiv on Tuesday. Rutte will visit Warsaw next week, and allies agreed to launch a training mission in Moldova.',
      '2025-04-02',
    );
    expect(x.events.length).toBeGreaterThan(2);
    for (const e of x.events) {
      expect(e.evidence.rule).toMatch(/^events\./);
      expect(e.evidence.start).toBeLessThan(e.evidence.end);
      expect(e.evidence.end).toBeLessThanOrEqual(x.text.length);
      for (const p of e.participants) {
        expect(x.entities.some((en) => en.key === p.entityKey)).toBe(true);
        expect(p.evidence.end).toBeLessThanOrEqual(x.text.length);
      }
      if (e.time) expect(x.text.slice(e.time.evidence.start, e.time.evidence.end)).toMatch(/Tuesday|week|\d/i);
    }
  });
});
