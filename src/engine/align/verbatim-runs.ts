/**
 * Maximal runs of identical terms shared by two texts, found by seeding on
 * shared term trigrams and extending both ways. Order-independent: a copied
 * paragraph is found wherever it was moved to.
 */

/** `length` terms from page token `page` equal `length` terms from source token `source`. */
export interface VerbatimRun {
  readonly page: number;
  readonly source: number;
  readonly length: number;
}

const SEED = 3;
/** A trigram repeated more often than this in one source is a refrain, not a seed worth extending from. */
const MAX_SEED_REPEATS = 32;
/**
 * Terms compared while extending seeds, at most, per term of the two texts. Each run is extended
 * once from its left end, but a run that starts where either text starts has no left neighbour to
 * tell it apart: a page of one repeated phrase against a source of the same phrase starts one at
 * every repeat, each as long as the texts, which made the work quadratic (50,000 words: 1.6 s).
 * Real texts stay far below the bound; past it, the remaining seeds are not extended.
 */
export const MAX_EXTENSION_PER_TERM = 32;

/** Largest id count whose trigrams pack exactly into one double (3 × 17 bits < 53). */
const PACKED_IDS = 1 << 17;

/**
 * A trigram's key. Numbers when the ids pack exactly: building a string per page
 * position, for every source, was a large share of a long page's check.
 */
function trigramKeys(ids: Int32Array, idCount: number): (i: number) => number | string {
  if (idCount <= PACKED_IDS) return (i) => (ids[i]! * PACKED_IDS + ids[i + 1]!) * PACKED_IDS + ids[i + 2]!;
  return (i) => `${ids[i]},${ids[i + 1]},${ids[i + 2]}`;
}

/**
 * Runs of at least `minLength` terms, non-overlapping on the page side,
 * longest kept first, returned in page order. Terms are given as ids from one
 * numbering (equal ids = equal terms).
 */
export function findVerbatimRuns(pageTerms: Int32Array, sourceTerms: Int32Array, minLength: number): VerbatimRun[] {
  let idCount = 0;
  for (const id of pageTerms) if (id >= idCount) idCount = id + 1;
  for (const id of sourceTerms) if (id >= idCount) idCount = id + 1;
  const pageKey = trigramKeys(pageTerms, idCount);
  const sourceKey = trigramKeys(sourceTerms, idCount);
  const seeds = new Map<number | string, number[]>();
  for (let j = 0; j + SEED <= sourceTerms.length; j++) {
    const key = sourceKey(j);
    const at = seeds.get(key);
    if (!at) seeds.set(key, [j]);
    else if (at.length < MAX_SEED_REPEATS) at.push(j);
  }
  const runs: VerbatimRun[] = [];
  let budget = MAX_EXTENSION_PER_TERM * (pageTerms.length + sourceTerms.length);
  seeding: for (let i = 0; i + SEED <= pageTerms.length; i++) {
    const at = seeds.get(pageKey(i));
    if (!at) continue;
    for (const j of at) {
      // Only start at the left end of a maximal run, so each run is extended once.
      if (i > 0 && j > 0 && pageTerms[i - 1] === sourceTerms[j - 1]) continue;
      let length = SEED;
      while (i + length < pageTerms.length && j + length < sourceTerms.length && pageTerms[i + length] === sourceTerms[j + length]) length++;
      if (length >= minLength) runs.push({ page: i, source: j, length });
      budget -= length;
      if (budget < 0) break seeding;
    }
  }
  runs.sort((a, b) => b.length - a.length || a.page - b.page);
  const taken = new Uint8Array(pageTerms.length);
  const kept: VerbatimRun[] = [];
  for (const run of runs) {
    // Trim a run to the part of the page not yet claimed by a longer one.
    let start = run.page;
    let end = run.page + run.length;
    while (start < end && taken[start]) start++;
    while (end > start && taken[end - 1]) end--;
    if (end - start < minLength) continue;
    let clear = true;
    for (let t = start; t < end; t++) if (taken[t]) { clear = false; break; }
    if (!clear) continue;
    taken.fill(1, start, end);
    kept.push({ page: start, source: run.source + (start - run.page), length: end - start });
  }
  return kept.sort((a, b) => a.page - b.page);
}
