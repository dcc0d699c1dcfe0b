import type { NormalizedText } from '../types.js';
import { htmlTitle, htmlToText, markdownToText, type MappedText } from './markup.js';
import { findHeader } from './dateline.js';

export type InputFormat = 'text' | 'html' | 'markdown';

// Characters that only disturb matching: invisible ones vanish, odd spaces and quotes unify.
const REPLACE: Record<string, string> = {
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ', '\u3000': ' ', '\t': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u00ad': '', '\r': '',
  '\u201e': '“', '\u201f': '“', '\u2033': '”', '\u2032': '’', '\u00b4': '’',
  '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—',
};

const NEEDS_CLEANING = /[\u0000-\u0009\u000b-\u001f\u00a0\u2007\u202f\u2009\u200a\u3000\u200b-\u200d\u2060\ufeff\u00ad\u201e\u201f\u2033\u2032\u00b4\u2010-\u2012\u2015]/;

function cleanCharacters(input: MappedText): MappedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  const src = input.text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const r = REPLACE[c];
    if (r === undefined) {
      // Other C0 control characters carry no meaning in prose.
      if (c < ' ' && c !== '\n') continue;
      parts.push(c);
      offsets.push(input.offsets[i]);
    } else if (r !== '') {
      parts.push(r);
      offsets.push(input.offsets[i]);
    }
  }
  offsets.push(input.offsets[src.length]);
  return { text: parts.join(''), offsets };
}

function identity(text: string): MappedText {
  const offsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = i;
  return { text, offsets };
}

/**
 * First stage: plain, clean text with a map back to the input, plus the header facts
 * (title, dateline place, outlet, dateline date) that wire copy and press releases carry.
 */
export function normalize(input: string, format: InputFormat = 'text'): NormalizedText {
  const mapped = format === 'html' ? htmlToText(input) : format === 'markdown' ? markdownToText(input) : identity(input);
  // Most texts hold nothing to clean; checking first saves a character-by-character copy.
  const clean = NEEDS_CLEANING.test(mapped.text) ? cleanCharacters(mapped) : mapped;
  // Trim trailing whitespace; leading whitespace is kept off by skipping it in the header scan.
  let end = clean.text.length;
  while (end > 0 && /\s/.test(clean.text[end - 1])) end--;
  const text = clean.text.slice(0, end);
  const offsets = clean.offsets.slice(0, end + 1);
  const header = findHeader(text);
  // A web page names itself in <title>; that beats guessing a headline from the first line.
  const pageTitle = format === 'html' ? htmlTitle(input) : undefined;
  return { text, offsets, ...header, ...(pageTitle ? { title: pageTitle } : {}) };
}
