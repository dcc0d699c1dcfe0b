import type { EntityMention, Segmented, Sentence } from '../types.js';
import { findQuoteSpans, maskQuotes, type QuoteSpan } from './quote-spans.js';
import { MentionIndex, NON_PERSON_HEADS, TITLE_WORDS, sentenceSubject, speakerAfter, speakerBefore, type SpeakerPhrase } from './speaker-phrase.js';
import { execAll } from '../exec-all.js';

/** A direct quotation with the speaker the text gives it, before entities are resolved. */
export interface QuoteDraft {
  text: string;
  start: number;
  end: number;
  rule: string;
  speaker: { key?: string; name: string; start: number; end: number; rule: string } | undefined;
}

type Speaker = NonNullable<QuoteDraft['speaker']>;

// Reporting verbs that introduce or close a quotation. Finite forms carry their own subject;
// participles ("..., adding that ...") borrow the subject of their clause.
const FINITE =
  'said|says|say|added|adds|told|tells|stressed|stresses|noted|explained|explains|warned|warns|stated|declared|declares|' +
  'pointed\\s+out|pointed\\s+to|points\\s+out|revealed|reveals|insisted|insists|underlined|underlines|underscored|' +
  'emphasi[sz]ed|emphasi[sz]es|affirmed|reaffirmed|announced|confirmed|wrote|writes|argued|argues|recalled|remarked|' +
  'commented|observed|acknowledged|asserted|urged|urges|replied|concluded|highlighted|cautioned|described|describes|' +
  'called|vowed|promised|conceded|admitted|predicted|suggested|claimed|maintained|added';
const PARTICIPLE =
  'saying|adding|noting|stressing|warning|describing|calling|insisting|explaining|emphasi[sz]ing|underlining|' +
  'pointing\\s+out|telling|arguing|urging|referring\\s+to|recalling|citing';
const VERB_RE = new RegExp(`\\b(?:(${FINITE})|(${PARTICIPLE})|([Aa]ccording\\s+to))\\b`, 'g');

interface Clause {
  verbStart: number;
  verbEnd: number;
  kind: 'finite' | 'participle' | 'according';
  inverted: boolean;
  phrase?: SpeakerPhrase;
  speaker?: Speaker;
  spanStart: number;
  spanEnd: number;
}

interface Chain {
  head: string;
  modifiers: Set<string>;
  name: string;
}

interface HistoryEntry {
  speaker: Speaker;
  personLike: boolean;
}

/** Lower case, one kind of apostrophe, hyphens as spaces: "Secretary-General" meets "secretary general". */
const norm = (s: string): string => s.toLowerCase().replace(/[’']/g, "'").replace(/[-\s]+/g, ' ').trim();

/** Descriptor as a name: the determiner in lower case ("A senior EU diplomat" → "a senior EU diplomat"). */
function descriptorName(phrase: SpeakerPhrase): string {
  const text = phrase.text.replace(/\s+/g, ' ');
  const first = text.split(' ')[0];
  const lowerFirst = /^(?:A|An|The|One|Two|Three|Several|Some|Another|Many|Its|His|Her|Their|This)$/.test(first) || first.toLowerCase().replace(/s$/, '') === phrase.head;
  return lowerFirst ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Remembers who has spoken so far, for "the official" and "he"/"she" later in the text. */
class SpeakerState {
  private readonly chains: Chain[] = [];
  readonly history: HistoryEntry[] = [];

  /** Normalized names and roles, per extraction: persons are compared again and again. */
  private readonly normalized = new Map<string, string>();

  constructor(
    private readonly mentions: MentionIndex,
    private readonly text: string,
  ) {}

  private norm(s: string): string {
    let n = this.normalized.get(s);
    if (n === undefined) {
      n = norm(s);
      this.normalized.set(s, n);
    }
    return n;
  }

  /** "al-Shaibani said" after "Asaad al-Shaibani" was named without a mention: the full name. */
  private fullerName(phrase: SpeakerPhrase): string {
    // Only the stretch of text before the speaker in which a name is usually introduced.
    const from = Math.max(0, phrase.start - 6000);
    for (let at = this.text.indexOf(phrase.text, from); at >= 0 && at < phrase.start; at = this.text.indexOf(phrase.text, at + 1)) {
      if (/[\p{L}]/u.test(this.text[at + phrase.text.length] ?? '')) continue;
      const lead = /((?:[A-Z][\p{L}’'-]+\s+){1,2})$/u.exec(this.text.slice(Math.max(0, at - 60), at));
      if (!lead) continue;
      const words = lead[1].trim().split(/\s+/).filter((w) => !TITLE_WORDS.has(w));
      return words.length > 0 ? `${words.join(' ')} ${phrase.text}` : phrase.text;
    }
    return phrase.text;
  }

  private fromMention(m: EntityMention, start: number, end: number, rule: string): Speaker {
    return { key: m.key, name: m.name, start, end, rule };
  }

  private descriptor(phrase: SpeakerPhrase): Speaker {
    const head = phrase.head!;
    const modifiers = phrase.modifiers ?? [];
    const base = { start: phrase.start, end: phrase.end };
    if (phrase.determiner === 'definite') {
      // "the official" / "the NATO official" refers back to the last "a NATO official".
      for (let i = this.chains.length - 1; i >= 0; i -= 1) {
        const c = this.chains[i];
        if (c.head === head && modifiers.every((m) => c.modifiers.has(m))) {
          return { ...base, name: c.name, rule: 'quotes.speaker.descriptor-chain' };
        }
      }
    }
    const name = descriptorName(phrase);
    this.chains.push({ head, modifiers: new Set(modifiers), name });
    return { ...base, name, rule: 'quotes.speaker.descriptor' };
  }

  private personFor(phrase: SpeakerPhrase, matches: (m: EntityMention) => boolean): EntityMention | undefined {
    return this.mentions.lastPersonWhere(phrase.start, matches);
  }

  /** Resolves a phrase to a speaker and records it; `previousSubject` serves "he"/"she". */
  resolve(phrase: SpeakerPhrase, previousSubject: () => SpeakerPhrase | undefined): Speaker | undefined {
    let speaker: Speaker | undefined;
    let personLike = true;
    switch (phrase.kind) {
      case 'mention': {
        const m = phrase.mention!;
        // A post named as speaker ("the High Representative said") is the person holding it.
        const holder = m.type === 'instrument' ? this.personFor(phrase, (p) => this.norm(p.attributes?.role ?? '').includes(this.norm(m.text))) : undefined;
        speaker = holder
          ? this.fromMention(holder, phrase.start, phrase.end, 'quotes.speaker.title')
          : this.fromMention(m, phrase.start, phrase.end, 'quotes.speaker.mention');
        personLike = holder !== undefined || m.type === 'person';
        break;
      }
      case 'descriptor':
        speaker = this.descriptor(phrase);
        personLike = !NON_PERSON_HEADS.has(phrase.head!);
        break;
      case 'pronoun':
        speaker = this.pronoun(phrase, previousSubject);
        break;
      case 'title': {
        // "the High Representative said" after "Kaja Kallas, the High Representative, ...".
        const title = this.norm(phrase.text.replace(/^the\s+/i, ''));
        const m = this.personFor(phrase, (p) => this.norm(p.attributes?.role ?? '').includes(title) || this.norm(p.text).includes(title));
        speaker = m
          ? this.fromMention(m, phrase.start, phrase.end, 'quotes.speaker.title')
          : { name: phrase.text[0].toLowerCase() + phrase.text.slice(1), start: phrase.start, end: phrase.end, rule: 'quotes.speaker.title' };
        break;
      }
      case 'name': {
        // A surname alone ("Mohamad said") points to the person mentioned in full before.
        const words = this.norm(phrase.text).split(' ');
        const last = words[words.length - 1];
        const m = this.personFor(phrase, (p) => this.norm(p.name).split(' ').includes(last) || this.norm(p.text) === this.norm(phrase.text));
        speaker = m
          ? this.fromMention(m, phrase.start, phrase.end, 'quotes.speaker.name')
          : { name: this.fullerName(phrase), start: phrase.start, end: phrase.end, rule: 'quotes.speaker.name' };
        break;
      }
    }
    if (speaker) this.history.push({ speaker, personLike });
    return speaker;
  }

  /**
   * "he"/"she": a person the mentions stage already tied to the pronoun, else the person the
   * previous sentence opened with, else the last person-like speaker, else the last person named.
   */
  private pronoun(phrase: SpeakerPhrase, previousSubject: () => SpeakerPhrase | undefined): Speaker | undefined {
    const span = { start: phrase.start, end: phrase.end, rule: 'quotes.speaker.pronoun' };
    if (phrase.mention?.type === 'person') return { ...span, key: phrase.mention.key, name: phrase.mention.name };
    const subject = previousSubject();
    if (subject?.kind === 'mention' && subject.mention?.type === 'person') return { ...span, key: subject.mention.key, name: subject.mention.name };
    for (let i = this.history.length - 1; i >= 0; i -= 1) {
      const h = this.history[i];
      if (h.personLike) return { ...span, key: h.speaker.key, name: h.speaker.name };
    }
    const m = this.mentions.lastPersonBefore(phrase.start);
    return m ? { ...span, key: m.key, name: m.name } : undefined;
  }
}

function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A name or title in quotes ("the “Hub for the South”"): every longer word capitalised, no sentence punctuation. */
function isTitleLike(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length > 8 || /[.!?;,]$/.test(s)) return false;
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w));
}

/**
 * Direct quotations and their speakers. Attribution, in order: a reporting verb in the same
 * sentence next to a named person or a descriptor; else the speaker of the previous
 * sentence's quote (a quote continued in the next paragraph) or the person the previous
 * sentence is about; "the official" and "he"/"she" resolve to speakers met earlier.
 */
export function findQuotes(seg: Segmented, mentions: EntityMention[]): QuoteDraft[] {
  const { text } = seg;
  const spans = findQuoteSpans(text, seg.paragraphs);
  if (spans.length === 0) return [];
  const masked = maskQuotes(text, spans);
  const index = new MentionIndex(mentions);
  const sentences = [...seg.sentences].sort((a, b) => a.start - b.start);
  const sentenceEnd = (i: number): number => sentences[i].end;

  const clauses: Clause[][] = sentences.map(() => []);
  for (const found of execAll(VERB_RE, masked)) {
    const m = found as RegExpExecArray;
    const si = sentenceIndexAt(sentences, m.index);
    if (si < 0 || m.index >= sentences[si].end) continue;
    const verbStart = m.index;
    const verbEnd = m.index + m[0].length;
    const s = sentences[si];
    const clause: Clause = { verbStart, verbEnd, kind: m[1] ? 'finite' : m[2] ? 'participle' : 'according', inverted: false, spanStart: verbStart, spanEnd: verbEnd };
    if (clause.kind === 'finite') {
      clause.phrase = speakerBefore(masked, verbStart, s.start, index);
      // “…,” said the official — the speaker follows the verb right after a quote or comma.
      if (!clause.phrase && /[,\u0001]\s*$/.test(masked.slice(Math.max(s.start, verbStart - 4), verbStart))) {
        clause.phrase = speakerAfter(masked, verbEnd, s.end, index);
        clause.inverted = clause.phrase !== undefined;
      }
      // "... and said ..." shares the subject of its sentence, like a participle.
      if (!clause.phrase && /\b(?:and|but)\s+$/.test(masked.slice(Math.max(s.start, verbStart - 6), verbStart))) clause.kind = 'participle';
    } else if (clause.kind === 'according') {
      clause.phrase = speakerAfter(masked, verbEnd, s.end, index);
    }
    if (clause.phrase) {
      clause.spanStart = Math.min(clause.phrase.start, verbStart);
      clause.spanEnd = Math.max(clause.phrase.end, verbEnd);
    }
    if (clause.phrase || clause.kind === 'participle') clauses[si].push(clause);
  }

  const quotesByLastSentence = new Map<number, QuoteSpan[]>();
  for (const q of spans) {
    const si = sentenceIndexAt(sentences, Math.max(q.start, q.end - 1));
    if (si < 0) continue;
    (quotesByLastSentence.get(si) ?? quotesByLastSentence.set(si, []).get(si)!).push(q);
  }

  const state = new SpeakerState(index, masked);
  const subjectOf = (i: number): SpeakerPhrase | undefined => (i >= 0 ? sentenceSubject(masked, sentences[i].start, sentenceEnd(i), index) : undefined);
  const lastQuoteSpeaker: (Speaker | undefined)[] = [];
  const out: QuoteDraft[] = [];

  for (let si = 0; si < sentences.length; si += 1) {
    const own = clauses[si];
    for (const c of own) {
      if (c.phrase) c.speaker = state.resolve(c.phrase, () => subjectOf(si - 1));
    }
    for (let k = 0; k < own.length; k += 1) {
      const c = own[k];
      if (c.speaker || c.kind !== 'participle') continue;
      // "State media quoted Xi as saying “…”": the speaker is the one quoted.
      const quotedAs = /\bquoted\s+([^,;\u0001]{2,80}?)\s+as\s+$/.exec(masked.slice(Math.max(sentences[si].start, c.verbStart - 100), c.verbStart));
      if (quotedAs) {
        const phraseStart = c.verbStart - quotedAs[0].length + quotedAs[0].indexOf(quotedAs[1]);
        const phrase = speakerAfter(masked, phraseStart, c.verbStart, index);
        if (phrase) {
          c.speaker = state.resolve(phrase, () => subjectOf(si - 1));
          if (c.speaker) continue;
        }
      }
      // "X pointed to …, describing them as “…”": the participle's speaker is X.
      const before = own.slice(0, k).reverse().find((o) => o.speaker);
      const after = own.slice(k + 1).find((o) => o.speaker && o.kind !== 'participle');
      if (before?.speaker ?? after?.speaker) c.speaker = before?.speaker ?? after?.speaker;
      else {
        const subject = subjectOf(si);
        if (subject) c.speaker = state.resolve(subject, () => subjectOf(si - 1));
      }
    }

    for (const q of quotesByLastSentence.get(si) ?? []) {
      const first = Math.max(0, sentenceIndexAt(sentences, q.start));
      const quoteText = text.slice(q.start, q.end);
      let best: Clause | undefined;
      let bestDistance = Infinity;
      for (let i = first; i <= si; i += 1) {
        for (const c of clauses[i]) {
          if (!c.speaker) continue;
          const distance = c.spanStart >= q.outerEnd ? c.spanStart - q.outerEnd : c.spanEnd <= q.outerStart ? q.outerStart - c.spanEnd : 0;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = c;
          }
        }
      }

      let speaker: Speaker | undefined;
      let rule = 'quotes.unattributed';
      if (best) {
        speaker = best.speaker;
        rule = clauseRule(best, q, text);
      } else if (colonSpeaker(masked, q, sentences[first].start, index)) {
        // Interview style: "Kallas: “…”".
        speaker = state.resolve(colonSpeaker(masked, q, sentences[first].start, index)!, () => subjectOf(first - 1));
        if (speaker) rule = 'quotes.colon';
      } else if (isPersonSubject(subjectOf(first))) {
        // "Lavrov used his speech to accuse the West of turning it into “…”": no reporting
        // verb, but the person the sentence is about is the one quoted.
        speaker = state.resolve(subjectOf(first)!, () => subjectOf(first - 1));
        if (speaker) rule = 'quotes.sentence-subject';
      }
      if (!speaker && !best) {
        const prev = first - 1;
        if (prev >= 0 && lastQuoteSpeaker[prev]) {
          speaker = lastQuoteSpeaker[prev];
          rule = sentences[prev].paragraph !== sentences[first].paragraph ? 'quotes.continued-paragraph' : 'quotes.continued-sentence';
        } else if (prev >= 0) {
          const spoke = [...clauses[prev]].reverse().find((c) => c.speaker && c.kind !== 'participle');
          const subject = spoke ? undefined : subjectOf(prev);
          if (spoke) speaker = spoke.speaker;
          else if (subject && (isPersonSubject(subject) || (subject.kind === 'descriptor' && !NON_PERSON_HEADS.has(subject.head ?? '')))) {
            speaker = state.resolve(subject, () => subjectOf(prev - 1));
          }
          if (speaker) rule = 'quotes.previous-sentence';
        }
      }

      const attributedHere = best !== undefined;
      const before = text.slice(Math.max(0, q.outerStart - 12), q.outerStart);
      const named = /\b(?:the|a|an|its|their|his|her|called|dubbed|named|titled|entitled|so-called)\s*$/i.test(before);
      const words = wordCount(quoteText);
      if (words === 0 || (!attributedHere && words < 3)) continue; // marks around nothing; scare quotes
      if (isTitleLike(quoteText) && (!attributedHere || named)) continue; // names and titles
      out.push({ text: quoteText, start: q.start, end: q.end, rule, speaker: speaker ? { ...speaker } : undefined });
      lastQuoteSpeaker[si] = speaker ?? lastQuoteSpeaker[si];
    }
  }
  return out;
}

/** A person named right before a colon that opens the quote ("Kallas: “…”"). */
function colonSpeaker(masked: string, q: QuoteSpan, sentenceStart: number, index: MentionIndex): SpeakerPhrase | undefined {
  const before = masked.slice(Math.max(sentenceStart, q.outerStart - 4), q.outerStart);
  const colon = /:\s*$/.exec(before);
  if (!colon) return undefined;
  let end = q.outerStart - colon[0].length;
  while (end > sentenceStart && /\s/.test(masked[end - 1])) end -= 1;
  const m = index.best(end, 'end');
  return m?.type === 'person' ? { kind: 'mention', start: m.start, end: m.end, text: masked.slice(m.start, m.end), mention: m } : undefined;
}

function isPersonSubject(p: SpeakerPhrase | undefined): boolean {
  return p !== undefined && ((p.kind === 'mention' && p.mention?.type === 'person') || p.kind === 'pronoun');
}

/** Names the wording that tied a quote to its clause. */
function clauseRule(c: Clause, q: QuoteSpan, text: string): string {
  if (c.kind === 'according') return 'quotes.according-to';
  if (c.kind === 'participle') return 'quotes.participle';
  if (c.spanStart >= q.outerEnd) {
    if (/^[\s,]*$/.test(text.slice(q.outerEnd, c.spanStart))) return c.inverted ? 'quotes.said-inverted' : 'quotes.said-after';
    return 'quotes.same-sentence';
  }
  if (c.spanEnd <= q.outerStart) {
    const gap = text.slice(c.spanEnd, q.outerStart);
    if (/^[^.;]{0,40}:\s*$/.test(gap) || /^[\s,]*$/.test(gap)) return 'quotes.said-before';
    if (/\bthat\b/.test(gap)) return 'quotes.said-that';
  }
  return 'quotes.same-sentence';
}
