import { describe, expect, test } from 'vitest';
import { anchorHash } from '../../../src/engine/fingerprint/anchors.js';
import { HASH_VERSION, hashKgrams, hashPair, hashTerm, hashTerms } from '../../../src/engine/fingerprint/hash.js';
import { tokenize } from '../../../src/engine/text/tokenize.js';

/**
 * Corpus files store these hashes, of the terms the tokenizer cuts. If this test
 * fails, the hash or the terms changed: bump HASH_VERSION (old corpus files must
 * then be rebuilt) and update the pins.
 */
describe('hash outputs are pinned for HASH_VERSION 4', () => {
  test('version', () => {
    expect(HASH_VERSION).toBe(4);
  });

  test('the terms a text in each kind of script is hashed as', () => {
    const texts = ['Zürich’s U.S.-based banks', 'Москва и Киев', 'नमस्ते दुनिया', 'عَرَبِيّ', '中国日报', 'ラーメン', 'ภาษาไทยง่ายมาก', 'ພາສາລາວ', 'ខ្ញុំចូលចិត្ត', 'မြန်မာနိုင်ငံ'];
    expect(texts.map((t) => tokenize(t).terms.join(' '))).toMatchInlineSnapshot(`
      [
        "zurich us bas bank",
        "москва и киев",
        "नमस्ते दुनिया",
        "عربي",
        "中 国 日 报",
        "ラ ー メ ン",
        "ภาษา ไทย ง่าย มาก",
        "ພາສາ ລາວ",
        "ខ្ញុំ ចូលចិត្ត",
        "မြန်မာနိုင်ငံ",
      ]
    `);
  });

  test('terms', () => {
    expect(['', 'a', 'biden', 'zelenskyy', 'привет'].map((t) => hashTerm(t))).toMatchInlineSnapshot(`
      [
        2872998923,
        444641715,
        2505914377,
        990166409,
        304758888,
      ]
    `);
  });

  test('k-grams', () => {
    expect([...hashKgrams(hashTerms(['us', 'president', 'joe', 'biden', 'has', 'spoken']), 5)]).toMatchInlineSnapshot(`
      [
        3256424146,
        2315295564,
      ]
    `);
  });

  test('sentence anchors: an unordered pair of terms', () => {
    expect(anchorHash('94000', 'russian')).toBe(3902142008);
    expect(anchorHash('russian', '94000')).toBe(3902142008);
    expect(hashPair(0xffffffff, 1)).toBe(1196433029);
    expect(hashPair(1, 2)).toBe(hashPair(2, 1));
    expect(hashPair(1, 2)).not.toBe(hashPair(1, 3));
  });

  test('a seed separates hash families', () => {
    expect(hashTerm('biden', 1)).not.toBe(hashTerm('biden'));
  });

  test('prefix does not matter to a k-gram', () => {
    const a = hashKgrams(hashTerms(['x', 'a', 'b', 'c']), 3);
    const b = hashKgrams(hashTerms(['y', 'z', 'a', 'b', 'c']), 3);
    expect(a.at(-1)).toBe(b.at(-1));
  });
});
