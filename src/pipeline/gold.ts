import type { Extraction, Role } from '../domain/index.js';

/** The evaluation shape of ../shared/eval/FORMAT.md. */
export interface GoldDocument {
  source: { published?: string; outlet?: string; dateline?: string };
  entities: { name: string; type: string; aliases?: string[]; role?: string }[];
  events: {
    type: string; label: string; participants?: string[]; who?: string[]; where?: string[]; from?: string[];
    to?: string[]; subject?: string[]; date?: string; status?: string;
  }[];
  quotes: { speaker: string; text: string }[];
}

const FIELD_OF_ROLE: Record<Role, 'participants' | 'who' | 'where' | 'from' | 'to' | 'subject'> = {
  host: 'participants', participant: 'participants', guest: 'participants', visitor: 'who', requester: 'from',
  addressee: 'to', subject: 'subject', place: 'where',
};

/** Entities the text only implies (a country named through a demonym alone) are left out of the key shape. */
function isNamedInText(rules: string[]): boolean {
  return rules.some((r) => r !== 'mentions.dictionary.demonym' && r !== 'resolve.capital-for-country');
}

export function toGold(x: Extraction): GoldDocument {
  const nameOf = new Map(x.entities.map((e) => [e.key, e.name]));
  return {
    source: { published: x.source.published, outlet: x.source.outlet, dateline: x.source.dateline },
    entities: x.entities
      .filter((e) => isNamedInText(e.mentions.map((m) => m.rule)))
      .map((e) => ({
        name: e.name, type: e.type,
        ...(e.aliases.length ? { aliases: e.aliases } : {}),
        ...(e.attributes.role ? { role: e.attributes.role } : {}),
      })),
    events: x.events.map((ev) => {
      const out: GoldDocument['events'][number] = { type: ev.type, label: ev.label };
      for (const p of ev.participants) {
        const name = nameOf.get(p.entityKey);
        if (!name) continue;
        const field = FIELD_OF_ROLE[p.role];
        const list = (out[field] ??= []);
        if (!list.includes(name)) list.push(name);
      }
      if (ev.time) out.date = ev.time.iso;
      if (ev.status) out.status = ev.status;
      return out;
    }),
    quotes: x.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
  };
}
