/**
 * Bytes to text, refusing what is not text. Order matters: a UTF-16 BOM is honoured
 * before the binary check (UTF-16 text is full of NUL bytes), and the binary check runs
 * before UTF-8 decoding so a PDF is called binary, not "badly encoded".
 */
import { IngestError } from './service.errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

/** Share of control bytes above which a file is taken for binary (text has ~0). */
const MAX_CONTROL_SHARE = 0.05;

function isControl(byte: number): boolean {
  // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 bytes and DEL do not.
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f;
}

export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) if (isControl(b)) controls++;
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}

/** The same test on decoded text (for UTF-16, whose bytes are full of NULs). */
function hasBinaryChars(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (isControl(c)) controls++;
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', what: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new IngestError(
      'invalid_encoding',
      `${what} is not valid ${encoding.toUpperCase()} text. Save it as UTF-8 (or pass the encoding it uses, e.g. latin1) and try again.`,
      { encoding },
    );
  }
}

/**
 * Decodes a file's bytes. `encoding` forces one; otherwise a BOM decides, else UTF-8.
 * `what` names the input in messages ("report.txt", "standard input").
 */
export function decodeText(bytes: Uint8Array, what: string, encoding?: TextEncoding): string {
  if (encoding === 'latin1') {
    if (looksBinary(bytes)) throw binary(what);
    return new TextDecoder('latin1').decode(bytes);
  }
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || le || be) {
    const enc = encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : le ? 'utf-16le' : 'utf-16be';
    const body = le || be ? bytes.subarray(2) : bytes;
    if (body.length % 2 !== 0) {
      throw new IngestError('invalid_encoding', `${what} starts like ${enc.toUpperCase()} text but has an odd number of bytes; it is damaged or not UTF-16.`);
    }
    const text = decodeStrict(body, enc, what);
    if (hasBinaryChars(text)) throw binary(what);
    return text;
  }
  if (looksBinary(bytes)) throw binary(what);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return decodeStrict(body, 'utf-8', what);
}

function binary(what: string): IngestError {
  return new IngestError(
    'binary_file',
    `${what} is a binary file, not text. Liaison reads plain text, Markdown or HTML: export the article as text first (for a PDF or Word file, copy its text into a .txt file).`,
  );
}
