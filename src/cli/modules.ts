// The heavy parts (pipeline gazetteers, database drivers, HTTP server) load only when a
// command needs them, so `liaison --help` or `liaison documents` start quickly.
import { CliError } from './cli-error.js';

type PipelineModule = typeof import('../pipeline/index.js');

function isMissingModule(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

async function load<T>(what: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if (isMissingModule(error)) throw new CliError('unavailable', `The ${what} could not be loaded (${(error as Error).message.split('\n')[0]}): this checkout is incomplete; update it, or run a command that does not need it.`);
    throw error;
  }
}

export const loadPipeline = (): Promise<PipelineModule> => load('extraction pipeline', () => import('../pipeline/index.js'));

type StorageModule = typeof import('../storage/index.js');
type ServicesModule = typeof import('../services/index.js');

export const loadStorage = (): Promise<StorageModule> => load('storage layer', () => import('../storage/index.js'));
export const loadServices = (): Promise<ServicesModule> => load('services layer', () => import('../services/index.js'));

type ApiModule = typeof import('../api/index.js');

export const loadApi = (): Promise<ApiModule> => load('HTTP API', () => import('../api/index.js'));
