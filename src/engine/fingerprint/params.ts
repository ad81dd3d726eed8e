/**
 * Parameters of a corpus index. They are stored in the corpus file, and a page
 * is always fingerprinted with the parameters of the corpus it is checked
 * against, so indexes built with other settings stay usable.
 */
export interface IndexParams {
  /** Words per fingerprinted k-gram. 5 keeps single stock phrases ("the White House said") from matching. */
  readonly k: number;
  /**
   * Winnowing window. Any shared run of `k + windowSize - 1` words (28 at the
   * default) is guaranteed to be found (see winnow.ts). 24 keeps ~2/25 of
   * k-grams, ~60 fingerprints for a 750-word article; shorter copied runs are
   * found through the sentence anchors. Going from 16 to 24 (and from two
   * anchor pairs per sentence to one) changed no result on the seeds, PAN13,
   * PAN25 or Clough, and brought the index to ~530 bytes an article.
   */
  readonly windowSize: number;
  /**
   * Distinctive terms (highest tf·idf) indexed per article, so a rewrite that
   * shares no k-gram with its source can still be retrieved by its names,
   * numbers and rare words.
   */
  readonly signatureTerms: number;
  /**
   * Anchor pairs indexed per sentence (see anchors.ts): what retrieves a
   * rewrite whose five-word runs were all broken. One (the sentence's best
   * anchor word with its second best) was enough on every evaluation set.
   */
  readonly anchorPairs: number;
  /**
   * Fingerprints found in more articles than this are dropped as boilerplate
   * (navigation, cookie notices, agency credits): they say nothing about origin.
   */
  readonly maxDocFrequency: number;
}

export const DEFAULT_INDEX_PARAMS: IndexParams = {
  k: 5,
  windowSize: 24,
  signatureTerms: 12,
  anchorPairs: 1,
  maxDocFrequency: 64,
};

/** Seed of the hash family for signature terms, so they never collide systematically with k-gram hashes. */
export const SIGNATURE_SEED = 0x5a17;
