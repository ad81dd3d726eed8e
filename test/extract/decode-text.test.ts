import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffHtmlCharset, TextDecodeError } from '../../src/extract/decode-text.js';
import { PAGES_DIR, ROOT } from './seed-fixtures.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const sample = 'Zelenskyy’s “call” — 94,000 troops; café, naïve, Kyiv';

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

describe('decodeText', () => {
  it('decodes UTF-8, with and without a BOM (the BOM is dropped)', () => {
    expect(decodeText(utf8(sample))).toBe(sample);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(sample)]))).toBe(sample);
  });

  it('decodes UTF-16 little- and big-endian by their BOM', () => {
    expect(decodeText(utf16(sample, true))).toBe(sample);
    expect(decodeText(utf16(sample, false))).toBe(sample);
  });

  it('reads a Windows-1252 file as the text it was (0x92 → ’, 0x93/0x94 → “ ”, 0xA0 → no-break space)', () => {
    const bytes = readFileSync(path.join(PAGES_DIR, 'cp1252-003.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const original = readFileSync(path.join(ROOT, 'seeds/003_6402ac4a33335a3e.txt'), 'utf8');
    expect(decodeText(bytes)).toBe(original);
    expect(decodeText(Uint8Array.from([0x49, 0x92, 0x6d, 0x20, 0x93, 0x6f, 0x6b, 0x94]))).toBe('I’m “ok”');
  });

  it('uses a declared charset when the bytes are not UTF-8', () => {
    const cp1251 = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
    expect(decodeText(cp1251, { declaredCharset: 'windows-1251' })).toBe('Привет');
    expect(sniffHtmlCharset(utf8('<html><head><meta charset="windows-1251"><title>x</title>'))).toBe('windows-1251');
    expect(sniffHtmlCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('ISO-8859-1');
  });

  it('refuses binary data with a typed error: NUL bytes, or a high share of control characters', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(png)).toThrow(TextDecodeError);
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 + (i % 7) : 0x61));
    expect(() => decodeText(controls)).toThrow(/control characters/);
    expect(() => decodeText(utf16('a\u0000b', true))).toThrow(TextDecodeError);
  });

  it('keeps ordinary text with tabs, form feeds and CRLF line ends', () => {
    const text = 'Line one\r\n\tLine two\fLine three\r\n';
    expect(decodeText(utf8(text))).toBe(text);
    expect(decodeText(new Uint8Array())).toBe('');
  });
});

describe('decodeText follows the WHATWG encoding rules for a declared charset (issue 15 item 8)', () => {
  const page = (charset: string, body: Uint8Array): Uint8Array =>
    Uint8Array.from([...utf8(`<html><head><meta charset="${charset}"><title>Budget</title></head><body><p>`), ...body, ...utf8('</p></body></html>')]);

  it('reads a page that declares UTF-16 as UTF-8: one invalid byte is one U+FFFD, the rest stays readable', () => {
    const text = decodeText(page('utf-16le', Uint8Array.from([...utf8('The council met on Tuesday '), 0xff, ...utf8(' to vote.')])), { declaredCharset: 'utf-16le' });
    expect(text).toContain('The council met on Tuesday \uFFFD to vote.');
    expect(text).toContain('<title>Budget</title>');
  });

  it('gives a declared UTF-8 page with a stray byte a U+FFFD there, not a Windows-1252 re-decode of the whole page', () => {
    const text = decodeText(page('utf-8', Uint8Array.from([...utf8('café naïve '), 0x92, ...utf8(' Kyiv')])), { declaredCharset: 'UTF-8' });
    expect(text).toContain('café naïve \uFFFD Kyiv');
  });

  it('lets a byte order mark outrank the declaration', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...page('windows-1251', utf8('Привет'))]);
    expect(decodeText(bytes, { declaredCharset: 'windows-1251' })).toContain('<p>Привет</p>');
  });

  it('resolves labels as browsers do, and ignores an unknown one', () => {
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), { declaredCharset: 'latin1' })).toBe('café');
    expect(decodeText(Uint8Array.from([0x93, 0x6f, 0x6b, 0x94]), { declaredCharset: 'us-ascii' })).toBe('“ok”');
    expect(decodeText(utf8('café'), { declaredCharset: 'no-such-charset' })).toBe('café');
    expect(decodeText(Uint8Array.from([0x49, 0x92, 0x6d]), { declaredCharset: 'no-such-charset' })).toBe('I’m');
  });
});
