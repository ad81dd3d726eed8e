/**
 * findVerbatimRuns keys trigrams by packed numbers while the ids fit, by strings past that:
 * the two must find the same runs.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { findVerbatimRuns } from '../../../src/engine/align/verbatim-runs.js';

const terms = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 80 });
const FAR = 300_000;

test('packed and string trigram keys give the same runs', () => {
  fc.assert(
    fc.property(terms, terms, fc.integer({ min: 3, max: 6 }), (page, source, minLength) => {
      const small = findVerbatimRuns(Int32Array.from(page), Int32Array.from(source), minLength);
      const large = findVerbatimRuns(Int32Array.from(page, (id) => id + FAR), Int32Array.from(source, (id) => id + FAR), minLength);
      expect(large).toEqual(small);
      for (const run of small) {
        expect(page.slice(run.page, run.page + run.length)).toEqual(source.slice(run.source, run.source + run.length));
      }
    }),
    { numRuns: 300 },
  );
});
