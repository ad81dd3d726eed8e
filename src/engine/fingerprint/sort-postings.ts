/**
 * Sorts postings by hash with a stable LSD radix sort (four 8-bit passes).
 * Stability keeps each hash's article numbers in insertion order, which is
 * ascending because articles are indexed in order. Linear time: a 100k-article
 * corpus has ~10M postings, where a comparison sort of pairs would dominate the build.
 */
export function sortPostings(hashes: Uint32Array, docs: Uint32Array): { hashes: Uint32Array; docs: Uint32Array } {
  const n = hashes.length;
  let keyIn = hashes.slice();
  let valIn = docs.slice();
  let keyOut = new Uint32Array(n);
  let valOut = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keyIn[i]! >>> shift) & 0xff]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keyIn[i]!;
      const at = counts[(key >>> shift) & 0xff]!++;
      keyOut[at] = key;
      valOut[at] = valIn[i]!;
    }
    [keyIn, keyOut] = [keyOut, keyIn];
    [valIn, valOut] = [valOut, valIn];
  }
  return { hashes: keyIn, docs: valIn };
}
