/**
 * Bytes of a text or HTML file → a string, without trusting the file to be UTF-8. Pure: runs in the
 * browser and in Node (TextDecoder only).
 */

/** The input is not text: it holds NUL bytes or too many control characters to be a page. */
export class TextDecodeError extends Error {
  readonly code = 'binary';
  constructor(message: string) {
    super(message);
    this.name = 'TextDecodeError';
  }
}

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page is Latin-1. 0 = undefined in the code page. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Share of C0 control bytes (other than tab, newline, form feed, carriage return, escape) above which input is binary. */
const MAX_CONTROL_SHARE = 0.01;
/** Only the start is inspected for binary content: enough to judge, cheap for a 10 MB page. */
const SNIFF_BYTES = 64 * 1024;

export interface DecodeOptions {
  /** A charset the file declares (HTTP header, <meta charset>), tried when the bytes are not UTF-8. */
  declaredCharset?: string | null;
}

/**
 * Decodes `bytes` as: UTF-8 (BOM optional), UTF-16 LE/BE when a BOM says so, the declared charset,
 * or Windows-1252 — in that order, so that a file saved by an old Windows editor reads "’" where it
 * had byte 0x92. Throws `TextDecodeError` for binary data. Empty input decodes to ''.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return decodeUtf16(bytes.subarray(2), bytes[0] === 0xff);
  }
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  assertNotBinary(body);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // not UTF-8: fall through to the declared charset, then Windows-1252
  }
  const declared = options.declaredCharset?.trim().toLowerCase();
  if (declared && !/^(?:utf-?8|us-ascii|ascii|iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(declared)) {
    try {
      return new TextDecoder(declared).decode(body);
    } catch {
      // an unknown label: Windows-1252 is still the best guess for Western text
    }
  }
  return decodeWindows1252(body);
}

/** Windows-1252 as browsers decode it (which is also how they decode "ISO-8859-1"). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The charset an HTML file declares in its first 1,024 bytes (`<meta charset>` or http-equiv), or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return match?.[1] ?? null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  let out = '';
  const units = Math.floor(bytes.length / 2);
  const CHUNK = 8192;
  let nul = 0;
  for (let start = 0; start < units; start += CHUNK) {
    const end = Math.min(units, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let u = start; u < end; u++) {
      const lo = bytes[2 * u]!;
      const hi = bytes[2 * u + 1]!;
      const code = littleEndian ? lo | (hi << 8) : (lo << 8) | hi;
      if (code === 0) nul++;
      codes[u - start] = code;
    }
    out += String.fromCharCode(...codes);
  }
  if (nul > 0) throw new TextDecodeError(`The input holds ${nul} NUL characters: it is binary data, not a text or HTML page.`);
  return out;
}

function assertNotBinary(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (nul > 0) throw new TextDecodeError(`The input holds NUL bytes: it is binary data, not a text or HTML page.`);
  if (n > 0 && control / n > MAX_CONTROL_SHARE) {
    throw new TextDecodeError(`The input is ${Math.round((100 * control) / n)}% control characters: it is binary data, not a text or HTML page.`);
  }
}
