import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decideStatus, type RankedSource } from '../../../src/engine/verdict/verdict.js';

/** An earlier source covering `coverage` of a page; ids are chosen so that id order is the wrong answer. */
const source = (id: string, over: Partial<RankedSource> = {}): RankedSource => ({
  id, relation: 'source', coverage: 0.3, published: '2018-07-15T10:00:00Z', liftedWords: 40, verbatimWords: 40, wireCredit: false, ...over,
});

describe('between sources covering the page equally, the likely original is chosen by evidence, never by id (issue 18)', () => {
  test('the earliest wins a partial', () => {
    const later = source('a-later', { published: '2018-07-15T12:00:00Z' });
    const earlier = source('b-earlier', { published: '2018-07-15T06:00:00Z' });
    expect(decideStatus([later, earlier], 0.3, null)).toMatchObject({ status: 'partial', likelyOriginal: 'b-earlier' });
  });

  test('at the same time, the one with more verbatim text wins a copy', () => {
    const paraphrased = source('a-paraphrased', { coverage: 0.8, verbatimWords: 120 });
    const verbatim = source('b-verbatim', { coverage: 0.8, verbatimWords: 380 });
    expect(decideStatus([paraphrased, verbatim], 0.8, null)).toMatchObject({ status: 'copy', likelyOriginal: 'b-verbatim' });
  });

  test('at the same time and with as much verbatim text, a wire-credited carrier wins', () => {
    const uncredited = source('a-uncredited', { coverage: 0.9 });
    const credited = source('b-credited', { coverage: 0.9, wireCredit: true });
    expect(decideStatus([uncredited, credited], 0.9, null).likelyOriginal).toBe('b-credited');
  });

  test('the answer does not depend on the order the sources come in', () => {
    const arbitrarySource = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      coverage: fc.constantFrom(0.1, 0.3, 0.6, 0.9),
      published: fc.constantFrom('2018-07-15T06:00:00Z', '2018-07-15T09:00:00Z', null),
      verbatimWords: fc.constantFrom(10, 50, 200),
      wireCredit: fc.boolean(),
    }).map((s) => source(s.id, s));
    fc.assert(fc.property(fc.uniqueArray(arbitrarySource, { selector: (s) => s.id, minLength: 1, maxLength: 6 }), (sources) => {
      // sources that no evidence tells apart may come out either way; make every pair distinguishable
      const distinct = new Set(sources.map((s) => `${s.coverage}|${s.published}|${s.verbatimWords}|${s.wireCredit}`)).size === sources.length;
      fc.pre(distinct);
      const forward = decideStatus(sources, 0.4, null).likelyOriginal;
      expect(decideStatus([...sources].reverse(), 0.4, null).likelyOriginal).toBe(forward);
    }));
  });
});
