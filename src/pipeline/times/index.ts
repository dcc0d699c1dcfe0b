export { findTimes, resolveTime } from './times.stage.js';
export { isoWeek } from './calendar.js';
