import { randomBytes, randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdKind = 'doc' | 'ent' | 'evt' | 'par' | 'men' | 'quo' | 'his';

// One call to the CSPRNG serves hundreds of ids: a document needs ~100 of them.
let pool = randomBytes(4096);
let used = 0;
// Starts anywhere so two processes minting ids in the same millisecond rarely share it.
let sequence = randomInt(0, 1 << 20);

function base32(value: number, digits: number): string {
  let out = '';
  for (let i = digits - 1; i >= 0; i--) out += ALPHABET[Math.floor(value / 2 ** (5 * i)) % 32];
  return out;
}

// A save mints ~100 ids in the same millisecond: its digits are worked out once.
let lastMs = -1;
let lastMsDigits = '';

/**
 * Ids are made here rather than by the database so a whole document can be inserted in
 * batches. They sort by creation time (9 characters of milliseconds, then a per-process
 * sequence, then random bits): new rows land at the end of every primary-key and id
 * index instead of on a random page, so a save dirties a few pages whatever the size of
 * the database. Random ids made each save touch one page per row, which is what slowed
 * ingestion down as the database grew.
 */
export function newId(kind: IdKind): string {
  if (used + 3 > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  sequence = (sequence + 1) % (1 << 20);
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastMsDigits = base32(ms, 9);
  }
  let out = kind + '_' + lastMsDigits + base32(sequence, 4);
  for (let i = 0; i < 3; i++) out += ALPHABET[pool[used + i] & 31];
  used += 3;
  return out;
}
