export { createProgram, runCli } from './program.js';
export { CliError, EXIT } from './cli-error.js';
export type { CliErrorCode } from './cli-error.js';
export type { CliIo } from './io.js';
