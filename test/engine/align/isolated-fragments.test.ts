import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dropIsolatedFragments } from '../../../src/engine/align/isolated-fragments.js';
import { wordSpans } from '../../../src/engine/align/prepared-text.js';
import type { Passage } from '../../../src/engine/types.js';

/** A page of `n` words "w0 w1 …" and a passage over words [from, to). */
function page(n: number): string {
  return Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
}
function passageOver(text: string, from: number, to: number): Passage {
  const words = wordSpans(text);
  return { page: [words.starts[from]!, words.ends[to - 1]!], source: [0, 1], similarity: 1, kind: 'verbatim' };
}

describe('dropIsolatedFragments', () => {
  const text = page(300);
  const words = wordSpans(text);

  test('an isolated short match is dropped, a sentence-long one kept', () => {
    const short = passageOver(text, 100, 110);
    const long = passageOver(text, 200, 225);
    expect(dropIsolatedFragments(words, [short, long], 12, 20)).toEqual([long]);
  });

  test('short passages close together form one stretch that counts', () => {
    // Two 8-word passages 5 words apart span 21 words: a sentence with an edit in it.
    const parts = [passageOver(text, 50, 58), passageOver(text, 63, 71)];
    expect(dropIsolatedFragments(words, parts, 12, 20)).toEqual(parts);
    // The same two, 60 words apart, are two unrelated fragments.
    expect(dropIsolatedFragments(words, [passageOver(text, 50, 58), passageOver(text, 118, 126)], 12, 20)).toEqual([]);
  });

  test('a short page copied whole is kept', () => {
    const tiny = page(10);
    const whole = passageOver(tiny, 0, 10);
    expect(dropIsolatedFragments(wordSpans(tiny), [whole], 12, 20)).toEqual([whole]);
  });

  test('never adds or changes a passage, and keeps every stretch of at least minWords', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 290 }), fc.integer({ min: 1, max: 30 })), { maxLength: 12 }),
      (spans) => {
        const ranges = spans.map(([from, length]) => [from, Math.min(300, from + length)] as const);
        const passages = ranges.map(([from, to]) => passageOver(text, from, to));
        const kept = dropIsolatedFragments(words, passages, 12, 20);
        for (const p of kept) expect(passages).toContainEqual(p);
        ranges.forEach(([from, to], i) => {
          if (to - from >= 12) expect(kept).toContainEqual(passages[i]);
        });
      },
    ), { numRuns: 300 });
  });
});
