import type { EntityAttributes, EntityType } from '../../domain/index.js';
import type { EntityMention, Segmented, Sentence } from '../types.js';
import type { CityEntry } from '../../lexicon/index.js';
import { findLast } from '../find-last.js';
import type { DictHit } from './phrase-index.js';
import type { MentionResources } from './resources.js';
import { slug } from './resources.js';
import { tokenize, type Token } from './tokens.js';
import * as heads from './heads.js';

// Local bindings: imported bindings are read through accessors, and these are read per token.
const INSTRUMENT_HEADS = heads.INSTRUMENT_HEADS;
const INSTRUMENT_MODIFIERS = heads.INSTRUMENT_MODIFIERS;
const LOCATIVES = heads.LOCATIVES;
const MINISTRY_PORTFOLIOS = heads.MINISTRY_PORTFOLIOS;
const NAME_CONNECTORS = heads.NAME_CONNECTORS;
const NOT_NAME_WORDS = heads.NOT_NAME_WORDS;
const ORGANIZATION_HEADS = heads.ORGANIZATION_HEADS;
const SPEECH_VERBS = heads.SPEECH_VERBS;
const PLACE_HEADS = heads.PLACE_HEADS;
const HEAD_WORDS = new Set(Object.keys(INSTRUMENT_HEADS));

export interface MentionContext {
  resources: MentionResources;
  /** Dateline place, which counts as a place mention even when written in capitals. */
  dateline?: { place: string; span: { start: number; end: number } };
}

/** Which tokens a sentence's candidates already cover; `add` records a candidate and its tokens. */
class Coverage {
  private readonly covered: Uint8Array;

  constructor(size: number, private readonly cands: Candidate[]) {
    this.covered = new Uint8Array(size);
    for (const c of cands) for (let k = c.from; k < c.to; k++) this.covered[k] = 1;
  }

  covers(k: number): boolean {
    return this.covered[k] === 1;
  }

  add(c: Candidate): void {
    this.cands.push(c);
    for (let k = c.from; k < c.to; k++) this.covered[k] = 1;
  }
}

/** A mention found in one sentence, with the token range it covers. */
interface Candidate extends EntityMention {
  from: number;
  to: number;
  /** Higher wins when candidates overlap. */
  weight: number;
  /** Spans other mentions (an instrument named with its owner and host); never displaces them. */
  container?: boolean;
  /** For back-references ("the bloc"): every entity the phrase may stand for. */
  alts?: string[];
}

const HIT_PRIORITY: Record<DictHit['kind'], number> = {
  lexicon: 6, country: 5, region: 4, demonym: 3, collective: 2, title: 1, descriptor: 1,
};

const PERSON_PARTICLES = new Set(['de', 'van', 'von', 'der', 'bin', 'al', 'el', 'da', 'di', 'le', 'la', 'du', 'dos', 'ibn']);

function caseOk(hit: DictHit, tokens: Token[], from: number, to: number): boolean {
  if (hit.match === 'any-case') return true;
  if (hit.match === 'exact-case') {
    for (let k = from; k < to; k++) if (tokens[k].word && !tokens[k].upper && tokens[k].text.length > 1) return false;
    return true;
  }
  const first = tokens[from].key === 'the' && to - from > 1 && !tokens[from].cap ? tokens[from + 1] : tokens[from];
  return first.cap;
}

function pickHit(hits: DictHit[], tokens: Token[], from: number, to: number): DictHit | undefined {
  let best: DictHit | undefined;
  for (const h of hits) {
    if (!caseOk(h, tokens, from, to)) continue;
    if (!best || HIT_PRIORITY[h.kind] > HIT_PRIORITY[best.kind]) best = h;
  }
  return best;
}

function keyOf(tokens: Token[], from: number, to: number): string {
  if (from >= to || from >= tokens.length) return '';
  let k = tokens[from].key;
  for (let i = from + 1; i < to; i++) k += ' ' + tokens[i].key;
  return k;
}

const ATTRIBUTIVE_NOUNS = new Set([
  'states', 'countries', 'nations', 'leaders', 'allies', 'partners', 'aid', 'monarchies', 'governments', 'neighbours',
  'neighbors', 'diplomats', 'officials', 'waters', 'islands', 'envoys', 'ministers', 'rulers', 'capitals', 'investors',
  'economies', 'members', 'powers', 'troops', 'forces', 'donors', 'delegations', 'producers', 'markets',
]);

/** Dictionary pass: the longest known name starting at each token. */
function dictionaryPass(tokens: Token[], r: MentionResources, text: string, sentence: number): Candidate[] {
  const out: Candidate[] = [];
  // The hit at i + 1 when "the" at i already looked it up, so it is not looked up twice.
  let ahead: ReturnType<typeof longestHitAt> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const found = ahead ?? longestHitAt(tokens, i, r);
    ahead = null;
    if (!found) continue;
    let best: DictHit | undefined = found.hit;
    const bestLen = found.len;
    // "the Organization for Security and Co-operation in Europe": a short phrase with the article
    // ("the organization") gives way to a longer name starting right after it.
    if (tokens[i].key === 'the') {
      const next = longestHitAt(tokens, i + 1, r);
      if (next && next.len + 1 > bestLen) { ahead = next; continue; }
    }
    // "Gulf states", "Pacific islands", "European leaders": a place name used as an adjective names no place.
    if (best && best.kind === 'region' && ATTRIBUTIVE_NOUNS.has(tokens[i + bestLen]?.key ?? '')) best = undefined;
    // "the Kremlin said", "White House officials": a seat of power that speaks is the office it houses.
    const occupant = !!best && best.attributes?.placeKind === 'site' && speaksForItsOccupant(tokens, i, i + bestLen);
    if (best && occupant) best = { ...best, type: 'organization', key: `org:site-${best.key.slice(best.key.indexOf(':') + 1)}`, attributes: {} };
    if (best) {
      const hit = best;
      const len = bestLen;
      // "the alliance": the article is not part of the name.
      const from = tokens[i].key === 'the' && len > 1 ? i + 1 : i;
      const start = tokens[from].start;
      const end = tokens[i + len - 1].end;
      // "NATO Liaison Office in Amman": the host after "in" is a place mention of its own.
      let hostAt = -1;
      if (hit.type === 'instrument') for (let k = from + 1; k < i + len - 1; k++) if (tokens[k].key === 'in') hostAt = k + 1;
      out.push({
        start, end, text: text.slice(start, end), type: hit.type, key: hit.key, name: hit.name,
        attributes: hit.attributes, sentence, rule: occupant ? 'mentions.site.occupant' : `mentions.dictionary.${hit.kind}`,
        via: hit.kind === 'demonym' ? 'demonym' : hit.kind === 'collective' ? 'descriptor' : 'name',
        from, to: hostAt > 0 ? hostAt - 1 : i + len, weight: 10 + HIT_PRIORITY[hit.kind] + len,
        ...(hostAt > 0 ? { container: true } : {}),
        ...(hit.kind === 'collective' ? { alts: (r.index.lookup(keyOf(tokens, i, i + len)) ?? []).map((h) => h.key) } : {}),
      });
      i = (hostAt > 0 ? hostAt : i + len) - 1;
    }
  }
  return out;
}

// Words after a building's name that make it the people inside it: "Kremlin spokesman", "White House officials".
const OCCUPANT_WORDS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'aide', 'aides', 'press', 'statement', 'readout']);

// A building followed by these acts ("The Kremlin has sent a team"), unless it follows "at", "in", "to" ...
const ACTING_AUXILIARIES = new Set(['has', 'had', 'have', 'will', 'would', 'is', 'was', 'could', 'may', 'might', 'should']);

function speaksForItsOccupant(tokens: Token[], from: number, after: number): boolean {
  const t = tokens[after];
  if (t?.key === "'s") return OCCUPANT_WORDS.has(tokens[after + 1]?.key ?? '');
  if (!t) return false;
  if (SPEECH_VERBS.has(t.key) || OCCUPANT_WORDS.has(t.key)) return true;
  let before = tokens[from - 1];
  if (before?.key === 'the') before = tokens[from - 2];
  return ACTING_AUXILIARIES.has(t.key) && !(before && LOCATIVES.has(before.key));
}

/** The longest dictionary phrase starting at token i whose casing fits, if any. */
function longestHitAt(tokens: Token[], i: number, r: MentionResources): { hit: DictHit; len: number } | undefined {
  const t = tokens[i];
  // Most lower-case words start no name: one small set answers that before the big index.
  if (!t || !t.word || (!t.cap && !r.index.startsLowercase(t.key))) return undefined;
  let max = Math.min(r.index.maxLength(t.key), tokens.length - i);
  if (!max) return undefined;
  if (max > 1 && !r.index.continues(t.key, tokens[i + 1].key)) max = 1;
  // Build the keys once, shortest first, and keep the longest that names something.
  let key = '';
  let best: DictHit | undefined;
  let bestLen = 0;
  for (let len = 1; len <= max; len++) {
    key = len === 1 ? t.key : key + ' ' + tokens[i + len - 1].key;
    const hits = r.index.lookup(key);
    if (!hits) continue;
    const hit = pickHit(hits, tokens, i, i + len);
    if (hit) { best = hit; bestLen = len; }
  }
  return best ? { hit: best, len: bestLen } : undefined;
}

/** Longest title ("foreign policy chief", "Secretary-General") starting at token i, as a token count. */
// "Prime Minister-designate", "President-elect": the title with its suffix.
const TITLE_SUFFIX = /-(?:designate|elect)$/;

function titleKey(t: Token): string {
  // Plain string tests: this runs for every word after a title's first word.
  const k = t.key;
  if (k.endsWith('-elect')) return k.slice(0, -6);
  if (k.endsWith('-designate')) return k.slice(0, -10);
  return k;
}

function titleAt(tokens: Token[], i: number, r: MentionResources): number {
  const max = r.titleFirst.get(tokens[i].key);
  if (!max) return 0;
  // Each longer key extends the one before; the longest that is a title wins.
  const n = Math.min(max, tokens.length - i);
  const keys: string[] = [tokens[i].key];
  for (let j = i + 1; j < i + n; j++) keys.push(keys[keys.length - 1] + ' ' + titleKey(tokens[j]));
  for (let len = n; len >= 1; len--) if (r.titles.has(keys[len - 1])) return len;
  return 0;
}

// Arabic-style family names written with a lower-case article: "al-Sharaa", "bin Farhan".
const ARTICLE_NAME = /^(?:al|el|ad|as|ash|ibn|bin|abu|ben)-\p{Lu}/u;

function isNameToken(t: Token | undefined): boolean {
  if (!t || !t.word) return false;
  if (!t.cap) return ARTICLE_NAME.test(t.text);
  // A dotted abbreviation ("H.E.", "U.S.") is no name word; a single initial ("S.") is read by isInitial.
  return !NOT_NAME_WORDS.has(t.key) && !/^\d/.test(t.text) && !TITLE_SUFFIX.test(t.key) && !t.text.includes('.');
}

/** An initial written as a capital and a period: the "S." of "S. Jaishankar". */
function isInitial(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && t.text.length === 1 && t.cap && tokens[k + 1]?.text === '.' && tokens[k + 1].start === t.end;
}

/** A person's name starting at i: two to four capitalised words (particles allowed inside). */
function nameAt(tokens: Token[], i: number, cover: Coverage): number {
  let k = i;
  let words = 0;
  while (k < tokens.length && words < 4) {
    const t = tokens[k];
    // An initial first: "S." is also a capitalised word, but its period must not end the name.
    if (isInitial(tokens, k) && !cover.covers(k)) { words++; k += 2; continue; }
    if (isNameToken(t) && !cover.covers(k)) { words++; k++; continue; }
    // Particles inside or before a family name: "Ursula von der Leyen", "von der Leyen".
    if (PERSON_PARTICLES.has(t.key) && !t.cap) {
      let l = k;
      while (tokens[l] && PERSON_PARTICLES.has(tokens[l].key) && !tokens[l].cap && l - k < 3) l++;
      if (isNameToken(tokens[l]) && !cover.covers(l)) { words += words === 0 ? 1 : 0; k = l; continue; }
    }
    break;
  }
  return words >= 2 ? k - i : 0;
}

export function findMentions(seg: Segmented, ctx: MentionContext): EntityMention[] {
  const r = ctx.resources;
  const text = seg.text;
  const perSentence: { sentence: Sentence; tokens: Token[]; cands: Candidate[] }[] = [];
  const acronyms = new Map<string, Candidate>();
  const people = new Map<string, Candidate>(); // surname key → full-name candidate

  for (const sentence of seg.sentences) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    const cands = dictionaryPass(tokens, r, text, sentence.index);
    const cover = new Coverage(tokens.length, cands);

    holdersOfPosts(tokens, text, sentence, cands, cover, r, people);
    personsByTitle(tokens, text, sentence, cands, cover, r, people);
    capitalisedNames(tokens, text, sentence, cands, cover, r, people);
    lowercaseInstruments(tokens, text, sentence, cands);
    lowercaseMinistries(tokens, text, sentence, cands);
    perSentence.push({ sentence, tokens, cands });
    // Acronyms defined in the text: "NATO Mission Iraq (NMI)".
    for (let k = 0; k + 2 < tokens.length; k++) {
      if (tokens[k].text !== '(' || tokens[k + 2].text !== ')' || !tokens[k + 1].upper) continue;
      let owner = cands.find((c) => c.to === k && c.type !== 'country' && c.type !== 'person');
      if (!owner) owner = nameByInitials(tokens, k, text, sentence, cover);
      if (owner && !acronyms.has(tokens[k + 1].text)) acronyms.set(tokens[k + 1].text, owner);
    }
  }

  // Second pass: short forms that refer back to something defined earlier in the text.
  const out: EntityMention[] = [];
  const recent: Recent = { people: [], named: [] };
  for (const { sentence, tokens, cands } of perSentence) {
    const taken = new Uint8Array(tokens.length);
    for (const c of cands) for (let k = c.from; k < c.to; k++) taken[k] = 1;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (taken[k] || !t.word || !t.cap) continue;
      const acr = t.upper ? acronyms.get(t.text) : undefined;
      if (acr && !(tokens[k - 1]?.text === '(' && tokens[k + 1]?.text === ')')) {
        cands.push({ ...acr, start: t.start, end: t.end, text: t.text, via: 'acronym', rule: 'mentions.acronym.use', sentence: sentence.index, from: k, to: k + 1, weight: 5 });
        continue;
      }
      const person = people.get(t.key);
      if (person && !NOT_NAME_WORDS.has(t.key)) {
        cands.push({ ...person, start: t.start, end: t.end, text: t.text, via: 'short', rule: 'mentions.person.surname', sentence: sentence.index, from: k, to: k + 1, weight: 5 });
      }
    }
    if (ctx.dateline && ctx.dateline.span.start >= sentence.start && ctx.dateline.span.end <= sentence.end) {
      const city = r.gazetteer.cityByName(ctx.dateline.place);
      if (city && !cands.some((c) => c.start <= ctx.dateline!.span.start && c.end > ctx.dateline!.span.start)) {
        const { start, end } = ctx.dateline.span;
        cands.push(placeCandidate(city.name, city, start, end, text, sentence.index, 'mentions.dateline', 0, 0));
      }
    }
    cands.sort((a, b) => a.start - b.start || b.weight - a.weight);
    const chosen: Candidate[] = [];
    let lastEnd = -1;
    for (const c of cands) {
      if (!c.container) {
        if (c.start < lastEnd) continue;
        lastEnd = c.end;
      }
      chosen.push(c);
    }
    for (const c of withReferences(tokens, chosen, r, sentence.index, text, recent)) {
      out.push(toMention(c));
    }
  }
  return out;
}

/** What the text has named so far, for resolving "he", "the council", "the Secretary-General". */
interface Recent {
  person?: Candidate;
  people: Candidate[];
  named: Candidate[];
}

const PRONOUNS = new Set(['he', 'she', 'his', 'her']);
// Words that can stand for any body the text just named: "the organisation", "the body".
const GENERIC_BODY_WORDS = new Set(['organisation', 'organization', 'body', 'bloc', 'grouping']);

function lastWord(name: string): string {
  let w = lastWordCache.get(name);
  if (w === undefined) {
    const parts = name.toLowerCase().split(/[\s-]+/);
    w = parts[parts.length - 1];
    if (lastWordCache.size < 20_000) lastWordCache.set(name, w);
  }
  return w;
}

/**
 * Back-references, resolved to what the text named last: pronouns ("he said"), a body by
 * its head noun ("the council" after "the Peace and Security Council"), a lexicon
 * collective ("the bloc") and a person by title ("the Secretary-General").
 */
function withReferences(tokens: Token[], chosen: Candidate[], r: MentionResources, sentence: number, text: string, recent: Recent): Candidate[] {
  const covered = new Uint8Array(tokens.length);
  for (const c of chosen) for (let k = c.from; k < c.to; k++) covered[k] = 1;
  const refs: Candidate[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k]) continue;
    const t = tokens[k];
    if (PRONOUNS.has(t.key)) {
      refs.push(referenceAt(t, k, sentence, 'person', '', 'mentions.reference.pronoun', 'pronoun'));
      continue;
    }
    // "the Secretary-General", also "the Finnish minister" (a demonym between article and title).
    const afterThe = tokens[k - 1]?.key === 'the' && !covered[k - 1];
    const afterTheDemonym = !afterThe && tokens[k - 2]?.key === 'the' && chosen.some((c) => c.from === k - 1 && c.to === k && c.via === 'demonym');
    if (!afterThe && !afterTheDemonym) continue;
    // "the Indonesian leader": whoever holds a leader's office of that country.
    if (afterTheDemonym && t.key === 'leader') {
      refs.push(referenceAt(t, k, sentence, 'person', tokens[k - 1].key, 'mentions.reference.leader', 'descriptor'));
      continue;
    }
    const tl = titleAt(tokens, k, r);
    if (tl && !isNameToken(tokens[k + tl])) {
      const end = tokens[k + tl - 1].end;
      refs.push(referenceAt(t, k, sentence, 'person', keyOf(tokens, k, k + tl), 'mentions.reference.title', 'descriptor', k + tl, end, text.slice(t.start, end)));
      k += tl - 1;
      continue;
    }
    if (afterThe && !t.cap && (ORGANIZATION_HEADS.has(t.key) || INSTRUMENT_HEADS[t.key]) && !(tokens[k + 1]?.cap)) {
      refs.push(referenceAt(t, k, sentence, ORGANIZATION_HEADS.has(t.key) ? 'organization' : 'instrument', t.key, 'mentions.reference.head', 'descriptor'));
    }
  }
  const all = refs.length ? chosen.concat(refs).sort((a, b) => a.start - b.start) : chosen;
  const out: Candidate[] = [];
  for (const c of all) {
    let m: Candidate | undefined = c;
    if (c.rule === 'mentions.reference.pronoun') {
      m = recent.person ? { ...recent.person, ...pick(c), rule: c.rule, via: 'pronoun' } : undefined;
    } else if (c.rule === 'mentions.reference.title') {
      const title = c.name;
      const person = findLast(recent.people, (p) => !!p.attributes?.role && foldRole(p.attributes.role).endsWith(title));
      m = person ? { ...person, ...pick(c), rule: c.rule, via: 'descriptor' } : undefined;
    } else if (c.rule === 'mentions.reference.leader') {
      const person = findLast(recent.people, (p) => !!p.attributes?.role && leadsCountry(foldRole(p.attributes.role), c.name, r));
      m = person ? { ...person, ...pick(c), rule: c.rule, via: 'descriptor' } : undefined;
    } else if (c.rule === 'mentions.reference.head') {
      const head = c.name;
      const target = findLast(recent.named, (n) => lastWord(n.name) === head || lastWord(n.text) === head) ??
        (GENERIC_BODY_WORDS.has(head) ? findLast(recent.named, (n) => n.type === 'organization') : undefined);
      m = target ? { ...target, ...pick(c), rule: c.rule, via: 'descriptor', attributes: target.attributes } : undefined;
    } else if (c.alts) {
      // "the bloc", "the alliance": the body the text has named that the phrase can stand for.
      const head = lastWord(c.text);
      const target = findLast(recent.named, (n) => c.alts!.includes(n.key)) ?? findLast(recent.named, (n) => lastWord(n.name) === head);
      if (target) m = { ...c, key: target.key, name: target.name, type: target.type, attributes: target.attributes };
    }
    if (!m) continue;
    out.push(m);
    if (m.type === 'person' && m.via !== 'pronoun') {
      recent.person = m;
      if (m.via === 'name') recent.people.push(m);
    } else if (m.type === 'person') recent.person = recent.people.find((p) => p.key === m!.key) ?? recent.person;
    if ((m.type === 'organization' || m.type === 'instrument') && m.via !== 'descriptor') recent.named.push(m);
  }
  return out;
}

/** The mention a candidate stands for, without the matcher's bookkeeping (span in tokens, weight). */
function toMention(c: Candidate): EntityMention {
  const m: EntityMention = { start: c.start, end: c.end, rule: c.rule, text: c.text, type: c.type, key: c.key, name: c.name, sentence: c.sentence };
  if (c.attributes !== undefined) m.attributes = c.attributes;
  if (c.via !== undefined) m.via = c.via;
  if (c.alias !== undefined) m.alias = c.alias;
  return m;
}

/** A role such as "indonesian president": a leader's office, held for the country of `demonym`. */
function leadsCountry(role: string, demonym: string, r: MentionResources): boolean {
  if (!role.startsWith(demonym + ' ')) return false;
  for (const office of r.leaderOffices) if (role.endsWith(' ' + office)) return true;
  return false;
}

/** A back-reference from token k (to token `to`), still to be resolved to what it points at. */
function referenceAt(
  t: Token, k: number, sentence: number, type: EntityType, name: string, rule: string, via: Candidate['via'],
  to = k + 1, end = t.end, text = t.text,
): Candidate {
  return { start: t.start, end, text, sentence, from: k, to, weight: 1, type, key: '', name, rule, via };
}

const lastWordCache = new Map<string, string>();
const roleCache = new Map<string, string>();

function pick(c: Candidate): Pick<Candidate, 'start' | 'end' | 'text' | 'sentence' | 'from' | 'to' | 'weight'> {
  return { start: c.start, end: c.end, text: c.text, sentence: c.sentence, from: c.from, to: c.to, weight: c.weight };
}

function foldRole(role: string): string {
  let f = roleCache.get(role);
  if (f === undefined) {
    f = tokenize(role).map((t) => titleKey(t)).join(' ');
    if (roleCache.size < 20_000) roleCache.set(role, f);
  }
  return f;
}

function placeCandidate(
  name: string, city: { iso2: string; lat: number; lon: number }, start: number, end: number, text: string,
  sentence: number, rule: string, from: number, to: number,
): Candidate {
  return {
    start, end, text: text.slice(start, end), type: 'place', key: `place:${slug(name)}`, name,
    attributes: { placeKind: 'city', iso2: city.iso2, lat: city.lat, lon: city.lon }, sentence, rule, via: 'name', from, to, weight: 8,
  };
}

/**
 * "Multinational Security Support (MSS) mission": capitalised words whose initials spell the
 * acronym after them are a name even without a head noun; a head noun after the brackets
 * ("mission", "office") makes it an instrument.
 */
function nameByInitials(tokens: Token[], open: number, text: string, sentence: Sentence, cover: Coverage): Candidate | undefined {
  const acronym = tokens[open + 1].text.toLowerCase();
  let from = open;
  while (from > 0 && ((tokens[from - 1].cap && tokens[from - 1].word) || (NAME_CONNECTORS.has(tokens[from - 1].key) && from - 2 >= 0 && tokens[from - 2].cap))) from--;
  while (from < open && !tokens[from].cap) from++;
  const initials = tokens.slice(from, open).filter((t) => t.cap).map((t) => t.key[0]).join('');
  if (open - from < 2 || initials.length < 2) return undefined;
  // Drop leading words until the initials match (a sentence may start with other capitalised words).
  let start = from;
  let ini = initials;
  while (ini.length > acronym.length && start < open) { if (tokens[start].cap) ini = ini.slice(1); start++; }
  if (ini !== acronym) return undefined;
  const after = tokens[open + 3];
  const kind = after && !after.cap ? INSTRUMENT_HEADS[after.key] : undefined;
  const type: EntityType = kind ? 'instrument' : 'organization';
  const s0 = tokens[start].start;
  const e0 = tokens[open - 1].end;
  const name = text.slice(s0, e0);
  const c: Candidate = {
    start: s0, end: e0, text: name, type, key: `${type === 'instrument' ? 'inst' : 'org'}:${slug(name)}`, name,
    attributes: kind ? { instrumentKind: kind } : {}, sentence: sentence.index, rule: 'mentions.acronym.definition', via: 'name',
    from: start, to: open, weight: 25,
  };
  cover.add(c);
  return c;
}

/** Builds the role from what stands before a title: "Ukrainian Foreign Minister", "EU foreign policy chief". */
function roleStart(tokens: Token[], titleFrom: number, cands: Candidate[]): number {
  let k = titleFrom;
  for (;;) {
    const prev = tokens[k - 1];
    if (!prev) break;
    if (prev.key === "'s") { const owner = cands.find((c) => c.to === k - 1 && c.type !== 'person'); if (owner) { k = owner.from; continue; } break; }
    const owner = cands.find((c) => c.to === k && (c.type === 'country' || c.type === 'organization'));
    if (owner) { k = owner.from; continue; }
    if (/^(deputy|acting|former|interim|first|vice|senior|chief|top|new|newly|appointed|outgoing|incoming|elected|designated)$/.test(prev.key)) { k--; continue; }
    break;
  }
  return k;
}

function personCandidate(
  tokens: Token[], text: string, sentence: Sentence, from: number, to: number, rule: string, role?: string,
): Candidate {
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  const name = text.slice(start, end);
  return {
    start, end, text: name, type: 'person', key: `person:${slug(name)}`, name,
    attributes: role ? { role } : {}, sentence: sentence.index, rule, via: 'name', from, to, weight: 30,
  };
}

function remember(people: Map<string, Candidate>, c: Candidate, tokens: Token[], r: MentionResources): void {
  const last = tokens[c.to - 1];
  const known = people.get(last.key);
  // "von der Leyen" after "Ursula von der Leyen": the same person under a shorter name.
  if (known && known.key !== c.key && known.name.endsWith(c.name)) {
    c.key = known.key;
    c.name = known.name;
    c.via = 'short';
  }
  if (!known) people.set(last.key, c);
  // Family name first ("Cho Tae-yul" → "Cho", "Wang Yi" → "Wang"): the first word also points
  // back, unless it is someone's family name.
  const first = tokens[c.from];
  const familyFirst = last.text.includes('-') || r.familyNameFirst.has(first.key);
  if (c.to - c.from >= 2 && familyFirst && !people.has(first.key)) people.set(first.key, c);
}

/**
 * A post the lexicon knows as an envoy, set beside a name by commas: "the EU Special
 * Representative for the South Caucasus, Toivo Klaar," or "Toivo Klaar, the EU Special
 * Representative ...". The person holds the post; the post stays an instrument.
 */
function holdersOfPosts(
  tokens: Token[], text: string, sentence: Sentence, cands: Candidate[], cover: Coverage,
  r: MentionResources, people: Map<string, Candidate>,
): void {
  // Only the candidates found before this pass: the people it adds are no posts.
  for (let ci = 0, n = cands.length; ci < n; ci++) {
    const post = cands[ci];
    if (post.type !== 'instrument' || post.attributes?.instrumentKind !== 'envoy') continue;
    let from = -1;
    let to = -1;
    // A post named with its host ("... in Georgia") ends after the host, past its token range.
    let after = post.to;
    while (tokens[after] && tokens[after].start < post.end) after++;
    if (tokens[after]?.text === ',') {
      const n = nameAt(tokens, after + 1, cover);
      if (n && (!tokens[after + 1 + n] || !tokens[after + 1 + n].cap)) { from = after + 1; to = from + n; }
    }
    if (from < 0) {
      let k = post.from - 1;
      if (tokens[k]?.key === 'the') k--;
      if (tokens[k]?.text === ',') {
        let s = k - 1;
        while (s >= 0 && isNameToken(tokens[s]) && !cover.covers(s) && k - s <= 4) s--;
        if (k - (s + 1) >= 2 && nameAt(tokens, s + 1, cover) === k - (s + 1)) { from = s + 1; to = k; }
      }
    }
    if (from < 0) continue;
    const c = personCandidate(tokens, text, sentence, from, to, 'mentions.person.post-holder', post.text);
    cover.add(c);
    remember(people, c, tokens, r);
  }
}

/** Whether a would-be name holds a word of some body's name ("Official Security Assistance"): then it is no person. */
function hasBodyWord(tokens: Token[], from: number, to: number, r: MentionResources): boolean {
  for (let k = from; k < to; k++) if (r.bodyWords.has(tokens[k].key)) return true;
  return false;
}

/** People named with a title: "NATO Secretary-General Mark Rutte", "Kaja Kallas, the EU's foreign policy chief". */
function personsByTitle(
  tokens: Token[], text: string, sentence: Sentence, cands: Candidate[], cover: Coverage,
  r: MentionResources, people: Map<string, Candidate>,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const len = titleAt(tokens, i, r);
    if (!len) continue;
    const titleEnd = i + len;
    const rs = roleStart(tokens, i, cands);
    let role = text.slice(tokens[rs].start, tokens[titleEnd - 1].end);
    // Title, then name: "Foreign Minister Andrii Sybiha", "foreign minister, Andrii Sybiha,",
    // also past a qualifier: "special envoy on Myanmar, Othman Hashim".
    let nameFrom = titleEnd;
    if (tokens[nameFrom] && /^(?:on|for|to|of)$/.test(tokens[nameFrom].key) && tokens[nameFrom + 1]) {
      let k = nameFrom + 1;
      if (tokens[k].key === 'the') k++;
      const q0 = k;
      while (tokens[k] && tokens[k].cap && tokens[k].word && k - q0 < 5) k++;
      if (k > q0 && tokens[k]?.text === ',') nameFrom = k;
      else {
        // No comma: "Commissioner for Trade and Economic Security Maroš Šefčovič" — the remit runs
        // on ("and" inside it) and the last two capitalised words, no words of a body's name, are the person.
        let e = q0;
        while (tokens[e] && ((tokens[e].cap && tokens[e].word) || (tokens[e].key === 'and' && tokens[e + 1]?.cap && !titleAt(tokens, e + 1, r))) && e - q0 < 8) e++;
        const n0 = e - 2;
        if (n0 > q0 && isNameToken(tokens[n0]) && isNameToken(tokens[n0 + 1]) && !r.bodyWords.has(tokens[n0].key) && !r.bodyWords.has(tokens[n0 + 1].key) &&
          !cover.covers(n0) && !cover.covers(n0 + 1)) nameFrom = n0;
      }
    }
    // The remit is part of the role: "Commissioner for Trade and Economic Security".
    if (nameFrom > titleEnd) role = text.slice(tokens[rs].start, tokens[nameFrom - 1].end);
    if (tokens[nameFrom]?.text === ',') nameFrom++;
    // "..., H.E. Alounkeo Kittikhoun": an honorific between title and name is neither.
    if (tokens[nameFrom] && r.honorifics.has(tokens[nameFrom].key.replace(/\.$/, ''))) {
      nameFrom++;
      if (tokens[nameFrom]?.text === '.') nameFrom++;
    }
    const n = nameAt(tokens, nameFrom, cover);
    if (n && !hasBodyWord(tokens, nameFrom, nameFrom + n, r)) {
      const c = personCandidate(tokens, text, sentence, nameFrom, nameFrom + n, 'mentions.person.title-before', role);
      cover.add(c);
      remember(people, c, tokens, r);
      i = nameFrom + n - 1;
      continue;
    }
    // Name, then title: "Kaja Kallas, the EU's foreign policy chief".
    let k = rs - 1;
    if (tokens[k]?.key === 'the' || tokens[k]?.key === 'a' || tokens[k]?.key === 'an') k--;
    if (tokens[k]?.text === ',') {
      let s = k - 1;
      while (s >= 0 && (isNameToken(tokens[s]) || (PERSON_PARTICLES.has(tokens[s].key) && s > 0)) && !cover.covers(s) && k - s <= 4) s--;
      const from = s + 1;
      if (k - from >= 2 && nameAt(tokens, from, cover) >= k - from) {
        const c = personCandidate(tokens, text, sentence, from, k, 'mentions.person.title-after', role);
        cover.add(c);
        remember(people, c, tokens, r);
      }
    }
    i = titleEnd - 1;
  }
}

function headKind(t: Token): 'instrument' | 'organization' | 'place' | undefined {
  if (!t.cap) return undefined;
  if (INSTRUMENT_HEADS[t.key]) return 'instrument';
  if (ORGANIZATION_HEADS.has(t.key)) return 'organization';
  if (PLACE_HEADS.has(t.key)) return 'place';
  return undefined;
}

/**
 * Capitalised runs: names of bodies ("Federal Police Command"), instruments ("Hub for the
 * South", "NATO Mission Iraq"), people flagged by a speech verb or honorific, and cities.
 */
function capitalisedNames(
  tokens: Token[], text: string, sentence: Sentence, cands: Candidate[], cover: Coverage,
  r: MentionResources, people: Map<string, Candidate>,
): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.word || !t.cap || (cover.covers(i) && cands.some((c) => c.from <= i && c.to > i && c.type === 'person'))) { i++; continue; }
    // Extend the run over capitalised words and the connectors names use.
    let j = i + 1;
    for (;;) {
      const u = tokens[j];
      if (!u) break;
      if (u.word && u.cap && !NOT_NAME_WORDS.has(u.key)) { j++; continue; }
      // "Bashar al-Assad": a family name with a lower-case article continues a name.
      if (u.word && !u.cap && ARTICLE_NAME.test(u.text)) { j++; continue; }
      if (u.word && u.cap && NOT_NAME_WORDS.has(u.key) && ORGANIZATION_HEADS.has(u.key)) { j++; continue; }
      // "Trade and Technology Council": "and" joins words of one name until its head noun.
      // Not after a name the dictionary knows: "the EU and African Union ministers" are two bodies.
      if (u.key === 'and' && !u.cap && tokens[j + 1]?.cap && tokens[j + 1].word && !NOT_NAME_WORDS.has(tokens[j + 1].key) &&
        !cands.some((c) => c.from >= i && c.to === j && c.rule.startsWith('mentions.dictionary'))) {
        let hasHead = false;
        for (let h = i; h < j; h++) if (headKind(tokens[h])) hasHead = true;
        let l = j + 1;
        while (tokens[l]?.cap && tokens[l].word) l++;
        if (!hasHead && l - 1 > j && headKind(tokens[l - 1])) { j = l; continue; }
      }
      if (NAME_CONNECTORS.has(u.key) && !u.cap) {
        let l = j + 1;
        while (tokens[l] && NAME_CONNECTORS.has(tokens[l].key) && !tokens[l].cap) l++;
        const isIn = u.key === 'in' || u.key === 'to';
        const prevHead = tokens[j - 1] && INSTRUMENT_HEADS[tokens[j - 1].key];
        // After a head noun, "of" may bring in a common word: "Council of Ministers", "Ministry of Security".
        let headSoFar = false;
        if (u.key === 'of') for (let h = i; h < j; h++) if (headKind(tokens[h])) headSoFar = true;
        if (tokens[l]?.cap && tokens[l].word && (!NOT_NAME_WORDS.has(tokens[l].key) || headSoFar) && (!isIn || prevHead)) {
          j = NOT_NAME_WORDS.has(tokens[l].key) ? l + 1 : l;
          continue;
        }
      }
      break;
    }
    let from = i;
    // Sentence-initial and function words are not part of a name ("Among", "The").
    while (from < j && NOT_NAME_WORDS.has(tokens[from].key) && !ORGANIZATION_HEADS.has(tokens[from].key)) from++;
    if (from < j) classifyRun(tokens, from, j, text, sentence, cands, cover, r, people);
    i = j;
  }
}

function classifyRun(
  tokens: Token[], from: number, to: number, text: string, sentence: Sentence, cands: Candidate[],
  cover: Coverage, r: MentionResources, people: Map<string, Candidate>,
): void {
  // Is the run one dictionary name already? Then nothing to add.
  const exact = cands.find((c) => c.from === from && c.to === to);
  if (exact && exact.type !== 'country') return;

  // Find the head noun: the last capitalised head before a trailing "for/in/of ..." phrase.
  let head = -1;
  for (let k = to - 1; k >= from; k--) {
    if (headKind(tokens[k])) { head = k; break; }
  }
  // A title is a role, not a body: "High Representative of the Union", "Head of Mission" — unless it
  // names a post with its remit ("Special Representative for the Horn of Africa").
  const titleLen = titleAt(tokens, from, r) || (cands.some((c) => c.from === from && c.type === 'organization') ? titleAt(tokens, cands.find((c) => c.from === from)!.to, r) : 0);
  if (titleLen && !r.index.lookup(keyOf(tokens, from, to))?.some((h) => h.kind === 'lexicon')) {
    const qualifierAt = tokens.findIndex((t, k) => k > from && k < to && (t.key === 'for' || t.key === 'on') && !t.cap);
    if (qualifierAt < 0) return;
  }
  if (head >= 0) {
    const kind = headKind(tokens[head])!;
    // What follows the head must be a connector phrase ("for the South", "of Interior", "in Kuwait") or nothing.
    const tailOk = head === to - 1 || NAME_CONNECTORS.has(tokens[head + 1].key) || kind === 'instrument';
    if (tailOk && (to - from >= 2 || !cover.covers(from))) {
      // A name the lexicon knows in full wins over a guess from its head noun.
      if (cands.some((c) => c.from <= from && c.to >= head + 1 && c.rule === 'mentions.dictionary.lexicon')) return;
      // A place after "in" hosts the instrument: "European Union Mission in Armenia" is named in full,
      // with the part before "in" as another name for it.
      let nameTo = to;
      let shortTo = -1;
      let host: Candidate | undefined;
      for (let k = head + 1; k < to; k++) {
        if (tokens[k].key === 'in' && !tokens[k].cap) {
          shortTo = k;
          host = cands.find((c) => c.from === k + 1 && (c.type === 'country' || c.type === 'place'));
          break;
        }
      }
      // "... Centre in Tirana": a city host is no dictionary word, so it is looked up here.
      if (shortTo > 0 && !host && shortTo + 1 < to) {
        const p = tokens[shortTo + 1].key === 'the' ? shortTo + 2 : shortTo + 1;
        const city = p < to ? cityNamed(r, text.slice(tokens[p].start, tokens[to - 1].end)) : undefined;
        if (city) {
          host = placeCandidate(city.name, city, tokens[p].start, tokens[to - 1].end, text, sentence.index, 'mentions.gazetteer.city', p, to);
          cover.add(host);
        }
      }
      if (shortTo > 0 && kind !== 'instrument') nameTo = shortTo;
      // A run of a single head word ("Council") is a back-reference, not a name.
      if (nameTo - from < 2 && !tokens[from].upper) return;
      const start = tokens[from].start;
      const end = tokens[nameTo - 1].end;
      const name = text.slice(start, end);
      const known = r.index.lookup(keyOf(tokens, from, nameTo))?.find((h) => h.kind === 'lexicon');
      const type: EntityType = known ? known.type : kind;
      const alias = shortTo > 0 && nameTo === to && !known ? text.slice(start, tokens[shortTo - 1].end) : undefined;
      const parent = cands.find((c) => c.from === from && c.to < nameTo && c.type === 'organization');
      const demonym = cands.find((c) => c.from === from && c.to < nameTo && c.type === 'country');
      const attributes: EntityAttributes = known?.attributes ? { ...known.attributes } : {};
      if (type === 'instrument' && !attributes.instrumentKind) attributes.instrumentKind = INSTRUMENT_HEADS[tokens[head].key];
      if (parent && !attributes.parentOrganization) attributes.parentOrganization = parent.name;
      if (demonym && !attributes.iso2) attributes.iso2 = demonym.attributes?.iso2;
      if (host) attributes.hostPlace = host.name;
      // Inner dictionary hits (NATO in "NATO Mission Iraq") give way to the longer name; the host stays a place.
      const innerTo = shortTo > 0 ? shortTo : nameTo;
      for (let k = cands.length - 1; k >= 0; k--) if (cands[k].from >= from && cands[k].to <= innerTo) cands.splice(k, 1);
      const prefix = type === 'instrument' ? 'inst' : type === 'place' ? 'place' : 'org';
      const c: Candidate = {
        start, end, text: name, type, key: known ? known.key : `${prefix}:${slug(name)}`,
        name: known ? known.name : name, attributes, sentence: sentence.index,
        rule: known ? 'mentions.dictionary.lexicon' : `mentions.${type}.head-noun`, via: 'name', from, to: innerTo, weight: 20,
        ...(alias ? { alias } : {}),
        ...(host && nameTo > innerTo ? { container: true } : {}),
      };
      cover.add(c);
      return;
    }
  }

  // Anything the dictionary already covers stays as it is.
  let anyCovered = false;
  for (let k = from; k < to; k++) if (cover.covers(k)) anyCovered = true;
  if (anyCovered) {
    // Split around covered tokens and try the uncovered pieces alone (cities, people).
    let k = from;
    while (k < to) {
      if (cover.covers(k)) { k++; continue; }
      let l = k;
      while (l < to && !cover.covers(l)) l++;
      // "Moussa Faki Mahamat of | Chad": the connector before a covered name belongs to neither piece.
      let end = l;
      while (end > k && NAME_CONNECTORS.has(tokens[end - 1].key) && !tokens[end - 1].cap) end--;
      if (end > k && end - k < to - from) classifyRun(tokens, k, end, text, sentence, cands, cover, r, people);
      k = l;
    }
    return;
  }

  const words = to - from;
  // A person: two to four name words with a signal around them.
  if (words >= 2 && words <= 4 && nameAt(tokens, from, cover) === words) {
    const before = tokens[from - 1];
    const after = tokens[to];
    const after2 = tokens[to + 1];
    // "Mr. Rutte": the honorific's period is a token of its own.
    const honorific = before?.text === '.' ? tokens[from - 2] : before;
    const next3 = to + 1 < tokens.length ? keyOf(tokens, to, to + 2) : '';
    const signal =
      ARTICLE_NAME.test(tokens[to - 1].text) ||
      (honorific && r.honorifics.has(honorific.key.replace(/\.$/, ''))) ||
      // "Mauritania's Mohamed Ould Ghazouani", "Algeria's Selma Malika Haddadi"
      (before?.key === "'s" && cands.some((c) => c.to === from - 1 && c.type === 'country')) ||
      // "... was elected", "... was appointed", "Moussa Faki Mahamat of Chad"
      /^(?:was|were|has|had) (?:elected|appointed|named|sworn|re-elected|chosen)$/.test(next3) ||
      (after?.key === 'of' && cands.some((c) => c.from === to + 1 && c.type === 'country')) ||
      (after && SPEECH_VERBS.has(after.key)) ||
      (before && SPEECH_VERBS.has(before.key)) ||
      (after?.text === ',' && after2 && (after2.key === 'who' || after2.key === 'whose' || SPEECH_VERBS.has(after2.key)));
    if (signal && !hasBodyWord(tokens, from, to, r)) {
      const c = personCandidate(tokens, text, sentence, from, to, 'mentions.person.speech-or-honorific');
      cover.add(c);
      remember(people, c, tokens, r);
      return;
    }
  }

  // A city: the run itself (or the run without a leading "The") is in the gazetteer.
  if (words <= 3) {
    const prev = tokens[from - 1];
    let s = from;
    if (prev && prev.key === 'the' && prev.cap) s = from - 1;
    const surface = text.slice(tokens[s].start, tokens[to - 1].end);
    const city = cityNamed(r, surface) ?? (s < from ? cityNamed(r, text.slice(tokens[from].start, tokens[to - 1].end)) : undefined);
    if (city) {
      // "in Jakarta and Magelang": a place set beside a located place is located too.
      const besidePlace = prev && (prev.key === 'and' || prev.text === ',') && cands.some((c) => c.to === s - 1 && (c.type === 'place' || c.type === 'country'));
      const located = besidePlace || (prev && (LOCATIVES.has(prev.key) || (s < from && tokens[from - 2] && LOCATIVES.has(tokens[from - 2].key))));
      const isCapital = city.isCapital || !!r.gazetteer.countryByCapital(city.name);
      // A capitalised first word ("Nice words were said") is a city only if it is a capital or follows "in", "to" ...
      const sentenceInitial = s === 0;
      if (isCapital || (located && city.population >= MIN_LOCATED_TOWN) || (!sentenceInitial && city.population >= 250_000)) {
        const st = tokens[s].start;
        cover.add(placeCandidate(city.name, city, st, tokens[to - 1].end, text, sentence.index, 'mentions.gazetteer.city', s, to));
      }
    }
  }
}

// A town after "in", "to", "visited": small ones count there (Davos, Bled host meetings).
const MIN_LOCATED_TOWN = 5_000;

const cityMemo = new Map<string, CityEntry | null>();

/** City lookups repeat the same capitalised words across texts; remember the answers. */
function cityNamed(r: MentionResources, surface: string): CityEntry | undefined {
  let c = cityMemo.get(surface);
  if (c === undefined) {
    c = r.gazetteer.cityByName(surface) ?? null;
    if (cityMemo.size > 50_000) cityMemo.clear();
    cityMemo.set(surface, c);
  }
  return c ?? undefined;
}

/**
 * A country's ministry written in lower case: "Armenia's foreign ministry", "the Turkish
 * defence ministry", "the foreign ministry of Azerbaijan". Without its country the text
 * does not say whose ministry it is, so none is recorded. The country stays a mention of its own.
 */
function lowercaseMinistries(tokens: Token[], text: string, sentence: Sentence, cands: Candidate[]): void {
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k].key !== 'ministry' || tokens[k].cap) continue;
    let s = k;
    while (s > 0 && MINISTRY_PORTFOLIOS.has(tokens[s - 1].key) && !tokens[s - 1].cap) s--;
    if (s === k) continue;
    let from = s;
    let to = k + 1;
    let country = cands.find((c) => c.to === s && c.type === 'country' && c.via === 'demonym');
    if (!country && tokens[s - 1]?.key === "'s") country = cands.find((c) => c.to === s - 1 && c.type === 'country' && c.via !== 'demonym');
    if (country) from = country.from;
    else if (tokens[k + 1]?.key === 'of') {
      country = cands.find((c) => c.from === k + 2 && c.type === 'country' && c.via !== 'demonym');
      if (country) to = country.to;
    }
    const iso2 = country?.attributes?.iso2;
    if (!country || !iso2) continue;
    const start = tokens[from].start;
    const end = tokens[to - 1].end;
    const portfolio = tokens.slice(s, k).map((t) => t.key).join('-');
    cands.push({
      start, end, text: text.slice(start, end), type: 'organization', key: `org:${iso2.toLowerCase()}-${portfolio}-ministry`,
      name: text.slice(start, end), attributes: { iso2 }, sentence: sentence.index, rule: 'mentions.organization.lowercase-ministry',
      via: 'name', from, to, weight: 1, container: true,
    });
  }
}

/** Lower-case instruments with a host: "a liaison office in Jordan", "the EU's training mission in Somalia". */
function lowercaseInstruments(tokens: Token[], text: string, sentence: Sentence, cands: Candidate[]): void {
  for (let k = 1; k < tokens.length; k++) {
    const head = tokens[k];
    if (head.cap || !HEAD_WORDS.has(head.key)) continue;
    const kind = INSTRUMENT_HEADS[head.key];
    let s = k;
    while (s > 0 && INSTRUMENT_MODIFIERS.has(tokens[s - 1].key) && !tokens[s - 1].cap) s--;
    const owner = cands.find((c) => c.to === s && c.type === 'organization') ??
      (tokens[s - 1]?.key === "'s" ? cands.find((c) => c.to === s - 1 && c.type === 'organization') : undefined);
    if (s === k && !owner) continue;
    // Host: "in/to/for <place>" right after the head.
    const prep = tokens[k + 1];
    const host = prep && (prep.key === 'in' || prep.key === 'to') ? cands.find((c) => c.from === k + 2 && (c.type === 'country' || c.type === 'place')) : undefined;
    if (!host && !owner) continue;
    const from = owner && owner.to >= s - 1 && tokens[s - 1]?.key !== "'s" ? owner.from : s;
    const to = host ? host.to : k + 1;
    const start = tokens[from].start;
    const end = tokens[to - 1].end;
    const name = text.slice(start, end);
    const attributes: EntityAttributes = { instrumentKind: kind };
    if (owner) attributes.parentOrganization = owner.name;
    if (host) attributes.hostPlace = host.name;
    // The instrument's name absorbs its owner and host, which stay mentions in their own right.
    cands.push({
      start, end, text: name, type: 'instrument', key: `inst:${slug(name)}`, name, attributes, sentence: sentence.index,
      rule: 'mentions.instrument.lowercase-head', via: 'name', from, to, weight: 1, container: true,
    });
  }
}
