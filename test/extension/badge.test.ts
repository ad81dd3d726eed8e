import { describe, expect, test } from 'vitest';
import { BADGE_COLORS, badgeFor, percent } from '../../src/extension/badge.js';

describe('badge per status', () => {
  test.each([
    ['copy', 0.97, '97%'],
    ['copy', 1, '100%'],
    ['partial', 0.234, '23%'],
    ['partial', 0.001, '1%'], // a partial never reads 0%
    ['partial', 0.999, '99%'], // nor 100%
    ['same-text', 0, 'SAME'],
    ['original', 0, 'ORIG'],
    ['no-match', 0, ''],
  ] as const)('%s at %s → "%s"', (status, overlap, text) => {
    expect(badgeFor(status, overlap)).toEqual({ text, color: BADGE_COLORS[status] });
  });

  test('each status has its own colour', () => {
    expect(new Set(Object.values(BADGE_COLORS)).size).toBe(5);
  });

  test('badge text fits the four characters a toolbar shows', () => {
    for (let i = 0; i <= 1000; i++) expect(badgeFor('copy', i / 1000).text.length).toBeLessThanOrEqual(4);
  });
});

test.each([
  [Number.NaN, 0],
  [-0.2, 0],
  [0, 0],
  [0.004, 1],
  [0.5, 50],
  [0.996, 99],
  [1.3, 100],
])('percent(%s) = %s', (share, expected) => {
  expect(percent(share)).toBe(expected);
});
