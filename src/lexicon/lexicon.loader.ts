import type { InstrumentKind } from '../domain/index.js';
import { asOptionalString, asRecord, asString, asStringArray, fail, readDataFile } from './data-file.js';
import { foldKey, matchModeOf } from './fold-key.js';
import { LexiconError } from './lexicon.errors.js';
import type { Lexicon, LexiconEntry, LexiconKind } from './lexicon.types.js';
import { SurfaceIndex } from './surface-index.js';

const FILE = 'organizations.json';
const KINDS: readonly LexiconKind[] = ['organization', 'body', 'instrument'];
const INSTRUMENT_KINDS: readonly InstrumentKind[] = [
  'office', 'centre', 'hub', 'mission', 'initiative', 'programme', 'envoy', 'fund', 'facility', 'partnership', 'other',
];
const ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** semver with the curation date as build metadata: "1.2.0+2026-11-27". */
const VERSION_PATTERN = /^\d+\.\d+\.\d+\+\d{4}-\d{2}-\d{2}$/;

/** What a data review should fix: forms that name two entries without being declared ambiguous. */
export interface LexiconProblem {
  form: string;
  ids: string[];
}

export interface LoadedLexicon extends Lexicon {
  /** Aliases (folded) shared by entries without an `ambiguousAliases` declaration. */
  problems(): LexiconProblem[];
  /** Folded forms declared ambiguous in the data, with their candidate ids. */
  ambiguousForms(): ReadonlyMap<string, string[]>;
}

function parseEntry(value: unknown, index: number): LexiconEntry {
  const where = `entries[${index}]`;
  const raw = asRecord(value, FILE, where);
  const id = asString(raw.id, FILE, `${where}.id`);
  if (!ID_PATTERN.test(id)) fail(FILE, where, `id "${id}" must be lowercase words joined by "." or "-"`);
  const kind = raw.kind as LexiconKind;
  if (!KINDS.includes(kind)) fail(FILE, id, `kind must be one of ${KINDS.join(', ')}`);
  const instrumentKind = raw.instrumentKind as InstrumentKind | undefined;
  if (kind === 'instrument' && (instrumentKind === undefined || !INSTRUMENT_KINDS.includes(instrumentKind))) {
    fail(FILE, id, `instruments need an instrumentKind among ${INSTRUMENT_KINDS.join(', ')}`);
  }
  if (kind !== 'instrument' && instrumentKind !== undefined) fail(FILE, id, 'only instruments carry an instrumentKind');
  const entry: LexiconEntry = {
    id,
    kind,
    type: kind === 'instrument' ? 'instrument' : 'organization',
    name: asString(raw.name, FILE, `${id}.name`),
    aliases: asStringArray(raw.aliases, FILE, `${id}.aliases`),
  };
  const parent = asOptionalString(raw.parent, FILE, `${id}.parent`);
  if (parent !== undefined) entry.parent = parent;
  if (instrumentKind !== undefined) entry.instrumentKind = instrumentKind;
  const hostPlace = asOptionalString(raw.hostPlace, FILE, `${id}.hostPlace`);
  if (hostPlace !== undefined) entry.hostPlace = hostPlace;
  if (raw.memberOf !== undefined) entry.memberOf = asStringArray(raw.memberOf, FILE, `${id}.memberOf`);
  if (raw.collective !== undefined) entry.collective = asStringArray(raw.collective, FILE, `${id}.collective`);
  const known = new Set(['id', 'kind', 'name', 'aliases', 'parent', 'instrumentKind', 'hostPlace', 'memberOf', 'collective']);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(FILE, id, `unknown field "${key}"`);
  return entry;
}

/** Builds a lexicon from the parsed content of organizations.json (exported for tests of bad data). */
export function buildLexicon(data: unknown): LoadedLexicon {
  const root = asRecord(data, FILE, 'root');
  const version = asString(root.version, FILE, 'version');
  if (!VERSION_PATTERN.test(version)) fail(FILE, 'version', `"${version}" must look like 1.0.0+YYYY-MM-DD`);
  if (!Array.isArray(root.entries)) fail(FILE, 'entries', 'expected an array');
  const entries = root.entries.map(parseEntry);

  const byId = new Map<string, LexiconEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) fail(FILE, entry.id, 'id is used twice');
    byId.set(entry.id, entry);
  }
  for (const entry of entries) {
    if (entry.parent !== undefined && (!byId.has(entry.parent) || entry.parent === entry.id)) {
      fail(FILE, entry.id, `parent "${entry.parent}" is not another entry's id`);
    }
    for (const other of entry.memberOf ?? []) if (!byId.has(other)) fail(FILE, entry.id, `memberOf "${other}" is not an entry id`);
  }

  const capitalised = new Set(asStringArray(root.capitalisedForms, FILE, 'capitalisedForms').map(foldKey));
  const index = new SurfaceIndex();
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.aliases]) index.add(form, entry.id, matchModeOf(form, capitalised));
  }
  const problems: LexiconProblem[] = index.collisions().map(({ key, refs }) => ({ form: key, ids: refs }));

  const ambiguous = new Map<string, string[]>();
  const declared = asRecord(root.ambiguousAliases ?? {}, FILE, 'ambiguousAliases');
  for (const [form, value] of Object.entries(declared)) {
    const ids = asStringArray(value, FILE, `ambiguousAliases.${form}`);
    if (ids.length < 2) fail(FILE, `ambiguousAliases.${form}`, 'an ambiguous form needs at least two candidates');
    for (const id of ids) if (!byId.has(id)) fail(FILE, `ambiguousAliases.${form}`, `"${id}" is not an entry id`);
    for (const id of ids) index.add(form, id, matchModeOf(form, capitalised));
    ambiguous.set(foldKey(form), ids);
  }

  const children = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    if (entry.parent === undefined) continue;
    const list = children.get(entry.parent) ?? [];
    list.push(entry);
    children.set(entry.parent, list);
  }

  return {
    version,
    entries,
    byId: (id) => byId.get(id),
    byIdOrThrow(id) {
      const entry = byId.get(id);
      if (!entry) throw new LexiconError('unknown_entry', `No lexicon entry has id "${id}"; see src/lexicon/data/${FILE} for the ids.`, { id });
      return entry;
    },
    byName(text) {
      const id = index.find(text);
      return id === undefined ? undefined : byId.get(id);
    },
    candidates: (text) => index.candidates(text).map((id) => byId.get(id) as LexiconEntry),
    childrenOf: (id) => children.get(id) ?? [],
    surfaceForms: () => index.forms(),
    problems: () => problems,
    ambiguousForms: () => ambiguous,
  };
}

let cached: LoadedLexicon | undefined;

/**
 * The curated lexicon. Parsed once per process and kept in a module-level cache: the file
 * is read-only data shipped with the code, so every caller can share one copy.
 */
export function loadLexicon(): LoadedLexicon {
  cached ??= buildLexicon(readDataFile(FILE));
  return cached;
}
