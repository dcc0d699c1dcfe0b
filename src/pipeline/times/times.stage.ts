import type { Tense, TimeInterval } from '../../domain/index.js';
import type { PipelineContext, Segmented, TimeExpression } from '../types.js';
import { formatDay, parseDay } from './calendar.js';
import { tenseCue } from './tense-cue.js';
import { execAll } from '../exec-all.js';
import { KeywordGates } from '../keyword-gates.js';
import { TIME_RULES, type RawInterval, type ResolveEnv, type TimeRule } from './time-rules.js';

interface Candidate {
  start: number;
  end: number;
  rule: TimeRule;
  match: RegExpExecArray;
}

/**
 * Tense of an interval: where it lies against publication, else what the sentence says.
 * The sentence is read only when publication does not decide: reading it is the costly part.
 */
function finalTense(raw: RawInterval, published: number | undefined, env: ResolveEnv): Tense {
  if (published !== undefined) {
    if (raw.end < published) return 'past';
    if (raw.start > published) return 'future';
  }
  return env.cue() ?? 'present';
}

function toInterval(raw: RawInterval, tense: Tense): TimeInterval {
  return { start: formatDay(raw.start), end: formatDay(raw.end), precision: raw.precision, iso: raw.iso, tense };
}

// One pass answers every rule's hint (several rules share one: "a month name", "a year");
// bit i is the i-th distinct hint. A sentence that opens no hint holds no time expression.
const HINTS = [...new Set(TIME_RULES.map((rule) => rule.hint))];
const GATES = new KeywordGates(HINTS);
const HINT_BIT_OF_RULE = TIME_RULES.map((rule) => 1 << HINTS.indexOf(rule.hint));

/** Every rule match in `text`, longest first: a range beats the single date inside it. */
function candidates(text: string, open: number): Candidate[] {
  const all: Candidate[] = [];
  for (let i = 0; i < TIME_RULES.length; i++) {
    if (!(open & HINT_BIT_OF_RULE[i])) continue;
    const rule = TIME_RULES[i];
    // execAll leaves the shared global regex reset, so the rules need no private copies.
    for (const m of execAll(rule.re, text)) {
      const [start, end] = rule.span ? rule.span(m) : [m.index, m.index + m[0].length];
      if (end > start) all.push({ start, end, rule, match: m });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return all;
}

interface Found {
  start: number;
  end: number;
  rule: string;
  interval: TimeInterval;
}

/**
 * Finds and resolves the time expressions of one sentence. `forcedTense` replaces the
 * sentence's own tense cue (used by resolveTime, whose input is a bare expression).
 */
function findInSentence(text: string, open: number, published: number | undefined, forcedTense?: Tense, anchor?: number): Found[] {
  const out: Found[] = [];
  const taken = new Uint8Array(text.length + 1);
  const all = candidates(text, open);
  // "that evening" needs the day named before it, in this sentence too: it goes last.
  let ordered = all;
  for (const c of all) {
    if (!c.rule.anaphoric) continue;
    ordered = [...all.filter((x) => !x.rule.anaphoric), ...all.filter((x) => x.rule.anaphoric)];
    break;
  }
  for (const c of ordered) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    let cue: Tense | undefined | null = forcedTense ?? null;
    const env: ResolveEnv = {
      published,
      cue: () => {
        if (cue === null) cue = tenseCue(text, c.start, c.end);
        return cue;
      },
      anchor: c.rule.anaphoric ? lastDayBefore(out, c.start) ?? anchor : undefined,
    };
    const raw = c.rule.resolve(c.match, env);
    // A longer match that does not resolve ("May" alone) leaves room for shorter ones.
    if (!raw) continue;
    out.push({ start: c.start, end: c.end, rule: c.rule.id, interval: toInterval(raw, finalTense(raw, published, env)) });
    taken.fill(1, c.start, c.end);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** The day of the last single-day expression ending before `pos`. */
function lastDayBefore(found: Found[], pos: number): number | undefined {
  let best: Found | undefined;
  for (const f of found) if (f.end <= pos && f.interval.start === f.interval.end && (!best || f.start > best.start)) best = f;
  return best ? parseDay(best.interval.start) : undefined;
}

/**
 * Every temporal expression in every sentence, resolved against `ctx.published`. Without a
 * publication date only expressions that carry their own year resolve.
 */
export function findTimes(seg: Segmented, ctx: PipelineContext): TimeExpression[] {
  const published = ctx.published === undefined ? undefined : parseDay(ctx.published);
  const out: TimeExpression[] = [];
  let anchor: number | undefined;
  for (const sentence of seg.sentences) {
    const text = seg.text.slice(sentence.start, sentence.end);
    const open = GATES.scan(text);
    if (!open) continue;
    const found = findInSentence(text, open, published, undefined, anchor);
    anchor = lastDayBefore(found, text.length) ?? anchor;
    for (const f of found) {
      out.push({
        text: text.slice(f.start, f.end),
        start: sentence.start + f.start,
        end: sentence.start + f.end,
        rule: f.rule,
        interval: f.interval,
        sentence: sentence.index,
      });
    }
  }
  return out;
}

/**
 * Resolves one expression ("next week", "in March", "3-4 April 2025") against a publication
 * date; `tense` stands in for the sentence's verb tense. Undefined when nothing in the
 * text is a time expression or it cannot be resolved.
 */
export function resolveTime(text: string, published: string, tense?: Tense): TimeInterval | undefined {
  const pub = parseDay(published);
  const found = findInSentence(text, GATES.scan(text), pub, tense);
  if (found.length === 0) return undefined;
  // The longest expression is the one the caller meant ("on Thursday, 3 April" over "Thursday").
  return found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)).interval;
}
