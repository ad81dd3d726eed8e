/**
 * Parameters of a corpus index. They are stored in the corpus file, and a page
 * is always fingerprinted with the parameters of the corpus it is checked
 * against, so indexes built with other settings stay usable.
 */
export interface IndexParams {
  /** Words per fingerprinted k-gram. 5 keeps single stock phrases ("the White House said") from matching. */
  readonly k: number;
  /**
   * Winnowing window. Any shared run of `k + windowSize - 1` words is
   * guaranteed to be found (see winnow.ts). 16 keeps ~2/17 of k-grams,
   * ~90 fingerprints for a 750-word article: the measured sweet spot between
   * index size and recall on spun copies (shared/docs/perf-anchors.md).
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
   * rewrite whose five-word runs were all broken.
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
  windowSize: 16,
  signatureTerms: 12,
  anchorPairs: 2,
  maxDocFrequency: 64,
};

/** Seed of the hash family for signature terms, so they never collide systematically with k-gram hashes. */
export const SIGNATURE_SEED = 0x5a17;
