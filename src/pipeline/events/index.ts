export { findEvents } from './events.stage.js';
export type { EventContext } from './events.stage.js';
export { eventCodes } from './codes.js';
