import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdKind = 'doc' | 'ent' | 'evt' | 'par' | 'men' | 'quo' | 'his';

const ID_LENGTH = 13;
// One call to the CSPRNG serves hundreds of ids: a document needs ~100 of them.
let pool = randomBytes(4096);
let used = 0;

/** Ids are made here rather than by the database so a whole document can be inserted in batches. */
export function newId(kind: IdKind): string {
  if (used + ID_LENGTH > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  let out = kind + '_';
  for (let i = 0; i < ID_LENGTH; i++) out += ALPHABET[pool[used + i] & 31];
  used += ID_LENGTH;
  return out;
}
