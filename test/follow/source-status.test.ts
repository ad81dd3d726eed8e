import { describe, expect, test } from 'vitest';
import { afterFailure, afterSuccess, backoffMs, FIRST_BACKOFF_MS, isDue, MAX_BACKOFF_MS, NEW_SOURCE_STATUS } from '../../src/follow/source-status.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('backoff', () => {
  test('15 minutes, doubling with each failure in a row, at most a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(backoffMs)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440].map((m) => m * 60_000));
    expect(backoffMs(1)).toBe(FIRST_BACKOFF_MS);
    expect(backoffMs(1000)).toBe(MAX_BACKOFF_MS);
  });

  test('a longer Retry-After wins; a shorter one does not shorten the backoff', () => {
    expect(Date.parse(afterFailure(NEW_SOURCE_STATUS, 'busy', NOW, 3 * 3_600_000).nextTryAt!)).toBe(NOW + 3 * 3_600_000);
    expect(Date.parse(afterFailure(NEW_SOURCE_STATUS, 'busy', NOW, 1000).nextTryAt!)).toBe(NOW + FIRST_BACKOFF_MS);
  });

  test('a success clears the error and the wait, and keeps the count of articles added', () => {
    const failing = afterFailure(afterFailure({ ...NEW_SOURCE_STATUS, articlesAdded: 7 }, 'down', NOW), 'down', NOW);
    expect(isDue(failing, NOW + FIRST_BACKOFF_MS)).toBe(false);
    expect(isDue(failing, NOW + 2 * FIRST_BACKOFF_MS)).toBe(true);
    expect(afterSuccess(failing, NOW)).toEqual({ lastFetched: new Date(NOW).toISOString(), articlesAdded: 7, lastError: null, failures: 0, nextTryAt: null });
  });
});
