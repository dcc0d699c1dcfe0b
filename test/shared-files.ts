import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's shared folder: the seed article and its answer key, checked out beside the
 * repository as ../shared (or where LIAISON_SHARED points). Tests that read them run when
 * it is there; a clone without it skips them with one plain line, except under CI, where
 * they run and a missing folder fails the run instead of hiding it.
 */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SHARED_DIR = process.env.LIAISON_SHARED ? resolve(process.env.LIAISON_SHARED) : join(REPO_ROOT, '..', 'shared');
/** The reference article as the project received it. */
export const SEED_ARTICLE = join(SHARED_DIR, 'seed', '000_8e139579997b0ee8.txt');
/** The same article in the scorer's dev set, beside its answer key. */
export const SEED_DEV_TEXT = join(SHARED_DIR, 'eval', 'dev', 'seed-nato-ministers.txt');

export const hasShared = existsSync(SEED_ARTICLE) && existsSync(SEED_DEV_TEXT);
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
/** Whether tests that need the shared folder run: yes when it is there, and always under CI. */
export const runsWithShared = hasShared || inCi;

if (!runsWithShared) console.warn(`The shared folder (seed article and answer keys) is not at ${SHARED_DIR}: tests that read it were skipped`);

/** The seed article's text, or '' where the folder is missing (the tests using it are skipped). */
export function readSeedArticle(): string {
  return hasShared ? readFileSync(SEED_ARTICLE, 'utf8') : '';
}
