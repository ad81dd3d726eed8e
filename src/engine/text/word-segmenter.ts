/**
 * Word boundaries inside a run of Thai, Lao, Khmer or Myanmar, which are written
 * without spaces between words. ICU's dictionary break iterator, behind
 * `Intl.Segmenter`, finds them; it is part of ECMAScript's Intl API, so Node,
 * Chromium and Firefox all have it, and the corpus built in Node cuts its
 * articles where the extension cuts the page.
 *
 * Where a runtime lacks it, a run stays one token, cut only at spaces (the
 * tokenizer's behaviour before it used this); `hasWordSegmenter` says which.
 */

type Segmenter = { segment(input: string): Iterable<{ segment: string; index: number }> };

let segmenter: Segmenter | null | undefined;

/** Built on first use: its construction loads ICU's break rules, which most texts never need. */
function wordSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (globalThis.Intl as { Segmenter?: typeof Intl.Segmenter } | undefined)?.Segmenter;
    // No locale: ICU picks the dictionary from the script of the characters, whatever the locale.
    segmenter = Ctor ? new Ctor(undefined, { granularity: 'word' }) : null;
  }
  return segmenter;
}

export function hasWordSegmenter(): boolean {
  return wordSegmenter() !== null;
}

/**
 * Calls `onWord(start, end)` for each word of `text.slice(start, end)`, a run
 * of letters and marks of the segmented scripts, with offsets into `text`.
 * Every character of the run lands in exactly one word.
 */
export function forEachWord(text: string, start: number, end: number, onWord: (start: number, end: number) => void): void {
  const words = wordSegmenter();
  if (words === null) {
    onWord(start, end);
    return;
  }
  for (const piece of words.segment(text.slice(start, end))) {
    const from = start + piece.index;
    onWord(from, from + piece.segment.length);
  }
}
