/**
 * Every engine stage is linear in its input, also on hostile pages (issue 15):
 * runs of sentence marks, of line breaks, of dotted initials, of opening
 * quotes. Each input here took time quadratic in its length before its fix
 * (80,000 dots: 25 s to segment), and each test measures growth, not speed.
 */
import { describe, expect, test } from 'vitest';
import { findVerbatimRuns } from '../../src/engine/align/verbatim-runs.js';
import { findQuotedSpans, segmentSentences } from '../../src/engine/text/segment.js';
import { tokenize } from '../../src/engine/text/tokenize.js';
import { creditsIn } from '../../src/engine/verdict/credits.js';
import { growthRatio, LINEAR_AT_8X } from '../helpers/growth.js';

const segment = (text: string) => segmentSentences(tokenize(text));

describe('linear time on hostile input', () => {
  test('segmentation, on a run of full stops', () => {
    expect(growthRatio(segment, (n) => 'Dots' + '.'.repeat(n) + 'x', 4000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('segmentation, on a run of mixed sentence marks and closing quotes before a space', () => {
    expect(growthRatio(segment, (n) => 'Wait' + '?!.”)'.repeat(n / 5) + ' .x', 4000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('segmentation, on a run of full-width marks at the end', () => {
    expect(growthRatio(segment, (n) => '中文' + '。'.repeat(n), 4000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('segmentation, on a run of line breaks', () => {
    expect(growthRatio(segment, (n) => 'A line\n' + '\n'.repeat(n) + 'x', 2000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('tokenizer, on dotted initials followed by a letter', () => {
    expect(growthRatio(tokenize, (n) => 'U.S.'.repeat(n / 4) + 'x1', 2000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('verbatim runs, between a page and a source that both repeat one phrase', () => {
    // term ids of 'the council said on tuesday', repeated
    const phrase = (words: number) => Int32Array.from({ length: words }, (_, i) => i % 5);
    const runs = (terms: Int32Array) => findVerbatimRuns(terms, terms, 5);
    expect(growthRatio(runs, phrase, 2000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('quoted speech, on a run of opening quotes never closed', () => {
    expect(growthRatio(findQuotedSpans, (n) => '“'.repeat(n) + ' w'.repeat(101), 2000)).toBeLessThan(LINEAR_AT_8X);
  });

  test('credit lines, on a run of blank lines (a scraper mark looked for line by line)', () => {
    expect(growthRatio(creditsIn, (n) => 'A line\n' + '\n'.repeat(n) + 'x', 4000)).toBeLessThan(LINEAR_AT_8X);
  });
});
