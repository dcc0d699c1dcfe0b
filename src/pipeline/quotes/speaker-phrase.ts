import type { EntityMention } from '../types.js';
import { execAll } from '../exec-all.js';

/**
 * Head nouns of the descriptors news texts use for speakers they do not name ("a NATO
 * official", "a senior EU diplomat", "the spokesperson", "the communiqué"). Data, not logic:
 * extend it here.
 */
export const DESCRIPTOR_HEADS: readonly string[] = [
  'official', 'diplomat', 'spokesperson', 'spokesman', 'spokeswoman', 'source', 'minister',
  'ambassador', 'envoy', 'aide', 'officer', 'representative', 'analyst', 'statement',
  'communiqué', 'communique', 'declaration', 'ministry', 'government', 'embassy', 'delegation',
  'negotiator', 'adviser', 'advisor', 'expert', 'observer', 'commander', 'lawmaker', 'spokespeople',
  'head', 'chief', 'director', 'coordinator', 'commissioner', 'chairperson', 'leader', 'member',
];

/** Heads that name a document or an institution: "he"/"she" never refers back to them. */
export const NON_PERSON_HEADS: ReadonlySet<string> = new Set([
  'statement', 'communiqué', 'communique', 'declaration', 'ministry', 'government', 'embassy', 'delegation',
]);

const HEADS = new Set(DESCRIPTOR_HEADS);

const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'another', 'many']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'one', 'two', 'three', 'four', 'several', 'some', 'another', 'many', 'its', 'his', 'her', 'their', 'our']);
/** Words that end a descriptor's modifiers when walking back from its head. */
const NOT_MODIFIER = new Set([
  'in', 'on', 'at', 'of', 'to', 'for', 'with', 'by', 'from', 'and', 'or', 'but', 'that', 'which', 'who',
  'as', 'said', 'says', 'told', 'is', 'was', 'were', 'are', 'will', 'would', 'has', 'had', 'have', 'than',
  'while', 'when', 'after', 'before', 'also', 'not', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'there',
  'where', 'because', 'if', 'so', 'then', 'however', 'meanwhile', 'added', 'according',
]);
const COMPLEMENT_START = new Set(['for', 'of', 'at', 'from', 'with', 'in', 'close', 'familiar', 'on', 'to']);
const PARTICIPLE_WORDS = new Set(['said', 'told', 'added', 'stated', 'noted', 'stressed', 'explained', 'warned', 'declared', 'insisted', 'urged', 'called', 'described', 'confirmed', 'announced', 'revealed']);
/** "a diplomat involved in the talks", "a UN official travelling with the delegation". */
const isComplementStart = (word: string): boolean => {
  const w = word.toLowerCase();
  return COMPLEMENT_START.has(w) || (/^[a-z]{4,}(?:ed|ing)$/.test(word) && !PARTICIPLE_WORDS.has(w));
};
/** Capitalised words that start sentences but never names. */
const NOT_NAME = new Set([
  'The', 'A', 'An', 'But', 'And', 'It', 'This', 'That', 'These', 'Those', 'He', 'She', 'They', 'We', 'I',
  'In', 'On', 'At', 'As', 'For', 'If', 'When', 'While', 'However', 'Meanwhile', 'Its', 'His', 'Her', 'Their',
  'Our', 'There', 'Asked', 'Speaking', 'According', 'Earlier', 'Later', 'Separately', 'Also', 'Both', 'Neither',
]);
/** Words allowed between a speaker and the reporting verb ("the official later said"). */
const BETWEEN_SPEAKER_AND_VERB = /^(?:also|later|further|then|again|earlier|previously|recently|separately|once|has|had|have|would|will|did|does|reportedly|repeatedly|publicly|privately|today|yesterday|[a-z]+ly)$/;

export type PhraseKind = 'mention' | 'descriptor' | 'pronoun' | 'title' | 'name';

/** Words in the text that say who spoke, before they are resolved to a speaker. */
export interface SpeakerPhrase {
  kind: PhraseKind;
  start: number;
  end: number;
  text: string;
  mention?: EntityMention;
  /** Descriptors: singular head noun, how it is determined, lowercased modifiers. */
  head?: string;
  determiner?: 'indefinite' | 'definite' | 'other';
  modifiers?: string[];
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}’'.\-]*/gu;

function tokensIn(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const m of execAll(TOKEN_RE, text.slice(from, to))) {
    const start = from + m.index!;
    let word = m[0];
    while (word.endsWith('.') && !/^(?:[A-Z]\.)+$/.test(word)) word = word.slice(0, -1);
    if (word) out.push({ word, start, end: start + word.length });
  }
  return out;
}

const onlySpaces = (text: string, a: number, b: number): boolean => /^[ \t\u00a0]*$/.test(text.slice(a, b));

function headOf(word: string): string | undefined {
  const w = word.toLowerCase();
  if (HEADS.has(w)) return w;
  if (w.endsWith('s') && HEADS.has(w.slice(0, -1))) return w.slice(0, -1);
  return undefined;
}

/** Mentions indexed by where they start and end. */
export class MentionIndex {
  private readonly byEnd = new Map<number, EntityMention[]>();
  private readonly byStart = new Map<number, EntityMention[]>();
  readonly persons: EntityMention[];

  constructor(mentions: EntityMention[]) {
    for (const m of mentions) {
      // "he"/"she" are resolved here, against who has spoken; a mention-level guess at the
      // nearest person would hand the quote to whoever was named last.
      if (m.via === 'pronoun' || /^(?:he|she|him|her|they|them|it)$/i.test(m.text)) continue;
      (this.byEnd.get(m.end) ?? this.byEnd.set(m.end, []).get(m.end)!).push(m);
      (this.byStart.get(m.start) ?? this.byStart.set(m.start, []).get(m.start)!).push(m);
    }
    this.persons = mentions.filter((m) => m.type === 'person' && m.via !== 'pronoun').sort((a, b) => a.start - b.start);
  }

  /** The best speaker-like mention ending (or starting) exactly at `at`: people first, then the longest. */
  best(at: number, side: 'end' | 'start'): EntityMention | undefined {
    const list = (side === 'end' ? this.byEnd : this.byStart).get(at);
    if (!list) return undefined;
    return [...list].sort((a, b) => speakerRank(b) - speakerRank(a) || b.end - b.start - (a.end - a.start))[0];
  }

  /** The most recent person mention starting before `pos` that satisfies `matches`. */
  lastPersonWhere(pos: number, matches: (m: EntityMention) => boolean): EntityMention | undefined {
    let lo = 0;
    let hi = this.persons.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.persons[mid].start < pos) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // A title or surname points back to someone introduced in the same story, not pages earlier.
    for (let i = last; i >= 0 && this.persons[i].start >= pos - 20000; i -= 1) if (matches(this.persons[i])) return this.persons[i];
    return undefined;
  }

  /** The last person mention that ends at or before `pos`. */
  lastPersonBefore(pos: number): EntityMention | undefined {
    return this.lastPersonWhere(pos, (m) => m.end <= pos);
  }
}

function descriptorFromTokens(text: string, toks: Token[], headAt: number, end: number, sentenceStart: number): SpeakerPhrase | undefined {
  const headTok = toks[headAt];
  const head = headOf(headTok.word);
  if (!head) return undefined;
  // A head is a common noun: lowercase, except as the first word of a sentence ("Officials said").
  if (headTok.word[0] !== headTok.word[0].toLowerCase() && headTok.start !== sentenceStart) return undefined;
  let first = headAt;
  let determiner: SpeakerPhrase['determiner'] = 'other';
  const modifiers: string[] = [];
  for (let k = headAt - 1; k >= 0 && headAt - k <= 5; k -= 1) {
    const t = toks[k];
    if (!onlySpaces(text, t.end, toks[k + 1].start)) break;
    const lower = t.word.toLowerCase();
    if (DETERMINERS.has(lower)) {
      first = k;
      determiner = INDEFINITE.has(lower) ? 'indefinite' : lower === 'the' || lower === 'this' || lower === 'that' ? 'definite' : 'other';
      break;
    }
    if (NOT_MODIFIER.has(lower)) break;
    first = k;
    if (/['’]s$/.test(t.word) || /s['’]$/.test(t.word)) break; // "France's deputy ambassador"
    modifiers.unshift(lower);
  }
  const start = toks[first].start;
  return { kind: 'descriptor', start, end, text: text.slice(start, end), head, determiner, modifiers };
}

/** A descriptor whose head (plus an optional "for the ministry" complement) ends at `end`. */
function descriptorEndingAt(text: string, end: number, sentenceStart: number): SpeakerPhrase | undefined {
  const toks = tokensIn(text, Math.max(sentenceStart, end - 200), end);
  for (let k = toks.length - 1; k >= 0 && toks.length - k <= 9; k -= 1) {
    if (!headOf(toks[k].word)) continue;
    if (/[\u0001,;:()]/.test(text.slice(toks[k].end, end))) return undefined;
    const tail = toks.slice(k + 1);
    // "Foreign Minister Andrii Sybiha", "member state": a head noun inside a longer name; look further back.
    if (tail.length > 0 && !isComplementStart(tail[0].word)) continue;
    if (tail.some((t) => NOT_MODIFIER.has(t.word.toLowerCase()) && !COMPLEMENT_START.has(t.word.toLowerCase()) && t.word !== 'the')) continue;
    return descriptorFromTokens(text, toks, k, end, sentenceStart);
  }
  return undefined;
}

/** A descriptor that starts at `start` ("the official", "a spokesperson for the ministry"). */
function descriptorStartingAt(text: string, start: number, limit: number): SpeakerPhrase | undefined {
  const toks = tokensIn(text, start, Math.min(limit, start + 200));
  if (toks.length === 0 || toks[0].start !== start) return undefined;
  for (let k = 0; k < Math.min(toks.length, 6); k += 1) {
    if (k > 0 && !onlySpaces(text, toks[k - 1].end, toks[k].start)) return undefined;
    if (!headOf(toks[k].word)) {
      if (k > 0 && NOT_MODIFIER.has(toks[k].word.toLowerCase())) return undefined;
      continue;
    }
    let end = toks[k].end;
    // Complement up to the next punctuation: "a spokesperson for the foreign ministry".
    if (toks[k + 1] && isComplementStart(toks[k + 1].word) && onlySpaces(text, toks[k].end, toks[k + 1].start)) {
      for (let j = k + 1; j < toks.length && j <= k + 8; j += 1) {
        if (!/^[ \t\u00a0]*$/.test(text.slice(toks[j - 1].end, toks[j].start))) break;
        if (NOT_MODIFIER.has(toks[j].word.toLowerCase()) && !COMPLEMENT_START.has(toks[j].word.toLowerCase())) break;
        end = toks[j].end;
      }
    }
    return descriptorFromTokens(text, toks, k, end, start);
  }
  return undefined;
}

const PRONOUN_BEFORE = /(?:^|[^\p{L}])([Hh]e|[Ss]he)$/u;
const TITLE_BEFORE = /(?:^|[^\p{L}])([Tt]he\s+((?:[A-Z][\p{L}’'-]*\s+){0,3}[A-Z][\p{L}’'-]*))$/u;
// Capitalised words, with the particles of names such as "Ursula von der Leyen".
const NAME_BEFORE = /(?:^|[^\p{L}’'-])((?:[A-Z][\p{L}’'-]+\s+(?:(?:von|van|der|den|de|del|della|di|da|du|la|le|al|el|bin|ibn|ten|ter|zu)\s+)*){0,3}(?:(?:al|el|ad|as|ash|bin|ibn|abu|van|von|de|da|di|du|le|la)-)?[A-Z][\p{L}’'-]+)$/u;
/** Title words written before a name ("Commission President Ursula von der Leyen"): not the name. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Foreign', 'Defence', 'Defense', 'Deputy', 'Secretary', 'General',
  'Secretary-General', 'Chancellor', 'King', 'Queen', 'Prince', 'Commissioner', 'Ambassador', 'Chairman',
  'Chairperson', 'Chair', 'Director', 'Envoy', 'Representative', 'Special', 'High', 'Spokesperson', 'Spokesman',
  'Senator', 'Governor', 'Mayor', 'Commission', 'Council', 'State', 'Interior', 'Finance', 'Trade', 'Chief',
  'Admiral', 'Colonel', 'Lieutenant', 'Major', 'Sheikh', 'Emir', 'Sultan', 'Dr', 'Mr', 'Mrs', 'Ms',
]);

function namePhrase(text: string, start: number, end: number): SpeakerPhrase | undefined {
  const words = text.slice(start, end).split(/\s+/);
  while (words.length > 1 && (NOT_NAME.has(words[0]) || TITLE_WORDS.has(words[0]))) {
    start += words[0].length + 1;
    words.shift();
  }
  if (words.length === 0) return undefined;
  return { kind: 'name', start, end, text: text.slice(start, end) };
}

function speakerRank(m: EntityMention): number {
  return m.type === 'person' ? 3 : m.type === 'organization' || m.type === 'country' ? 2 : 1;
}

/** Steps back from `end` over white space, not past `floor`. */
function spacesBefore(text: string, end: number, floor: number): number {
  while (end > floor && /\s/.test(text[end - 1])) end -= 1;
  return end;
}

/**
 * Who speaks, read backwards from a reporting verb at `end`: "the official said",
 * "Rutte, who chaired the meeting, said", "a spokesperson for the ministry told".
 */
export function speakerBefore(text: string, verbStart: number, sentenceStart: number, mentions: MentionIndex): SpeakerPhrase | undefined {
  let end = spacesBefore(text, verbStart, sentenceStart);
  for (let skipped = 0; skipped < 2; skipped += 1) {
    const m = /([A-Za-z]+)$/.exec(text.slice(Math.max(sentenceStart, end - 20), end));
    if (!m || !BETWEEN_SPEAKER_AND_VERB.test(m[1]) || m[1] === 'only') break;
    end = spacesBefore(text, end - m[1].length, sentenceStart);
  }
  // "the Chairperson of the Commission, Mahmoud Ali Youssouf, said": the apposition is the name.
  if (text[end - 1] === ',') {
    let e = end - 1;
    while (e > sentenceStart && /\s/.test(text[e - 1])) e -= 1;
    const named = mentions.best(e, 'end');
    if (named?.type === 'person') return { kind: 'mention', start: named.start, end: named.end, text: text.slice(named.start, named.end), mention: named };
  }
  // "Kallas, the EU's foreign policy chief, said": step over one parenthetical.
  if (text[end - 1] === ',') {
    const from = Math.max(sentenceStart, end - 180);
    const rel = text.slice(from, end - 1).lastIndexOf(',');
    const open = rel < 0 ? -1 : from + rel;
    if (open >= sentenceStart && !text.slice(open, end).includes('\u0001')) {
      end = spacesBefore(text, open, sentenceStart);
    }
  }
  const window = text.slice(Math.max(sentenceStart, end - 80), end);
  const offset = end - window.length;

  const pronoun = PRONOUN_BEFORE.exec(window);
  if (pronoun) {
    const start = offset + window.length - pronoun[1].length;
    return { kind: 'pronoun', start, end, text: pronoun[1], mention: mentions.best(end, 'end') };
  }
  const descriptor = descriptorEndingAt(text, end, sentenceStart);
  const mention = mentions.best(end, 'end');
  if (mention && (!descriptor || mention.start <= descriptor.start)) {
    return { kind: 'mention', start: mention.start, end: mention.end, text: text.slice(mention.start, mention.end), mention };
  }
  if (descriptor) return descriptor;
  const title = TITLE_BEFORE.exec(window);
  if (title) {
    const start = offset + window.length - title[1].length;
    return { kind: 'title', start, end, text: title[1] };
  }
  const name = NAME_BEFORE.exec(window);
  if (name) return namePhrase(text, offset + window.length - name[1].length, end);
  return undefined;
}

/** Who speaks, read forwards from `start`: "said the official", "said Kallas", "according to a diplomat". */
export function speakerAfter(text: string, start: number, limit: number, mentions: MentionIndex): SpeakerPhrase | undefined {
  let s = start;
  while (s < limit && /\s/.test(text[s])) s += 1;
  const rest = text.slice(s, Math.min(limit, s + 200));
  const pronoun = /^([Hh]e|[Ss]he)\b/.exec(rest);
  if (pronoun) return { kind: 'pronoun', start: s, end: s + pronoun[1].length, text: pronoun[1], mention: mentions.best(s, 'start') };
  const descriptor = descriptorStartingAt(text, s, limit);
  if (descriptor) {
    // "said EU foreign policy chief Kaja Kallas": the descriptor is a title before a name.
    let after = descriptor.end;
    while (after < limit && /[ \t\u00a0]/.test(text[after])) after += 1;
    const named = mentions.best(after, 'start');
    if (named?.type === 'person') return { kind: 'mention', start: named.start, end: named.end, text: text.slice(named.start, named.end), mention: named };
    return descriptor;
  }
  // A person mention right here or after a title ("said EU foreign policy chief Kaja Kallas"),
  // else any mention that starts right here ("said the ministry").
  let here: EntityMention | undefined;
  for (let k = s; k < s + Math.min(rest.length, 80); k += 1) {
    if (/[,.;:\u0001]/.test(text[k]) && !/^[A-Z]\.$/.test(text.slice(k - 1, k + 1))) break;
    const m = mentions.best(k, 'start');
    if (m?.type === 'person') return { kind: 'mention', start: m.start, end: m.end, text: text.slice(m.start, m.end), mention: m };
    if (k === s) here = m;
  }
  if (here) return { kind: 'mention', start: here.start, end: here.end, text: text.slice(here.start, here.end), mention: here };
  const title = /^([Tt]he\s+(?:[A-Z][\p{L}’'-]*)(?:\s+[A-Z][\p{L}’'-]*){0,3})(?![\p{L}’'-])/u.exec(rest);
  if (title) return { kind: 'title', start: s, end: s + title[1].length, text: title[1] };
  const name = /^((?:(?:al|el|ad|as|ash|bin|ibn|abu)-)?(?:[A-Z][\p{L}’'-]+)(?:\s+[A-Z][\p{L}’'-]+){0,2})/u.exec(rest);
  if (name && !NOT_NAME.has(name[1].split(/\s+/)[0])) return { kind: 'name', start: s, end: s + name[1].length, text: name[1] };
  return undefined;
}

/** Leading adverbials a sentence subject may hide behind ("On Thursday, shortly after landing, ..."). */
const LEADING_FRAME = /^(?:(?:On|In|At|After|Before|During|Since|Earlier|Later|Meanwhile|However|Separately|Shortly|Speaking|Asked|Also|Still|Yet|For|With|Despite|Following|Under|Until|Back)\b[^,\u0001]{0,80},\s*)/;
const LEADING_CONJ = /^(?:But|And|So|Yet)\s+/;

/** The subject phrase a sentence opens with, if it is a speaker-like one. */
export function sentenceSubject(text: string, sentenceStart: number, sentenceEnd: number, mentions: MentionIndex): SpeakerPhrase | undefined {
  let s = sentenceStart;
  for (let i = 0; i < 3; i += 1) {
    const rest = text.slice(s, Math.min(sentenceEnd, s + 200));
    const frame = LEADING_FRAME.exec(rest) ?? LEADING_CONJ.exec(rest);
    if (!frame) break;
    s += frame[0].length;
  }
  if (text[s] === '\u0001') return undefined;
  const first = speakerAfter(text, s, sentenceEnd, mentions);
  // The subject may sit behind its title ("Egypt's Foreign Minister Badr Abdelatty is ...").
  if (!first || (first.start !== s && !(first.kind === 'mention' && /^[\p{L}\p{N}’'.\s-]*$/u.test(text.slice(s, first.start))))) return undefined;
  // A subject is followed by its verb (or an apposition), not by more of a noun phrase.
  const next = /^\s*(?:,|[a-z])/.exec(text.slice(first.end, first.end + 3));
  return next ? first : undefined;
}
