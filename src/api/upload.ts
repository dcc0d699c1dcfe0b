import { ApiError } from './api.error.js';

/** Media types that are text whatever their subtype claims; anything else is checked by content. */
const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.|msword|octet-stream-binary)/i;

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, euro). Node's
// decoder treats the label as Latin-1, so those bytes are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Share of control characters above which a file is treated as binary, not as text with noise. */
const MAX_CONTROL_SHARE = 0.01;

function controlShare(text: string): number {
  let control = 0;
  const n = Math.min(text.length, 65_536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return n === 0 ? 0 : control / n;
}

/**
 * Decodes an uploaded file: UTF-8 (with or without BOM), UTF-16 with a BOM, else
 * Windows-1252, which is what old newsroom exports use. Binary files are refused with 415
 * rather than fed to the pipeline as garbage.
 */
export function decodeUpload(bytes: Buffer, mimetype: string, filename: string): string {
  const name = filename || 'the file';
  if (BINARY_TYPES.test(mimetype)) {
    throw new ApiError('unsupported_media_type', `${name} is ${mimetype}, not text: upload a .txt, .md or .html file, or paste the article text.`);
  }
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes.includes(0)) {
      throw new ApiError('unsupported_media_type', `${name} contains NUL bytes, so it is a binary file, not text: upload a .txt, .md or .html file.`);
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  if (controlShare(text) > MAX_CONTROL_SHARE) {
    throw new ApiError('unsupported_media_type', `${name} is mostly control characters, so it is not a text file: upload a .txt, .md or .html file.`);
  }
  return text;
}
