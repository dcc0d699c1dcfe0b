import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LexiconError } from './lexicon.errors.js';

const require = createRequire(import.meta.url);

/** Reads one of the curated JSON files in `src/lexicon/data/`. */
export function readDataFile(name: string): unknown {
  const url = new URL(`./data/${name}`, import.meta.url);
  let raw: string;
  try {
    raw = readFileSync(url, 'utf8');
  } catch (cause) {
    throw new LexiconError('invalid_data', `Lexicon data file ${name} is missing; restore src/lexicon/data/${name} from git.`, { cause: String(cause) });
  }
  try {
    return JSON.parse(raw);
  } catch (cause) {
    throw new LexiconError('invalid_data', `Lexicon data file ${name} is not valid JSON; fix it (${String(cause)}).`);
  }
}

/** Absolute path of a file shipped in an npm data package, with an actionable error when it is absent. */
export function resolvePackageFile(specifier: string): string {
  try {
    return require.resolve(specifier);
  } catch {
    const pkg = specifier.split('/')[0];
    throw new LexiconError('missing_package', `Data package ${pkg} is not installed; run \`npm install\` in the project folder.`, { specifier });
  }
}

export function requirePackage(specifier: string): unknown {
  resolvePackageFile(specifier);
  return require(specifier);
}

/** Small shape checks for hand-edited data: each names the file and the entry at fault. */
export function fail(file: string, where: string, problem: string): never {
  throw new LexiconError('invalid_data', `${file}: ${where}: ${problem}. Fix the entry in src/lexicon/data/${file}.`);
}

export function asRecord(value: unknown, file: string, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(file, where, 'expected an object');
  return value as Record<string, unknown>;
}

export function asString(value: unknown, file: string, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(file, where, 'expected a non-empty string');
  return value;
}

export function asOptionalString(value: unknown, file: string, where: string): string | undefined {
  return value === undefined ? undefined : asString(value, file, where);
}

export function asStringArray(value: unknown, file: string, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(file, where, 'expected an array of strings');
  return value.map((v, i) => asString(v, file, `${where}[${i}]`));
}

export function asOptionalNumber(value: unknown, file: string, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(file, where, 'expected a number');
  return value;
}
