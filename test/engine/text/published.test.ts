import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { comparePublished, publicationTime } from '../../../src/engine/text/published.js';
import { decideStatus, relationOf } from '../../../src/engine/verdict/verdict.js';

describe('publicationTime keeps an instant where one is stated, a date otherwise', () => {
  test.each([
    ['2021-12-09T10:15:00Z', '2021-12-09T10:15:00Z'],
    ['2021-12-09T10:15:00.123+01:00', '2021-12-09T09:15:00Z'],
    ['2021-12-09T23:30:00-0500', '2021-12-10T04:30:00Z'],
    ['2021-12-09 10:15+02', '2021-12-09T08:15:00Z'],
    ['Thu, 09 Dec 2021 10:15:00 GMT', '2021-12-09T10:15:00Z'],
    // a date-time without a zone names no moment: its date is what the publisher said
    ['2021-12-09T10:15:00', '2021-12-09'],
    ['2021-12-09', '2021-12-09'],
    ['20211209', '2021-12-09'],
    ['  2021-12-09  ', '2021-12-09'],
  ])('%s → %s', (raw, expected) => expect(publicationTime(raw)).toBe(expected));

  test.each(['', 'yesterday', '2021-02-30', '2021-13-01T10:00:00Z', '1066-10-14', null, undefined])('%s is no publication', (raw) => {
    expect(publicationTime(raw)).toBeNull();
  });
});

describe('which came first', () => {
  test('two instants compare, even on one day', () => {
    expect(comparePublished('2021-12-09T08:00:00Z', '2021-12-09T09:30:00Z')).toBe(-1);
    expect(relationOf('2021-12-09T09:30:00Z', '2021-12-09T08:00:00Z')).toBe('source');
    expect(relationOf('2021-12-09T08:00:00Z', '2021-12-09T09:30:00Z')).toBe('copy');
    expect(relationOf('2021-12-09T08:00:00Z', '2021-12-09T08:00:00Z')).toBe('unknown-order');
  });

  test('dates on different days compare; equal dates are an unknown order', () => {
    expect(relationOf('2021-12-09', '2021-12-08')).toBe('source');
    expect(relationOf('2021-12-08', '2021-12-09')).toBe('copy');
    expect(relationOf('2021-12-09', '2021-12-09')).toBe('unknown-order');
  });

  test('a date beside an instant of that day anywhere on Earth is an unknown order', () => {
    expect(relationOf('2021-12-09', '2021-12-09T23:00:00Z')).toBe('unknown-order');
    // 11:00 UTC on the 10th is still the 9th at UTC−12
    expect(relationOf('2021-12-09', '2021-12-10T11:00:00Z')).toBe('unknown-order');
    expect(relationOf('2021-12-09', '2021-12-10T13:00:00Z')).toBe('copy');
    expect(relationOf('2021-12-09', '2021-12-08T09:00:00Z')).toBe('source');
  });

  test('two undated texts are an unknown order; a dated text is earlier than an undated one', () => {
    expect(relationOf(null, null)).toBe('unknown-order');
    expect(relationOf(null, '2021-12-09')).toBe('source');
    expect(relationOf('2021-12-09T08:00:00Z', null)).toBe('copy');
  });

  const publication = fc.oneof(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 19)}Z`),
  );
  test('the order is antisymmetric: swapping the two texts swaps the answer', () => {
    fc.assert(fc.property(publication, publication, (a, b) => comparePublished(a, b) === -comparePublished(b, a)));
  });
  test('an instant on a date’s own UTC day is never ordered against it', () => {
    fc.assert(fc.property(publication, (p) => comparePublished(p.slice(0, 10), `${p.slice(0, 10)}T12:00:00Z`) === 0));
  });
});

describe('the earliest of several earlier articles', () => {
  test('of a date and an instant of its day, neither is earlier: the one covering more of the page is the likely original', () => {
    const earlier = (id: string, published: string, coverage: number) => ({ id, relation: 'source' as const, coverage, published, liftedWords: 100, verbatimWords: 100, wireCredit: false });
    const decided = decideStatus([earlier('date-only', '2019-11-19', 0.53), earlier('instant', '2019-11-19T05:04:02Z', 1)], 1, null);
    expect(decided.likelyOriginal).toBe('instant');
    expect(decideStatus([earlier('older', '2019-11-17', 0.53), earlier('instant', '2019-11-19T05:04:02Z', 1)], 1, null).likelyOriginal).toBe('older');
  });
});
