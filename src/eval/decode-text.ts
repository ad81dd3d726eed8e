/**
 * Bytes to text the way the datasets need it: UTF-8 when the bytes are valid UTF-8, otherwise
 * Windows-1252 (17 Clough & Stevenson answers were saved by Windows editors, e.g. ’ as 0x92).
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const CP1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: CP1252.decode(bytes), encoding: 'windows-1252' };
  }
}
