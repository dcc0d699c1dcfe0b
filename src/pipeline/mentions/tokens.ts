/** Word tokens with offsets; the unit every matcher in this stage works on. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower-cased, accents folded, curly apostrophes straightened: the dictionary key form. */
  key: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Two or more letters, all capitals ("NATO", "NMI"). */
  upper: boolean;
  /** A word (letters/digits) rather than punctuation. */
  word: boolean;
}

// Words, hyphenated compounds (NATO-Ukraine, Indo-Pacific), inner apostrophes (Da'esh, O'Brien),
// dotted initialisms (U.S.), the possessive 's as its own token, and single punctuation marks.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s]/gu;

const foldCache = new Map<string, string>();

/** The comparison form used for every name lookup. */
export function foldKey(s: string): string {
  // Fast path: plain ASCII words only need lower-casing.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || c === 96) { ascii = false; break; }
  }
  if (ascii) return s.toLowerCase();
  let out = foldCache.get(s);
  if (out === undefined) {
    out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’‘`]/g, "'");
    if (foldCache.size < 50_000) foldCache.set(s, out);
  }
  return out;
}

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let t = m[0];
    let s = start + m.index;
    // Split a trailing possessive: NATO’s → NATO + ’s
    const last = t.charCodeAt(t.length - 1);
    const poss = (last === 115 || last === 83) && t.length > 2 ? /^(.+?)([’']s)$/u.exec(t) : null;
    if (poss && poss[1].length > 0 && /[\p{L}\p{N}]$/u.test(poss[1])) {
      out.push(makeToken(poss[1], s));
      out.push(makeToken(poss[2], s + poss[1].length));
      continue;
    }
    out.push(makeToken(t, s));
  }
  return out;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function makeToken(text: string, start: number): Token {
  const c0 = text.charCodeAt(0);
  let word: boolean;
  let cap: boolean;
  let upper: boolean;
  if (c0 < 128) {
    word = isLetterCode(c0) || (c0 >= 48 && c0 <= 57);
    cap = c0 >= 65 && c0 <= 90;
    // Counted by hand: this runs for every token of every text.
    let letters = 0;
    let lowers = 0;
    let other = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) letters++;
      else if (c >= 97 && c <= 122) { letters++; lowers++; }
      else if (c > 127) { other = true; break; }
    }
    if (other) {
      const l = text.replace(/[^\p{L}]/gu, '');
      upper = l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
    } else upper = letters >= 2 && lowers === 0;
  } else {
    word = /[\p{L}\p{N}]/u.test(text[0]);
    cap = word && text[0] !== text[0].toLowerCase();
    const l = text.replace(/[^\p{L}]/gu, '');
    upper = l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
  }
  return { text, start, end: start + text.length, key: foldKey(text), cap, upper, word };
}

/** Dictionary form of a multi-word name: tokens' keys joined by single spaces. */
export function phraseKey(name: string): string {
  return tokenize(name).map((t) => t.key).join(' ');
}
