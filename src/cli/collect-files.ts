import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export type InputItem = { kind: 'file'; path: string } | { kind: 'stdin' };

async function walk(dir: string, extensions: readonly string[], out: InputItem[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // Hidden folders (.git, .cache) hold no articles.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, extensions, out);
    else if (entry.isFile() && extensions.includes(extname(entry.name).toLowerCase())) out.push({ kind: 'file', path });
  }
}

/**
 * Expands the ingest arguments in order: folders recursively (only files whose extension
 * is in `extensions`), `-` for standard input, anything else as a file. A file that does
 * not exist is kept, so the ingest service reports it with the other failures.
 */
export async function collectInputs(args: readonly string[], extensions: readonly string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    const isDir = await stat(arg).then((s) => s.isDirectory(), () => false);
    const found: InputItem[] = [];
    if (isDir) await walk(arg, extensions, found);
    else found.push({ kind: 'file', path: arg });
    for (const item of found) {
      if (item.kind !== 'file' || seen.has(item.path)) continue;
      seen.add(item.path);
      out.push(item);
    }
  }
  return out;
}
