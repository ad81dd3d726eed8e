/**
 * Bytes to text the way the datasets need it: UTF-8 when the bytes are valid UTF-8, otherwise
 * Windows-1252 (17 Clough & Stevenson answers were saved by Windows editors, e.g. ’ as 0x92).
 * Node's own TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls, so the code page comes
 * from the extraction module, which maps them as browsers do.
 */
import { decodeWindows1252 } from '../extract/decode-text.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** C1 controls never occur in real text; in valid UTF-8 they are Windows-1252 bytes converted as Latin-1. */
const C1 = /[\u0080-\u009F]/g;

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    // g2pA_taske is such a file: “Greedy” arrives as U+0091 … U+0092
    const text = UTF8.decode(bytes).replace(C1, (c) => decodeWindows1252(new Uint8Array([c.charCodeAt(0)])));
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
