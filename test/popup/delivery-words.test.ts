/** A report's delivery in words on the reports page (13.8). */
import { expect, test } from 'vitest';
import { deliveryInWords, untilNextTry } from '../../popup/delivery-words.js';

const now = new Date('2026-05-04T12:00:00Z');

test.each([
  ['2026-05-04T12:00:30Z', 'in 1 minute'],
  ['2026-05-04T12:01:00Z', 'in 1 minute'],
  ['2026-05-04T12:02:10Z', 'in 3 minutes'],
  ['2026-05-04T11:59:00Z', 'any moment now'],
  ['not a date', 'any moment now'],
])('next try at %s → %s', (at, words) => expect(untilNextTry(at, now)).toBe(words));

test.each([
  ['signal timed out', 'Last try: the endpoint did not answer within 10 seconds.'],
  ['NetworkError when attempting to fetch resource.', /^Last try: could not reach the endpoint/],
  ['the endpoint answered 404 Not Found', 'Last try: the endpoint refused it (it answered 404 Not Found).'],
])('a stored failure %j reads as words', (lastError, words) => {
  const { reason } = deliveryInWords({ status: 'pending-retry', attempts: 1, lastError, sentAt: null }, null, now);
  if (typeof words === 'string') expect(reason).toBe(words);
  else expect(reason).toMatch(words);
});
