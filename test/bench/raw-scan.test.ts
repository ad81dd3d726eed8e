import { describe, expect, it } from 'vitest';
import { fusedWordHashes } from '../../src/bench/raw-scan.js';
import { fnv1a, naiveWords } from '../../src/bench/runner.js';
import { loadVocabulary } from '../../src/bench/vocabulary.js';
import { NewsGenerator } from '../../src/bench/news-generator.js';

describe('fused charCode scan (the limit line)', () => {
  it('does the full work: one FNV-1a hash per lower-cased word, as a split + hash would', () => {
    const text = new NewsGenerator(loadVocabulary(), 1).corpusArticle(0).text;
    const sink = { buffer: new Uint32Array(4) };
    const n = fusedWordHashes(text, sink);
    const words = naiveWords(text);
    expect(n).toBe(words.length);
    expect(Array.from(sink.buffer.subarray(0, n))).toEqual(words.map(fnv1a));
  });

  it('hashes a word the same whatever its case and finds a word at the very end', () => {
    const sink = { buffer: new Uint32Array(1) };
    expect(fusedWordHashes('Kyiv, KYIV kyiv', sink)).toBe(3);
    const [a, b, c] = sink.buffer;
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(fusedWordHashes('  ', sink)).toBe(0);
  });
});
