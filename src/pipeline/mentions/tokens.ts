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

const letterCache = new Map<number, boolean>();

/** Letter or digit, with a fast path for ASCII (almost every character of an English text). */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = letterCache.get(c);
  if (v === undefined) {
    v = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c));
    letterCache.set(c, v);
  }
  return v;
}

function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/**
 * Splits text into tokens with a hand-written scanner (the regex form of these rules was
 * the slowest part of extraction): words with inner hyphens and apostrophes, dotted
 * initialisms, the possessive 's on its own, and single punctuation marks.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) { i++; continue; }
    if (!isWordCode(c)) {
      // Punctuation: one mark per token (a surrogate pair stays whole).
      const w = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
      if (!/\s/.test(text[i])) out.push(makeToken(text.slice(i, i + w), i));
      i += w;
      continue;
    }
    // Dotted initialisms: U.S., U.N.
    if (isUpperCode(c) && text.charCodeAt(i + 1) === 46 && i + 3 < end && isUpperCode(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 46) {
      let j = i;
      while (j + 1 < end && isUpperCode(text.charCodeAt(j)) && isWordCode(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      out.push(makeToken(text.slice(i, j), i));
      i = j;
      continue;
    }
    // The scan also counts capitals and small letters, so a plain ASCII word (nearly every
    // word) is classified here without a second pass over its characters.
    let j = i;
    let capitals = 0;
    let smalls = 0;
    let plain = true;
    for (;;) {
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) smalls++;
        else if (d >= 65 && d <= 90) capitals++;
        else if (d >= 48 && d <= 57) continue;
        else if (d > 127 && isWordCode(d)) plain = false;
        else break;
      }
      const d = text.charCodeAt(j);
      // Inner hyphen or apostrophe joins two word parts: NATO-Ukraine, Da'esh.
      if ((d === 45 || d === 39 || d === 8217) && j + 1 < end && isWordCode(text.charCodeAt(j + 1))) {
        if (d === 8217) plain = false;
        j++;
        continue;
      }
      break;
    }
    const t = text.slice(i, j);
    // Split a trailing possessive: NATO’s → NATO + ’s
    const last = t.charCodeAt(t.length - 1);
    const apo = t.charCodeAt(t.length - 2);
    if ((last === 115 || last === 83) && t.length > 2 && (apo === 39 || apo === 8217) && isWordCode(t.charCodeAt(t.length - 3))) {
      out.push(makeToken(t.slice(0, -2), i));
      out.push(makeToken(t.slice(-2), i + t.length - 2));
    } else if (plain) {
      const cap = c >= 65 && c <= 90;
      out.push({ text: t, start: i, end: j, key: capitals ? t.toLowerCase() : t, cap, upper: capitals >= 2 && smalls === 0, word: true });
    } else out.push(makeToken(t, i));
    i = j;
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
