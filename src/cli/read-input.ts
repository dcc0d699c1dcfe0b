import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { CliError } from './cli-error.js';
import { readAll } from './io.js';
import { loadServices } from './modules.js';

export type InputFormat = 'text' | 'html' | 'markdown';

function sizeError(what: string, size: number, maxBytes: number): CliError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new CliError('file_unreadable', `${what} is ${mb(size)}; the limit is ${mb(maxBytes)} (LIAISON_MAX_INPUT_BYTES). Give one article at a time.`);
}

async function readBytes(path: string, maxBytes: number): Promise<Buffer> {
  try {
    // Size first, so a huge file is refused without being read into memory.
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError('file_unreadable', `${path} is a folder: give one file.`);
    if (info.size > maxBytes) throw sizeError(path, info.size, maxBytes);
    return await readFile(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError('file_unreadable', `Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}.`);
  }
}

/**
 * Reads one text for `extract` and `eval` (which store nothing), with the same decoding
 * and refusals as ingest: binary, wrongly encoded and oversized input get a clear error.
 */
export async function readText(path: string, maxBytes: number, stdin?: Readable): Promise<{ text: string; format: InputFormat }> {
  const { decodeText, ACCEPTED_EXTENSIONS } = await loadServices();
  if (path === '-' && stdin) {
    const bytes = await readAll(stdin);
    if (bytes.length > maxBytes) throw sizeError('standard input', bytes.length, maxBytes);
    return { text: decodeText(bytes, 'standard input'), format: 'text' };
  }
  const text = decodeText(await readBytes(path, maxBytes), basename(path));
  // Unknown extensions are read as plain text: extract is a look, not a commitment.
  return { text, format: ACCEPTED_EXTENSIONS[extname(path).toLowerCase()] ?? 'text' };
}
