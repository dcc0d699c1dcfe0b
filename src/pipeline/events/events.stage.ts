import type { Evidence, EventStatus, EventType, ExtractedEvent, ProposalStatus, Role } from '../../domain/index.js';
import type { EntityMention, Segmented, Sentence, TimeExpression } from '../types.js';
import { execAll } from '../exec-all.js';
import { findLast } from '../find-last.js';
import { KeywordGates } from '../keyword-gates.js';
import { eventCodes } from './codes.js';
import {
  ACTION_FAMILIES, CANCELLED, FUTURE_CUES, MEETING_NOUN, MEETING_VERB, PAST_CUES, REPORTING_BEFORE_TIME, REQUEST_NOUN,
  REQUEST_VERB, SESSION_NOUN, STATUS_CUES, STATUS_RANK, VISIT,
} from './cues.js';

export interface EventContext {
  published?: string;
  /** Entity key of the dateline place: where a story's main meeting is when it names none. */
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
  /** A gathering of ministers or leaders: the parent for sessions. */
  major?: boolean;
  /** Who a verb meeting's clause is about ("Guterres" of "Guterres met Aoun"), for a pronoun in the next sentence. */
  subjects?: string[];
  /** The meeting noun ("summit", "talks"), to recognise restatements of one meeting. */
  noun?: string;
  /** Where a plan applies: its places and its instruments' hosts, by name and country code. */
  areas: Set<string>;
  /** A request's addressee named only by description ("the Secretary-General"), to keep two asks of one body apart. */
  addressedTo?: string;
}

interface SentenceView {
  s: Sentence;
  mentions: EntityMention[];
  times: TimeExpression[];
  /** Clause breaks as [start, end) offsets within the sentence, found once on first use. */
  breaks?: [number, number][];
}

interface Doc {
  drafts: Draft[];
  ctx: EventContext;
  mainOrg?: string;
  counter: number;
}

const GATE_MEETING = /meeting|summit|ministerial|conference|talks|consultation|retreat|forum|gathering|dialogue/;
const GATE_SESSION = /session|working (?:dinner|lunch|breakfast)|plenary/;
const GATE_MEETING_VERB = /\bmet\b|meet|sat down|sits down|talks|conferred|spoke with|host|receiv|welcom/;
const GATE_VISIT = /visit|travel|trip|arriv|flew|flies|expected in|tour/;
const GATE_REQUEST = /request|ask|call|urge|appeal|sought|seek|invit|appl|demand/;
const GATE_PLAN = /task|instruct|mandat|entrust|review|consider|discuss|examin|study|assess|weigh|debat|under |expected|set to|poised|due to|likely|plan|intend|propos|seek|aim|want|hope|offer|approv|agree|decid|adopt|endors|sign|authori|renew|appoint|green|ratif|vote|extend|prolong|agreement|deal|launch|open|inaugurat|establish|deploy|set up|unveil|rolled out|took up|reject|veto|block|turned down|dropp|expan|broaden|enlarg|increas|strengthen|reinforc|scal|step/;
// Bit i of GATES.scan(low) says whether the gate at index i matched: one pass for all six.
const GATES = new KeywordGates([GATE_MEETING_VERB, GATE_MEETING, GATE_SESSION, GATE_VISIT, GATE_REQUEST, GATE_PLAN]);
const OPENS_MEETING_VERB = 1, OPENS_MEETING = 2, OPENS_SESSION = 4, OPENS_VISIT = 8, OPENS_REQUEST = 16, OPENS_PLAN = 32;

/** A country reached through a demonym or a capital is implied, not named: never a place or a subject. */
function implied(m: EntityMention): boolean {
  return m.via === 'demonym' || m.via === 'capital';
}

const isActor = (m: EntityMention) => m.type === 'person' || m.type === 'organization' || m.type === 'country';
const isNamedActor = (m: EntityMention) => isActor(m) && m.via !== 'capital' && m.via !== 'demonym';
const isPlace = (m: EntityMention) => (m.type === 'place' || m.type === 'country') && !implied(m);

/** Finds meetings, sessions, visits, requests, proposals and decisions sentence by sentence. */
export function findEvents(seg: Segmented, mentions: EntityMention[], times: TimeExpression[], ctx: EventContext): ExtractedEvent[] {
  const views: SentenceView[] = seg.sentences.map((s) => ({ s, mentions: [], times: [] }));
  for (const m of mentions) views[m.sentence]?.mentions.push(m);
  for (const t of times) views[t.sentence]?.times.push(t);
  const doc: Doc = { drafts: [], ctx, mainOrg: mostMentioned(mentions), counter: 0 };
  for (const v of views) {
    // Cheap word gates first: most sentences hold no event and never reach the rule regexes.
    const open = GATES.scan(v.s.text.toLowerCase());
    // Verb meetings first: "the ministers of X, Y and Z met in Tokyo" is the event, and a noun
    // later in the sentence with the same parties ("... agreed to work toward a summit") is not.
    if (open & OPENS_MEETING_VERB) verbMeetings(v, doc);
    if (open & OPENS_MEETING) meetings(v, doc);
    if (open & OPENS_SESSION) sessions(v, doc);
    if (v.mentions.length) bodyMeetings(v, doc);
    if (open & OPENS_VISIT) visits(v, doc);
    if (open & OPENS_REQUEST) requests(v, doc);
    if (open & OPENS_PLAN) plans(v, doc);
  }
  const merged = mergeDrafts(doc.drafts).filter(isSubstantial);
  dropLaterTimes(merged, views, ctx.published);
  dateFromHost(merged, views);
  dateFromRestatement(merged, views);
  dateFromStory(merged, storyDate(views, ctx), views);
  return finish(merged);
}

/** A meeting needs two parties, or one party with a place or a date; one name alone is talk about talks. */
function isSubstantial(d: Draft): boolean {
  if (d.type !== 'meeting') return true;
  const parties = [...d.participants.values()].filter((p) => p.role !== 'place').length;
  return parties >= 2 || (parties >= 1 && (!!d.time || hasRole(d, 'place')));
}

// "KUWAIT CITY, Dec 31 (Meridian) -", "Kuala Lumpur, 26 May 2025": the date a dateline carries.
const DATELINE_BEFORE = /^[A-Z][^.!?]{0,60},\s*$/;
const DATELINE_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:]|$)/;
// "Updated 26 June 2025, 08:40 CET": a web page's stamp.
const STAMP_BEFORE = /\b(?:[Uu]pdated|[Pp]ublished|[Pp]osted)(?:\s+on)?:?\s*$/;
// Headlines, bylines, datelines and section headings end without a sentence's closing mark.
const CLOSED_SENTENCE = /[.!?"”’)]\s*$/;

/** A dateline's date or a page stamp says when the text was filed, not when its news happened. */
function isFilingStamp(v: SentenceView, t: TimeExpression): boolean {
  const before = v.s.text.slice(0, t.start - v.s.start);
  if (STAMP_BEFORE.test(before)) return true;
  return DATELINE_BEFORE.test(before) && DATELINE_AFTER.test(v.s.text.slice(t.end - v.s.start));
}

/**
 * The day a news story is about: the first past or present day-precise date in its opening
 * sentences ("... met on Thursday"). Wire copy dates the lead and leaves the follow-up
 * sentences about the same occasion undated. The filing date ("PARIS, July 14 -") only
 * stands in when the lead names no day of its own.
 */
function storyDate(views: SentenceView[], ctx: EventContext): TimeExpression | undefined {
  let filed: TimeExpression | undefined;
  let opening = 0;
  for (const v of views) {
    let latest: TimeExpression | undefined;
    for (const t of v.times) {
      if (t.interval.precision !== 'day' || t.interval.tense === 'future') continue;
      if (ctx.published && t.interval.start > ctx.published) continue;
      if (isFilingStamp(v, t)) filed ??= t;
      // A lead tells the newest step and dates the background before it ("who took office on 1 January").
      else if (!latest || t.interval.start > latest.interval.start) latest = t;
    }
    if (latest) return latest;
    // Only sentences of the story count as its opening, not the header lines above them.
    if (CLOSED_SENTENCE.test(v.s.text) && ++opening >= 3) break;
  }
  return filed;
}

// "Iwaya proposed turning the centre into a hub": putting a plan forward is itself a dated step.
const PAST_PROPOSAL = /^(?:proposed|offered|tabled|put\s+forward|floated|suggested|pitched)\b/i;
const PAST_REQUEST = /\b(?:asked|requested|called|urged|sought|submitted|appealed|invited)\b/i;

/**
 * A step reported as taken lies on or before publication, so a time reaching past it dates
 * the step's effect or another clause ("agreed to prolong the mandate until May 2027",
 * "asked for money to expand drone production, which could double this year").
 */
function dropLaterTimes(drafts: Draft[], views: SentenceView[], published: string | undefined): void {
  if (!published) return;
  for (const d of drafts) {
    if (!d.time) continue;
    const taken = d.status === 'approved' || d.status === 'implemented' || d.status === 'rejected' || (d.type === 'request' && PAST_REQUEST.test(d.label));
    if (taken ? d.time.interval.end > published && !isModalStep(d, views) : d.status === 'held' && d.time.interval.start > published) d.time = undefined;
  }
}

// "should be approved", "will be launched", "to be signed": a modal puts the step ahead, whatever its verb form.
const MODAL_BEFORE = /\b(?:will|would|should|shall|must|could|may|might|to)\s+(?:\w+ly\s+)?be\s+$/i;

function isModalStep(d: Draft, views: SentenceView[]): boolean {
  // After a merge the label may come from a later sentence, and the evidence with it.
  const text = views.find((v) => v.s.start <= d.evidence.start && d.evidence.start < v.s.end)?.s.text ?? '';
  const at = text.indexOf(d.label.slice(0, 16));
  return at > 0 && MODAL_BEFORE.test(text.slice(Math.max(0, at - 24), at));
}

// "is planned for the margins of the summit", "met on the sidelines of the ministerial": a side event of a gathering named before.
const SIDE_OF = /\b(?:on|at|in|for|along)\s+the\s+(?:margins?|sidelines?|side-lines?)\s+of\s+(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,2}?(summit|meeting|ministerial|conference|council|session|assembly|forum)\b/i;

/** An undated meeting held on the margins of a gathering takes that gathering's date. */
function dateFromHost(drafts: Draft[], views: SentenceView[]): void {
  for (const [i, d] of drafts.entries()) {
    if (d.time || (d.type !== 'meeting' && d.type !== 'session')) continue;
    const side = SIDE_OF.exec(views[d.sentence]?.s.text ?? '');
    if (!side) continue;
    const noun = side[1].toLowerCase();
    const hosts = drafts.filter((h) => h !== d && h.time && (h.type === 'meeting' || h.type === 'session') && h.noun?.endsWith(noun));
    // The nearest gathering told before it, else the first told after.
    const host = findLast(hosts, (h) => drafts.indexOf(h) < i) ?? hosts[0];
    if (host) d.time = host.time;
  }
}

// "The request was first raised by Pashinyan ... on 6 October 2022": the next sentence tells when the event just named happened.
const RESTATED = /^(?:The|This|That)\s+(request|appeal|invitation|visit|trip|meeting|talks|summit|decision|proposal)\s+(?:was|were|had\s+been)\s+(?:(?:first|\w+ly)\s+)?\w+(?:ed|en|t)\b/i;
const RESTATED_TYPE: Record<string, EventType> = {
  request: 'request', appeal: 'request', invitation: 'request', visit: 'visit', trip: 'visit', meeting: 'meeting', talks: 'meeting',
  summit: 'meeting', decision: 'decision', proposal: 'proposal',
};

/** An undated event takes the time of a next sentence that restates it as a definite, past-tense subject. */
function dateFromRestatement(drafts: Draft[], views: SentenceView[]): void {
  for (const d of drafts) {
    if (d.time) continue;
    const next = views[d.sentence + 1];
    const m = next && RESTATED.exec(next.s.text);
    if (!m || RESTATED_TYPE[m[1].toLowerCase()] !== d.type) continue;
    const time = next.times.find((t) => reportingVerbBefore(next, t) === undefined);
    if (time) d.time = time;
  }
}

// A sentence of quoted speech: “We are not here to admire the problem.
const QUOTED_SENTENCE = /^["“‘]/;

/**
 * Undated events that the text reports as done take the story's date, within the story's
 * first dozen sentences of narrative: header lines and quoted speech do not count, so a
 * release's section headings or a wire's quotes do not push its findings out of reach.
 */
function dateFromStory(drafts: Draft[], story: TimeExpression | undefined, views: SentenceView[]): void {
  if (!story) return;
  const narrative: number[] = [];
  let told = 0;
  for (const v of views) {
    narrative.push(told);
    if (CLOSED_SENTENCE.test(v.s.text) && !QUOTED_SENTENCE.test(v.s.text)) told++;
  }
  // A headline tells the story's news in the present tense ("Secretary-General proposes UN support office").
  const headline = views.length > 1 && views[0].s.paragraph !== views[1].s.paragraph && !CLOSED_SENTENCE.test(views[0].s.text);
  for (const d of drafts) {
    if (d.time) continue;
    const done =
      d.status === 'held' || d.status === 'approved' || d.status === 'implemented' || d.status === 'rejected' ||
      (d.type === 'request' && PAST_REQUEST.test(d.label)) || (d.type === 'proposal' && PAST_PROPOSAL.test(d.label)) ||
      (headline && d.sentence === 0 && (d.type === 'request' || d.type === 'proposal'));
    if (!done) continue;
    const framed = paragraphDay(views, d.sentence);
    if (framed) d.time = framed;
    else if ((narrative[d.sentence] ?? d.sentence) < 12) d.time = story;
  }
}

/**
 * The day an earlier sentence of the same paragraph gave its events: a paragraph tells one
 * occasion ("... an extraordinary session in Kuwait last Thursday. In a closing statement,
 * ministers decided to form a liaison group").
 */
function paragraphDay(views: SentenceView[], at: number): TimeExpression | undefined {
  const paragraph = views[at]?.s.paragraph;
  for (let k = at - 1; k >= 0 && views[k].s.paragraph === paragraph; k--) {
    const v = views[k];
    const days = v.times.filter((t) => t.interval.precision === 'day' && t.interval.tense !== 'future' && !isFilingStamp(v, t) && reportingVerbBefore(v, t) === undefined);
    if (days.length) return days[days.length - 1];
  }
  return undefined;
}

/** A label a reader can scan: one line, no dangling "to"/"and" or closing punctuation, at most ~90 characters. */
// What a label may not end with: punctuation and quote marks, then a dangling little word.
const LABEL_TRAILING_MARKS = new Set([' ', ',', ';', ':', '.', '“', '”', '"', "'", '’']);
const LABEL_TRAILING_WORDS = new Set(['to', 'and', 'or', 'the', 'a', 'an', 'of', 'that', 'with', 'for', 'by', 'in', 'on']);

function tidyLabel(label: string): string {
  let s = label.replace(/\s+/g, ' ').trim();
  if (s.length > 90) s = s.slice(0, s.lastIndexOf(' ', 88) > 40 ? s.lastIndexOf(' ', 88) : 88) + ' …';
  // Trimmed by hand: end-anchored regexes are tried at every position of a long clause.
  for (let i = 0; i < 3; i++) {
    let end = s.length;
    while (end > 0 && LABEL_TRAILING_MARKS.has(s[end - 1])) end--;
    s = s.slice(0, end);
    const space = s.lastIndexOf(' ');
    if (space >= 0 && LABEL_TRAILING_WORDS.has(s.slice(space + 1).toLowerCase())) s = s.slice(0, space);
  }
  return s;
}

function newDraft(doc: Doc, type: EventType, v: SentenceView, rule: string, label: string): Draft {
  const d: Draft = {
    key: `ev${++doc.counter}`, type, label: tidyLabel(label), participants: new Map(), topics: [], areas: new Set(),
    evidence: { start: v.s.start, end: v.s.end, rule }, sentence: v.s.index,
  };
  doc.drafts.push(d);
  return d;
}

function mostMentioned(mentions: EntityMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.type === 'organization') counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
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

const hasRole = (d: Draft, role: Role) => [...d.participants.values()].some((p) => p.role === role);

// Where one clause of a sentence ends and the next begins: the frame of one event.
// ", during which the door would remain open": a relative clause after a preposition is a frame of its own too.
const CLAUSE_BREAK = /;|\s[–—-]\s|,\s+(?:and|but|while|whereas|which|who|where|as|after|before|following|adding|saying|describing|noting|although|though|when)\b|,\s+(?:during|under|through|throughout)\s+which\b|\.\s|,\s*["“]|["”],/gi;

/** The clause of the sentence around `pos` (absolute offsets). */
function clauseOf(v: SentenceView, pos: number): { start: number; end: number } {
  const text = v.s.text;
  if (!v.breaks) {
    v.breaks = [];
    CLAUSE_BREAK.lastIndex = 0;
    for (const m of execAll(CLAUSE_BREAK, text)) v.breaks.push([m.index!, m.index! + m[0].length]);
  }
  const rel = pos - v.s.start;
  let start = 0;
  let end = text.length;
  for (const [at, after] of v.breaks) {
    if (after <= rel) start = after;
    else if (at >= rel) { end = at; break; }
  }
  return { start: v.s.start + start, end: v.s.start + end };
}

function within(v: SentenceView, from: number, to: number, pred: (m: EntityMention) => boolean): EntityMention[] {
  return v.mentions.filter((m) => m.start >= from && m.end <= to && pred(m));
}

/** Where a reporting verb right before `t` starts ("said on Wednesday"), if there is one. */
function reportingVerbBefore(v: SentenceView, t: TimeExpression): number | undefined {
  const leadStart = Math.max(v.s.start, t.start - 24);
  const lead = v.s.text.slice(leadStart - v.s.start, t.start - v.s.start).replace(/\s*(?:on|in|at|late|early)\s*$/i, '');
  const m = REPORTING_BEFORE_TIME.exec(lead);
  return m ? leadStart + m.index : undefined;
}

const OTHER_VERB_TIME = /\b[a-z]\w+ed\s+(?:(?:in|on|during)\s+)?$/;

/** The time that dates an event near `pos`, ignoring times that only date the reporting ("said on Wednesday"). */
function timeNear(v: SentenceView, pos: number, clause?: { start: number; end: number }): TimeExpression | undefined {
  let best: TimeExpression | undefined;
  let bestDist = Infinity;
  for (const t of v.times) {
    const reporting = reportingVerbBefore(v, t);
    // "the EU announced on Sunday an initial €500,000": when the verb is the event's own, its time is the event's.
    if (reporting !== undefined && reporting < pos - 1) continue;
    // "the first such gathering since November 2023": a time after "since" dates something else.
    if (/\bsince\s+$/i.test(v.s.text.slice(Math.max(0, t.start - v.s.start - 8), t.start - v.s.start))) continue;
    // "signed a letter of intent, on top of the jets Jakarta ordered in 2022": a later verb's own time dates that verb.
    if (t.start > pos + 12 && OTHER_VERB_TIME.test(v.s.text.slice(Math.max(pos + 12, t.start - 24) - v.s.start, t.start - v.s.start))) continue;
    let dist = t.start >= pos ? t.start - pos : (pos - t.end) * 1.5;
    if (clause && (t.start < clause.start || t.end > clause.end)) dist += 400;
    if (dist < bestDist) { best = t; bestDist = dist; }
  }
  return bestDist < 600 ? best : undefined;
}

function meetingStatus(v: SentenceView, time: TimeExpression | undefined, ctx: EventContext, phrase: string, clauseText: string, atDateline = false): EventStatus {
  if (CANCELLED.test(clauseText)) return 'cancelled';
  if (/\b(?:last|previous|past|recent|earlier|former)\b/i.test(phrase)) return 'held';
  if (/\b(?:next|upcoming|coming|forthcoming)\b/i.test(phrase)) return 'scheduled';
  if (time && ctx.published) {
    if (time.interval.end < ctx.published) return 'held';
    if (time.interval.start > ctx.published) return 'scheduled';
  }
  if (FUTURE_CUES.test(clauseText)) return 'scheduled';
  if (PAST_CUES.test(clauseText)) return 'held';
  if (time?.interval.tense === 'past') return 'held';
  // No cue either way: a clause told in the past tense ("ministers gathered") reports a meeting that took place.
  if (/\b\w{3,}ed\b/.test(clauseText) && !/\b(?:to\s+be|expected|scheduled|planned)\b/i.test(clauseText)) return 'held';
  // "ABUJA, Dec 15 - Meeting in Abuja for the summit, the Authority set ...": a wire files from a meeting it reports.
  return atDateline ? 'held' : 'scheduled';
}

function lastMeeting(doc: Doc, sessionToo: boolean): Draft | undefined {
  for (let i = doc.drafts.length - 1; i >= 0; i--) {
    const d = doc.drafts[i];
    if (d.type === 'meeting' || (sessionToo && d.type === 'session')) return d;
  }
  return undefined;
}

/**
 * The gathering a session belongs to: the major meeting (ministerial, summit) whose dates
 * hold the session's date, else the story's first major meeting.
 */
function parentMeeting(doc: Doc, time?: TimeExpression): Draft | undefined {
  const majors = doc.drafts.filter((d) => d.type === 'meeting' && d.major);
  if (time) {
    const holding = majors.find((d) => d.time && time.interval.start >= d.time.interval.start && time.interval.end <= d.time.interval.end);
    if (holding) return holding;
  }
  return majors[0];
}

/** Everyone acting in a clause: people, bodies, countries (a demonym counts: "Japanese and Chinese ministers"). */
function actorsIn(v: SentenceView, c: { start: number; end: number }): EntityMention[] {
  // "a ministerial in Luxembourg": a country after "in"/"at" is where, not who.
  const base = v.s.start;
  return within(v, c.start, c.end, (m) => isActor(m) && m.via !== 'capital' && !(m.type === 'country' && /\b(?:in|at)\s+$/i.test(v.s.text.slice(Math.max(0, m.start - base - 4), m.start - base))));
}

/** Who acts in a clause before `at`: the last person named there, else the last body or country. */
function subjectBefore(v: SentenceView, clauseStart: number, at: number): EntityMention | undefined {
  const before = within(v, clauseStart, at, (x) => isActor(x) && x.via !== 'capital');
  const found = findLast(before, (x) => x.type === 'person') ?? before[before.length - 1];
  if (found) return found;
  // "Zelensky, who addressed the leaders ..., asked them": the relative clause's antecedent acts.
  if (/^\s*who\b/i.test(v.s.text.slice(clauseStart - v.s.start))) {
    return findLast(v.mentions, (x) => x.end <= clauseStart && isActor(x) && x.via !== 'capital' && x.via !== 'demonym');
  }
  return undefined;
}

// "agreed to hold a joint working meeting", "work toward holding a summit", "to convene, before the end of this month, a conference":
// a meeting that is the object of an intention is still ahead, whatever tense the clause is told in.
const TO_HOLD = /\b(?:to|toward|towards)\s+(?:hold|holding|convene|convening|host|hosting|organi[sz]e|organi[sz]ing)\b[^.;]*$/i;

// "the two leaders agreed", "Both sides agreed to hold": the parties of the meeting just told, not named again.
const BOTH_SIDES = /\b(?:both|the\s+two)\s+(?:sides|leaders|men|women|ministers|countries|governments|delegations|capitals)\b/i;

/** The parties of the latest meeting with two or more, when `before` calls its actors "the two sides". */
function pairParties(doc: Doc, before: string): string[] | undefined {
  if (!BOTH_SIDES.test(before)) return undefined;
  for (let i = doc.drafts.length - 1; i >= 0; i--) {
    const d = doc.drafts[i];
    if (d.type !== 'meeting' && d.type !== 'session') continue;
    const parties = partyKeys(d);
    if (parties.length >= 2) return parties;
  }
  return undefined;
}

/** Meetings named by a noun: "foreign ministers meeting in Brussels this week", "the NATO summit in The Hague". */
function meetings(v: SentenceView, doc: Doc): void {
  const text = v.s.text;
  const base = v.s.start;
  MEETING_NOUN.lastIndex = 0;
  for (const m of execAll(MEETING_NOUN, text)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    const noun = m[0].toLowerCase().replace(/s$/, '').split(/\s+/).pop()!;
    // Press briefings and news conferences are how a story is told, not what it tells.
    if (/\b(?:press|news)\s+$/i.test(before)) continue;
    // Part of a body's name ("World Forum", "Munich Security Conference") is a body, not a new meeting noun.
    if (v.mentions.some((x) => x.start <= at && x.end >= end)) continue;
    const clause = clauseOf(v, at);
    const clauseText = text.slice(clause.start - base, clause.end - base);
    const ofOrg = /^\s+(?:of|between|with)\s+/i.test(after) ? v.mentions.find((x) => isActor(x) && x.start > end && x.start - end <= 16) : undefined;
    // The first place after "in"/"at" (with any place set beside it: "in Malabo, Equatorial Guinea").
    const located = within(v, end, clause.end, isPlace);
    const firstAt = located.findIndex((p) => /\b(?:in|at)\s+(?:the\s+)?$/i.test(text.slice(Math.max(end - base, p.start - base - 8), p.start - base)));
    const places: EntityMention[] = [];
    if (firstAt >= 0) {
      places.push(located[firstAt]);
      for (let k = firstAt + 1; k < located.length && /^\s*(?:,|and)\s*$/.test(text.slice(located[k - 1].end - base, located[k].start - base)); k++) places.push(located[k]);
    }
    // "the summit ... set a transition period running until July 29": a time after "until" is a deadline, not the meeting's day.
    let time = timeNear(v, end, clause);
    if (time && UNTIL_BEFORE.test(text.slice(Math.max(0, time.start - base - 12), time.start - base))) time = undefined;
    const actors = actorsIn(v, clause);
    const modifiers = actors.filter((x) => x.end <= at && at - x.end <= 30);
    const definite = /\b(?:the|those|these|that|this|their|its|his|her)\s+(?:[\w-]+\s+){0,2}$/i.test(before) && !/\b(?:last|previous|next|upcoming)\s+(?:[\w-]+\s+)?$/i.test(before);
    // "the meeting", "those talks": a back-reference adds to the meeting already named.
    if (definite && !modifiers.length && !ofOrg && !places.length) {
      const target = lastMeeting(doc, false);
      if (target) for (const x of actors) add(target, x, 'participant');
      continue;
    }
    const phrase = text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 20);
    const told = doc.drafts.find((d) => d.sentence === v.s.index && d.evidence.rule === 'events.meeting.verb');
    const intended = TO_HOLD.test(text.slice(Math.max(clause.start - base, m.index! - 60), m.index!));
    // The same parties' meeting told by the verb, unless this one is still to be held ("met ... and agreed to hold a summit").
    if (told && !intended && actors.length && actors.every((x) => told.participants.has(x.key))) continue;
    // "He later held talks with Salam": the noun of a verb meeting already told in its clause.
    if (told && told.evidence.start <= at && at < told.evidence.end && /\bh[eo]ld(?:s|ing)?\s+$/i.test(before)) continue;
    const parent = parentMeeting(doc, time);
    // A council's meeting during a ministerial is one of its sessions.
    const isSession = !!ofOrg && ofOrg.type === 'organization' && !!parent && (!time || !parent.time || (time.interval.start >= parent.time.interval.start && time.interval.end <= parent.time.interval.end));
    const labelStart = modifiers.length ? Math.min(modifiers[0].start, at) : at;
    const labelEnd = ofOrg ? ofOrg.end : places.length ? places[places.length - 1].end : end;
    const d = newDraft(doc, isSession ? 'session' : 'meeting', v, isSession ? 'events.session.meeting-of' : 'events.meeting.noun', text.slice(labelStart - base, labelEnd - base));
    d.major = /ministers|ministerial|summit/.test(m[0].toLowerCase());
    d.noun = noun;
    for (const x of actors) add(d, x, 'participant');
    const pair = actors.length ? undefined : pairParties(doc, text.slice(clause.start - base, m.index!));
    if (pair) for (const k of pair) addKey(d, k, 'participant', d.evidence);
    else if (!actors.length && d.major) {
      // "at an extraordinary summit on 6 March": the bodies of the story's earlier summit meet again, before its most named body.
      const same = findLast(doc.drafts, (o) => o !== d && o.type === 'meeting' && o.noun === noun);
      const bodies = same ? keysWithRole(same, 'participant').filter((k) => k.startsWith('org:')) : [];
      if (bodies.length) for (const k of bodies) addKey(d, k, 'participant', d.evidence);
      else if (doc.mainOrg) addKey(d, doc.mainOrg, 'participant', d.evidence);
    }
    for (const p of places) add(d, p, 'place');
    if (!places.length) for (const p of within(v, clause.start, clause.end, isPlace)) if (p.type === 'place') add(d, p, 'place');
    if (time) d.time = time;
    d.status = meetingStatus(v, time, doc.ctx, phrase, clauseText, !!doc.ctx.datelineKey && d.participants.get(doc.ctx.datelineKey)?.role === 'place');
    if (d.status === 'held' && intended) d.status = 'scheduled';
    if (isSession && parent) inherit(d, parent);
    else if (!hasRole(d, 'place') && doc.ctx.datelineKey && d.major && d.status === 'scheduled' && time?.interval.precision === 'week') addKey(d, doc.ctx.datelineKey, 'place', d.evidence);
    if (!d.participants.size) doc.drafts.pop();
  }
}

/** Sessions: "a closed session on NATO-EU coordination", "will join the session". */
function sessions(v: SentenceView, doc: Doc): void {
  const text = v.s.text;
  const base = v.s.start;
  SESSION_NOUN.lastIndex = 0;
  for (const m of execAll(SESSION_NOUN, text)) {
    const at = base + m.index!;
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    const parent = parentMeeting(doc, timeNear(v, at));
    const actors = v.mentions.filter((x) => isActor(x) && x.via !== 'capital');
    // "will join the session": more participants for the session or meeting just named.
    if (/\bthe\s+$/i.test(before) && !/\b(?:closed|open|special|plenary|working)\s+$/i.test(before)) {
      const target = lastMeeting(doc, true);
      if (target) for (const x of actors) add(target, x, 'participant');
      continue;
    }
    const after = text.slice(m.index! + m[0].length);
    // "the 38th ordinary session of the Assembly": a session of a named body is that body's meeting.
    const ofBody = /^\s+of\s+(?:the\s+)?/i.test(after) ? v.mentions.find((x) => x.type === 'organization' && x.start > at && x.start - at <= m[0].length + 16) : undefined;
    if (ofBody) {
      const d = newDraft(doc, parent ? 'session' : 'meeting', v, 'events.session.of-body', text.slice(m.index!, ofBody.end - base));
      add(d, ofBody, 'participant');
      const time = timeNear(v, at);
      if (time) d.time = time;
      d.status = meetingStatus(v, time, doc.ctx, before, text);
      if (parent) inherit(d, parent);
      continue;
    }
    const topic = /^\s+(?:on|about|focused\s+on|dedicated\s+to|devoted\s+to)\s+([^,.;]+)/i.exec(after);
    const label = (/(?:\b(?:closed|open|special|plenary|working|informal|joint)\s+)?$/i.exec(before)?.[0] ?? '') + m[0] + (topic ? ` on ${topic[1]}` : '');
    const d = newDraft(doc, 'session', v, 'events.session.noun', label);
    if (topic) d.topics.push(topic[1].trim());
    // Everyone named in the sentence takes part ("meet counterparts from Australia, Japan ... for a session").
    for (const x of actors) add(d, x, 'participant');
    for (const x of v.mentions) if (x.type === 'place' && x.start > at) add(d, x, 'participant');
    const time = timeNear(v, at);
    if (time) d.time = time;
    d.status = meetingStatus(v, time, doc.ctx, before, text);
    if (parent) inherit(d, parent);
    if (!d.participants.size) doc.drafts.pop();
  }
}

const UNTIL_BEFORE = /\b(?:until|till|untill)\s+$/i;

// Bodies whose name is itself a gathering: "the European Council", "the ASEAN Regional Forum".
const GATHERING_BODY = /\b(?:council|forum|summit|conference|assembly|ministerial|meeting|dialogue)$/i;
// "will take up", "convenes", "meets on Friday", "joining the forum"
const BODY_MEETS = /\b(?:meets?|met|meeting|convene[sd]?|convening|gather(?:s|ed)?|sits?|sat|took\s+up|take\s+up|will\s+take\s+up|joining|join|attend(?:s|ed|ing)?|opened|opens|chaired|chairs|hosted|hosts|session)\b/i;

// "told reporters after the Foreign Affairs Council", "agreed at the European Council": the body's meeting is the occasion.
const OCCASION_BEFORE = /\b(?:after|at|during|following|ahead\s+of)\s+(?:the|this|that|its|their|a)\s+$/i;

/** A gathering body named with a date or a meeting verb: "the European Council in June", "joining the ASEAN Regional Forum on Friday". */
function bodyMeetings(v: SentenceView, doc: Doc): void {
  for (const m of v.mentions) {
    if (m.type !== 'organization' || !GATHERING_BODY.test(m.name) || m.via === 'descriptor') continue;
    if (/security council/i.test(m.name) && !/\b(?:meet|meets|met|convene|session|briefing|briefed|brief)\b/i.test(v.s.text)) continue;
    const clause = clauseOf(v, m.start);
    const clauseText = v.s.text.slice(clause.start - v.s.start, clause.end - v.s.start);
    const time = v.times.find((t) => t.start >= clause.start && t.end <= clause.end && t.start > m.start - 40);
    const followingPlace = within(v, m.end, Math.min(clause.end, m.end + 25), isPlace).find((p) => /^\s+(?:in|at)\s+$/i.test(v.s.text.slice(m.end - v.s.start, p.start - v.s.start)));
    // The body meets when a meeting verb says so, or a date follows its name ("the European Council in June").
    const dateAfter = !!time && time.start >= m.end && time.start - m.end <= 16;
    if (!dateAfter && !BODY_MEETS.test(clauseText) && !OCCASION_BEFORE.test(v.s.text.slice(Math.max(0, m.start - v.s.start - 40), m.start - v.s.start))) continue;
    // Already part of a meeting found by its noun in this sentence.
    if (doc.drafts.some((d) => d.sentence === v.s.index && (d.type === 'meeting' || d.type === 'session') && d.participants.has(m.key))) continue;
    const d = newDraft(doc, 'meeting', v, 'events.meeting.body', m.name + (followingPlace ? ` in ${followingPlace.name}` : ''));
    d.noun = m.name.toLowerCase();
    add(d, m, 'participant');
    for (const x of actorsIn(v, clause)) if (x.type === 'person' || (x.type === 'organization' && x.key !== m.key)) add(d, x, 'participant');
    if (followingPlace) add(d, followingPlace, 'place');
    if (time) d.time = time;
    d.status = meetingStatus(v, time, doc.ctx, clauseText.slice(0, m.start - clause.start), clauseText);
  }
}

/** Meetings told by a verb: "Rubio sat down with Lavrov", "Guterres held talks with Salam", "Macron hosted Prabowo". */
function verbMeetings(v: SentenceView, doc: Doc): void {
  const text = v.s.text;
  const base = v.s.start;
  if (SESSION_NOUN.test(text)) { SESSION_NOUN.lastIndex = 0; return; }
  SESSION_NOUN.lastIndex = 0;
  MEETING_VERB.lastIndex = 0;
  for (const m of execAll(MEETING_VERB, text)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const clause = clauseOf(v, at);
    const subjects = within(v, clause.start, at, isNamedActor);
    const objects = within(v, end, Math.min(clause.end, end + 120), isNamedActor);
    // "Malaysia's Foreign Minister ... who chaired the meeting": the subject may sit before the clause.
    if (!subjects.length) {
      const earlier = v.mentions.filter((x) => isNamedActor(x) && x.end <= clause.start);
      if (earlier.length && /^\s*who\b/i.test(text.slice(clause.start - base))) subjects.push(earlier[earlier.length - 1]);
    }
    const hostVerb = /host|receiv|welcom/i.test(m[0]);
    // "to be hosted by Singapore", "received by": a passive names a venue or a sender, not a meeting.
    if (hostVerb && (/^\s+by\b/i.test(text.slice(end - base)) || /\b(?:be|been|being|is|was|are|were)\s+$/i.test(text.slice(Math.max(0, m.index! - 8), m.index!)))) continue;
    if (!subjects.length || (!objects.length && !/talks|met|meet/i.test(m[0]))) continue;
    // One meeting per clause: "met X and later Y" is still one frame.
    if (doc.drafts.some((d) => d.sentence === v.s.index && d.evidence.rule === 'events.meeting.verb' && d.evidence.start === clause.start)) continue;
    if (doc.drafts.some((d) => d.sentence === v.s.index && (d.type === 'meeting' || d.type === 'session') && objects.some((o) => d.participants.has(o.key)))) continue;
    const subj = subjects.filter((x) => x.type === 'person').slice(-2);
    const subjUse = subj.length ? subj : subjects.slice(-1);
    // "The European Union and India held talks": bodies and countries joined by "and" all take part.
    for (let k = subjects.length - 2; !subj.length && k >= 0 && JOINED.test(text.slice(subjects[k].end - base, subjects[k + 1].start - base)); k--) subjUse.unshift(subjects[k]);
    const carried = subjUse.length === 1 ? carriedSubject(doc, v, subjUse[0]) : undefined;
    const d = newDraft(doc, 'meeting', v, 'events.meeting.verb', `${carried ? 'he' : subjUse.map((x) => x.name).join(', ')} ${m[0]} ${objects.map((x) => x.name).slice(0, 3).join(', ')}`);
    d.evidence = { start: clause.start, end: clause.end, rule: 'events.meeting.verb' };
    d.noun = 'talks';
    if (carried) for (const k of carried) addKey(d, k, 'participant', { start: subjUse[0].start, end: subjUse[0].end, rule: subjUse[0].rule });
    else for (const x of subjUse) add(d, x, hostVerb ? 'host' : 'participant');
    d.subjects = [...d.participants.keys()];
    for (const x of objects) add(d, x, hostVerb ? 'guest' : 'participant');
    for (const p of within(v, clause.start, clause.end, isPlace)) if (p.type === 'place' || /\b(?:in|at)\s+$/i.test(text.slice(0, p.start - base))) add(d, p, 'place');
    const time = timeNear(v, at, clause);
    if (time) d.time = time;
    const clauseText = text.slice(clause.start - base, clause.end - base);
    d.status = meetingStatus(v, time, doc.ctx, m[0], clauseText);
    if (/^(?:met|sat|held|conferred|spoke|hosted|received|welcomed)/i.test(m[0])) d.status = 'held';
    // "He later held talks with Salam, who ..., and with Speaker Berri": told as a sequence, each "with" is a round of its own;
    // without one ("held talks with al-Sharaa ..., and with al-Shaibani") the second name joins the same talks.
    AND_WITH.lastIndex = clause.end - base;
    const more = AND_WITH.exec(text);
    const other = more && v.mentions.find((x) => isNamedActor(x) && x.start >= base + more.index + more[0].length && x.start - (base + more.index + more[0].length) <= 40);
    if (!other || d.participants.has(other.key)) continue;
    if (!SEQUENCE_BEFORE.test(text.slice(Math.max(0, m.index! - 16), m.index!))) { add(d, other, hostVerb ? 'guest' : 'participant'); continue; }
    const e = newDraft(doc, 'meeting', v, 'events.meeting.verb', `${d.label.slice(0, d.label.indexOf(m[0]) + m[0].length)} ${other.name}`);
    e.evidence = { start: base + more.index, end: v.s.end, rule: 'events.meeting.verb.and-with' };
    e.noun = 'talks';
    e.subjects = d.subjects;
    for (const k of d.subjects) { const p = d.participants.get(k)!; e.participants.set(k, p); }
    add(e, other, hostVerb ? 'guest' : 'participant');
    e.time = d.time;
    e.status = d.status;
  }
}

const JOINED = /^\s*(?:,|and|,\s*and)\s*$/;
const AND_WITH = /,\s+and\s+(?:\w+\s+)?with\s+/g;
const SEQUENCE_BEFORE = /\b(?:later|then|afterwards|subsequently|next)\s+$/i;

/**
 * "Guterres met Aoun. He later held talks with Salam": a pronoun opening a sentence continues the
 * subject of the meeting just told, where the pronoun was resolved to that meeting's guest.
 */
function carriedSubject(doc: Doc, v: SentenceView, pronoun: EntityMention): string[] | undefined {
  if (!pronoun.rule.endsWith('reference.pronoun') || pronoun.start - v.s.start > 3) return undefined;
  const prev = findLast(doc.drafts, (d) => d.sentence === v.s.index - 1 && d.evidence.rule === 'events.meeting.verb');
  if (!prev?.subjects?.length || prev.subjects.includes(pronoun.key) || !prev.participants.has(pronoun.key)) return undefined;
  return prev.subjects;
}

/** A session takes its meeting's place, bodies, date and status where it names none of its own. */
function inherit(d: Draft, parent: Draft): void {
  d.parentKey = parent.key;
  if (!hasRole(d, 'place')) for (const [k, p] of parent.participants) if (p.role === 'place') d.participants.set(k, p);
  for (const [k, p] of parent.participants) if (p.role === 'participant' && k.startsWith('org:')) addKey(d, k, 'participant', p.evidence);
  if (!d.time && parent.time) d.time = parent.time;
  if (!d.status || (d.status === 'held' && parent.status === 'scheduled' && !d.time)) d.status = parent.status;
}

/** Visits: "recent visits by NATO Secretary-General Mark Rutte to Sarajevo and Kosovo in March", "X visited Y". */
function visits(v: SentenceView, doc: Doc): void {
  const text = v.s.text;
  const base = v.s.start;
  VISIT.lastIndex = 0;
  for (const m of execAll(VISIT, text)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const clause = clauseOf(v, at);
    let who: EntityMention | undefined;
    let destStart = end;
    const by = /^\s+by\s+/i.exec(text.slice(m.index! + m[0].length));
    if (by) {
      // "visits by NATO Secretary-General Mark Rutte": the person, not the body in the title.
      // The agent phrase ends where the visit's other parts begin: "by X to Y", "by X since ...".
      const rest = text.slice(end - base);
      const stop = rest.search(/\s(?:to|since|after|before|in|on|at|for|from|during|last|this|next)\s|[,;.]/);
      const agentEnd = end + (stop < 0 ? rest.length : stop);
      const agents = v.mentions.filter((x) => isActor(x) && !implied(x) && x.start >= end && x.start <= agentEnd);
      who = agents.find((x) => x.type === 'person') ?? agents[0];
      if (who) destStart = Math.max(...agents.filter((x) => x.start <= who!.start).map((x) => x.end));
    } else {
      const before = within(v, clause.start, at, (x) => isActor(x) && !implied(x));
      who = [...before].reverse().find((x) => x.type === 'person') ?? before[before.length - 1];
      // "The ASEAN Chair's special envoy on Myanmar, Othman Hashim, travelled to ...": the subject may open the sentence.
      if (!who) {
        const opening = v.mentions.filter((x) => isActor(x) && !implied(x) && x.end <= at);
        who = opening.find((x) => x.type === 'person') ?? opening[0];
      }
    }
    if (!who) continue;
    // "flew in on Thursday", "a two-day visit": arrivals that name no destination happen where the story is filed.
    const noDestination = !v.mentions.some((x) => isPlace(x) && x.start >= destStart && x.start <= clause.end && x.attributes?.placeKind !== 'region');
    if (noDestination && doc.ctx.datelineKey && /^(?:flew|flies|arriv|visit)/i.test(m[0]) && !/^\s+to\b/i.test(text.slice(end - base))) {
      const d = newDraft(doc, 'visit', v, 'events.visit.dateline', `${who.name} visits the dateline place`);
      add(d, who, 'visitor');
      addKey(d, doc.ctx.datelineKey, 'place', d.evidence);
      const t = timeNear(v, end, clause);
      if (t) d.time = t;
      d.status = /will|to\s+visit|expected|due/i.test(text.slice(clause.start - base, clause.end - base)) ? 'scheduled' : 'held';
      continue;
    }
    const stopRel = text.slice(destStart - base).search(/[;.]|,\s+(?:where|which|who|describing|saying|and\s+(?:said|called|will))|\s+(?:to\s+(?:discuss|meet|attend|sign|hold)|for\s+talks|as\s+)\b/);
    const limit = stopRel < 0 ? clause.end : Math.min(clause.end, destStart + stopRel);
    const own = who.attributes?.iso2;
    // Regions ("a trip to Asia") and buildings ("at the Élysée") are not the stops of a visit.
    const dests = v.mentions.filter((x) => isPlace(x) && x.start >= destStart && x.start <= limit && x.key !== who!.key && x.attributes?.placeKind !== 'region' && x.attributes?.placeKind !== 'site' && !(own && x.type === 'country' && x.attributes?.iso2 === own));
    if (!dests.length) continue;
    const time = timeNear(v, end, clause);
    const past = /visited|recent|last|travell?ed|arrived|toured|flew/i.test(text.slice(Math.max(0, m.index! - 20), m.index! + m[0].length)) || (time && doc.ctx.published && time.interval.end < doc.ctx.published);
    const future = /\b(?:will|to\s+visit|plans?|expected|is\s+due|next)\b/i.test(text.slice(clause.start - base, clause.end - base));
    // One visit per destination, as each stop is its own event; a city and its country are one stop.
    const stops: EntityMention[][] = [];
    for (const dst of dests) {
      const prev = stops[stops.length - 1];
      if (prev && dst.type === 'country' && prev.some((p) => p.type === 'place' && p.attributes?.iso2 === dst.attributes?.iso2)) prev.push(dst);
      else if (prev && dst.type === 'place' && prev.some((p) => p.type === 'country' && p.attributes?.iso2 === dst.attributes?.iso2)) prev.push(dst);
      else stops.push([dst]);
    }
    for (const stop of stops) {
      const d = newDraft(doc, 'visit', v, `events.visit.${by ? 'noun-by' : 'verb'}`, `${who.name} visits ${stop.map((s) => s.name).join(', ')}`);
      add(d, who, 'visitor');
      for (const s of stop) add(d, s, 'place');
      if (time) d.time = time;
      d.status = CANCELLED.test(text) ? 'cancelled' : past && !future ? 'held' : future ? 'scheduled' : 'held';
    }
  }
}

/** Requests: "following a request from Baghdad", "Iraq asked NATO to broaden its mission", communiqué "Requests the Commission to". */
function requests(v: SentenceView, doc: Doc): void {
  const text = v.s.text;
  const base = v.s.start;
  const instruments = v.mentions.filter((x) => x.type === 'instrument');
  REQUEST_NOUN.lastIndex = 0;
  for (const m of execAll(REQUEST_NOUN, text)) {
    const end = base + m.index! + m[0].length;
    const from = v.mentions.find((x) => x.start >= end && x.start - end < 40 && x.type !== 'instrument');
    if (!from) continue;
    const d = newDraft(doc, 'request', v, 'events.request.noun', `request from ${from.text}`);
    for (const x of v.mentions) if (x.start === from.start) add(d, x, 'requester');
    const actor = v.mentions.find((x) => x.type === 'organization' && x.key !== from.key && !(x.start >= m.index! + base && x.end <= end + 40));
    if (actor) add(d, actor, 'addressee');
    else if (doc.mainOrg) addKey(d, doc.mainOrg, 'addressee', d.evidence);
    for (const i of instruments) add(d, i, 'subject');
    const time = timeNear(v, end);
    // "established EUMA on 23 January, responding to a request from Armenia": a time before the phrase dates the response.
    if (time && time.start >= base + m.index!) d.time = time;
  }
  // "asked that the force be turned into ...", "called for an immediate ceasefire": a request with no addressee named.
  REQUEST_THAT.lastIndex = 0;
  for (const m of execAll(REQUEST_THAT, text)) {
    const at = base + m.index!;
    if (REQUEST_AS_SUBJECT.test(text.slice(Math.max(0, m.index! - 16), m.index!))) continue;
    const clause = clauseOf(v, at);
    const subject = subjectBefore(v, clause.start, at);
    const d = newDraft(doc, 'request', v, 'events.request.that', `${subject?.name ?? 'request'} ${m[0]} ${text.slice(m.index! + m[0].length, clause.end - base).trim()}`);
    if (subject) add(d, subject, 'requester');
    else if (doc.mainOrg) addKey(d, doc.mainOrg, 'requester', d.evidence);
    for (const x of within(v, at + m[0].length, clause.end + 1, (y) => y.type === 'instrument' || isPlace(y) || (y.type === 'organization' && y.via !== 'descriptor'))) add(d, x, 'subject');
    const time = timeNear(v, at, clause);
    if (time) d.time = time;
  }
  REQUEST_VERB.lastIndex = 0;
  for (const m of execAll(REQUEST_VERB, text)) {
    const at = base + m.index!;
    const end = at + m[0].length;
    const clause = clauseOf(v, at);
    // "when asked about", "asked whether": a question, not a request.
    if (/^\s+(?:about|whether|if|why|how|what)\b/i.test(text.slice(end - base))) continue;
    // "asked for a review": told by REQUEST_THAT, with no addressee.
    if (ASKED_FOR.test(m[0]) && FOR_AFTER.test(text.slice(end - base))) continue;
    // The addressee may be a capital standing for its government ("urged Beijing to").
    const objects = within(v, end, Math.min(clause.end + 1, end + 60), (x) => isActor(x) && x.via !== 'demonym');
    const before = within(v, clause.start, at, (x) => isActor(x) && x.via !== 'capital');
    const subject = subjectBefore(v, clause.start, at);
    if (subject && !before.includes(subject)) before.push(subject);
    let object: EntityMention | undefined = objects[0];
    // "asked them to ...": the addressee is a pronoun, whatever entity comes later in the clause.
    if (object && (object.start - end > 30 || /^\s+(?:them|us|him|her|it)\b/i.test(text.slice(end - base)))) object = undefined;
    // "Somalia's delegation asked partners to close the gap": an asker named, the addressee only described.
    const speaker = subject ?? (PRONOUN_SUBJECT.test(text.slice(clause.start - base)) ? doc.mainOrg : undefined);
    const described = object ? undefined : DESCRIBED_ADDRESSEE.exec(text.slice(end - base, end - base + 48));
    if (!object && !(speaker && described)) continue;
    if (!/\b(?:to|for)\b/i.test(text.slice(end - base, end - base + 140))) continue;
    const requester: EntityMention[] = subject ? [subject] : [];
    const d = newDraft(doc, 'request', v, 'events.request.verb', `${subject?.name ?? 'request'} ${m[0]} ${object?.name ?? text.slice(end - base, end - base + 30).trim()}`);
    for (const r of requester) add(d, r, 'requester');
    // The requester's country comes with a person whose title names it.
    for (const x of before) if (x !== subject && (x.type === 'country' || x.type === 'organization') && subject && subject.start - x.end < 40) add(d, x, 'requester');
    if (!requester.length && doc.mainOrg) addKey(d, doc.mainOrg, 'requester', d.evidence);
    if (object) add(d, object, 'addressee');
    else if (described) d.addressedTo = described[0].toLowerCase().replace(TO_FOR_END, '').trim();
    for (const i of within(v, clause.start, clause.end + 1, (x) => x.type === 'instrument')) add(d, i, 'subject');
    const time = timeNear(v, at, clause);
    if (time) d.time = time;
  }
}

// Which status cues occur in a sentence, found in one pass; only those are then run in full.
const CUE_GATES = new KeywordGates(STATUS_CUES.map((cue) => new RegExp(cue.re.source, cue.re.flags.replace('g', ''))));

/** Proposals and decisions: a status cue, then an action on an instrument or a plan. */
function plans(v: SentenceView, doc: Doc): void {
  const text = v.s.text;
  const base = v.s.start;
  const cues: { at: number; end: number; status: ProposalStatus; id: string }[] = [];
  const present = CUE_GATES.scanExact(text);
  for (let i = 0; i < STATUS_CUES.length; i++) {
    if (!(present & (1 << i))) continue;
    const cue = STATUS_CUES[i];
    for (const m of execAll(cue.re, text)) {
      // "agreed to set up a working group": after "to" the verb is an infinitive, the step still ahead.
      if (cue.status === 'implemented' && m.index! >= 3 && TO_BEFORE.test(text.slice(m.index! - 3, m.index!))) continue;
      cues.push({ at: m.index!, end: m.index! + m[0].length, status: cue.status, id: cue.id });
    }
  }
  cues.sort((a, b) => a.at - b.at);
  // A cue inside a longer one ("expected to approve" inside "are expected to approve") is that cue.
  const kept = cues.filter((c, i) => !cues.some((o, j) => j !== i && o.at <= c.at && o.end >= c.end && (o.end - o.at > c.end - c.at || (o.end - o.at === c.end - c.at && j < i))));
  const usedActions = new Set<number>();
  // "rejected a plan to deploy": a verdict right before another cue decides that plan's status;
  // "tabled the legal proposal for SAFE": two proposal cues in a row are one act of proposing.
  for (let ci = 0; ci + 1 < kept.length; ci++) {
    const [a, b] = [kept[ci], kept[ci + 1]];
    if (b.at - a.end <= 12 && b.status === 'proposed') {
      // The verdict opens the merged cue, so the article before "plan" is not read as a description.
      kept[ci + 1] = { ...b, at: a.at, status: a.status, id: a.id };
      kept.splice(ci, 1);
      ci--;
    }
  }
  for (const [ci, cue] of kept.entries()) {
    const clause = clauseOf(v, base + cue.at);
    const next = kept[ci + 1]?.at ?? text.length;
    const clauseEnd = Math.min(next, clause.end - base);
    const span = text.slice(cue.end, clauseEnd);
    // "Wang joined a dialogue, at which the two sides agreed": the pair right before the verb acts, not the clause's first name.
    const opening = text.slice(clause.start - base, cue.at);
    const both = pairParties(doc, text.slice(Math.max(clause.start - base, cue.at - 24), cue.at));
    let actorMentions = both ? [] : within(v, clause.start, base + cue.at, (x) => isActor(x) && x.via !== 'capital');
    // The subject may stand before an inserted clause: "The Council, meeting in Luxembourg, adopted ...".
    // Not when the clause has a subject of its own, a pronoun ("The Netherlands asked for this, and I have now instructed ...").
    if (!actorMentions.length && !both && !PRONOUN_OPENING.test(opening)) actorMentions = within(v, base, base + cue.at, (x) => isActor(x) && x.via !== 'capital').slice(0, 2);
    // "which we will examine", "We commended the Centre and tasked it": a communiqué's "we" is the story's main body.
    const pair = both ?? (doc.mainOrg && WE_OPENING.test(opening) ? [doc.mainOrg] : undefined);
    const actor = actorMentions[actorMentions.length - 1];
    // "tasked it to finalise the Vision ... in time for their adoption": what a body is tasked with is one decision, whatever verbs it holds.
    const actions = TASKING.test(text.slice(cue.at, cue.end)) ? [] : findActions(span, cue.end);
    const decided = cue.status === 'approved' || cue.status === 'implemented' || cue.status === 'rejected';
    // "well-established cooperation", "a renewed push": the participle describes, it does not report a step.
    // (A cue that starts with the agreement's own noun, "a letter of intent signed by ...", is exempt.)
    const nounLed = cue.id === 'agreement-reached';
    if (!nounLed && /(?:-|\b(?:a|an|the|its|their|our|newly|already|long|recently|once|\w{3,}ing)\s+)$/i.test(text.slice(Math.max(0, cue.at - 16), cue.at))) continue;
    const after = text.slice(cue.end, cue.end + 40);
    const appositive = decided && /,\s*$/.test(text.slice(Math.max(0, cue.at - 3), cue.at)) && /^\s+by\b/i.test(after);
    // "the plan agreed by allies": a participle after a noun describes it. A passive ("were once more adopted by")
    // reports the step, and so does one set off by commas ("The MSS, authorized by the Council in October 2023, has").
    if (!nounLed && /^\s+(?:by|under)\b/i.test(after) && !PASSIVE_BEFORE.test(text.slice(Math.max(0, cue.at - 28), cue.at)) && !appositive) continue;
    // "sent Putin a letter proposing ...": sending word is telling, not carrying out a step.
    if (cue.status === 'implemented' && SENT_WORD_AFTER.test(after)) continue;
    // "Moscow turned the plan down", "rejected the proposal": a verdict on a plan told just before moves that plan, it is no new one.
    if (cue.status === 'rejected' && (BACK_REFERENCE.test(text.slice(cue.at, cue.end)) || BACK_REFERENCE.test(after))) {
      const plan = recentPlan(doc, v.s.index);
      if (plan) { plan.status = 'rejected'; continue; }
    }
    // "opened the gathering with a dinner": opening a meeting is part of the meeting.
    if (cue.status === 'implemented' && /^\s+(?:the|its|a|their)?\s*(?:\w+\s+)?(?:gathering|session|meeting|talks|dialogue|conference|summit|debate|proceedings)\b/i.test(after)) continue;
    // "would consider the request": weighing something already told is no new plan.
    if (cue.id === 'consider' && /^\s+(?:the|this|that|these)\s+(?:idea|request|matter|issue|question|report|proposal|plan|suggestion|offer)s?\b/i.test(after)) continue;
    if (!actions.length) {
      // "adopted the Kuala Lumpur Declaration", "EUMA was formally launched": the cue verb itself is the action.
      if (!decided && cue.status !== 'expected' && cue.id !== 'propose' && cue.id !== 'consider' && cue.id !== 'considering') continue;
      const objects = within(v, base + cue.end, base + clauseEnd, (x) => x.type !== 'place' && !implied(x));
      if (!objects.length && !actor && !pair) continue;
      if (!objects.length && !/\b(?:to|on)\s*$/i.test(text.slice(cue.at, cue.end)) && clauseEnd - cue.end < 12) continue;
      const d = newDraft(doc, decided ? 'decision' : 'proposal', v, `events.plan.${cue.id}`, text.slice(cue.at, clauseEnd));
      d.status = cue.status;
      d.family = familyOf(text.slice(cue.at, cue.end)) ?? 'agree';
      for (const o of objects) add(d, o, o.type === 'instrument' ? 'subject' : 'participant');
      // "The MSS, authorized by the Council": the noun the participle is set against is what was decided.
      const head = appositive ? findLast(v.mentions, (x) => x.end <= base + cue.at && base + cue.at - x.end <= 3) : undefined;
      if (head) add(d, head, 'subject');
      fillPlan(d, v, base + cue.at, base + clauseEnd, actorMentions, doc, pair);
      continue;
    }
    for (const [ai, a] of actions.entries()) {
      const aEnd = actions[ai + 1]?.at ?? clauseEnd;
      if (usedActions.has(a.at)) continue;
      usedActions.add(a.at);
      const d = newDraft(doc, decided ? 'decision' : 'proposal', v, `events.plan.${cue.id}`, text.slice(a.at, aEnd).replace(/\s+(?:and|,)\s*$/i, ''));
      d.status = cue.status;
      d.family = a.family;
      fillPlan(d, v, base + a.at, base + aEnd, actorMentions, doc, pair);
    }
  }
  // Restatements without a cue: "we are broadening the scope of NMI" — kept only if they merge.
  if (!RESTATEMENT_GATE.test(text)) return;
  for (const a of findActions(text, 0)) {
    if (kept.some((c) => a.at >= c.end && a.at - c.end < 120) || usedActions.has(a.at)) continue;
    if (!/\b(?:are|is|am|were|was|been)\s+$/i.test(text.slice(Math.max(0, a.at - 12), a.at))) continue;
    const clause = clauseOf(v, base + a.at);
    const d = newDraft(doc, 'proposal', v, 'events.plan.restatement', text.slice(a.at, clause.end - base));
    d.family = a.family;
    d.weak = true;
    fillPlan(d, v, base + a.at, clause.end, [], doc);
  }
}

/** The latest plan told in the two sentences before `sentence`, for a verdict that points back at it. */
function recentPlan(doc: Doc, sentence: number): Draft | undefined {
  for (let i = doc.drafts.length - 1; i >= 0; i--) {
    const o = doc.drafts[i];
    if (o.sentence < sentence - 2) return undefined;
    if ((o.type === 'proposal' || o.type === 'decision') && o.sentence < sentence) return o;
  }
  return undefined;
}

const TO_BEFORE = /\bto\s$/i;
const SENT_WORD_AFTER = /^\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:a|an)\s+(?:letter|message|note|signal)\b/;
const BACK_REFERENCE = /(?:^|\s)(?:the|this|that)\s+(?:plan|proposal|offer|idea|bid)\b/i;
const TASKING = /^(?:tasked|tasks|instructed|instructs|mandated|mandates|entrusted|entrusts)$/i;
const PRONOUN_OPENING = /^\s*(?:I|we|he|she|they)\b/i;
const WE_OPENING = /^\s*we\b/i;

// "was adopted", "were once more adopted", "had been formally approved": the auxiliary of a passive, with its adverbs.
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|be|has|have|had)\s+(?:(?:\w+ly|once\s+more|again|also|now|then|finally)\s+){0,2}$/i;

// "asked for this", like "called for": a request whose addressee goes unnamed.
const REQUEST_THAT = /\b(?:asked|asks|requested|requests|urged|urges|demanded|demands)\s+that\b|\b(?:called|calls|call|appealed|appeals|asked|asks)\s+for\b/gi;
// "Somalia's delegation asked partners to", "called upon all parties concerned to", "requested the Secretary-General to": an addressee only described.
const DESCRIBED_ADDRESSEE = /^\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s+(?:to|for)\b/i;
// "It requested ...", "We strongly condemned ... and called upon ...": a resolution or communiqué speaks for its body by pronoun.
const PRONOUN_SUBJECT = /^\s*(?:It|We|They)\b/;
const ASKED_FOR = /^ask/i;
// "The request asks for helicopters": a request noun as subject restates the request told before.
const REQUEST_AS_SUBJECT = /\b(?:request|appeal|application|invitation)s?\s+$/i;
const FOR_AFTER = /^\s+for\b/i;
const TO_FOR_END = /\s+(?:to|for)$/i;

const RESTATEMENT_GATE = /\b(?:are|is|am|were|was|been)\s+\w+ing\b/i;

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
    for (const m of execAll(f.re, span)) {
      // An action opens the clause or follows "to", "and", an article: "to open", "and expand", "the establishment of", "an enlarged scope".
      const before = span.slice(Math.max(0, m.index! - 14), m.index!);
      if (m.index! > 2 && !/(?:^|\b(?:to|and|or|the|an?|its|their|of|for|further|are|is|am|were|was|been)\s+)$/i.test(before)) continue;
      out.push({ at: offset + m.index!, family: f.family });
    }
  }
  out.sort((a, b) => a.at - b.at);
  // "expand and strengthen": a second verb right after the first is the same plan.
  return out.filter((a, i) => i === 0 || a.at - out[i - 1].at > 25);
}

function fillPlan(d: Draft, v: SentenceView, from: number, to: number, actors: EntityMention[], doc: Doc, pair?: string[]): void {
  for (const x of v.mentions) {
    if (x.start < from || x.start >= to) continue;
    if (x.type === 'instrument') add(d, x, 'subject');
    else if (isPlace(x)) add(d, x, 'place');
    else if (x.type === 'organization' && x.via !== 'descriptor') add(d, x, 'participant');
    else if (x.type === 'person') add(d, x, 'participant');
  }
  for (const a of actors.slice(-2)) add(d, a, 'participant');
  if (pair) for (const k of pair) addKey(d, k, 'participant', d.evidence);
  else if (!actors.length) {
    // Passive or subjectless ("was launched"): the instrument's owner, else the story's main body.
    const owner = [...d.participants.keys()].length && v.mentions.find((x) => x.type === 'organization' && d.participants.has(x.key));
    if (!owner && doc.mainOrg) addKey(d, doc.mainOrg, 'participant', d.evidence);
  }
  const time = timeNear(v, from, clauseOf(v, from));
  if (time && !d.time) d.time = time;
}

const subjectsOf = (d: Draft) => keysWithRole(d, 'subject');
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
    else if (target.time && d.time && d.time.interval.start >= target.time.interval.start && d.time.interval.end <= target.time.interval.end) target.time = d.time;
    if (d.status && (!target.status || (isPlanStatus(d.status) && isPlanStatus(target.status) && STATUS_RANK[d.status] > STATUS_RANK[target.status]))) {
      // The sentence that moves a plan forward ("are expected to approve ...") is its best evidence and wording.
      if (target.status && !d.weak) {
        target.evidence = d.evidence;
        target.label = d.label;
      }
      target.status = d.status;
    }
    if (target.weak && !d.weak) { target.weak = false; target.label = d.label; }
    if (group(target.type) === 'proposal') target.type = target.status === 'approved' || target.status === 'implemented' || target.status === 'rejected' ? 'decision' : 'proposal';
  }
  return out.filter((d) => !d.weak);
}

function isPlanStatus(s: EventStatus): s is ProposalStatus {
  return s in STATUS_RANK;
}

function timesAgree(a: Draft, b: Draft): boolean {
  if (!a.time || !b.time) return true;
  const x = a.time.interval, y = b.time.interval;
  return x.start <= y.end && y.start <= x.end;
}

// Module-level helpers, not closures inside sameFact: it runs for every pair of drafts.
function keysWithRole(d: Draft, role: Role): string[] {
  const out: string[] = [];
  for (const [k, p] of d.participants) if (p.role === role) out.push(k);
  return out;
}

function partyKeys(d: Draft): string[] {
  const out: string[] = [];
  for (const [k, p] of d.participants) if (p.role !== 'place') out.push(k);
  return out;
}

function personKeys(d: Draft): string[] {
  const out: string[] = [];
  for (const [k, p] of d.participants) if (p.role !== 'place' && k.startsWith('person:')) out.push(k);
  return out;
}

function isBare(d: Draft): boolean {
  return !d.time && !hasRole(d, 'place');
}

function isVerbMeeting(d: Draft): boolean {
  return d.evidence.rule.startsWith('events.meeting.verb');
}

function sameFact(a: Draft, b: Draft): boolean {
  if (group(a.type) !== group(b.type)) return false;
  switch (group(a.type)) {
    case 'proposal': {
      if (!timesAgree(a, b)) return false;
      const sa = subjectsOf(a), sb = subjectsOf(b);
      if (sa.length && sb.length) return shareAny(sa, sb) && (a.status === b.status || !a.status || !b.status || a.family === b.family || a.sentence !== b.sentence);
      return a.family === b.family && [...a.areas].some((x) => b.areas.has(x));
    }
    case 'request': {
      // One requester asks many things ("We call on Russia ...", "We call on China ..."): same asker and same addressee, or same subject.
      const sameAsk = shareAny(keysWithRole(a, 'requester'), keysWithRole(b, 'requester')) && shareAny(keysWithRole(a, 'addressee'), keysWithRole(b, 'addressee'));
      // "called on the transitional Government to ...", "requested the Secretary-General to ...": two addressees, two asks.
      if (a.addressedTo && b.addressedTo && a.addressedTo !== b.addressedTo) return false;
      return (shareAny(subjectsOf(a), subjectsOf(b)) || sameAsk) && timesAgree(a, b);
    }
    case 'visit':
      return shareAny(keysWithRole(a, 'visitor'), keysWithRole(b, 'visitor')) && shareAny(keysWithRole(a, 'place'), keysWithRole(b, 'place')) && timesAgree(a, b);
    case 'meeting': {
      if (a.type !== b.type || !a.noun || a.noun !== b.noun || !timesAgree(a, b)) return false;
      // "Guterres met Aoun. He later held talks with Salam": two verb meetings of different people are different meetings.
      const qa = personKeys(a), qb = personKeys(b);
      const samePeople = qa.every((k) => qb.includes(k)) || qb.every((k) => qa.includes(k));
      if (qa.length > 1 && qb.length > 1 && !samePeople && isVerbMeeting(a) && isVerbMeeting(b)) return false;
      // A held meeting and a coming one ("after the Foreign Affairs Council" ... "our next Foreign Affairs Council on 23 June") are two.
      if (a.status && b.status && a.status !== b.status) return false;
      // A mention without date or place ("attending his first meeting of the group") restates one that has them.
      if ((isBare(a) || isBare(b)) && shareAny(partyKeys(a), partyKeys(b))) return true;
      const pa = keysWithRole(a, 'place'), pb = keysWithRole(b, 'place');
      if (pa.length && pb.length && !shareAny(pa, pb)) return false;
      if (qa.length && qb.length) return samePeople;
      return !!(a.time && b.time) || (pa.length > 0 && pb.length > 0);
    }
    default:
      return false;
  }
}

function finish(drafts: Draft[]): ExtractedEvent[] {
  return drafts.map((d) => {
    const codes = eventCodes(d.type, d.status);
    const ev: ExtractedEvent = {
      key: d.key, type: d.type, label: d.label,
      participants: [...d.participants].map(([entityKey, p]) => ({ entityKey, role: p.role, evidence: p.evidence })),
      topics: d.topics, evidence: d.evidence, cameo: codes.cameo, plover: codes.plover,
    };
    if (d.status) ev.status = d.status;
    if (d.parentKey) ev.parentKey = d.parentKey;
    if (d.time) ev.time = { ...d.time.interval, evidence: { start: d.time.start, end: d.time.end, rule: d.time.rule } };
    return ev;
  });
}
