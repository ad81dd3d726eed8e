/** A fetched body's bytes → text, by the charset the response or the document declares. */
import { decodeText, decodeWindows1252, sniffHtmlCharset } from '../extract/decode-text.js';

/** The text of a feed or page; `{ error }` for binary data. */
export function bodyText(bytes: Uint8Array, contentType: string | null): { text: string } | { error: string } {
  const declared = headerCharset(contentType) ?? xmlCharset(bytes) ?? sniffHtmlCharset(bytes);
  try {
    return { text: decodeText(bytes, { declaredCharset: declared }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function headerCharset(contentType: string | null): string | null {
  return /charset\s*=\s*"?([\w:.-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** `<?xml version="1.0" encoding="…"?>` at the start of a feed. */
function xmlCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w:.-]+)/i.exec(head)?.[1] ?? null;
}

/** Whether a response is a web page by its content type (or, without one, by its first bytes). */
export function looksLikeWebPage(contentType: string | null, text: string): boolean {
  if (contentType) return /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
  return /^\s*(?:<!doctype html|<html\b)/i.test(text.slice(0, 1024));
}
