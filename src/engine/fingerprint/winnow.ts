/**
 * Winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms for
 * document fingerprinting", SIGMOD 2003): from every window of `windowSize`
 * consecutive k-gram hashes keep the minimum (the rightmost one on ties).
 *
 * Guarantee: if two texts share a run of at least `windowSize + k - 1` terms,
 * that run holds a whole window, so both select at least one common
 * fingerprint. Firsthand selects on the corpus side only and looks up every
 * k-gram of the page, so any shared run of that length is found.
 */

/** Positions (indices into `hashes`) selected by winnowing, ascending, without repeats. */
export function winnow(hashes: Uint32Array, windowSize: number): Int32Array {
  const n = hashes.length;
  if (n === 0) return new Int32Array(0);
  if (n <= windowSize) return Int32Array.of(rightmostMinimum(hashes, 0, n));
  const selected: number[] = [];
  let min = -1;
  for (let end = windowSize; end <= n; end++) {
    const start = end - windowSize;
    if (min < start) {
      min = rightmostMinimum(hashes, start, end);
    } else if (hashes[end - 1]! <= hashes[min]!) {
      min = end - 1;
    }
    if (selected.length === 0 || selected[selected.length - 1] !== min) selected.push(min);
  }
  return Int32Array.from(selected);
}

function rightmostMinimum(hashes: Uint32Array, start: number, end: number): number {
  let best = start;
  for (let i = start + 1; i < end; i++) if (hashes[i]! <= hashes[best]!) best = i;
  return best;
}
