import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { millisOf, parseFeedInstant } from '../../src/follow/instant.js';

describe('feed dates', () => {
  test.each([
    ['Thu, 03 Dec 2026 08:30:00 GMT', '2026-12-03T08:30:00.000Z'],
    ['Wed, 02 Dec 2026 17:05:00 +0100', '2026-12-02T16:05:00.000Z'],
    ['Wed, 02 Dec 2026 12:00:00 EST', '2026-12-02T17:00:00.000Z'],
    ['2 Dec 26 12:00 PDT', '2026-12-02T19:00:00.000Z'],
    ['2026-12-02T18:15:00-05:00', '2026-12-02T23:15:00.000Z'],
    ['2026-12-02T18:15:00.250Z', '2026-12-02T18:15:00.250Z'],
    ['2026-12-02 18:15', '2026-12-02T18:15:00.000Z'],
    ['2026-12-02', '2026-12-02'],
  ])('%s → %s', (text, iso) => {
    expect(parseFeedInstant(text)).toBe(iso);
  });

  test.each(['', 'yesterday', '2026-02-30', '2026-13-01', 'Fri, 31 Foo 2026 10:00:00 GMT', '0001-01-01', '2026-12-02T25:00:00Z'])('%j is no date', (text) => {
    expect(parseFeedInstant(text)).toBeNull();
  });

  test('an instant written in RFC 822 and in RFC 3339 with any offset is the same instant', () => {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => Math.floor(ms / 1000) * 1000),
      fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
      (utc, offset) => {
        const local = new Date(utc + offset * 60_000);
        const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
        const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
        const rfc822 = `${days[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${time} ${zone}`;
        const rfc3339 = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${time}${zone.slice(0, 3)}:${zone.slice(3)}`;
        const expected = new Date(utc).toISOString();
        expect(parseFeedInstant(rfc822)).toBe(expected);
        expect(parseFeedInstant(rfc3339)).toBe(expected);
        expect(millisOf(expected)).toBe(utc);
      },
    ));
  });
});
