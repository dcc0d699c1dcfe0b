import type { SourceInfo } from './document.js';
import type { ExtractedEntity } from './entity.js';
import type { ExtractedEvent } from './event.js';
import type { ExtractedQuote } from './quote.js';

/** Everything the pipeline proposes for one document, before storage. */
export interface Extraction {
  source: SourceInfo;
  /** The normalized text all evidence offsets point into. */
  text: string;
  entities: ExtractedEntity[];
  events: ExtractedEvent[];
  quotes: ExtractedQuote[];
  /** Things a stage could not do (an unresolvable date, ...): data, not exceptions. */
  notes: string[];
}
