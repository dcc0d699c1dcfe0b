export { findQuotes } from './quotes.stage.js';
export type { QuoteDraft } from './quotes.stage.js';
export { DESCRIPTOR_HEADS } from './speaker-phrase.js';
