import { useEffect, useMemo, useRef, useState } from 'react';
import { api, contextAround, ENTITY_TYPES, parseSpan, plural, safeUrl, statusLabel, timeLabel, useApi } from '../lib';
import type { DocumentDetail, DocumentMention, EventSummary, Evidence, MarkSpan, Quote } from '../lib';
import { Async, EntityLink, EventLink, HighlightedText, StateBadge, StatusBadge, TypeBadge } from '../components';

type Choice =
  | { kind: 'mention'; id: string }
  | { kind: 'event'; id: string }
  | { kind: 'quote'; id: string }
  | { kind: 'span'; start: number; end: number };

type DocEvent = DocumentDetail['events'][number];

function evidenceIn(doc: DocumentDetail, evidence: Evidence[]): Evidence | undefined {
  return evidence.find((e) => e.documentId === doc.id) ?? evidence[0];
}

/** The stretch of text with the chosen words in bold; plain text nodes only. */
function InContext({ text, start, end }: { text: string; start: number; end: number }) {
  const ctx = contextAround(text, start, end);
  return (
    <blockquote className="evidence">
      {text.slice(ctx.start, start)}
      <strong>{text.slice(start, end)}</strong>
      {text.slice(end, ctx.end)}
    </blockquote>
  );
}

function involves(event: EventSummary, entityId: string): boolean {
  return event.participants.some((p) => p.entity.id === entityId) || event.places.some((p) => p.id === entityId);
}

function MentionDetail({ doc, mention }: { doc: DocumentDetail; mention: DocumentMention }) {
  const entity = doc.entities.find((e) => e.id === mention.entity.id);
  const events = doc.events.filter((e) => involves(e, mention.entity.id));
  const quotes = doc.quotes.filter((q) => q.speakerEntity?.id === mention.entity.id);
  const count = doc.mentions.filter((m) => m.entity.id === mention.entity.id).length;
  return (
    <>
      <h3>
        <TypeBadge type={mention.entity.type} /> <EntityLink entity={mention.entity} />
      </h3>
      {entity && (
        <dl className="facts small">
          {entity.aliases.length > 0 && (<><dt>Aliases</dt><dd>{entity.aliases.join(', ')}</dd></>)}
          {entity.attributes.role && (<><dt>Role</dt><dd>{entity.attributes.role}{entity.attributes.roleDate && ` (as of ${entity.attributes.roleDate})`}</dd></>)}
          <dt>Review</dt><dd><StateBadge state={entity.reviewState} /></dd>
          <dt>Here</dt><dd>{plural(count, 'mention')}</dd>
        </dl>
      )}
      <h4>Evidence</h4>
      <InContext text={doc.text} start={mention.start} end={mention.end} />
      <p className="small">
        “{mention.text}” at {mention.start}–{mention.end} · rule <span className="rule">{mention.rule}</span>
      </p>
      <h4>Records it takes part in</h4>
      {events.length === 0 && quotes.length === 0 ? (
        <p className="muted small">No event or quote from this document involves it.</p>
      ) : (
        <ul className="plain">
          {events.map((e) => (
            <li key={e.id}>
              <TypeBadge type={e.type} /> <EventLink event={e} /> <StatusBadge status={e.status} />
            </li>
          ))}
          {quotes.map((q) => (
            <li key={q.id} className="small">“{q.text}”</li>
          ))}
        </ul>
      )}
    </>
  );
}

function EventDetailPanel({ doc, event }: { doc: DocumentDetail; event: DocEvent }) {
  const ev = evidenceIn(doc, event.evidence);
  return (
    <>
      <h3>
        <TypeBadge type={event.type} /> <EventLink event={event} />
      </h3>
      <dl className="facts small">
        <dt>Status</dt><dd>{event.status ? statusLabel(event.status) : '—'}</dd>
        <dt>When</dt><dd>{timeLabel(event.time)}{event.time && ` (${event.time.precision}, ${event.time.tense})`}</dd>
        <dt>Where</dt><dd>{event.places.map((p) => p.name).join(', ') || '—'}</dd>
        <dt>Review</dt><dd><StateBadge state={event.reviewState} /></dd>
      </dl>
      {event.participants.length > 0 && (
        <>
          <h4>Participants</h4>
          <ul className="plain small">
            {event.participants.map((p) => (
              <li key={p.role + p.entity.id}>
                <span className="muted">{p.role}</span> <EntityLink entity={p.entity} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Evidence</h4>
      {ev ? (
        <>
          <blockquote className="evidence">{doc.text.slice(ev.start, ev.end)}</blockquote>
          <p className="small">
            {ev.start}–{ev.end} · rule <span className="rule">{ev.rule}</span>
          </p>
        </>
      ) : (
        <p className="muted small">Entered by hand.</p>
      )}
    </>
  );
}

function QuoteDetail({ doc, quote }: { doc: DocumentDetail; quote: Quote }) {
  return (
    <>
      <h3>Quote</h3>
      <blockquote className="evidence">“{quote.text}”</blockquote>
      <p className="small">
        Speaker: {quote.speakerEntity ? <EntityLink entity={quote.speakerEntity}>{quote.speaker}</EntityLink> : quote.speaker} ·{' '}
        <StateBadge state={quote.reviewState} /> · rule <span className="rule">{quote.evidence.rule}</span>
      </p>
      {quote.eventId && (
        <p className="small">
          Part of <EventLink event={doc.events.find((e) => e.id === quote.eventId) ?? { id: quote.eventId, type: 'meeting', label: 'an event' }} />
        </p>
      )}
    </>
  );
}

function DocumentBody({ doc, initial }: { doc: DocumentDetail; initial?: { start: number; end: number } }) {
  const [choice, setChoice] = useState<Choice | undefined>(initial ? { kind: 'span', ...initial } : undefined);
  const marks = useMemo<MarkSpan[]>(
    () => doc.mentions.map((m) => ({ id: m.id, start: m.start, end: m.end, kind: m.entity.type })),
    [doc.mentions],
  );

  const chosenMention = choice?.kind === 'mention' ? doc.mentions.find((m) => m.id === choice.id) : undefined;
  const chosenEvent = choice?.kind === 'event' ? doc.events.find((e) => e.id === choice.id) : undefined;
  const chosenQuote = choice?.kind === 'quote' ? doc.quotes.find((q) => q.id === choice.id) : undefined;

  const selection = useMemo(() => {
    if (choice?.kind === 'span') return { start: choice.start, end: choice.end };
    if (chosenEvent) {
      const ev = evidenceIn(doc, chosenEvent.evidence);
      return ev && { start: ev.start, end: ev.end };
    }
    if (chosenQuote) return { start: chosenQuote.evidence.start, end: chosenQuote.evidence.end };
    return undefined;
  }, [choice, chosenEvent, chosenQuote, doc]);

  // The side panel scrolls on its own; bring the selection back to its top when it changes.
  const asideRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (asideRef.current) asideRef.current.scrollTop = 0;
  }, [choice]);

  const url = safeUrl(doc.url);
  return (
    <div className="split">
      <article className="panel" aria-labelledby="doc-title">
        <h1 id="doc-title">{doc.title || [doc.dateline, doc.outlet].filter(Boolean).join(' · ') || 'Untitled document'}</h1>
        <p className="small muted">
          {[doc.dateline, doc.outlet, doc.published && `published ${doc.published}`].filter(Boolean).join(' · ')}
          {url && (
            <>
              {' · '}
              <a href={url} rel="noopener noreferrer nofollow" target="_blank">source</a>
            </>
          )}
          {!url && doc.url && <> · {doc.url}</>}
        </p>
        <div className="legend" aria-label="Highlight colours">
          {ENTITY_TYPES.map((t) => (
            <TypeBadge key={t} type={t} />
          ))}
        </div>
        <HighlightedText
          text={doc.text}
          marks={marks}
          activeId={chosenMention?.id}
          selection={selection}
          onChoose={(mark) => setChoice({ kind: 'mention', id: mark.id })}
        />
        {doc.notes.length > 0 && (
          <>
            <h2>Extraction notes</h2>
            <ul className="small">
              {doc.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </>
        )}
      </article>
      <aside ref={asideRef} className="stack sticky" aria-label="Records from this document">
        <section className="panel" aria-labelledby="selection-h" aria-live="polite">
          <h2 id="selection-h">Selection</h2>
          {chosenMention ? (
            <MentionDetail doc={doc} mention={chosenMention} />
          ) : chosenEvent ? (
            <EventDetailPanel doc={doc} event={chosenEvent} />
          ) : chosenQuote ? (
            <QuoteDetail doc={doc} quote={chosenQuote} />
          ) : choice?.kind === 'span' ? (
            <p className="small">The highlighted passage is the evidence you opened.</p>
          ) : (
            <p className="muted small">Choose a highlighted name in the text, or an event or quote below, to see its evidence and records.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="events-h">
          <h2 id="events-h">Events ({doc.events.length})</h2>
          <ul className="plain">
            {doc.events.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className="link"
                  aria-pressed={chosenEvent?.id === e.id}
                  onClick={() => setChoice({ kind: 'event', id: e.id })}
                >
                  {e.label}
                </button>{' '}
                <TypeBadge type={e.type} /> <StatusBadge status={e.status} />
                <div className="small muted">{timeLabel(e.time)}</div>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="entities-h">
          <h2 id="entities-h">Entities ({doc.entities.length})</h2>
          <ul className="plain small">
            {doc.entities.map((e) => (
              <li key={e.id}>
                <TypeBadge type={e.type} /> <EntityLink entity={e} />
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="quotes-h">
          <h2 id="quotes-h">Quotes ({doc.quotes.length})</h2>
          <ul className="plain small">
            {doc.quotes.map((q) => (
              <li key={q.id}>
                <button type="button" className="link" aria-pressed={chosenQuote?.id === q.id} onClick={() => setChoice({ kind: 'quote', id: q.id })}>
                  “{q.text.length > 90 ? q.text.slice(0, 90) + '…' : q.text}”
                </button>{' '}
                <span className="muted">— {q.speaker}</span>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}

export function DocumentView({ id, at, duplicate = false }: { id: string; at?: string; duplicate?: boolean }) {
  const state = useApi(() => api.document(id), `document:${id}`);
  return (
    <Async state={state} what="document">
      {(doc) => (
        <>
          {duplicate && (
            <p className="notice" role="status">
              This text was already in the record, so nothing new was stored. Here is the existing document.
            </p>
          )}
          <DocumentBody key={`${doc.id}:${at ?? ''}`} doc={doc} initial={parseSpan(at)} />
        </>
      )}
    </Async>
  );
}
