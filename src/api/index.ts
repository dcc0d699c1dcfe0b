export { createApp, buildRoutes } from './app.js';
export type { CreateAppOptions, LiaisonApp } from './app.js';
export { startServer } from './server.js';
export type { StartServerOptions, RunningServer } from './server.js';
export { ApiError } from './api.error.js';
export type { ApiErrorCode } from './api.error.js';
export type { Problem } from './problem.js';
export type { ApiServices, IngestInput, IngestOutcome } from './api-services.js';
