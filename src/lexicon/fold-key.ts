const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const SIMPLE = /^[A-Za-z0-9 .'’&,()/-]+$/;

/**
 * One folding used by every gazetteer and lexicon lookup, so that a name typed by a
 * user, a name in a text and a name in a data package meet on the same key:
 * accents and case dropped, dots and apostrophes dropped ("U.S." = "US", "N'Djamena" =
 * "Ndjamena"), other punctuation read as a space, and a leading "the" ignored.
 */
export function foldKey(surface: string): string {
  // Fast paths: most of the ~25k city names are plain ASCII, or become so without accents.
  if (PLAIN.test(surface)) return dropArticle(surface.toLowerCase());
  let text = surface.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (SIMPLE.test(text)) {
    text = text.toLowerCase().replace(/&/g, ' and ').replace(/[.'’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
    return dropArticle(text);
  }
  text = text
    .replace(/\p{M}+/gu, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’‘`ʻʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return dropArticle(text);
}

function dropArticle(key: string): string {
  return key.startsWith('the ') ? key.slice(4) : key;
}

/**
 * How strictly a surface form must match.
 * - `fold`: any case ("european union", "EUROPEAN UNION").
 * - `upper`: acronyms; the text must carry no lowercase letter, so "US" and "U.S." match
 *   but the pronoun "us" does not, and "WHO" is not the word "who".
 * - `capitalised`: forms that are also everyday lowercase words ("Turkey", "Polish",
 *   "Chad"); the text must start with a capital letter.
 */
export type MatchMode = 'fold' | 'upper' | 'capitalised';

/** An acronym is a short form written without lowercase letters: "EU", "U.S.", "NSD-S", "G7". */
export function isAcronymForm(form: string): boolean {
  const letters = form.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 9 && !/\p{Ll}/u.test(form) && !/\s\S+\s/.test(form);
}

export function matchModeOf(form: string, capitalisedForms: ReadonlySet<string>): MatchMode {
  if (isAcronymForm(form)) return 'upper';
  if (capitalisedForms.has(foldKey(form))) return 'capitalised';
  return 'fold';
}

/** Whether `text` (as written in a document) satisfies the casing a form demands. */
export function isCasingAccepted(text: string, mode: MatchMode): boolean {
  // A leading article is not part of the form: "the US" is as good as "US".
  const bare = text.replace(/^the\s+/i, '');
  if (mode === 'upper') return !/\p{Ll}/u.test(bare);
  if (mode === 'capitalised') return /^\P{L}*\p{Lu}/u.test(bare);
  return true;
}
