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
    const poss = /^(.+?)([’']s)$/u.exec(t);
    if (poss && poss[1].length > 0 && /[\p{L}\p{N}]$/u.test(poss[1])) {
      out.push(makeToken(poss[1], s));
      out.push(makeToken(poss[2], s + poss[1].length));
      continue;
    }
    out.push(makeToken(t, s));
  }
  return out;
}

function makeToken(text: string, start: number): Token {
  const c = text.charCodeAt(0);
  const word = /[\p{L}\p{N}]/u.test(text[0]);
  const cap = word && text[0] !== text[0].toLowerCase();
  const letters = text.replace(/[^\p{L}]/gu, '');
  return {
    text,
    start,
    end: start + text.length,
    key: foldKey(text),
    cap: cap || (c >= 48 && c <= 57 && false),
    upper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    word,
  };
}

/** Dictionary form of a multi-word name: tokens' keys joined by single spaces. */
export function phraseKey(name: string): string {
  return tokenize(name).map((t) => t.key).join(' ');
}
