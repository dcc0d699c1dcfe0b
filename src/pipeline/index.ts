export { extract } from './extract.js';
export type { ExtractOptions } from './extract.js';
export { toGold } from './gold.js';
export type { GoldDocument } from './gold.js';
export { normalize } from './normalize/index.js';
export type { InputFormat } from './normalize/index.js';
export { segment } from './segment/index.js';
export type { NormalizedText, Segmented, Sentence, EntityMention, TimeExpression, PipelineContext } from './types.js';
