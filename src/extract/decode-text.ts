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
  /** A charset the file declares (HTTP header, <meta charset>): used as browsers use it, see decodeText. */
  declaredCharset?: string | null;
}

/**
 * Decodes `bytes` the way browsers decode an HTML page (the WHATWG encoding rules): a byte order mark
 * decides first (UTF-8, UTF-16 LE/BE); then the declared charset, resolved by its WHATWG label, with
 * a declared UTF-16 read as UTF-8 (as the HTML standard says: a page whose bytes could be read at all
 * to find the declaration is not UTF-16) — decoding never fails there, a byte the encoding has no
 * character for becomes U+FFFD. Without a BOM or a declaration Firsthand guesses as browsers do for
 * Western pages: UTF-8 when the bytes are valid UTF-8, else Windows-1252, so that a text file saved
 * by an old Windows editor reads "’" where it had byte 0x92. Throws `TextDecodeError` for binary
 * data. Empty input decodes to ''.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return decodeUtf16(bytes.subarray(2), bytes[0] === 0xff);
  }
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  assertNotBinary(body);
  const encoding = hasUtf8Bom ? 'utf-8' : declaredEncoding(options.declaredCharset);
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  if (encoding) return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/**
 * The encoding a declared charset label names (WHATWG labels: "latin1" and "ascii" are
 * windows-1252, "utf8" is utf-8, …), as the HTML prescan uses it; null for no label or an unknown one.
 */
export function declaredEncoding(label: string | null | undefined): string | null {
  const trimmed = label?.trim();
  if (!trimmed) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(trimmed).encoding;
  } catch {
    return null; // an unknown label is no declaration
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
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
