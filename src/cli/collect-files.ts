import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions picked up when a folder is given; a file named explicitly is always tried. */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm'];

export type InputItem =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'missing'; path: string; message: string };

async function walk(dir: string, out: InputItem[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // Hidden folders (.git, .cache) hold no articles.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && TEXT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push({ kind: 'file', path });
  }
}

/**
 * Expands the ingest arguments in order: files as given, folders recursively (text,
 * Markdown and HTML files only), `-` for standard input. A path that does not exist
 * becomes a `missing` item so it is reported with the other failures, not thrown.
 */
export async function collectInputs(args: readonly string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.push({ kind: 'missing', path: arg, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code ?? (e as Error).message})` });
      continue;
    }
    const found: InputItem[] = [];
    if (info.isDirectory()) await walk(arg, found);
    else found.push({ kind: 'file', path: arg });
    for (const item of found) {
      if (item.kind !== 'file' || seen.has(item.path)) continue;
      seen.add(item.path);
      out.push(item);
    }
  }
  return out;
}
