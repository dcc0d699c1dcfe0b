import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CliError } from './cli-error.js';

export type InputFormat = 'text' | 'html' | 'markdown';

/** Picks the pipeline's input format from a file name; anything unknown is read as text. */
export function formatFromPath(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'text';
}

/**
 * Decodes bytes that should be a text file: strict UTF-8 (a BOM is dropped), no NUL bytes.
 * Wrong input gets a message naming `label` and the fix, never garbled text in the record.
 */
export function decodeText(bytes: Buffer, label: string): string {
  if (bytes.includes(0)) throw new CliError('file_unreadable', `${label} looks like a binary file (it contains NUL bytes): give a UTF-8 text, HTML or Markdown file.`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError('file_unreadable', `${label} is not valid UTF-8: convert it first (e.g. iconv -f latin1 -t utf-8).`);
  }
}

export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new CliError('file_unreadable', `Cannot read ${path}: ${why}.`);
  }
  return decodeText(bytes, path);
}
