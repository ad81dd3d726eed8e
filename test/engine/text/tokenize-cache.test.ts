import { describe, expect, test } from 'vitest';
import { TokenCache, type TokenInfo } from '../../../src/engine/text/tokenize-cache.js';

/** A describe function that records its calls; texts starting with "-" make no token. */
function recorder(): { describe: (text: string) => TokenInfo; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    describe: (text) => {
      calls.push(text);
      return text.startsWith('-') ? { term: '', flags: -1 } : { term: text.toLowerCase(), flags: text.length % 8 };
    },
  };
}

describe('TokenCache', () => {
  test('describes a text once and answers later lookups of the same span from the table', () => {
    const { describe: describeText, calls } = recorder();
    const cache = new TokenCache(describeText);
    const text = 'Alpha beta Alpha -gamma beta -gamma';
    const spans: [number, number][] = [[0, 5], [6, 10], [11, 16], [17, 23], [24, 28], [29, 35]];
    const results = spans.map(([s, e]) => (cache.find(text, s, e) ? [cache.term, cache.flags] : null));
    expect(results).toEqual([['alpha', 5], ['beta', 4], ['alpha', 5], null, ['beta', 4], null]);
    expect(calls).toEqual(['Alpha', 'beta', '-gamma']);
    expect(cache.size).toBe(3);
  });

  test('keeps answering right while it grows, rehashes and is emptied at its limit', () => {
    const { describe: describeText, calls } = recorder();
    const cache = new TokenCache(describeText, 5000);
    const words = Array.from({ length: 12_000 }, (_, i) => `W${i.toString(36)}`);
    const text = words.join(' ');
    for (let round = 0; round < 2; round++) {
      let at = 0;
      for (const word of words) {
        expect(cache.find(text, at, at + word.length)).toBe(true);
        expect(cache.term).toBe(word.toLowerCase());
        expect(cache.flags).toBe(word.length % 8);
        expect(cache.size).toBeLessThanOrEqual(5000);
        at += word.length + 1;
      }
    }
    // Every word was new again after each emptying, so each round described them all.
    expect(calls.length).toBe(2 * words.length);
  });

  test('does not keep texts longer than its key limit, and tells apart keys that differ only in length or one unit', () => {
    const { describe: describeText, calls } = recorder();
    const cache = new TokenCache(describeText);
    const long = 'b'.repeat(1000);
    for (let i = 0; i < 3; i++) expect(cache.find(long, 0, long.length) && cache.term).toBe(long);
    expect(calls.length).toBe(3);
    expect(cache.size).toBe(0);
    const text = 'ab abc abd ab';
    expect(cache.find(text, 0, 2) && cache.term).toBe('ab');
    expect(cache.find(text, 3, 6) && cache.term).toBe('abc');
    expect(cache.find(text, 7, 10) && cache.term).toBe('abd');
    expect(cache.find(text, 11, 13) && cache.term).toBe('ab');
    expect(calls.slice(3)).toEqual(['ab', 'abc', 'abd']);
  });
});
