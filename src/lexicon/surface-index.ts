import { foldKey, isCasingAccepted, type MatchMode } from './fold-key.js';

/** A name, alias, demonym or capital as it may appear in a text, with what it points to. */
export interface SurfaceForm<Ref extends string = string> {
  text: string;
  ref: Ref;
  mode: MatchMode;
}

/**
 * Maps folded surface forms to the keys they name. A form may point to several keys
 * (that is what "ambiguous" means); callers decide whether to take the only candidate
 * or to give up.
 */
export class SurfaceIndex<Ref extends string = string> {
  private readonly byKey = new Map<string, SurfaceForm<Ref>[]>();
  private readonly all: SurfaceForm<Ref>[] = [];

  add(text: string, ref: Ref, mode: MatchMode): void {
    const key = foldKey(text);
    if (key === '') return;
    const list = this.byKey.get(key) ?? [];
    if (list.some((f) => f.ref === ref && f.mode === mode)) return;
    const form = { text, ref, mode };
    list.push(form);
    this.all.push(form);
    this.byKey.set(key, list);
  }

  /** Distinct refs whose forms accept `text` as written (casing rules included). */
  candidates(text: string): Ref[] {
    const list = this.byKey.get(foldKey(text));
    if (!list) return [];
    const refs: Ref[] = [];
    for (const form of list) {
      if (isCasingAccepted(text, form.mode) && !refs.includes(form.ref)) refs.push(form.ref);
    }
    return refs;
  }

  /** The single ref `text` names, or undefined when it names none or several. */
  find(text: string): Ref | undefined {
    const refs = this.candidates(text);
    return refs.length === 1 ? refs[0] : undefined;
  }

  /** Folded keys that point to more than one ref: the collisions a data review should see. */
  collisions(): { key: string; refs: Ref[] }[] {
    const out: { key: string; refs: Ref[] }[] = [];
    for (const [key, list] of this.byKey) {
      const refs = [...new Set(list.map((f) => f.ref))];
      if (refs.length > 1) out.push({ key, refs });
    }
    return out;
  }

  forms(): readonly SurfaceForm<Ref>[] {
    return this.all;
  }
}
