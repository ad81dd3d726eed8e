/**
 * The physical limit line: one fused pass over the characters that lower-cases
 * ASCII, splits on non-alphanumerics and FNV-1a-hashes every word, writing
 * hashes into a preallocated Uint32Array. No substrings, no regex. Any
 * tokenizer + hasher has to do at least this much work per character.
 */

/** Hashes of the words of `text` into `out` (grown if needed); returns the word count. */
export function fusedWordHashes(text: string, out: { buffer: Uint32Array }): number {
  let count = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  let buffer = out.buffer;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    // ASCII letters and digits, and letters beyond Latin-1 punctuation; General Punctuation (curly quotes, dashes) separates.
    const isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
    if (isWord) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      if (count === buffer.length) {
        const grown = new Uint32Array(buffer.length * 2 + 16);
        grown.set(buffer);
        out.buffer = buffer = grown;
      }
      buffer[count++] = h >>> 0;
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) {
    if (count === buffer.length) {
      const grown = new Uint32Array(buffer.length * 2 + 16);
      grown.set(buffer);
      out.buffer = buffer = grown;
    }
    buffer[count++] = h >>> 0;
  }
  return count;
}
