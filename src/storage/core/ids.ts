import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdKind = 'doc' | 'ent' | 'evt' | 'par' | 'men' | 'quo' | 'his';

/** Ids are made here rather than by the database so a whole document can be inserted in batches. */
export function newId(kind: IdKind): string {
  const bytes = randomBytes(13);
  let out = kind + '_';
  for (let i = 0; i < 13; i++) out += ALPHABET[bytes[i] & 31];
  return out;
}

/** The kind prefix of an id, if it has a known one (`ent_…` → `ent`). */
export function idKind(id: string): IdKind | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  return (['doc', 'ent', 'evt', 'par', 'men', 'quo', 'his'] as const).find((k) => k === prefix);
}
