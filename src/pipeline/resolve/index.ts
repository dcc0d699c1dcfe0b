export { resolveEntities } from './resolve.stage.js';
export type { ResolveContext, Resolved } from './resolve.stage.js';
