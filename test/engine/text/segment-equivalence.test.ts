/**
 * Sentence segmentation and quoted speech were made linear on runs of marks
 * and line breaks (issue 15): they must still cut every text exactly as the
 * version before, kept verbatim in segment-reference.ts, on generated strings
 * that crowd their edge cases together.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findQuotedSpans, segmentSentences } from '../../../src/engine/text/segment.js';
import { tokenize } from '../../../src/engine/text/tokenize.js';
import * as reference from './segment-reference.js';

const pieces = fc.constantFrom(
  'a', 'Bc', 'word', ' ', '  ', '\n', '\n\n', ' \n ', '\t', '\u00a0', '.', '..', '!', '?', '…', '"', ' "', '" ', '“', '”', '„', '«', '»',
  ')', '(', '’', '。', '！', '」', '「', 'Mr.', 'U.S.', 'e.g.', 'J. Smith', 'PLAN A. THE', '1', '2.5', 'the talks went on ',
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ',
);
const texts = fc.array(pieces, { maxLength: 400 }).map((parts) => parts.join(''));
/** An opening mark, about MAX_UNCLOSED_QUOTE_WORDS words, then maybe a closing mark or a line break: the limit's edge. */
const longQuotes = fc.array(
  fc.tuple(fc.constantFrom('“', '„', '«', ' "', '“““'), fc.integer({ min: 95, max: 105 }), fc.constantFrom('', '”', '“', '»', '"', '\n', ' \n', '\n\n'), fc.constantFrom(' ', '  ', '.')),
  { minLength: 1, maxLength: 4 },
).map((quotes) => quotes.map(([open, words, close, gap]) => open + 'w '.repeat(words).trimEnd() + close + gap).join(''));

describe('segmentation matches the version before it was made linear', () => {
  test('sentences', () => {
    fc.assert(fc.property(texts, (text) => {
      const tokens = tokenize(text);
      expect(segmentSentences(tokens)).toEqual(reference.segmentSentences(tokens));
    }), { numRuns: 3000 });
  });

  test('quoted spans', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(findQuotedSpans(text)).toEqual(reference.findQuotedSpans(text));
    }), { numRuns: 3000 });
    fc.assert(fc.property(longQuotes, (text) => {
      expect(findQuotedSpans(text)).toEqual(reference.findQuotedSpans(text));
    }), { numRuns: 1000 });
  });
});
