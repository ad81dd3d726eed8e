import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { winnow } from '../../../src/engine/fingerprint/winnow.js';

describe('winnow', () => {
  test('hand-worked: the rightmost minimum of each window, each position once', () => {
    const hashes = Uint32Array.from([77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98]);
    // windows of 4: [77 74 42 17]→17@3, …, [50 17 98 8]→8@8 …
    expect([...winnow(hashes, 4)]).toEqual([3, 6, 8, 11, 15]);
  });

  test('no fingerprints for an empty text; one for a text shorter than the window', () => {
    expect(winnow(new Uint32Array(0), 4).length).toBe(0);
    expect([...winnow(Uint32Array.from([5, 3, 9]), 4)]).toEqual([1]);
  });

  test('every window holds a selected position (the gap between selections is at most the window)', () => {
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (values, w) => {
      const picked = winnow(Uint32Array.from(values), w);
      const set = new Set(picked);
      for (let start = 0; start + w <= values.length; start++) {
        let found = false;
        for (let i = start; i < start + w; i++) if (set.has(i)) found = true;
        expect(found).toBe(true);
      }
    }));
  });

  test('guarantee: texts sharing a run of a full window select a common fingerprint', () => {
    fc.assert(fc.property(
      fc.array(fc.nat(2 ** 32 - 1), { minLength: 0, maxLength: 50 }),
      fc.array(fc.nat(2 ** 32 - 1), { minLength: 10, maxLength: 40 }),
      fc.array(fc.nat(2 ** 32 - 1), { minLength: 0, maxLength: 50 }),
      fc.integer({ min: 1, max: 10 }),
      (before, shared, after, w) => {
        const a = Uint32Array.from([...before, ...shared]);
        const b = Uint32Array.from([...shared, ...after]);
        const fa = new Set([...winnow(a, w)].map((i) => a[i]));
        const fb = new Set([...winnow(b, w)].map((i) => b[i]));
        expect([...fa].some((h) => fb.has(h))).toBe(true);
      },
    ));
  });
});
