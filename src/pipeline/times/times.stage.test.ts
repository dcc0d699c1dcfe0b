import { describe, expect, it } from 'vitest';
import type { Segmented } from '../types.js';
import { findTimes, resolveTime } from './index.js';
import { readSeedArticle, runsWithShared } from '../../../test/shared-files.js';

/** Test-only segmentation: one paragraph per line, sentences at . ! ? before a capital. */
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
    for (const b of line[0].matchAll(/[.!?][”"’)]?\s+(?=[A-Z“"‘(])/g)) {
      push(from, b.index + b[0].trimEnd().length);
      from = b.index + b[0].length;
    }
    if (from < line[0].length) push(from, line[0].length);
  }
  return seg;
}

/** The single time expression found in `sentence`, as `text → iso (tense)`. */
function only(sentence: string, published?: string): string {
  const found = findTimes(segment(sentence), { published });
  return found.map((t) => `${t.text} → ${t.interval.iso} (${t.interval.tense})`).join(' | ');
}

describe.runIf(runsWithShared)('findTimes on the reference text', () => {
  const text = readSeedArticle();
  const times = findTimes(segment(text), { published: '2025-04-02' });
  const byText = new Map(times.map((t) => [t.text, t]));

  it('resolves every expression of the seed against 2025-04-02', () => {
    expect(byText.get('this week')?.interval.iso).toBe('2025-W14');
    expect(byText.get('on Wednesday')?.interval.iso).toBe('2025-04-02');
    expect(byText.get('Thursday')?.interval.iso).toBe('2025-04-03');
    expect(byText.get('in June')?.interval).toMatchObject({ iso: '2025-06', tense: 'future', precision: 'month' });
    expect(byText.get('in March')?.interval).toMatchObject({ iso: '2025-03', tense: 'past' });
    expect(times).toHaveLength(5);
  });

  it('gives evidence that points at the expression in the full text', () => {
    for (const t of times) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.rule).toMatch(/^times\./);
    }
    expect(byText.get('this week')?.rule).toBe('times.relative-period');
    expect(byText.get('on Wednesday')?.rule).toBe('times.weekday');
  });
});

describe('findTimes: weekdays follow the sentence tense', () => {
  // 2025-04-02 is a Wednesday.
  it('reads a reporting verb as past and the same day as today', () => {
    expect(only('The minister told reporters on Wednesday that talks would resume.', '2025-04-02')).toBe('on Wednesday → 2025-04-02 (past)');
    expect(only('EU envoys met on Monday to prepare the summit.', '2025-04-02')).toBe('on Monday → 2025-03-31 (past)');
  });
  it('reads future verbs as the coming day, even early in the week', () => {
    expect(only('The council will meet on Monday to adopt the package.', '2025-04-02')).toBe('on Monday → 2025-04-07 (future)');
    expect(only('Leaders are scheduled to sign the accord on Friday.', '2025-04-02')).toBe('on Friday → 2025-04-04 (future)');
  });
  it('places an unmarked weekday in the same week', () => {
    expect(only('A ceremony in Addis Ababa on Saturday marks the anniversary.', '2025-04-02')).toBe('on Saturday → 2025-04-05 (future)');
  });
  it('honours last/next', () => {
    expect(only('The envoy arrived in Jakarta last Thursday.', '2025-04-02')).toBe('last Thursday → 2025-03-27 (past)');
    expect(only('Ministers meet again next Tuesday.', '2025-04-02')).toBe('next Tuesday → 2025-04-08 (future)');
  });
  it('reads wire style without "on"', () => {
    expect(only('The Kremlin said Tuesday it had received the proposal.', '2025-04-02')).toBe('Tuesday → 2025-04-01 (past)');
  });
});

describe('findTimes: months and days without a year', () => {
  it('puts a month named in a past sentence in the past', () => {
    expect(only('The secretary-general visited Kyiv in February.', '2025-04-02')).toBe('in February → 2025-02 (past)');
    expect(only('The mission was launched in December.', '2025-04-02')).toBe('in December → 2024-12 (past)');
  });
  it('puts a month in a future sentence in the coming year when needed', () => {
    expect(only('The foreign ministers will meet in January in Kuala Lumpur.', '2025-04-02')).toBe('in January → 2026-01 (future)');
    expect(only('The summit is due to take place in October.', '2025-04-02')).toBe('in October → 2025-10 (future)');
  });
  it('takes the nearest month when the sentence is unmarked', () => {
    expect(only('The AU summit in February focuses on financing.', '2025-04-02')).toBe('in February → 2025-02 (past)');
  });
  it('keeps month precision for mid/early/late and the end of a month', () => {
    expect(only('A decision is expected by mid-June.', '2025-04-02')).toBe('mid-June → 2025-06 (future)');
    expect(only('Talks will resume in late September.', '2025-04-02')).toBe('late September → 2025-09 (future)');
  });
  it('resolves day-month dates in both orders', () => {
    expect(only('The ceasefire took effect on 19 January.', '2025-04-02')).toBe('on 19 January → 2025-01-19 (past)');
    expect(only('The mandate expires on April 30.', '2025-04-02')).toBe('on April 30 → 2025-04-30 (future)');
  });
  it('reads the dateline style of the wires', () => {
    expect(findTimes(segment('BEIRUT, Jan. 17 (Reuters) - The envoy arrived.'), { published: '2025-01-17' })[0]).toMatchObject({ text: 'Jan. 17', start: 8, end: 15, interval: { iso: '2025-01-17' } });
  });
  it('does not take "May" the modal verb or "march" the noun for dates', () => {
    expect(only('May the talks succeed, the envoy said.', '2025-04-02')).toBe('');
    expect(only('Ministers may decide later whether to extend it.', '2025-04-02')).toBe('');
    expect(only('Thousands joined a protest march in the capital.', '2025-04-02')).toBe('');
    expect(only('March organisers said the route was approved.', '2025-04-02')).toBe('');
    expect(only('The report is due in May.', '2025-04-02')).toBe('in May → 2025-05 (future)');
  });
});

describe('findTimes: absolute dates and ranges', () => {
  it('reads full dates in European and US order', () => {
    expect(only('The Council met in Luxembourg on 14 April 2025.')).toBe('on 14 April 2025 → 2025-04-14 (past)');
    expect(only('The accord was signed on March 3, 2024, in Doha.', '2025-04-02')).toBe('on March 3, 2024 → 2024-03-03 (past)');
    expect(only('Elections are planned for Sunday, 12 October 2025.', '2025-04-02')).toBe('Sunday, 12 October 2025 → 2025-10-12 (future)');
  });
  it('reads month-year and year expressions', () => {
    expect(only('The office opened in March 2024.', '2025-04-02')).toBe('in March 2024 → 2024-03 (past)');
    expect(only('The Philippines will chair ASEAN in 2026.', '2025-04-02')).toBe('in 2026 → 2026 (future)');
    expect(only('Allies aim to reach the target by 2035.', '2025-04-02')).toBe('2035 → 2035 (future)');
    expect(only('The mandate runs until May 2027.', '2025-04-02')).toBe('May 2027 → 2027-05 (future)');
  });
  it('keeps a bare count from becoming a year', () => {
    expect(only('Some 2000 troops are deployed.', '2025-04-02')).toBe('');
    expect(only('The resolution 2719 was cited.', '2025-04-02')).toBe('');
  });
  it('reads day ranges in every common wording', () => {
    expect(only('The summit takes place on 3-4 April in Brussels.', '2025-04-02')).toBe('on 3-4 April → 2025-04-03/2025-04-04 (future)');
    expect(only('Leaders gather in Vientiane on October 8–10, 2025.', '2025-04-02')).toBe('on October 8–10, 2025 → 2025-10-08/2025-10-10 (future)');
    expect(only('The forum runs from 3 to 5 May.', '2025-04-02')).toBe('from 3 to 5 May → 2025-05-03/2025-05-05 (future)');
    expect(only('Talks were held between 28 March and 1 April.', '2025-04-02')).toBe('between 28 March and 1 April → 2025-03-28/2025-04-01 (past)');
    expect(only('The strategy covers the period from 2025 to 2030.', '2025-04-02')).toBe('from 2025 to 2030 → 2025/2030 (present)');
  });
  it('reads month ranges but keeps "in March and June" as two months', () => {
    expect(only('Inspections ran from January to March.', '2025-04-02')).toBe('from January to March → 2025-01/2025-03 (past)');
    expect(only('Rounds of talks took place in March and June.', '2025-08-01')).toBe('in March → 2025-03 (past) | June → 2025-06 (past)');
  });
});

describe('findTimes: periods relative to publication', () => {
  it('reads this/next/last week, month and year', () => {
    expect(only('Ministers meet in Brussels this week.', '2025-04-02')).toBe('this week → 2025-W14 (present)');
    expect(only('The Finnish minister is due to travel to Kyiv next week.', '2025-01-21')).toBe('next week → 2025-W05 (future)');
    expect(only('Rebels seized the town last week.', '2025-04-02')).toBe('last week → 2025-W13 (past)');
    expect(only('The envoy visited Naypyitaw last month.', '2025-05-26')).toBe('last month → 2025-04 (past)');
    expect(only('The council will meet again next month.', '2025-12-10')).toBe('next month → 2026-01 (future)');
    expect(only("Turkey will host next year's summit.", '2025-06-25')).toBe('next year → 2026 (future)');
  });
  it('reads earlier/later this month or year as an interval from or to publication', () => {
    expect(only('The two sides agreed earlier this month to resume talks.', '2025-04-10')).toBe('earlier this month → 2025-04-01/2025-04-10 (past)');
    expect(only('A drawdown is planned for later this year.', '2025-03-05')).toBe('later this year → 2025-03-06/2025-12-31 (future)');
  });
  it('reads the edges of a period at month precision', () => {
    expect(only('A conference is to be convened before the end of this month.', '2025-03-05')).toBe('the end of this month → 2025-03 (future)');
    expect(only('The EU wants a deal by the end of the year.', '2025-04-02')).toBe('the end of the year → 2025-12 (future)');
  });
  it('reads today, yesterday and tomorrow', () => {
    expect(only('We, the Heads of State, met today in Kuala Lumpur.', '2025-05-26')).toBe('today → 2025-05-26 (past)');
    expect(only('The OSCE chair arrived in Chisinau yesterday.', '2025-01-21')).toBe('yesterday → 2025-01-20 (past)');
    expect(only('Two summits are to be held tomorrow.', '2025-05-26')).toBe('tomorrow → 2025-05-27 (future)');
  });
  it('reads counts of time ago and weekends', () => {
    expect(only('The talks collapsed two weeks ago.', '2025-04-02')).toBe('two weeks ago → 2025-W12 (past)');
    expect(only('Talks in Luanda were called off last weekend.', '2024-12-20')).toBe('last weekend → 2024-12-14/2024-12-15 (past)');
  });
  it('reads halves and quarters of a year as month spans', () => {
    expect(only('Talks should conclude in the first half of 2026.', '2025-04-02')).toBe('the first half of 2026 → 2026-01/2026-06 (future)');
    expect(only('The review is due in the third quarter of this year.', '2025-04-02')).toBe('the third quarter of this year → 2025-07/2025-09 (future)');
    expect(only('Deliveries start in Q1 2026.', '2025-04-02')).toBe('Q1 2026 → 2026-01/2026-03 (future)');
  });
  it('reads seasons at month precision', () => {
    expect(only('Ministers are expected to meet again in the autumn.', '2025-03-22')).toBe('in the autumn → 2025-09/2025-11 (future)');
  });
  it('leaves relative expressions unresolved without a publication date', () => {
    expect(only('Ministers meet in Brussels this week.')).toBe('');
    expect(only('The summit opens on 24 June 2025 in The Hague.')).toBe('on 24 June 2025 → 2025-06-24 (present)');
  });
});

describe('findTimes: wording that misleads simple matchers', () => {
  it('reads framing words that open a sentence', () => {
    expect(only('In 2024, the alliance grew to 32 members.', '2025-04-02')).toBe('In 2024 → 2024 (past)');
    expect(only('Last Thursday the council met in Vienna.', '2025-04-02')).toBe('Last Thursday → 2025-03-27 (past)');
  });
  it('does not take a weekday inside a name for a date', () => {
    expect(only('The Good Friday Agreement still shapes the talks.', '2025-04-02')).toBe('');
  });
  it('lets a weekday decide the year of a day without one', () => {
    expect(only('The president will travel to Paris on Friday, 14 March.', '2025-04-02')).toBe('on Friday, 14 March → 2025-03-14 (past)');
  });
  it('reads "over the past week" as the days up to publication', () => {
    expect(only('His team talked to every delegation over the past week.', '2024-12-06')).toBe('the past week → 2024-11-30/2024-12-06 (past)');
  });
  it('does not let a purpose clause after the date turn it into a future one', () => {
    expect(only('Lavrov used his speech on Thursday to accuse Western governments.', '2024-12-06')).toBe('on Thursday → 2024-12-05 (past)');
    expect(only('Rutte invited Ishiba to attend the summit in June.', '2025-04-10')).toBe('in June → 2025-06 (future)');
  });
  it('reads "last night" and the end of a given year', () => {
    expect(only('Rebels shelled the town last night.', '2025-04-02')).toBe('last night → 2025-04-01 (past)');
    expect(only('The council voted to wind down the mission by the end of 2025.', '2025-04-02')).toBe('the end of 2025 → 2025-12 (future)');
  });
});

describe('findTimes: parts of a day already named', () => {
  it('reads "that evening" and "earlier in the day" as the day last named, across sentences', () => {
    expect(only('Prabowo arrived in Paris on Sunday. He held talks with Macron at the Élysée Palace that evening.', '2025-07-14'))
      .toBe('on Sunday → 2025-07-13 (past) | that evening → 2025-07-13 (past)');
    expect(only('The leaders met today in New Delhi. Earlier in the day, the council held its second meeting.', '2025-02-28'))
      .toBe('today → 2025-02-28 (past) | Earlier in the day → 2025-02-28 (past)');
  });
  it('takes the day named before it in the same sentence, not the lead\'s', () => {
    expect(only('Soldiers marched on Monday. The leader arrived on Sunday from Brussels, where earlier in the day he signed a deal.', '2025-07-14'))
      .toBe('on Monday → 2025-07-14 (past) | on Sunday → 2025-07-13 (past) | earlier in the day → 2025-07-13 (past)');
  });
  it('moves a day for "the following morning" and leaves a span alone as an anchor', () => {
    expect(only('Talks ended on 3 March 2025. Ministers flew home the following morning.')).toBe('on 3 March 2025 → 2025-03-03 (past) | the following morning → 2025-03-04 (past)');
    expect(only('Negotiators meet from 10 to 14 March. They will report that day.', '2025-02-28')).toBe('from 10 to 14 March → 2025-03-10/2025-03-14 (future)');
  });
  it('leaves "in the afternoon" unresolved when no day was named', () => {
    expect(only('Wang joined an economic dialogue in the afternoon.', '2025-03-22')).toBe('');
  });
});

describe('resolveTime', () => {
  it('resolves a bare expression with the tense the caller gives', () => {
    expect(resolveTime('in March', '2025-04-02', 'past')?.iso).toBe('2025-03');
    expect(resolveTime('in January', '2025-04-02', 'future')?.iso).toBe('2026-01');
    expect(resolveTime('in June', '2025-04-02')?.iso).toBe('2025-06');
    expect(resolveTime('on Thursday', '2025-04-02')).toEqual({ start: '2025-04-03', end: '2025-04-03', precision: 'day', iso: '2025-04-03', tense: 'future' });
    expect(resolveTime('this week', '2025-04-02')).toMatchObject({ start: '2025-03-31', end: '2025-04-06', iso: '2025-W14' });
    expect(resolveTime('April 3-4', '2025-04-02')?.iso).toBe('2025-04-03/2025-04-04');
    expect(resolveTime('no date here', '2025-04-02')).toBeUndefined();
  });
});

describe('findTimes on awkward input', () => {
  it('handles a page-long run-on sentence full of dates', () => {
    const text = 'Talks were held on 3 April 2025 and the council will meet next week, '.repeat(3000);
    const found = findTimes(segment(text), { published: '2025-04-02' });
    expect(found).toHaveLength(6000);
    expect(found[0].interval.iso).toBe('2025-04-03');
    expect(found[1].interval.iso).toBe('2025-W15');
  });
  it('ignores impossible dates and text without any', () => {
    expect(only('The vote was set for 31 February 2025.', '2025-04-02')).toBe('February 2025 → 2025-02 (past)');
    expect(findTimes(segment(''), { published: '2025-04-02' })).toEqual([]);
    expect(findTimes(segment('No dates at all here.'), { published: 'not-a-date' })).toEqual([]);
  });
});
