import type { Precision, Tense } from '../../domain/index.js';
import { civilDate, dayNumber, daysInMonth, formatDay, formatMonth, isoWeekday, isoWeekOfDay, weekStart } from './calendar.js';

/** A resolved span of days before its tense is decided. */
export interface RawInterval {
  start: number;
  end: number;
  precision: Precision;
  iso: string;
}

export interface ResolveEnv {
  /** Publication day number; relative expressions need it. */
  published: number | undefined;
  /** Tense cue of the sentence around the expression (computed on demand). */
  cue: () => Tense | undefined;
  /** The last single day the text named before the expression, for "that evening". */
  anchor?: number;
}

export interface TimeRule {
  id: string;
  /** Cheap test a sentence must pass before `re` runs on it. */
  hint: RegExp;
  re: RegExp;
  /** Span inside the match to report (defaults to the whole match). */
  span?: (m: RegExpExecArray) => [number, number];
  resolve: (m: RegExpExecArray, env: ResolveEnv) => RawInterval | undefined;
  /** Resolved against `env.anchor`, so only after the sentence's other expressions. */
  anaphoric?: boolean;
}

// ---------------------------------------------------------------- vocabulary

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((name, i) => {
  MONTH_INDEX.set(name.toLowerCase(), i + 1);
  MONTH_INDEX.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_INDEX.set('sept', 9);

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12,
};

const MONTH_FULL = MONTHS.join('|');
// Abbreviations only where a day number follows ("Jan. 17"), never alone.
const MONTH_ANY = `${MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;
const WEEKDAY = WEEKDAYS.join('|');
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const RANGE_SEP = '(?:\\s*[-–—]\\s*|\\s+(?:to|until|till|through|and)\\s+)';
const MONTH_EDGE = '(?:early|mid|late|the\\s+end\\s+of|end\\s+of|the\\s+beginning\\s+of|beginning\\s+of|the\\s+start\\s+of|start\\s+of|the\\s+middle\\s+of|the\\s+turn\\s+of)';
const NUMBER = '([Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\\d{1,2})';

/** "in|since" → "[Ii]n|[Ss]ince": framing words may open a sentence ("In 2024, ..."). */
const either = (alternatives: string): string =>
  alternatives.split('|').map((w) => (/^[a-z]/.test(w) ? `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}` : w)).join('|');

const MONTH_HINT = /January|February|March|April|May|June|July|August|September|October|November|December/;
// Every month name and abbreviation starts with one of these: rules that need a month skip
// the many sentences whose only digits are figures ("300 troops", "2 per cent").
const MONTH_ANY_HINT = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const YEAR_HINT = /(?:19|20)\d\d/;

const monthOf = (name: string): number => MONTH_INDEX.get(name.replace('.', '').toLowerCase()) ?? 0;
const weekdayOf = (name: string): number => WEEKDAYS.indexOf(name) + 1;

// ---------------------------------------------------------------- interval builders

export function dayInterval(n: number): RawInterval {
  return { start: n, end: n, precision: 'day', iso: formatDay(n) };
}

export function weekInterval(n: number): RawInterval {
  const start = weekStart(n);
  const { year, week } = isoWeekOfDay(n);
  return { start, end: start + 6, precision: 'week', iso: `${year}-W${String(week).padStart(2, '0')}` };
}

export function monthInterval(year: number, month: number): RawInterval {
  const start = dayNumber(year, month, 1);
  return { start, end: start + daysInMonth(year, month) - 1, precision: 'month', iso: formatMonth(year, month) };
}

export function yearInterval(year: number): RawInterval {
  return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31), precision: 'year', iso: String(year) };
}

function dayRange(a: number, b: number): RawInterval | undefined {
  if (b < a) return undefined;
  if (a === b) return dayInterval(a);
  return { start: a, end: b, precision: 'day', iso: `${formatDay(a)}/${formatDay(b)}` };
}

/** Days between two points but described at a coarser precision ("earlier this month"). */
function vagueRange(a: number, b: number, precision: Precision): RawInterval | undefined {
  if (b < a) return undefined;
  return { start: a, end: b, precision, iso: a === b ? formatDay(a) : `${formatDay(a)}/${formatDay(b)}` };
}

function validDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumber(year, month, day);
}

// ---------------------------------------------------------------- direction choices

type Direction = 'past' | 'future' | 'nearest';

function directionOf(cue: Tense | undefined): Direction {
  return cue === 'past' ? 'past' : cue === 'future' ? 'future' : 'nearest';
}

/**
 * Picks the year for a month (and optional day) the text gave without one. Past: the last
 * one not after publication; future: the first one not before it; unmarked: the nearest.
 * The cue is trusted even when it throws the date most of a year away ("will meet in
 * January" said in April).
 */
function chooseYear(pub: number, month: number, day: number | undefined, direction: Direction, strict = false): number | undefined {
  const pubYear = civilDate(pub).year;
  const pubMonth = civilDate(pub).month;
  const candidates: { year: number; distance: number }[] = [];
  for (const year of [pubYear - 1, pubYear, pubYear + 1]) {
    if (day === undefined) {
      candidates.push({ year, distance: (year * 12 + month) - (pubYear * 12 + pubMonth) });
    } else {
      const n = validDay(year, month, day);
      if (n !== undefined) candidates.push({ year, distance: n - pub });
    }
  }
  if (candidates.length === 0) return undefined;
  const nearest = candidates.reduce((a, b) => (Math.abs(b.distance) < Math.abs(a.distance) || (Math.abs(b.distance) === Math.abs(a.distance) && b.distance > 0) ? b : a));
  if (direction === 'nearest') return nearest.year;
  const fits = candidates.filter((c) => (direction === 'past' ? (strict ? c.distance < 0 : c.distance <= 0) : (strict ? c.distance > 0 : c.distance >= 0)));
  if (fits.length === 0) return nearest.year;
  return (direction === 'past' ? fits[fits.length - 1] : fits[0]).year;
}

function resolveDayMonth(env: ResolveEnv, month: number, day: number, year: string | undefined, weekday?: string): RawInterval | undefined {
  if (year) {
    const n = validDay(Number(year), month, day);
    return n === undefined ? undefined : dayInterval(n);
  }
  if (env.published === undefined) return undefined;
  if (weekday) {
    // "Friday, 14 March": the year in which 14 March falls on a Friday, if only one nearby does.
    const pubYear = civilDate(env.published).year;
    const fits = [pubYear - 1, pubYear, pubYear + 1]
      .map((y) => validDay(y, month, day))
      .filter((n): n is number => n !== undefined && isoWeekday(n) === weekdayOf(weekday));
    if (fits.length === 1) return dayInterval(fits[0]);
  }
  const y = chooseYear(env.published, month, day, directionOf(env.cue()));
  if (y === undefined) return undefined;
  const n = validDay(y, month, day);
  return n === undefined ? undefined : dayInterval(n);
}

function resolveMonth(env: ResolveEnv, month: number, year: number | undefined, modifier?: string): RawInterval | undefined {
  if (year !== undefined) return monthInterval(year, month);
  if (env.published === undefined) return undefined;
  const mod = modifier?.toLowerCase();
  const y =
    mod === 'last' ? chooseYear(env.published, month, undefined, 'past', true)
    : mod === 'next' || mod === 'coming' ? chooseYear(env.published, month, undefined, 'future', true)
    : mod === 'this' ? civilDate(env.published).year
    : chooseYear(env.published, month, undefined, directionOf(env.cue()));
  return y === undefined ? undefined : monthInterval(y, month);
}

/** Which day a weekday name points to, given the modifier or the sentence's tense. */
function resolveWeekday(pub: number, weekday: number, modifier: string | undefined, cue: () => Tense | undefined): number {
  const pw = isoWeekday(pub);
  const back = (pw - weekday + 7) % 7;
  const ahead = (weekday - pw + 7) % 7;
  switch (modifier) {
    case 'last': case 'past': case 'this past': return pub - (back || 7);
    case 'next': return pub + (ahead || 7);
    case 'coming': case 'this coming': return pub + ahead;
    case 'this': return pub + (weekday - pw);
    default: break;
  }
  const tense = cue();
  if (tense === 'past') return pub - back;
  if (tense === 'future') return pub + ahead;
  return pub + (weekday - pw); // unmarked: the day of the same week
}

function yearSpan(a: number, b: number): RawInterval | undefined {
  if (b < a) return undefined;
  return { start: dayNumber(a, 1, 1), end: dayNumber(b, 12, 31), precision: 'year', iso: `${a}/${b}` };
}

function monthSpan(y1: number, m1: number, y2: number, m2: number): RawInterval | undefined {
  const a = monthInterval(y1, m1);
  const b = monthInterval(y2, m2);
  if (b.end < a.start) return undefined;
  return { start: a.start, end: b.end, precision: 'month', iso: `${a.iso}/${b.iso}` };
}

function periodShift(word: string): number {
  const w = word.toLowerCase().replace(/^the\s+/, '');
  if (w === 'next' || w === 'coming' || w === 'following') return 1;
  if (w === 'last' || w === 'past' || w === 'previous') return -1;
  return 0;
}

function periodInterval(pub: number, unit: string, shift: number): RawInterval {
  const { year, month } = civilDate(pub);
  if (unit === 'week') return weekInterval(pub + 7 * shift);
  if (unit === 'month') {
    const total = year * 12 + (month - 1) + shift;
    return monthInterval(Math.floor(total / 12), (total % 12) + 1);
  }
  return yearInterval(year + shift);
}

function weekendOf(pub: number, shift: number): RawInterval | undefined {
  const saturday = weekStart(pub) + 5 + 7 * shift;
  return dayRange(saturday, saturday + 1);
}

/** Span of the match without a leading preposition that only framed it ("since", "by"). */
function spanAfterGroup(m: RegExpExecArray & { indices?: [number, number][] }, group: number, keep: Set<string>): [number, number] {
  const g = m[group];
  const start = g && !keep.has(g.toLowerCase()) && m.indices?.[group] ? m.indices[group][1] : m.index;
  let s = start;
  while (m.input[s] === ' ' || m.input[s] === '-' || m.input[s] === '\u00a0') s += 1;
  return [s, m.index + m[0].length];
}

const KEEP_PREFIX = new Set(['in', 'on', 'early', 'mid', 'late', 'last', 'next', 'this', 'coming', 'the end of', 'end of',
  'the beginning of', 'beginning of', 'the start of', 'start of', 'the middle of', 'the turn of', 'this past', 'this coming', 'past']);


// ---------------------------------------------------------------- the rules

export const TIME_RULES: TimeRule[] = [
  {
    // "2025-04-03" — ISO dates in communiqués and tables.
    id: 'times.iso-date',
    hint: /\d-\d/,
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => {
      const n = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
      return n === undefined ? undefined : dayInterval(n);
    },
  },
  {
    // "3-4 April", "from 3 to 5 May 2025", "between 30 March and 2 April".
    id: 'times.day-range',
    hint: MONTH_ANY_HINT,
    re: new RegExp(`\\b(?:(?:from|between|on)\\s+)?${DAY}(?:\\s+(${MONTH_ANY}))?${RANGE_SEP}${DAY}\\s+(${MONTH_ANY})(?:,?\\s+${YEAR})?\\b`, 'g'),
    resolve: (m, env) => {
      const m2 = monthOf(m[4]);
      const m1 = m[2] ? monthOf(m[2]) : m2;
      const b = resolveDayMonth(env, m2, Number(m[3]), m[5]);
      if (!b) return undefined;
      const endYear = civilDate(b.start).year;
      const a = validDay(m1 > m2 ? endYear - 1 : endYear, m1, Number(m[1]));
      return a === undefined ? undefined : dayRange(a, b.start);
    },
  },
  {
    // "April 3-4", "March 30 to April 2, 2025" — US wire order.
    id: 'times.day-range',
    hint: MONTH_ANY_HINT,
    re: new RegExp(`\\b(?:(?:from|between|on)\\s+)?(${MONTH_ANY})\\s+${DAY}(?:,?\\s+${YEAR})?${RANGE_SEP}(?:(${MONTH_ANY})\\s+)?${DAY}(?:,?\\s+${YEAR})?\\b`, 'g'),
    resolve: (m, env) => {
      const m1 = monthOf(m[1]);
      const m2 = m[4] ? monthOf(m[4]) : m1;
      const b = resolveDayMonth(env, m2, Number(m[5]), m[6] ?? m[3]);
      if (!b) return undefined;
      const endYear = civilDate(b.start).year;
      const a = validDay(m[3] ? Number(m[3]) : m1 > m2 ? endYear - 1 : endYear, m1, Number(m[2]));
      return a === undefined ? undefined : dayRange(a, b.start);
    },
  },
  {
    // "from March to June", "between January and March 2026", "March–May".
    id: 'times.month-range',
    hint: MONTH_HINT,
    re: new RegExp(`(?:\\b(from|between)\\s+)?\\b(${MONTH_FULL})(?:\\s+${YEAR})?(\\s*[-–—]\\s*|\\s+(?:to|until|till|through|and)\\s+)(${MONTH_FULL})(?:\\s+${YEAR})?\\b`, 'g'),
    resolve: (m, env) => {
      const sep = m[4].trim();
      // "in March and June" is two dates; "between March and June" one span.
      if (sep === 'and' && m[1]?.toLowerCase() !== 'between') return undefined;
      const m1 = monthOf(m[2]);
      const m2 = monthOf(m[5]);
      const end = resolveMonth(env, m2, m[6] ? Number(m[6]) : m[3] ? Number(m[3]) + (m2 < m1 ? 1 : 0) : undefined);
      if (!end) return undefined;
      const endYear = civilDate(end.start).year;
      const startYear = m[3] ? Number(m[3]) : m1 > m2 ? endYear - 1 : endYear;
      return monthSpan(startYear, m1, endYear, m2);
    },
  },
  {
    // "from 2025 to 2030", "2024-2026", "between 2027 and 2030".
    id: 'times.year-range',
    hint: YEAR_HINT,
    re: new RegExp(`(?:\\b(from|between)\\s+)?\\b${YEAR}(\\s*[-–—]\\s*|\\s+(?:to|until|till|through|and)\\s+)${YEAR}\\b`, 'g'),
    resolve: (m) => {
      const sep = m[3].trim();
      if (sep === 'and' && m[1]?.toLowerCase() !== 'between') return undefined;
      return yearSpan(Number(m[2]), Number(m[4]));
    },
  },
  {
    // "3 April 2025", "on Thursday, 3 April 2025", "the 3rd of April 2025".
    id: 'times.date',
    hint: MONTH_ANY_HINT,
    re: new RegExp(`\\b(?:on\\s+)?(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?${DAY}(?:\\s+of)?\\s+(${MONTH_ANY}),?\\s+${YEAR}\\b`, 'g'),
    resolve: (m) => {
      const n = validDay(Number(m[4]), monthOf(m[3]), Number(m[2]));
      return n === undefined ? undefined : dayInterval(n);
    },
  },
  {
    // "April 3, 2025", "Thursday, April 3, 2025" — US order.
    id: 'times.date',
    hint: MONTH_ANY_HINT,
    re: new RegExp(`\\b(?:on\\s+)?(?:(${WEEKDAY}),?\\s+)?(${MONTH_ANY})\\s+${DAY}(?:,\\s*|\\s+)${YEAR}\\b`, 'g'),
    resolve: (m) => {
      const n = validDay(Number(m[4]), monthOf(m[2]), Number(m[3]));
      return n === undefined ? undefined : dayInterval(n);
    },
  },
  {
    // "on 3 April", "Thursday 3 April" — year taken from the publication date.
    id: 'times.day-month',
    hint: MONTH_ANY_HINT,
    re: new RegExp(`\\b(?:on\\s+)?(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?${DAY}(?:\\s+of)?\\s+(${MONTH_ANY})(?![\\w-])`, 'g'),
    resolve: (m, env) => resolveDayMonth(env, monthOf(m[3]), Number(m[2]), undefined, m[1]),
  },
  {
    // "on April 3", "Jan. 17" — US order without a year.
    id: 'times.day-month',
    hint: MONTH_ANY_HINT,
    re: new RegExp(`\\b(?:on\\s+)?(?:(${WEEKDAY}),?\\s+)?(${MONTH_ANY})\\s+${DAY}(?![\\d.,]*\\d)(?![\\w-])`, 'g'),
    resolve: (m, env) => resolveDayMonth(env, monthOf(m[2]), Number(m[3]), undefined, m[1]),
  },
  {
    // "March 2024", "in mid-June 2025", "October this year", "May next year".
    id: 'times.month-year',
    hint: MONTH_HINT,
    re: new RegExp(`\\b(?:(${either('in|since|until|till|by|from|during|through|before|after')}|${MONTH_EDGE})[\\s-]+)?(${MONTH_FULL}),?\\s+(?:(?:of\\s+)?${YEAR}|(this|next|last)\\s+year)\\b`, 'gd'),
    span: (m) => spanAfterGroup(m, 1, KEEP_PREFIX),
    resolve: (m, env) => {
      const month = monthOf(m[2]);
      if (m[3]) return monthInterval(Number(m[3]), month);
      if (env.published === undefined) return undefined;
      return monthInterval(civilDate(env.published).year + periodShift(m[4]), month);
    },
  },
  {
    // "in June", "mid-June", "last March", "the June summit". Capitalised names only, and
    // "May" only with a framing word because of the modal verb.
    id: 'times.month',
    hint: MONTH_HINT,
    re: new RegExp(`(?:\\b(${either('in|since|until|till|by|from|during|through|before|after|of|last|next|this|coming')}|${MONTH_EDGE})[\\s-]+)?\\b(${MONTH_FULL})\\b(?![\\w-])`, 'gd'),
    span: (m) => spanAfterGroup(m, 1, KEEP_PREFIX),
    resolve: (m, env) => {
      const prefix = m[1]?.toLowerCase();
      if (!prefix) {
        if (m[2] === 'May') return undefined;
        const before = m.input.slice(Math.max(0, m.index - 40), m.index).trimEnd();
        const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 3);
        // Sentence-initial, or inside a capitalised name ("Women's March", "June Smith").
        if (before === '' || /[“"‘(]$/.test(before)) return undefined;
        if (/[A-Z][\w'’]*$/.test(before) || /^\s+[A-Z]/.test(after)) return undefined;
      }
      if (prefix === 'of') return undefined; // "the Ides of March"; "the end of June" is an edge prefix
      return resolveMonth(env, monthOf(m[2]), undefined, prefix);
    },
  },
  {
    // "in 2026", "by 2030", "since 2014", "early 2026". A bare number is too often a count.
    id: 'times.year',
    hint: YEAR_HINT,
    re: new RegExp(`\\b(${either('in|since|by|until|till|from|during|through|before|after|for|early|late|mid')}|the\\s+end\\s+of|end\\s+of|the\\s+beginning\\s+of|beginning\\s+of|the\\s+start\\s+of|start\\s+of|the\\s+year)[\\s-]+${YEAR}\\b(?![-–—/]\\d|\\s*(?:%|per\\s?cent|troops|people|soldiers|km|kilometres|tonnes|million|billion))`, 'gd'),
    span: (m) => spanAfterGroup(m, 1, KEEP_PREFIX),
    resolve: (m) => {
      const year = Number(m[2]);
      const edge = m[1].toLowerCase();
      // "by the end of 2025" is its last month, "the start of 2026" its first.
      if (/end\s+of$/.test(edge)) return monthInterval(year, 12);
      if (/(?:beginning|start)\s+of$/.test(edge)) return monthInterval(year, 1);
      return yearInterval(year);
    },
  },
  {
    // "Thursday", "on Thursday", "last Monday", "next Friday", "Tuesday evening".
    id: 'times.weekday',
    hint: /[a-z]day\b/,
    re: new RegExp(`\\b(?:(${either('last|next|this|on|coming|past|this\\s+past|this\\s+coming|until|by|from|since|before|after')})\\s+)?(${WEEKDAY})(?:\\s+(?:morning|afternoon|evening|night))?\\b(?!['’]s\\s+[A-Z])`, 'gd'),
    span: (m) => spanAfterGroup(m, 1, KEEP_PREFIX),
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const mod = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      // "Good Friday", "Bloody Sunday": a weekday inside a capitalised name is no date.
      if (mod === undefined && /[A-Z][\w'’]*\s+$/.test(m.input.slice(Math.max(0, m.index - 30), m.index))) return undefined;
      // Only last/next/this/coming/past fix the direction; "since", "by", "from" … follow the verb.
      const modifier = mod && ['last', 'next', 'this', 'coming', 'past', 'this past', 'this coming'].includes(mod) ? mod : undefined;
      return dayInterval(resolveWeekday(env.published, weekdayOf(m[2]), modifier, env.cue));
    },
  },
  {
    // "today", "yesterday", "tomorrow", "tonight", "this morning".
    id: 'times.relative-day',
    hint: /[Tt]o(?:day|morrow|night)|[Yy]esterday|this (?:morning|afternoon|evening)|last night/,
    re: /\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|this\s+(?:morning|afternoon|evening)|last\s+night)\b/g,
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const w = m[1].toLowerCase();
      // "last night" in a report is the night before it was published.
      return dayInterval(env.published + (w === 'yesterday' || w.startsWith('last') ? -1 : w === 'tomorrow' ? 1 : 0));
    },
  },
  {
    // "He held talks with Macron that evening", "earlier in the day", "the following morning":
    // a part of the day last named, as wire copy tells one day's events in turn.
    id: 'times.same-day',
    hint: / (?:day|morning|afternoon|evening|night)\b/,
    re: /\b(?:(?:[Ee]arlier|[Ll]ater)\s+(?:that|in\s+the)\s+(day|morning|afternoon|evening)|(?:[Tt]hat|[Tt]he\s+same)\s+(day|morning|afternoon|evening|night)|[Ii]n\s+the\s+(morning|afternoon|evening)|[Tt]he\s+(next|following|previous)\s+(day|morning|evening))\b(?!\s+(?:of|before|after)\b)/g,
    anaphoric: true,
    resolve: (m, env) => {
      if (env.anchor === undefined) return undefined;
      const shift = m[4] === 'previous' ? -1 : m[4] ? 1 : 0;
      return dayInterval(env.anchor + shift);
    },
  },
  {
    // "earlier this month", "later this year": from the period's start to publication, or after it.
    id: 'times.earlier-later',
    hint: /[Ee]arlier|[Ll]ater/,
    re: /\b([Ee]arlier|[Ll]ater)\s+(this|next|last)\s+(week|month|year)\b/g,
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const unit = m[3];
      const period = periodInterval(env.published, unit, periodShift(m[2]));
      const precision = unit as Precision;
      if (m[2] !== 'this') return period;
      return m[1].toLowerCase() === 'earlier'
        ? vagueRange(period.start, env.published, precision)
        : vagueRange(env.published + 1, period.end, precision);
    },
  },
  {
    // "by the end of the year", "before the end of this month", "year-end", "early next year".
    id: 'times.period-edge',
    hint: /end|close|beginning|start|middle|turn|early|late/,
    re: /\b(?:(?:the\s+)?(end|close|beginning|start|middle|turn)\s+of\s+(?:the\s+|this\s+|(next|last)\s+)?(year|month|week)|(year|month)[-\s]end|(early|late)\s+(this|next|last)\s+(year|month|week))\b/g,
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const edge = (m[1] ?? (m[4] ? 'end' : m[5]))!.toLowerCase();
      const unit = m[3] ?? m[4] ?? m[7];
      const shift = periodShift(m[2] ?? m[6] ?? 'this');
      const period = periodInterval(env.published, unit, shift);
      if (unit === 'year') {
        const { year } = civilDate(period.start);
        if (edge === 'end' || edge === 'close' || edge === 'turn' || edge === 'late') return monthInterval(year, 12);
        if (edge === 'beginning' || edge === 'start' || edge === 'early') return monthInterval(year, 1);
        return period;
      }
      return period; // the end of a month or week is still that month or week
    },
  },
  {
    // "this week", "next month", "last year", "the coming week", "this weekend".
    id: 'times.relative-period',
    hint: /week|month|year/,
    re: /\b((?:the\s+)?(?:this|next|last|past|previous|coming|current|following)|[Tt]his|[Nn]ext|[Ll]ast)\s+(week|month|year|weekend)\b(?!\s+of\b)(?!s)/g,
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const word = m[1].toLowerCase().replace(/\s+/g, ' ');
      if (word.endsWith('following')) return undefined; // relative to another date, not publication
      const shift = periodShift(word);
      if (m[2] === 'weekend') return weekendOf(env.published, shift);
      if (word.endsWith('past')) {
        // "over the past week": the days up to publication, not the previous calendar week.
        const span = m[2] === 'week' ? 6 : m[2] === 'month' ? 29 : 364;
        return vagueRange(env.published - span, env.published, m[2] as Precision);
      }
      return periodInterval(env.published, m[2], shift);
    },
  },
  {
    // "at the weekend", "over the weekend": the nearest one in the sentence's direction.
    id: 'times.relative-period',
    hint: /weekend/,
    re: /\b(?:at|over|during|on)\s+the\s+weekend\b/g,
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const pw = isoWeekday(env.published);
      const past = env.cue() === 'past';
      return weekendOf(env.published, past && pw < 6 ? -1 : 0);
    },
  },
  {
    // "in the first half of 2026", "the third quarter of this year", "Q1 2026".
    id: 'times.part-of-year',
    hint: /quarter|half|[QH][1-4]/,
    re: new RegExp(`\\b(?:(?:the\\s+)?(first|second|third|fourth|last)\\s+(quarter|half)\\s+of\\s+(?:${YEAR}|(?:the|this|next|last)\\s+year)|(Q[1-4]|H[12])\\s+${YEAR})\\b`, 'g'),
    resolve: (m, env) => {
      const ordinal = m[4] ? m[4][1] : m[1];
      const unit = m[4] ? (m[4][0] === 'Q' ? 'quarter' : 'half') : m[2];
      let year = Number(m[3] ?? m[5]);
      if (!m[3] && !m[5]) {
        if (env.published === undefined) return undefined;
        year = civilDate(env.published).year + periodShift(m[0].match(/\b(next|last)\s+year/)?.[1] ?? 'this');
      }
      const index = { first: 1, second: 2, third: 3, fourth: 4, '1': 1, '2': 2, '3': 3, '4': 4 }[ordinal] ?? (unit === 'half' ? 2 : 4);
      const size = unit === 'half' ? 6 : 3;
      const first = (index - 1) * size + 1;
      return monthSpan(year, first, year, first + size - 1);
    },
  },
  {
    // "in the autumn", "this spring", "by next summer": the meteorological season (northern).
    id: 'times.season',
    hint: /spring|summer|autumn|fall|winter/,
    re: new RegExp(`\\b(${either('in|during|by|until|over|this|next|last|early|late')})\\s+(?:the\\s+)?(spring|summer|autumn|fall|winter)\\b`, 'g'),
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const first = SEASON_START[m[2]];
      const mod = m[1].toLowerCase();
      const year = mod === 'this' ? civilDate(env.published).year
        : mod === 'last' ? chooseYear(env.published, first, undefined, 'past', true)
        : mod === 'next' ? chooseYear(env.published, first, undefined, 'future', true)
        : chooseYear(env.published, first, undefined, directionOf(env.cue()));
      if (year === undefined) return undefined;
      return first === 12 ? monthSpan(year, 12, year + 1, 2) : monthSpan(year, first, year, first + 2);
    },
  },
  {
    // "two weeks ago", "a year ago", "three days ago".
    id: 'times.ago',
    hint: /ago\b/,
    re: new RegExp(`\\b${NUMBER}\\s+(day|week|month|year)s?\\s+ago\\b`, 'g'),
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      const count = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      return shifted(env.published, m[2].toLowerCase(), -count);
    },
  },
  {
    // "in two weeks", "in three months' time" — only when the sentence points ahead.
    id: 'times.in-duration',
    hint: /(?:day|week|month|year)s?\b/,
    re: new RegExp(`\\b[Ii]n\\s+${NUMBER}\\s+(day|week|month|year)s?(['’]?\\s+time)?\\b(?!\\s+of\\b)`, 'g'),
    resolve: (m, env) => {
      if (env.published === undefined) return undefined;
      if (!m[3] && env.cue() !== 'future') return undefined;
      const count = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      return shifted(env.published, m[2].toLowerCase(), count);
    },
  },
];

function shifted(pub: number, unit: string, count: number): RawInterval {
  if (unit === 'day') return dayInterval(pub + count);
  if (unit === 'week') return weekInterval(pub + 7 * count);
  if (unit === 'month') return periodInterval(pub, 'month', count);
  return yearInterval(civilDate(pub).year + count);
}
