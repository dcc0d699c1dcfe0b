export { findMentions } from './mentions.stage.js';
export type { MentionContext } from './mentions.stage.js';
export { buildMentionResources, defaultMentionResources, slug } from './resources.js';
export type { MentionResources } from './resources.js';
export { tokenize, foldKey, phraseKey } from './tokens.js';
export type { Token } from './tokens.js';
