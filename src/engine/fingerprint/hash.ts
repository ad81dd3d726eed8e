/**
 * Deterministic 32-bit hashing of terms and word k-grams. Fingerprints are
 * persisted in corpus files, so the function must never depend on the process
 * (unlike a salted runtime hash) and any change must bump HASH_VERSION: a
 * corpus built with another version refuses to load.
 */

/**
 * Version of the hash functions below. Format break log:
 * - 1: FNV-1a over UTF-16 code units, k-grams combined with FNV steps, murmur3 fmix32 finaliser.
 * - 2: sentence anchors hash the pair of their terms' hashes (hashPair) instead of the joined
 *   string, so a page's few thousand candidate pairs cost integer steps, not string building.
 * - 3: the text before hashing changed: Thai, Lao, Khmer and Myanmar are cut into dictionary
 *   words (they were cut at spaces only), terms keep the vowel signs of Indic and Southeast Asian
 *   scripts, and 。！？ end sentences (so sentence anchors differ).
 * - 4: a text written all in one case ends a sentence after a short line whatever the next line
 *   starts with, as text without capitals did (so its sentence anchors differ).
 */
export const HASH_VERSION = 4;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** murmur3's finaliser: spreads FNV's weak low bits so `hash % n` and sorting behave. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of one term; `seed` separates hash families that share one index. */
export function hashTerm(term: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/** Hash of an unordered pair of hashes: the same for (a, b) and (b, a). */
export function hashPair(a: number, b: number, seed = 0): number {
  const lo = a >>> 0 < b >>> 0 ? a : b;
  const hi = lo === a ? b : a;
  let h = (FNV_OFFSET ^ seed) >>> 0;
  h ^= lo;
  h = Math.imul(h, FNV_PRIME);
  h ^= hi;
  h = Math.imul(h, FNV_PRIME);
  return fmix32(h);
}

/** Hashes of every run of `k` consecutive terms; empty when there are fewer than k. */
export function hashKgrams(termHashes: Uint32Array, k: number): Uint32Array {
  const count = termHashes.length - k + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = FNV_OFFSET;
    for (let j = 0; j < k; j++) {
      h ^= termHashes[i + j]!;
      h = Math.imul(h, FNV_PRIME);
    }
    out[i] = fmix32(h);
  }
  return out;
}

/** Hashes of each term of a token stream. */
export function hashTerms(terms: readonly string[], seed = 0): Uint32Array {
  const out = new Uint32Array(terms.length);
  for (let i = 0; i < terms.length; i++) out[i] = hashTerm(terms[i]!, seed);
  return out;
}
