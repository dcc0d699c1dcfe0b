import type { Evidence } from '../lib';
import { DocumentLink } from './links';

/**
 * The sentence behind a fact with the exact words in bold. Built from offsets as text
 * nodes, so nothing in the source can become markup.
 */
export function SentenceWithSpan({ evidence }: { evidence: Evidence }) {
  const sentence = evidence.sentence;
  if (!sentence) return null;
  const from = Math.max(0, evidence.start - sentence.start);
  const to = Math.min(sentence.text.length, evidence.end - sentence.start);
  if (to <= from || from >= sentence.text.length) return <>{sentence.text}</>;
  return (
    <>
      {sentence.text.slice(0, from)}
      <strong>{sentence.text.slice(from, to)}</strong>
      {sentence.text.slice(to)}
    </>
  );
}

export function EvidenceQuote({ evidence, showSource = true }: { evidence: Evidence; showSource?: boolean }) {
  const human = evidence.rule.startsWith('human:');
  return (
    <figure className="evidence-figure">
      {evidence.sentence ? (
        <blockquote className="evidence">
          <SentenceWithSpan evidence={evidence} />
        </blockquote>
      ) : human ? (
        <p className="muted small">Entered by hand ({evidence.rule.slice('human:'.length)}).</p>
      ) : null}
      <figcaption className="small">
        <span className="rule" title="rule that produced this fact">{evidence.rule}</span>
        {showSource && evidence.documentId && (
          <>
            {' · '}
            <DocumentLink doc={{ id: evidence.documentId }} at={evidence}>
              open in document
            </DocumentLink>
          </>
        )}
      </figcaption>
    </figure>
  );
}
