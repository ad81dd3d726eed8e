import { wordAt, type WordSpans } from './prepared-text.js';
import type { Passage } from '../types.js';

/**
 * Drops stretches of passages too short to be evidence of reuse on their own.
 * Web pages share navigation lines, citation formats and stock phrases ("you
 * may be able to") with pages they never took from; real reuse is a sentence
 * or more. Passages within `gapWords` of each other form one stretch, and a
 * stretch is kept when it spans at least `minWords` words, or half of a short
 * page (a page copied whole is reuse however short).
 */
export function dropIsolatedFragments(
  words: WordSpans, passages: readonly Passage[], minWords: number, gapWords: number,
): Passage[] {
  if (passages.length === 0) return [];
  const ordered = [...passages].sort((a, b) => a.page[0] - b.page[0]);
  const needed = Math.min(minWords, Math.ceil(words.starts.length / 2));
  const kept: Passage[] = [];
  let stretch: Passage[] = [];
  let first = 0;
  let last = -1;
  const close = (): void => {
    if (stretch.length > 0 && last - first + 1 >= needed) kept.push(...stretch);
  };
  for (const passage of ordered) {
    const from = wordAt(words, passage.page[0]);
    const to = Math.max(from, wordAt(words, passage.page[1] - 1));
    if (stretch.length > 0 && from - last - 1 <= gapWords) {
      stretch.push(passage);
      last = Math.max(last, to);
    } else {
      close();
      stretch = [passage];
      first = from;
      last = to;
    }
  }
  close();
  return kept;
}
