import type { EntityAttributes, EntityType } from '../../domain/index.js';
import { phraseKey } from './tokens.js';

export type HitKind = 'lexicon' | 'country' | 'demonym' | 'region' | 'title' | 'descriptor' | 'collective';

/** What a dictionary phrase stands for. */
export interface DictHit {
  kind: HitKind;
  /** Entity key the mention resolves to (`org:nato`, `country:IQ`, `region:western-balkans`). */
  key: string;
  type: EntityType;
  name: string;
  attributes?: EntityAttributes;
  /** Acronyms must appear in capitals ("EU", not "eu"); other names need a capital first letter. */
  match: 'exact-case' | 'capitalized' | 'any-case';
}

export interface PhraseIndex {
  lookup(key: string): DictHit[] | undefined;
  /** Longest phrase (in tokens) that starts with this token key, 0 if none. */
  maxLength(firstKey: string): number;
  /** Whether some phrase continues "first second ...": prunes the many one-word starts ("the"). */
  continues(firstKey: string, secondKey: string): boolean;
  /** Whether a phrase may start with this word written in lower case ("the alliance", "southern ..."). */
  startsLowercase(firstKey: string): boolean;
}

export class PhraseIndexBuilder {
  private readonly map = new Map<string, DictHit[]>();
  private readonly first = new Map<string, number>();
  private readonly seconds = new Map<string, Set<string>>();
  private readonly lowerFirst = new Set<string>();

  add(surface: string, hit: DictHit): void {
    const key = phraseKey(surface);
    if (!key) return;
    const list = this.map.get(key);
    if (list) {
      if (!list.some((h) => h.key === hit.key && h.kind === hit.kind)) list.push(hit);
    } else this.map.set(key, [hit]);
    const parts = key.split(' ');
    const f = parts[0];
    this.first.set(f, Math.max(this.first.get(f) ?? 0, parts.length));
    if (hit.match === 'any-case' || f === 'the') this.lowerFirst.add(f);
    if (parts.length > 1) {
      const set = this.seconds.get(f) ?? new Set<string>();
      set.add(parts[1]);
      this.seconds.set(f, set);
    }
  }

  build(): PhraseIndex {
    const map = this.map;
    const first = this.first;
    const seconds = this.seconds;
    const lowerFirst = this.lowerFirst;
    return {
      startsLowercase: (k) => lowerFirst.has(k),
      lookup: (key) => map.get(key),
      maxLength: (k) => first.get(k) ?? 0,
      continues: (a, b) => seconds.get(a)?.has(b) ?? false,
    };
  }
}

/** An alias written in capitals is an acronym and must be matched as such. */
export function matchModeFor(surface: string): DictHit['match'] {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'exact-case';
  if (surface[0] === surface[0].toLowerCase()) return 'any-case';
  return 'capitalized';
}
