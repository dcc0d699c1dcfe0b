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
    if (isMissingModule(error)) throw new CliError('unavailable', `This checkout has no ${what} yet (${(error as Error).message.split('\n')[0]}); update it or run a command that does not need it.`);
    throw error;
  }
}

export const loadPipeline = (): Promise<PipelineModule> => load('extraction pipeline', () => import('../pipeline/index.js'));
