import type { ReactNode } from 'react';
import { href } from '../lib';
import type { DocumentRef, EntityRef, EventRef } from '../lib';

export function EntityLink({ entity, children }: { entity: EntityRef; children?: ReactNode }) {
  return <a href={href(['entities', entity.id])}>{children ?? entity.name}</a>;
}

export function EventLink({ event, children }: { event: EventRef; children?: ReactNode }) {
  return <a href={href(['events', event.id])}>{children ?? event.label}</a>;
}

/** Links to a document, optionally opening it at a span so the sentence is highlighted. */
export function DocumentLink({ doc, at, children }: { doc: DocumentRef; at?: { start: number; end: number }; children?: ReactNode }) {
  const query = at ? { at: `${at.start}-${at.end}` } : undefined;
  const name = doc.title || [doc.outlet, doc.published].filter(Boolean).join(', ') || doc.id;
  return <a href={href(['documents', doc.id], query)}>{children ?? name}</a>;
}

export function documentName(doc: DocumentRef): string {
  return doc.title || [doc.outlet, doc.published].filter(Boolean).join(', ') || doc.id;
}
