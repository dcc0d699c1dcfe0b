import { loadGazetteer, loadLexicon, loadTitles } from '../../lexicon/index.js';
import type { Gazetteer, Lexicon } from '../../lexicon/index.js';
import { PhraseIndexBuilder, matchModeFor, type PhraseIndex } from './phrase-index.js';
import { phraseKey } from './tokens.js';

/** Everything the mention matchers read: built once from the data files, then shared read-only. */
export interface MentionResources {
  index: PhraseIndex;
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  /** Title phrases (dictionary keys) that make a person's role: "foreign minister", "secretary-general". */
  titles: Set<string>;
  titleMaxLen: number;
  /** Longest title (in tokens) starting with a given first word: most tokens start none. */
  titleFirst: Map<string, number>;
  descriptors: Set<string>;
  honorifics: Set<string>;
  /** Keys of family names written first ("wang" of "Wang Yi"): the first word points back too. */
  familyNameFirst: Set<string>;
  /** Every word of the lexicon's organization and instrument names ("security", "affairs"): no part of a person's name. */
  bodyWords: Set<string>;
  /** Keys of offices whose holder leads a country ("president", "prime minister"). */
  leaderOffices: string[];
}

const slugCache = new Map<string, string>();

/** Key form of a name: the same few hundred names come back in every text, so they are cached. */
export function slug(s: string): string {
  let out = slugCache.get(s);
  if (out === undefined) {
    out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    if (slugCache.size < 50_000) slugCache.set(s, out);
  }
  return out;
}

export function buildMentionResources(lexicon = loadLexicon(), gazetteer = loadGazetteer()): MentionResources {
  const b = new PhraseIndexBuilder();
  const bodyWords = new Set<string>();
  for (const e of lexicon.entries) {
    for (const w of phraseKey(e.name).split(' ')) if (w.length > 3) bodyWords.add(w);
    const key = `${e.type === 'instrument' ? 'inst' : 'org'}:${e.id}`;
    const attributes = {
      lexiconId: e.id,
      ...(e.instrumentKind ? { instrumentKind: e.instrumentKind } : {}),
      ...(e.hostPlace ? { hostPlace: e.hostPlace } : {}),
      ...(e.parent ? { parentOrganization: lexicon.byId(e.parent)?.name ?? e.parent } : {}),
    };
    for (const surface of [e.name, ...e.aliases]) {
      b.add(surface, { kind: 'lexicon', key, type: e.type, name: e.name, attributes, match: matchModeFor(surface) });
    }
    for (const c of e.collective ?? []) {
      b.add(c, { kind: 'collective', key, type: e.type, name: e.name, attributes, match: 'any-case' });
    }
  }
  for (const c of gazetteer.countries) {
    const key = `country:${c.iso2}`;
    const attributes = { iso2: c.iso2, iso3: c.iso3, lat: c.lat, lon: c.lon };
    for (const surface of [c.name, ...c.aliases]) {
      b.add(surface, { kind: 'country', key, type: 'country', name: c.name, attributes, match: matchModeFor(surface) === 'exact-case' ? 'exact-case' : 'capitalized' });
    }
    for (const d of c.demonyms) {
      b.add(d, { kind: 'demonym', key, type: 'country', name: c.name, attributes, match: 'capitalized' });
    }
  }
  for (const r of [...gazetteer.regions, ...gazetteer.sites]) {
    const key = `${r.kind}:${r.id}`;
    const attributes = { placeKind: r.kind, ...(r.iso2 ? { iso2: r.iso2 } : {}), ...(r.lat !== undefined ? { lat: r.lat, lon: r.lon } : {}) };
    for (const surface of [r.name, ...r.aliases]) {
      b.add(surface, { kind: 'region', key, type: 'place', name: r.name, attributes, match: matchModeFor(surface) === 'exact-case' ? 'exact-case' : 'capitalized' });
    }
  }
  const t = loadTitles();
  // Descriptors ("diplomat", "official") also stand before names: "Kenyan diplomat Peter Mutua Kariuki".
  const titles = new Set([...t.offices, ...t.descriptors].map(phraseKey));
  let titleMaxLen = 0;
  const titleFirst = new Map<string, number>();
  for (const k of titles) {
    const parts = k.split(' ');
    titleMaxLen = Math.max(titleMaxLen, parts.length);
    titleFirst.set(parts[0], Math.max(titleFirst.get(parts[0]) ?? 0, parts.length));
  }
  return {
    index: b.build(),
    gazetteer,
    lexicon,
    titles,
    titleMaxLen,
    titleFirst,
    descriptors: new Set(t.descriptors.map(phraseKey)),
    honorifics: new Set(t.honorifics.map((h) => phraseKey(h).replace(/\.$/, ''))),
    familyNameFirst: new Set(t.familyNameFirst.map(phraseKey)),
    bodyWords,
    leaderOffices: t.leaderOffices.map(phraseKey),
  };
}

let cached: MentionResources | undefined;
/** Built on first use: loading the gazetteers costs tens of milliseconds, so do it once per process. */
export function defaultMentionResources(): MentionResources {
  cached ??= buildMentionResources();
  return cached;
}
