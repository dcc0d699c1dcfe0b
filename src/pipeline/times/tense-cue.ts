import type { Tense } from '../../domain/index.js';
import { execAll } from '../exec-all.js';

// Which way a sentence points in time, read from the verbs and adverbs around a time
// expression. Deliberately small: the nearest cue in the same clause wins, because news
// sentences mix a reporting verb ("said on Wednesday") with the reported one ("will meet
// in June").

type Cue = 'past' | 'future';

/** Words that place the clause after the publication date ("will meet", "ahead of"). */
const FUTURE_WORDS = new Set([
  'will', 'shall', 'would', 'upcoming', 'forthcoming', 'ahead', 'scheduled', 'slated', 'due',
  'planned', 'planning', 'plans', 'plan', 'intends', 'intend', 'expected', 'expects', 'set',
  'next', 'coming', 'later', 'proposed', 'envisaged', 'tomorrow', 'soon', 'prepare', 'prepares',
  'preparing', 'until', 'await', 'awaits', 'awaiting', 'forward',
]);

/** Words that place the clause before the publication date ("was", "recent visits"). */
const PAST_WORDS = new Set([
  'was', 'were', 'had', 'did', 'ago', 'previous', 'previously', 'recent', 'recently', 'earlier',
  'former', 'last', 'past', 'yesterday', 'since',
  // irregular past forms common in diplomatic reporting
  'met', 'held', 'went', 'came', 'took', 'gave', 'made', 'told', 'said', 'spoke', 'began',
  'sent', 'led', 'saw', 'left', 'won', 'paid', 'flew', 'brought', 'became', 'wrote', 'sat',
  'stood', 'rose', 'fell', 'kept', 'sought', 'spent', 'struck', 'broke', 'chose', 'drew',
  'found', 'got', 'heard', 'knew', 'lost', 'meant', 'ran', 'read', 'rode', 'sold', 'thought',
  'understood', 'withdrew', 'overtook', 'undertook', 'arose', 'forgot', 'laid', 'shook',
  // participles that read as past in reports ("areas hit by the March earthquake")
  'hit', 'struck', 'shot', 'built', 'fought', 'caught', 'spread', 'shut', 'split',
]);

/** Reporting verbs: they say when something was said, not when the reported act happens. */
const REPORTING_WORDS = new Set([
  'said', 'told', 'added', 'stated', 'noted', 'stressed', 'explained', 'warned', 'declared',
  'revealed', 'insisted', 'underlined', 'emphasised', 'emphasized', 'affirmed', 'announced',
  'confirmed', 'pointed', 'wrote', 'reported', 'indicated', 'argued', 'recalled', 'remarked',
]);

/** -ed words that are not (or not only) past events. */
const NOT_PAST_ED = new Set([
  'scheduled', 'expected', 'planned', 'proposed', 'slated', 'envisaged', 'intended', 'needed',
  'indeed', 'based', 'concerned', 'interested', 'related', 'united', 'advanced', 'limited',
  'armed', 'speed', 'seed', 'need', 'proceed', 'succeed', 'exceed', 'feed', 'breed', 'deed',
  'red', 'bed', 'shed', 'wed', 'led', 'aimed', 'focused', 'focussed', 'dedicated', 'designed',
  'mandated', 'tasked', 'committed', 'determined', 'prepared', 'concerted', 'coordinated',
  'integrated', 'sustained', 'renewed', 'increased', 'reinforced', 'enlarged', 'expanded',
  'enhanced', 'strengthened', 'continued', 'established', 'well-established', 'detailed',
  'required', 'called', 'titled', 'entitled', 'named', 'dubbed', 'so-called', 'unprecedented',
  'unrelated', 'coordinated', 'invited', 'welcomed',
]);

/** After "to", these make it a preposition ("to the summit", "to recent visits"), not an infinitive. */
const NOT_INFINITIVE = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'some', 'any', 'all', 'every', 'each', 'both', 'recent', 'date', 'further', 'more', 'other', 'new',
  'former', 'own', 'one', 'two', 'three', 'peace', 'security', 'war', 'power', 'office', 'which', 'whom',
  'what', 'where', 'when', 'him', 'them', 'us', 'me', 'it', 'about', 'around', 'over', 'within', 'and', 'or',
]);

const NOT_PAST_AFTER = new Set(['be', 'been', 'being', 'is', 'are', 'am', 'get', 'gets', 'to']);

interface Token {
  word: string;
  /** As written: capitalised words after "to" are names, not verbs. */
  raw: string;
  start: number;
  end: number;
}

const WORD_RE = /[A-Za-z][A-Za-z'’-]*/g;
const CLAUSE_BREAK = /[,;:()“”"«»\[\]]|\s[-–—]\s/g;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of execAll(WORD_RE, text)) {
    const start = m.index;
    out.push({ word: m[0].toLowerCase(), raw: m[0], start, end: start + m[0].length });
  }
  return out;
}

// A sentence with several time expressions asks for its words once per expression: the
// last sentence's words are kept (a one-entry memo, so results never depend on history).
let memoSentence: string | undefined;
let memoTokens: Token[] = [];

/** The words lying wholly inside [from, to) of the sentence. */
function tokensBetween(sentence: string, from: number, to: number): Token[] {
  if (sentence !== memoSentence) {
    memoSentence = sentence;
    memoTokens = tokens(sentence);
  }
  if (from === 0 && to >= sentence.length) return memoTokens;
  const out: Token[] = [];
  for (const t of memoTokens) if (t.start >= from && t.end <= to) out.push(t);
  return out;
}

function cueOf(tok: Token, prev: Token | undefined, next: Token | undefined, allowReporting: boolean): Cue | undefined {
  const w = tok.word;
  if (!allowReporting && REPORTING_WORDS.has(w)) return undefined;
  if (w === "'ll" || w.endsWith("'ll") || w.endsWith('’ll') || w === "won't" || w === 'won’t') return 'future';
  // "set to"/"set for", "expected to", "due to", "plans to" point ahead; alone they are ambiguous.
  if (w === 'set' || w === 'due') return next && (next.word === 'to' || next.word === 'for' || next.word === 'on' || next.word === 'in') ? 'future' : undefined;
  if (FUTURE_WORDS.has(w)) return 'future';
  // "invited Ishiba to attend the summit in June", "agreed to meet in May": the infinitive's
  // act comes after the verb that governs it.
  if (w === 'to' && next && /^[a-z]+$/.test(next.raw) && !NOT_INFINITIVE.has(next.word) && !/(?:ing|ed|ly)$/.test(next.word)) return 'future';
  if (prev && NOT_PAST_AFTER.has(prev.word)) return undefined; // "will be held", "has been", "to be signed"
  if (PAST_WORDS.has(w)) return 'past';
  if (w.length >= 5 && w.endsWith('ed') && !NOT_PAST_ED.has(w)) return 'past';
  return undefined;
}

/** Returns the nearest cue among the tokens, measured from the expression span. */
function nearestCue(toks: Token[], exprStart: number, exprEnd: number, allowReporting: boolean): Cue | undefined {
  let best: Cue | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i];
    if (t.end > exprStart && t.start < exprEnd) continue; // the expression's own words
    const cue = cueOf(t, toks[i - 1], toks[i + 1], allowReporting);
    if (!cue) continue;
    // An infinitive after the expression states a purpose at that time ("used his speech on
    // Thursday to accuse"); only one before it looks ahead ("invited him to attend in June").
    if (t.word === 'to' && t.start >= exprEnd) continue;
    // Words after the expression count a little less: the governing verb usually comes first.
    const distance = t.end <= exprStart ? exprStart - t.end : t.start - exprEnd + 8;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = cue;
    }
  }
  return best;
}

/**
 * Tense cue for the expression at [exprStart, exprEnd) of `sentence`: the nearest cue in its
 * clause, else the nearest non-reporting cue in the sentence, else undefined (unmarked).
 */
export function tenseCue(sentence: string, exprStart: number, exprEnd: number): Tense | undefined {
  // Only the neighbourhood matters; a run-on "sentence" of a whole page must not be re-read
  // for every expression in it.
  const from = Math.max(0, exprStart - 300);
  const to = Math.min(sentence.length, exprEnd + 300);
  let clauseStart = from;
  let clauseEnd = to;
  for (const m of execAll(CLAUSE_BREAK, sentence.slice(from, to))) {
    const at = from + m.index!;
    if (at + m[0].length <= exprStart) clauseStart = at + m[0].length;
    else if (at >= exprEnd) {
      clauseEnd = at;
      break;
    }
  }
  const clause = tokensBetween(sentence, clauseStart, clauseEnd);
  const inClause = nearestCue(clause, exprStart, exprEnd, true);
  if (inClause) return inClause;
  return nearestCue(tokensBetween(sentence, from, to), exprStart, exprEnd, false);
}
