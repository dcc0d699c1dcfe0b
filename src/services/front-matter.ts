/**
 * A metadata header some feeds and note-taking tools put above the text:
 *
 *     ---
 *     published: 2025-04-02
 *     outlet: Aletihad
 *     ---
 *
 * Only flat `key: value` lines are read (this is not a YAML parser); unknown keys are
 * kept so a caller may report them.
 */
import type { DocumentMeta } from '../domain/index.js';

export interface FrontMatter {
  meta: DocumentMeta;
  /** The text after the header (the whole text when there is none). */
  body: string;
  /** Header lines that could not be used, for the document's notes. */
  ignored: string[];
}

const KEYS: Record<string, keyof DocumentMeta> = {
  published: 'published',
  date: 'published',
  outlet: 'outlet',
  source: 'outlet',
  publisher: 'outlet',
  url: 'url',
  link: 'url',
  title: 'title',
  language: 'language',
  lang: 'language',
};

export function parseFrontMatter(text: string): FrontMatter {
  const m = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text, ignored: [] };
  const meta: DocumentMeta = {};
  const ignored: string[] = [];
  for (const line of m[1].split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    const key = kv ? KEYS[kv[1].toLowerCase()] : undefined;
    if (!kv || !key) {
      ignored.push(line.trim());
      continue;
    }
    let value = kv[2];
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (value === '') continue;
    if (key === 'published') {
      // A timestamp gives its day; anything else is not a date we can resolve against.
      const day = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value)?.[1];
      if (!day) {
        ignored.push(line.trim());
        continue;
      }
      value = day;
    }
    meta[key] = value;
  }
  return { meta, body: text.slice(m[0].length), ignored };
}
