import { asRecord, asString, asStringArray, fail, readDataFile } from './data-file.js';
import type { TitleEntry, Titles } from './lexicon.types.js';

const FILE = 'titles.json';

export interface LoadedTitles extends Titles {
  /** Offices and descriptors as one list, longest first, so a matcher tries "Deputy Foreign Minister" before "Foreign Minister". */
  entries: TitleEntry[];
}

export function buildTitles(data: unknown): LoadedTitles {
  const root = asRecord(data, FILE, 'root');
  const version = asString(root.version, FILE, 'version');
  const lists = {
    offices: asStringArray(root.offices, FILE, 'offices'),
    descriptors: asStringArray(root.descriptors, FILE, 'descriptors'),
    honorifics: asStringArray(root.honorifics, FILE, 'honorifics'),
    familyNameFirst: asStringArray(root.familyNameFirst, FILE, 'familyNameFirst'),
    leaderOffices: asStringArray(root.leaderOffices, FILE, 'leaderOffices'),
  };
  for (const [name, list] of Object.entries(lists)) {
    if (list.length === 0) fail(FILE, name, 'the list is empty');
    const seen = new Set<string>();
    for (const words of list) {
      const key = words.toLowerCase();
      if (seen.has(key)) fail(FILE, name, `"${words}" is listed twice`);
      seen.add(key);
    }
  }
  // One capitalised word each: the list is matched against the first word of a name.
  for (const w of lists.familyNameFirst) if (!/^\p{Lu}\p{Ll}+$/u.test(w)) fail(FILE, 'familyNameFirst', `"${w}" is not one capitalised word`);
  // An honorific is not an office: a word in both would make "Sheikh X" a role.
  const offices = new Set(lists.offices.map((w) => w.toLowerCase()));
  for (const h of lists.honorifics) if (offices.has(h.toLowerCase())) fail(FILE, 'honorifics', `"${h}" is also an office`);
  for (const l of lists.leaderOffices) if (!offices.has(l.toLowerCase())) fail(FILE, 'leaderOffices', `"${l}" is not listed in offices`);

  const entries: TitleEntry[] = [
    ...lists.offices.map((words) => ({ words, kind: 'office' as const })),
    ...lists.descriptors.map((words) => ({ words, kind: 'descriptor' as const })),
  ].sort((a, b) => b.words.length - a.words.length);
  return { version, ...lists, entries };
}

let cached: LoadedTitles | undefined;

/** Titles, descriptors and honorifics; parsed once per process and cached at module level. */
export function loadTitles(): LoadedTitles {
  cached ??= buildTitles(readDataFile(FILE));
  return cached;
}
