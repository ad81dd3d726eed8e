import { describe, expect, it } from 'vitest';
import { shareOfWordsIn, wordSpansOf } from '../../src/eval/span-overlap.js';

describe('shareOfWordsIn', () => {
  const text = 'One two  three\nfour (five)';
  const words = wordSpansOf(text);

  it('finds the whitespace-separated words', () => {
    expect(words.map(([s, e]) => text.slice(s, e))).toEqual(['One', 'two', 'three', 'four', '(five)']);
  });

  it('counts a word once when any span overlaps it, as the engine counts coverage', () => {
    const five = text.indexOf('five');
    expect(shareOfWordsIn(words, [[0, 3], [five, five + 4]])).toBeCloseTo(2 / 5);
    expect(shareOfWordsIn(words, [[0, 3], [1, 2]])).toBeCloseTo(1 / 5);
    expect(shareOfWordsIn(words, [[3, 4]])).toBe(0); // the space between two words
    expect(shareOfWordsIn([], [[0, 9]])).toBe(0);
  });
});
