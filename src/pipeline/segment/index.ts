export { segment } from './segment.stage.js';
