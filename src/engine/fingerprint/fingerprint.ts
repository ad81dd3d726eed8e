import { hashKgrams, hashTerm, hashTerms } from './hash.js';
import type { IndexParams } from './params.js';
import { SIGNATURE_SEED } from './params.js';
import { TokenFlag, type TokenStream } from '../text/tokenize.js';
import { winnow } from './winnow.js';

/** The k-gram fingerprints an article is indexed under: winnowed, distinct, ascending. */
export function articleFingerprints(tokens: TokenStream, params: IndexParams): Uint32Array {
  const kgrams = hashKgrams(hashTerms(tokens.terms), params.k);
  const picked = winnow(kgrams, params.windowSize);
  const out = new Uint32Array(picked.length);
  for (let i = 0; i < picked.length; i++) out[i] = kgrams[picked[i]!]!;
  return distinctSorted(out);
}

/** Every k-gram hash of a page, distinct and ascending: the page side is not winnowed (see winnow.ts). */
export function pageFingerprints(tokens: TokenStream, k: number): Uint32Array {
  return distinctSorted(hashKgrams(hashTerms(tokens.terms), k));
}

/** A term is signature material when it is content: not a function word, not a one- or two-letter scrap. */
export function isSignatureCandidate(term: string, flags: number): boolean {
  return (flags & TokenFlag.Stop) === 0 && term.length >= 3;
}

/** Hash of a term in the signature family. */
export function signatureHash(term: string): number {
  return hashTerm(term, SIGNATURE_SEED);
}

/** Distinct signature-candidate terms of a text with their counts. */
export function contentTermCounts(tokens: TokenStream): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.terms.length; i++) {
    const term = tokens.terms[i]!;
    if (isSignatureCandidate(term, tokens.flags[i]!)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let w = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i]!;
  return sorted.slice(0, w);
}
