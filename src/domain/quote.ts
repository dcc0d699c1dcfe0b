import type { Evidence } from './evidence.js';

export interface ExtractedQuote {
  key: string;
  text: string;
  /** Key of the speaking entity, when the speaker is named. */
  speakerKey?: string;
  /** The words the text uses for the speaker ("a NATO official") or the entity's name. */
  speaker: string;
  eventKey?: string;
  evidence: Evidence;
  /** Where the speaker was identified. */
  speakerEvidence?: Evidence;
}
