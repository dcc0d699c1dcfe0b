import { describe, expect, it } from 'vitest';
import { ApiError } from './api.error.js';
import { decodeUpload } from './upload.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.code : 'other';
  }
  return undefined;
};

describe('decodeUpload', () => {
  it('decodes UTF-8, UTF-8 with BOM, UTF-16LE with BOM and Windows-1252', () => {
    expect(decodeUpload(Buffer.from('Kaja Kallas – EU', 'utf8'), 'text/plain', 'a.txt')).toBe('Kaja Kallas – EU');
    expect(decodeUpload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Amman')]), 'text/plain', 'a.txt')).toBe('Amman');
    expect(decodeUpload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv', 'utf16le')]), 'text/plain', 'a.txt')).toBe('Kyiv');
    // 0x93/0x94 are curly quotes in Windows-1252 and invalid as UTF-8.
    expect(decodeUpload(Buffer.from([0x93, 0x48, 0x69, 0x94]), 'text/plain', 'a.txt')).toBe('“Hi”');
  });

  it('refuses binary content and binary media types with unsupported_media_type', () => {
    expect(codeOf(() => decodeUpload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'application/octet-stream', 'x.bin'))).toBe('unsupported_media_type');
    expect(codeOf(() => decodeUpload(Buffer.from('%PDF-1.7'), 'application/pdf', 'x.pdf'))).toBe('unsupported_media_type');
    expect(codeOf(() => decodeUpload(Buffer.from('\x01\x02\x03\x04 text'), 'text/plain', 'x.txt'))).toBe('unsupported_media_type');
  });
});
