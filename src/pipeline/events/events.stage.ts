import type { Evidence, EventStatus, EventType, ExtractedEvent, ProposalStatus, Role } from '../../domain/index.js';
import type { EntityMention, Segmented, Sentence, TimeExpression } from '../types.js';
import { eventCodes } from './codes.js';
import {
  ACTION_FAMILIES, CANCELLED, FUTURE_CUES, MEETING_NOUN, MEETING_VERB, PAST_CUES, REPORTING_BEFORE_TIME, REQUEST_NOUN,
  REQUEST_VERB, SESSION_NOUN, STATUS_CUES, STATUS_RANK, VISIT,
} from './cues.js';

export interface EventContext {
  published?: string;
  /** Canonical name key of the dateline place, used when a meeting "this week" names no place. */
  datelineKey?: string;
}

interface Draft {
  key: string;
  type: EventType;
  label: string;
  status?: EventStatus;
  time?: TimeExpression;
  participants: Map<string, { role: Role; evidence: Evidence }>;
  parentKey?: string;
  topics: string[];
  evidence: Evidence;
  sentence: number;
  family?: string;
  /** Restatements ("we are broadening the scope of NMI") only count when they merge into a plan. */
  weak?: boolean;
  /** The meeting's noun phrase names a gathering of ministers or leaders (a parent for sessions). */
  major?: boolean;
  /** Where a plan applies: its places and its instruments' hosts, by name and country code. */
  areas: Set<string>;
}

interface SentenceView {
  s: Sentence;
  mentions: EntityMention[];
  times: TimeExpression[];
}

/** A country reached through a demonym or a capital is implied, not named: it never makes a place or a subject. */
function implied(m: EntityMention): boolean {
  return m.via === 'demonym' || m.via === 'capital';
}

const ROLE_OF_TYPE: Record<string, Role> = { person: 'participant', organization: 'participant', country: 'participant', instrument: 'subject', place: 'place' };

/** Finds meetings, sessions, visits, requests, proposals and decisions sentence by sentence. */
export function findEvents(seg: Segmented, mentions: EntityMention[], times: TimeExpression[], ctx: EventContext): ExtractedEvent[] {
  const views: SentenceView[] = seg.sentences.map((s) => ({ s, mentions: [], times: [] }));
  for (const m of mentions) views[m.sentence]?.mentions.push(m);
  for (const t of times) views[t.sentence]?.times.push(t);
  const mainOrg = mostMentioned(mentions, 'organization');
  const drafts: Draft[] = [];
  let counter = 0;
  const newDraft = (type: EventType, v: SentenceView, start: number, end: number, rule: string, label: string): Draft => {
    const d: Draft = {
      key: `ev${++counter}`, type, label, participants: new Map(), topics: [], areas: new Set(),
      evidence: { start: v.s.start, end: v.s.end, rule }, sentence: v.s.index,
    };
    void start; void end;
    drafts.push(d);
    return d;
  };

  for (const v of views) {
    meetings(v, drafts, newDraft, ctx, mainOrg);
    visits(v, newDraft, ctx);
    requests(v, newDraft, mainOrg);
    plans(v, newDraft, mainOrg);
  }
  return finish(mergeDrafts(drafts), ctx);
}

type NewDraft = (type: EventType, v: SentenceView, start: number, end: number, rule: string, label: string) => Draft;

function mostMentioned(mentions: EntityMention[], type: string): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.type === type) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) { best = k; n = c; }
  return best;
}

function add(d: Draft, m: EntityMention, role: Role): void {
  if (role === 'place') {
    d.areas.add(m.name.toLowerCase());
    if (m.attributes?.iso2) d.areas.add(`iso:${m.attributes.iso2}`);
  }
  if (role === 'subject' && m.attributes?.hostPlace) d.areas.add(m.attributes.hostPlace.toLowerCase());
  if (!d.participants.has(m.key)) d.participants.set(m.key, { role, evidence: { start: m.start, end: m.end, rule: m.rule } });
}

function addKey(d: Draft, key: string, role: Role, evidence: Evidence): void {
  if (!d.participants.has(key)) d.participants.set(key, { role, evidence });
}

/** The time that dates an event near `pos`, ignoring times that only date the reporting ("said on Wednesday"). */
function timeNear(v: SentenceView, pos: number, text: string): TimeExpression | undefined {
  let best: TimeExpression | undefined;
  let bestDist = Infinity;
  for (const t of v.times) {
    if (REPORTING_BEFORE_TIME.test(text.slice(Math.max(v.s.start, t.start - 24), t.start).replace(/\s*(?:on|in|at)\s*$/i, ''))) continue;
    const dist = t.start >= pos ? t.start - pos : (pos - t.end) * 1.5;
    if (dist < bestDist) { best = t; bestDist = dist; }
  }
  return best;
}

/** Places right after "in/at/to" following the trigger, else the nearest place in the sentence. */
function placesAfter(v: SentenceView, from: number, limit = 60): EntityMention[] {
  return v.mentions.filter((m) => (m.type === 'place' || m.type === 'country') && m.start >= from && m.start - from <= limit && !implied(m));
}

function meetingStatus(v: SentenceView, time: TimeExpression | undefined, ctx: EventContext, phrase: string): EventStatus {
  const sentence = v.s.text;
  if (CANCELLED.test(sentence)) return 'cancelled';
  if (/\b(?:last|previous|past|recent)\b/i.test(phrase)) return 'held';
  if (/\b(?:next|upcoming|coming)\b/i.test(phrase)) return 'scheduled';
  if (time && ctx.published) {
    if (time.interval.end < ctx.published) return 'held';
    if (time.interval.start > ctx.published) return 'scheduled';
  }
  if (FUTURE_CUES.test(sentence)) return 'scheduled';
  if (PAST_CUES.test(sentence)) return 'held';
  return 'scheduled';
}

function lastMeeting(drafts: Draft[], sessionToo: boolean): Draft | undefined {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (d.type === 'meeting' || (sessionToo && d.type === 'session')) return d;
  }
  return undefined;
}

function parentMeeting(drafts: Draft[]): Draft | undefined {
  return drafts.find((d) => d.type === 'meeting' && d.major && d.status !== 'held');
}

/** Meetings ("foreign ministers meeting in Brussels this week", "the NATO summit in The Hague") and sessions. */
function meetings(v: SentenceView, drafts: Draft[], newDraft: NewDraft, ctx: EventContext, mainOrg: string | undefined): void {
  const text = v.s.text;
  const base = v.s.start;
  const hasSession = SESSION_NOUN.test(text);
  SESSION_NOUN.lastIndex = 0;

  for (const m of text.matchAll(MEETING_NOUN)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    const noun = m[0].toLowerCase();
    // "those talks", "the meeting" with nothing new: a back-reference, not a new event.
    const orgBefore = v.mentions.filter((x) => (x.type === 'organization' || x.type === 'country') && x.end <= at && at - x.end <= 25 && !/[,.;]/.test(text.slice(x.end - base, m.index!)));
    const ofOrg = /^\s+of\s+(?:the\s+)?/i.exec(after) ? v.mentions.find((x) => x.type === 'organization' && x.start > end && x.start - end <= 12) : undefined;
    const places = placesAfter(v, end, 30).filter((p) => /^\s*(?:in|at)\b/i.test(text.slice(end - base, p.start - base)) || /\b(?:in|at)\s+(?:the\s+)?$/i.test(text.slice(end - base, p.start - base)));
    const time = timeNear(v, end, v.s.text.length ? textOf(v) : '');
    const definite = /\b(?:the|those|these|that|this)\s+(?:\w+\s+)?$/i.test(before);
    if (definite && !orgBefore.length && !ofOrg && !places.length && !/ministers|summit/.test(noun)) continue;
    if (/\b(?:press|news)\s+$/i.test(before) && !/ministers/.test(noun)) {
      // "a press meeting at NATO headquarters": a briefing, recorded as a held meeting of the speaker's side.
    }
    if (/^(?:dialogue|forum|gathering)s?$/.test(noun) && !orgBefore.length && !ofOrg) continue;
    const phrase = text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 20);
    const parent = parentMeeting(drafts);
    // A council's meeting during a ministerial is one of its sessions.
    const isSession = !!ofOrg && !!parent && (!time || !parent.time || (time.interval.start >= parent.time.interval.start && time.interval.end <= parent.time.interval.end));
    const labelStart = orgBefore.length ? orgBefore[0].start : at;
    const labelEnd = ofOrg ? ofOrg.end : places.length ? places[places.length - 1].end : end;
    const d = newDraft(isSession ? 'session' : 'meeting', v, at, end, isSession ? 'events.session.meeting-of' : 'events.meeting.noun', textOf(v).slice(labelStart - base, labelEnd - base));
    d.major = /ministers|ministerial|summit/.test(noun);
    for (const o of orgBefore) add(d, o, 'participant');
    if (ofOrg) add(d, ofOrg, 'participant');
    if (!orgBefore.length && !ofOrg && mainOrg && /summit|ministerial|ministers/.test(noun)) addKey(d, mainOrg, 'participant', d.evidence);
    for (const p of places) add(d, p, 'place');
    if (time) d.time = time;
    d.status = meetingStatus(v, time, ctx, phrase);
    if (isSession && parent) inherit(d, parent);
    else if (!places.length && ctx.datelineKey && d.major && d.status === 'scheduled' && time && time.interval.precision === 'week') addKey(d, ctx.datelineKey, 'place', d.evidence);
  }

  for (const m of text.matchAll(SESSION_NOUN)) {
    const at = base + m.index!;
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    const parent = parentMeeting(drafts);
    // "will join the session": more participants for the session or meeting just named.
    if (/\bthe\s+$/i.test(before) && !/\b(?:closed|open|special|plenary|working)\s+$/i.test(before)) {
      const target = lastMeeting(drafts, true);
      if (target) for (const x of v.mentions) if (x.type === 'person' || x.type === 'organization' || (x.type === 'country' && !implied(x))) add(target, x, 'participant');
      if (target) addRoleCountries(target, v);
      continue;
    }
    const after = text.slice(m.index! + m[0].length);
    const topic = /^\s+(?:on|about|focused\s+on|dedicated\s+to|devoted\s+to)\s+([^,.;]+)/i.exec(after);
    const label = (/(?:\b(?:closed|open|special|plenary|working|informal|joint)\s+)?$/i.exec(before)?.[0] ?? '') + m[0] + (topic ? ` on ${topic[1]}` : '');
    const d = newDraft('session', v, at, at + m[0].length, 'events.session.noun', label.trim());
    if (topic) d.topics.push(topic[1].trim());
    // Everyone named in the sentence takes part ("meet counterparts from Australia, Japan ... for a session").
    for (const x of v.mentions) {
      if (x.type === 'person' || x.type === 'organization' || (x.type === 'country' && !implied(x))) add(d, x, 'participant');
      if (x.type === 'place' && x.start > at) add(d, x, 'participant');
    }
    // "who will also take part in a closed session": the person the relative clause hangs on.
    if (/\bwho\b/i.test(text.slice(0, m.index!))) {
      const person = [...v.mentions].reverse().find((x) => x.type === 'person' && x.start < at);
      if (person) add(d, person, 'participant');
    }
    addRoleCountries(d, v);
    const time = timeNear(v, at, textOf(v));
    if (time) d.time = time;
    d.status = meetingStatus(v, time, ctx, before);
    if (parent) inherit(d, parent);
  }

  // Verb meetings: "Rutte met Erdogan in Ankara", "will host the foreign ministers of ASEAN".
  if (!hasSession) {
    for (const m of text.matchAll(MEETING_VERB)) {
      const at = base + m.index!;
      const end = at + m[0].length;
      if (drafts.some((d) => d.sentence === v.s.index && (d.type === 'meeting' || d.type === 'session'))) break;
      const who = v.mentions.filter((x) => (x.type === 'person' || x.type === 'country' || x.type === 'organization') && !implied(x));
      const subjects = who.filter((x) => x.end <= at);
      const objects = who.filter((x) => x.start >= end && x.start - end < 80);
      if (!subjects.length || !objects.length) continue;
      const d = newDraft('meeting', v, at, end, 'events.meeting.verb', `${subjects[subjects.length - 1].text} ${m[0]} ${objects[0].text}`);
      const hostVerb = /host|receiv|welcom/i.test(m[0]);
      for (const x of subjects.slice(-2)) add(d, x, hostVerb ? 'host' : 'participant');
      for (const x of objects) add(d, x, hostVerb ? 'guest' : 'participant');
      for (const p of placesAfter(v, end, 120)) if (p.type === 'place' || /\bin\s+$/i.test(textOf(v).slice(0, p.start - base))) add(d, p, 'place');
      const time = timeNear(v, at, textOf(v));
      if (time) d.time = time;
      d.status = meetingStatus(v, time, ctx, m[0]);
      break;
    }
  }
}

function textOf(v: SentenceView): string {
  return v.s.text;
}

/** A participant whose title names a country or body ("Ukrainian Foreign Minister") brings it along. */
function addRoleCountries(d: Draft, v: SentenceView): void {
  for (const x of v.mentions) {
    if (!implied(x) && !(x.type === 'organization' && x.rule.startsWith('mentions.dictionary'))) continue;
    const next = v.mentions.find((p) => p.type === 'person' && p.start > x.end && p.start - x.end < 40);
    if (next && d.participants.has(next.key)) add(d, x, 'participant');
  }
}

function inherit(d: Draft, parent: Draft): void {
  d.parentKey = parent.key;
  for (const [k, p] of parent.participants) if (p.role === 'place' && ![...d.participants.values()].some((q) => q.role === 'place')) d.participants.set(k, p);
  for (const [k, p] of parent.participants) if (p.role === 'participant' && k.startsWith('org:')) addKey(d, k, 'participant', p.evidence);
  if (!d.time && parent.time) d.time = parent.time;
  if (!d.status || (d.status === 'held' && parent.status === 'scheduled' && !d.time)) d.status = parent.status;
}

/** Visits: "recent visits by NATO Secretary-General Mark Rutte to Sarajevo and Kosovo in March", "X visited Y". */
function visits(v: SentenceView, newDraft: NewDraft, ctx: EventContext): void {
  const text = v.s.text;
  const base = v.s.start;
  for (const m of text.matchAll(VISIT)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const word = m[0].toLowerCase();
    let who: EntityMention | undefined;
    let destStart = end;
    const by = /^\s+by\s+/i.exec(text.slice(m.index! + m[0].length));
    if (by) {
      who = v.mentions.find((x) => (x.type === 'person' || x.type === 'organization' || x.type === 'country') && x.start >= end && x.start - end < 80);
      if (who) destStart = who.end;
    } else {
      who = [...v.mentions].reverse().find((x) => (x.type === 'person' || (x.type === 'country' && !implied(x)) || x.type === 'organization') && x.end <= at);
    }
    if (!who) continue;
    const rest = text.slice(destStart - base);
    const stop = rest.search(/[;.]|,\s+(?:where|which|who|describing|saying|and\s+(?:said|called))|\s+(?:to\s+(?:discuss|meet|attend|sign|hold)|for\s+talks|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}))\b/);
    const limit = stop < 0 ? rest.length : stop;
    const dests = v.mentions.filter((x) => (x.type === 'place' || x.type === 'country') && !implied(x) && x.start >= destStart && x.start < destStart + limit + 1 && x.key !== who!.key);
    if (!dests.length) continue;
    const time = timeNear(v, end, text);
    const past = /visited|recent|last|travell?ed|arrived|toured/i.test(text.slice(Math.max(0, m.index! - 20), m.index! + m[0].length)) || (time && ctx.published && time.interval.end < ctx.published);
    // One visit per destination, as each stop is its own event.
    for (const dst of dests) {
      if (dests.some((o) => o !== dst && o.start <= dst.start && o.end >= dst.end)) continue;
      const d = newDraft('visit', v, at, end, `events.visit.${by ? 'noun-by' : 'verb'}`, `${who.name} visits ${dst.name}`);
      add(d, who, 'visitor');
      add(d, dst, 'place');
      if (time) d.time = time;
      d.status = CANCELLED.test(text) ? 'cancelled' : past ? 'held' : word.startsWith('visit') && /will|to\s+visit|plans/i.test(text) ? 'scheduled' : 'held';
    }
  }
}

/** Requests: "following a request from Baghdad", "Iraq asked NATO to broaden its mission". */
function requests(v: SentenceView, newDraft: NewDraft, mainOrg: string | undefined): void {
  const text = v.s.text;
  const base = v.s.start;
  const instruments = v.mentions.filter((x) => x.type === 'instrument');
  for (const m of text.matchAll(REQUEST_NOUN)) {
    const end = base + m.index! + m[0].length;
    const from = v.mentions.find((x) => x.start >= end && x.start - end < 40 && x.type !== 'instrument');
    if (!from) continue;
    const d = newDraft('request', v, base + m.index!, end, 'events.request.noun', `request from ${from.text}`);
    for (const x of v.mentions) if (x.start === from.start) add(d, x, 'requester');
    const actor = v.mentions.find((x) => x.type === 'organization' && x.key !== from.key);
    if (actor) add(d, actor, 'addressee');
    else if (mainOrg) addKey(d, mainOrg, 'addressee', d.evidence);
    for (const i of instruments) add(d, i, 'subject');
  }
  for (const m of text.matchAll(REQUEST_VERB)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const subject = [...v.mentions].reverse().find((x) => x.end <= at && at - x.end < 40 && x.type !== 'instrument' && x.type !== 'place');
    const object = v.mentions.find((x) => x.start >= end && x.start - end < 30 && x.type !== 'instrument' && x.type !== 'place');
    if (!subject || !object) continue;
    if (!/\bto\b|\bfor\b/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 80))) continue;
    const d = newDraft('request', v, at, end, 'events.request.verb', `${subject.text} ${m[0]} ${object.text}`);
    add(d, subject, 'requester');
    add(d, object, 'addressee');
    for (const i of instruments) add(d, i, 'subject');
  }
}

/** Proposals and decisions: a status cue, then an action on an instrument or a plan. */
function plans(v: SentenceView, newDraft: NewDraft, mainOrg: string | undefined): void {
  const text = v.s.text;
  const base = v.s.start;
  const cues: { at: number; end: number; status: ProposalStatus; id: string }[] = [];
  for (const cue of STATUS_CUES) {
    cue.re.lastIndex = 0;
    for (const m of text.matchAll(cue.re)) cues.push({ at: m.index!, end: m.index! + m[0].length, status: cue.status, id: cue.id });
  }
  cues.sort((a, b) => a.at - b.at);
  // A later cue inside an earlier one's span ("are expected to approve") is the same cue.
  const kept = cues.filter((c, i) => !cues.some((o, j) => j !== i && o.at <= c.at && o.end >= c.end && (o.end - o.at > c.end - c.at || (o.end - o.at === c.end - c.at && j < i))));
  const actor = v.mentions.find((x) => x.type === 'organization' && !implied(x))?.key ?? mainOrg;
  const usedActions = new Set<number>();
  for (const [ci, cue] of kept.entries()) {
    const next = kept[ci + 1]?.at ?? text.length;
    const clauseEnd = Math.min(next, clauseBoundary(text, cue.end));
    const span = text.slice(cue.end, clauseEnd);
    const actions = findActions(span, cue.end);
    if (!actions.length) {
      // "approved the mission", "launched the Global Gateway": the cue verb itself is the action.
      const inst = v.mentions.filter((x) => x.type === 'instrument' && x.start - base >= cue.end && x.start - base < clauseEnd);
      if (!inst.length || cue.status === 'proposed') continue;
      const d = newDraft(cue.status === 'under_review' || cue.status === 'expected' ? 'proposal' : 'decision', v, base + cue.at, base + clauseEnd, `events.plan.${cue.id}`, text.slice(cue.at, clauseEnd).trim());
      d.status = cue.status;
      d.family = familyOf(text.slice(cue.at, cue.end)) ?? 'agree';
      for (const i of inst) add(d, i, 'subject');
      fillPlan(d, v, base + cue.at, base + clauseEnd, actor);
      continue;
    }
    for (const [ai, a] of actions.entries()) {
      const aEnd = actions[ai + 1]?.at ?? clauseEnd;
      if (usedActions.has(a.at)) continue;
      usedActions.add(a.at);
      const type: EventType = cue.status === 'approved' || cue.status === 'implemented' || cue.status === 'rejected' ? 'decision' : 'proposal';
      const d = newDraft(type, v, base + a.at, base + aEnd, `events.plan.${cue.id}`, text.slice(a.at, aEnd).replace(/\s+(?:and|,)\s*$/i, '').trim());
      d.status = cue.status;
      d.family = a.family;
      fillPlan(d, v, base + a.at, base + aEnd, actor);
    }
  }
  // Restatements without a cue: "we are broadening the scope of NMI" — kept only if they merge.
  for (const a of findActions(text, 0)) {
    if (kept.some((c) => a.at >= c.end && a.at - c.end < 120) || usedActions.has(a.at)) continue;
    if (!/\b(?:are|is|am|were|was|been)\s+$/i.test(text.slice(Math.max(0, a.at - 12), a.at))) continue;
    const aEnd = clauseBoundary(text, a.at + 1);
    const d = newDraft('proposal', v, base + a.at, base + aEnd, 'events.plan.restatement', text.slice(a.at, aEnd).trim());
    d.family = a.family;
    d.weak = true;
    fillPlan(d, v, base + a.at, base + aEnd, actor);
  }
}

function clauseBoundary(text: string, from: number): number {
  const rest = text.slice(from);
  const m = /[;.]|,\s+(?:as|while|but|which|who|where|following|after|a\s+\w+\s+official|the\s+official|said|according)\b|\s+as\s+part\s+of\b|,\s*["“]/i.exec(rest);
  return m ? from + m.index : text.length;
}

function familyOf(s: string): string | undefined {
  for (const f of ACTION_FAMILIES) {
    f.re.lastIndex = 0;
    if (f.re.test(s)) return f.family;
  }
  return undefined;
}

/** Action verbs/nominals in a clause, each starting a plan ("open a liaison office", "expand ... role"). */
function findActions(span: string, offset: number): { at: number; family: string }[] {
  const out: { at: number; family: string }[] = [];
  for (const f of ACTION_FAMILIES) {
    f.re.lastIndex = 0;
    for (const m of span.matchAll(f.re)) {
      // An action starts the clause or follows "and"/"to"/"the"/"an": "to open", "and expand", "the establishment of", "an enlarged scope".
      const before = span.slice(Math.max(0, m.index! - 14), m.index!);
      if (m.index! > 2 && !/(?:^|\b(?:to|and|or|the|an?|its|their|of|for|further)\s+)$/i.test(before)) continue;
      out.push({ at: offset + m.index!, family: f.family });
    }
  }
  out.sort((a, b) => a.at - b.at);
  // Keep only the first action of a run ("expand and strengthen" → one plan).
  return out.filter((a, i) => i === 0 || a.at - out[i - 1].at > 25 || /\band\s+\w+$/i.test(span.slice(0, a.at - offset).trimEnd()) === false ? true : a.at - out[i - 1].at > 25);
}

function fillPlan(d: Draft, v: SentenceView, from: number, to: number, actor: string | undefined): void {
  for (const x of v.mentions) {
    if (x.start < from || x.start >= to) continue;
    if (x.type === 'instrument') add(d, x, 'subject');
    else if (x.type === 'place' || (x.type === 'country' && !implied(x))) add(d, x, 'place');
    else if (x.type === 'organization' && x.via !== 'descriptor') add(d, x, 'participant');
  }
  if (actor) addKey(d, actor, 'participant', d.evidence);
}

const placesOf = (d: Draft) => [...d.participants].filter(([, p]) => p.role === 'place').map(([k]) => k);
const subjectsOf = (d: Draft) => [...d.participants].filter(([, p]) => p.role === 'subject').map(([k]) => k);
const group = (t: EventType) => (t === 'decision' ? 'proposal' : t === 'session' ? 'meeting' : t);

function shareAny(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** Restatements of one fact across sentences become one event. */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const target = out.find((o) => sameFact(o, d));
    if (!target) { out.push(d); continue; }
    for (const [k, p] of d.participants) if (!target.participants.has(k)) target.participants.set(k, p);
    for (const a of d.areas) target.areas.add(a);
    if (!target.time && d.time) target.time = d.time;
    if (d.status && (!target.status || (isPlanStatus(d.status) && isPlanStatus(target.status) && STATUS_RANK[d.status] > STATUS_RANK[target.status]))) target.status = d.status;
    if (target.weak && !d.weak) { target.weak = false; target.label = d.label; }
    if (group(target.type) === 'proposal') target.type = target.status === 'approved' || target.status === 'implemented' || target.status === 'rejected' ? 'decision' : 'proposal';
  }
  return out.filter((d) => !d.weak);
}

function isPlanStatus(s: EventStatus): s is ProposalStatus {
  return s in STATUS_RANK;
}

function sameFact(a: Draft, b: Draft): boolean {
  if (group(a.type) !== group(b.type)) return false;
  switch (group(a.type)) {
    case 'proposal': {
      const sa = subjectsOf(a), sb = subjectsOf(b);
      if (sa.length && sb.length) return shareAny(sa, sb);
      return a.family === b.family && [...a.areas].some((x) => b.areas.has(x));
    }
    case 'request': {
      const req = (d: Draft) => [...d.participants].filter(([, p]) => p.role === 'requester').map(([k]) => k);
      return shareAny(subjectsOf(a), subjectsOf(b)) || shareAny(req(a), req(b));
    }
    case 'visit':
      return [...a.participants.keys()].every((k) => b.participants.has(k)) && a.participants.size === b.participants.size;
    case 'meeting':
      return a.type === b.type && a.label.toLowerCase() === b.label.toLowerCase() && shareAny(placesOf(a), placesOf(b));
    default:
      return false;
  }
}

function finish(drafts: Draft[], _ctx: EventContext): ExtractedEvent[] {
  return drafts.map((d) => {
    const codes = eventCodes(d.type, d.status);
    const ev: ExtractedEvent = {
      key: d.key, type: d.type, label: d.label, participants: [...d.participants].map(([entityKey, p]) => ({ entityKey, role: p.role, evidence: p.evidence })),
      topics: d.topics, evidence: d.evidence, cameo: codes.cameo, plover: codes.plover,
    };
    if (d.status) ev.status = d.status;
    if (d.parentKey) ev.parentKey = d.parentKey;
    if (d.time) ev.time = { ...d.time.interval, evidence: { start: d.time.start, end: d.time.end, rule: d.time.rule } };
    return ev;
  });
}

export { ROLE_OF_TYPE };
