/**
 * wordSpans scans characters instead of matching /\S+/g (a match object per word was a
 * tenth of a long page's check); for text without unspaced scripts the words must be
 * exactly the regex's, whatever whitespace separates them.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { wordSpans } from '../../../src/engine/align/prepared-text.js';

/** Every character JavaScript's \s matches, plus look-alikes it does not (zero-width space, NEL). */
const SPACES = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u0085', '\u180e'];
const text = fc.array(fc.oneof(fc.constantFrom(...SPACES), fc.constantFrom('a', 'Z', '9', '.', '’', 'é', '—', '😀')), { maxLength: 60 }).map((chars) => chars.join(''));

test('words are the runs of non-whitespace, as /\\S+/g finds them', () => {
  fc.assert(
    fc.property(text, (s) => {
      const spans = wordSpans(s);
      const expected = [...s.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
      expect([...spans.starts].map((start, i) => [start, spans.ends[i]])).toEqual(expected);
    }),
    { numRuns: 500 },
  );
});
