/**
 * Turns HTML or Markdown into plain text while remembering, for every output character,
 * the offset it came from — so evidence can always point back into the original input.
 */

export interface MappedText {
  text: string;
  offsets: number[];
}

class Builder {
  private parts: string[] = [];
  readonly offsets: number[] = [];
  private last = '';

  push(s: string, from: number): void {
    for (let i = 0; i < s.length; i++) this.offsets.push(from);
    this.parts.push(s);
    this.last = s[s.length - 1] ?? this.last;
  }

  pushRun(src: string, start: number, end: number): void {
    if (end <= start) return;
    for (let i = start; i < end; i++) this.offsets.push(i);
    this.parts.push(src.slice(start, end));
    this.last = src[end - 1];
  }

  /** Adds a paragraph break unless one is already there. */
  breakLine(from: number, double: boolean): void {
    const text = this.peekTail(2);
    if (this.offsets.length === 0) return;
    if (double) {
      if (text.endsWith('\n\n')) return;
      this.push(text.endsWith('\n') ? '\n' : '\n\n', from);
    } else if (!text.endsWith('\n')) this.push('\n', from);
  }

  private peekTail(n: number): string {
    let out = '';
    for (let i = this.parts.length - 1; i >= 0 && out.length < n; i--) out = this.parts[i] + out;
    return out.slice(-n);
  }

  lastChar(): string {
    return this.last;
  }

  done(endOffset: number): MappedText {
    this.offsets.push(endOffset);
    return { text: this.parts.join(''), offsets: this.offsets };
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', laquo: '«', raquo: '»',
  eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', shy: '',
};

function decodeEntity(name: string): string | undefined {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return undefined;
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[name.toLowerCase()];
}

// Elements whose content is never prose: dropped whole.
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);
// Elements that end a line or a paragraph.
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'blockquote', 'li', 'ul', 'ol',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'pre', 'figure', 'figcaption', 'dd', 'dt', 'title', 'nav',
]);

/** The page's <title>, entities decoded; undefined when there is none. */
export function htmlTitle(src: string): string | undefined {
  const m = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(src);
  if (!m) return undefined;
  const title = m[1].replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (all, name: string) => decodeEntity(name) ?? all).replace(/\s+/g, ' ').trim();
  return title || undefined;
}

/** Strips tags, drops script/style content, decodes entities; block elements become paragraph breaks. */
export function htmlToText(src: string): MappedText {
  const out = new Builder();
  let i = 0;
  let runStart = 0;
  const flush = (end: number) => { out.pushRun(src, runStart, end); };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '<') {
      flush(i);
      // Declarations and processing instructions (<!doctype html>, <?xml ...?>) carry no prose.
      if ((src.startsWith('<!', i) && !src.startsWith('<!--', i)) || src.startsWith('<?', i)) {
        const close = src.indexOf('>', i + 2);
        i = close < 0 ? src.length : close + 1;
        runStart = i;
        continue;
      }
      if (src.startsWith('<!--', i)) {
        const close = src.indexOf('-->', i + 4);
        i = close < 0 ? src.length : close + 3;
        runStart = i;
        continue;
      }
      const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/.exec(src.slice(i, i + 2000));
      if (!m) {
        // A lone '<' in text (e.g. "a < b"): keep it as text.
        out.push('<', i);
        i++;
        runStart = i;
        continue;
      }
      const tag = m[1].toLowerCase();
      const isClose = m[0][1] === '/';
      i += m[0].length;
      if (!isClose && DROP_CONTENT.has(tag)) {
        const closeRe = new RegExp(`</${tag}\\s*>`, 'i');
        const rest = closeRe.exec(src.slice(i));
        i = rest ? i + rest.index + rest[0].length : src.length;
      } else if (tag === 'br') {
        out.breakLine(i, false);
      } else if (BLOCK.has(tag)) {
        out.breakLine(i, true);
      } else if (!/\s/.test(out.lastChar()) && tag !== 'a' && tag !== 'span' && tag !== 'b' && tag !== 'i' && tag !== 'em' && tag !== 'strong') {
        out.push(' ', i);
      }
      runStart = i;
      continue;
    }
    if (ch === '&') {
      const m = /^&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(src.slice(i, i + 12));
      const decoded = m ? decodeEntity(m[1]) : undefined;
      if (m && decoded !== undefined) {
        flush(i);
        out.push(decoded, i);
        i += m[0].length;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  flush(src.length);
  return collapseWhitespace(out.done(src.length));
}

/** Removes Markdown markers (headings, emphasis, links) that are not prose. */
export function markdownToText(src: string): MappedText {
  const out = new Builder();
  const re = /^#{1,6}[ \t]+|^>[ \t]?|^[ \t]*[-*+][ \t]+(?=\S)|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|!?\[([^\]\n]*)\]\([^)\n]*\)/gm;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    out.pushRun(src, last, m.index);
    if (m[1] !== undefined) {
      const inner = m.index + (m[0][0] === '!' ? 2 : 1);
      out.pushRun(src, inner, inner + m[1].length);
    }
    last = m.index + m[0].length;
  }
  out.pushRun(src, last, src.length);
  return out.done(src.length);
}

/** Folds runs of spaces and of blank lines left behind by markup removal. */
function collapseWhitespace(t: MappedText): MappedText {
  const chars: string[] = [];
  const offsets: number[] = [];
  let newlines = 0;
  let space = false;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text[i];
    if (c === '\n') { newlines++; space = false; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { space = true; continue; }
    if (newlines) {
      if (chars.length) { for (let k = 0; k < Math.min(newlines, 2); k++) { chars.push('\n'); offsets.push(t.offsets[i]); } }
      newlines = 0;
    } else if (space && chars.length) { chars.push(' '); offsets.push(t.offsets[i]); }
    space = false;
    chars.push(c);
    offsets.push(t.offsets[i]);
  }
  offsets.push(t.offsets[t.text.length]);
  return { text: chars.join(''), offsets };
}
