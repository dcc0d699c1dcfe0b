/** Metadata a caller may supply with a text; anything missing is looked for in the text. */
export interface DocumentMeta {
  published?: string;
  outlet?: string;
  url?: string;
  title?: string;
  language?: string;
}

export interface SourceInfo {
  published?: string;
  outlet?: string;
  dateline?: string;
  title?: string;
  url?: string;
}

export type ReviewState = 'draft' | 'confirmed' | 'rejected';
export const REVIEW_STATES: readonly ReviewState[] = ['draft', 'confirmed', 'rejected'];
