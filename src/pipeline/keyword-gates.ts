/**
 * Many cheap "could this sentence hold X?" tests, answered in one pass.
 *
 * The stages guard their rule regexes with gates, each an alternation of keywords
 * (/meeting|summit|talks/). Testing a dozen gates one by one on every sentence costs more
 * than the rules they guard; here every gate's keywords go into one regex that is run once,
 * and each keyword found tells which gates it opens.
 *
 * A gate that would open on its own always opens here: the scan restarts one character
 * after every hit, so overlapping keywords are all seen, and keywords are tried longest
 * (as written) first, so where two start at the same place the shorter is found inside the
 * longer when the hit is checked against every gate. The check sees the hit alone, so a
 * keyword that ends in a boundary (/months?\b/ on "monthly") may open its gate where the
 * gate on its own would not: a gate is a filter, and the rules behind it still decide.
 */
export class KeywordGates {
  private readonly scanner: RegExp;
  private readonly opened = new Map<string, number>();
  /** Each gate as a sticky regex, to ask whether it matches at one place of the text. */
  private readonly anchored: RegExp[];

  constructor(private readonly gates: readonly RegExp[]) {
    if (gates.length > 31) throw new RangeError(`KeywordGates takes at most 31 gates, got ${gates.length}`);
    const flags = gates[0]?.flags ?? '';
    for (const g of gates) {
      if (g.flags !== flags) throw new TypeError(`every gate needs the same flags: /${g.source}/${g.flags} differs from "${flags}"`);
      if (g.global || g.sticky) throw new TypeError(`a gate must not be global or sticky: /${g.source}/${g.flags}`);
    }
    const keywords = [...new Set(gates.flatMap((g) => topLevelAlternatives(g.source)))];
    keywords.sort((a, b) => b.length - a.length);
    this.scanner = new RegExp(keywords.join('|'), flags + 'g');
    this.anchored = gates.map((g) => new RegExp(g.source, flags + 'y'));
  }

  /** Bit i is set when gate i matches somewhere in `text`. */
  scan(text: string): number {
    const scanner = this.scanner;
    let bits = 0;
    scanner.lastIndex = 0;
    for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
      bits |= this.gatesOpenedBy(m[0]);
      scanner.lastIndex = m.index + 1;
    }
    scanner.lastIndex = 0;
    return bits;
  }

  /**
   * Like `scan`, but exact: each hit is checked in place, in its text, so the bits are those of
   * the gates tested one by one, for gates of any shape (a whole rule regex may be a gate).
   * Dearer per hit than `scan`; meant for gates that seldom match.
   */
  scanExact(text: string): number {
    const scanner = this.scanner;
    let bits = 0;
    scanner.lastIndex = 0;
    for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
      for (let i = 0; i < this.anchored.length; i++) {
        const gate = this.anchored[i];
        gate.lastIndex = m.index;
        if (gate.test(text)) bits |= 1 << i;
      }
      scanner.lastIndex = m.index + 1;
    }
    scanner.lastIndex = 0;
    return bits;
  }

  private gatesOpenedBy(hit: string): number {
    let bits = this.opened.get(hit);
    if (bits === undefined) {
      bits = 0;
      for (let i = 0; i < this.gates.length; i++) if (this.gates[i].test(hit)) bits |= 1 << i;
      // Hits are keywords, so the memo stays as small as the keyword lists.
      if (this.opened.size < 10_000) this.opened.set(hit, bits);
    }
    return bits;
  }
}

/** Splits a regex source at its top-level `|`, leaving groups, classes and escapes whole. */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(source.slice(from, i)); from = i + 1; }
  }
  out.push(source.slice(from));
  return out;
}
