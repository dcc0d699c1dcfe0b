export { normalize } from './normalize.stage.js';
export type { InputFormat } from './normalize.stage.js';
export { htmlToText, markdownToText } from './markup.js';
export type { MappedText } from './markup.js';
