import type { StoredEvidence } from '../storage/index.js';
import { sentenceAround } from './sentences.js';

export type WithSentence = StoredEvidence & { sentence?: { start: number; end: number; text: string } };

/**
 * Adds the sentence text to evidence that points into a document, loading each document's
 * text at most once per request. Evidence that already has a sentence is left alone.
 */
export function sentenceFiller(loadText: (documentId: string) => Promise<string | undefined>) {
  const texts = new Map<string, Promise<string | undefined>>();
  return async function fill<E extends WithSentence | undefined>(evidence: E): Promise<E> {
    if (!evidence || evidence.sentence || !evidence.documentId) return evidence;
    let text = texts.get(evidence.documentId);
    if (!text) {
      text = loadText(evidence.documentId);
      texts.set(evidence.documentId, text);
    }
    const body = await text;
    if (body === undefined || evidence.end > body.length) return evidence;
    return { ...evidence, sentence: sentenceAround(body, evidence) };
  };
}
