import type { Corpus } from './corpus.js';
import { pageAnchors } from './anchors.js';
import { contentTermCounts, distinctSorted, pageFingerprints, signatureHash } from './fingerprint.js';
import type { Sentence } from './segment.js';
import type { TokenStream } from './tokenize.js';

/** A corpus article worth aligning against the page, with the retrieval evidence for it. */
export interface Candidate {
  readonly corpus: Corpus;
  readonly doc: number;
  /** Page k-grams that are fingerprints of the article. */
  readonly sharedFingerprints: number;
  /** The article's distinctive terms that occur on the page. */
  readonly sharedSignatureTerms: number;
  /** The article's sentence anchors found within page sentences. */
  readonly sharedAnchors: number;
}

/** Alignment costs a few milliseconds a candidate; retrieval ranks well enough that more rarely help. */
export const MAX_CANDIDATES = 12;
/**
 * A long page can draw on more sources than a short one: one more candidate
 * per CANDIDATE_WORDS words beyond the first 1,200, up to MAX_CANDIDATES_LONG.
 */
const CANDIDATE_WORDS = 100;
const MAX_CANDIDATES_LONG = 40;

/** How many candidates a page of `tokens` tokens gets by default. */
export function candidateLimit(tokens: number): number {
  return Math.min(MAX_CANDIDATES_LONG, Math.max(MAX_CANDIDATES, Math.ceil(tokens / CANDIDATE_WORDS)));
}

/**
 * Minimum evidence to align an article: three shared fingerprints or sentence
 * anchors (one or two are what any two reports share through stock phrases
 * and the names in the news), or a third of its distinctive terms for a
 * rewrite that kept no five-word run.
 */
const MIN_EVIDENCE = 3;
function isPlausible(c: Candidate): boolean {
  const signature = c.corpus.params.signatureTerms;
  const evidence = c.sharedFingerprints + c.sharedAnchors;
  return evidence >= MIN_EVIDENCE || c.sharedSignatureTerms >= Math.max(3, Math.ceil(signature / 3));
}

function rank(c: Candidate): number {
  return c.sharedFingerprints + 2 * c.sharedAnchors + 2 * c.sharedSignatureTerms;
}

/**
 * Looks the page up in every corpus and returns the most promising articles,
 * best first. `sentences` are the page's (from segmentSentences), which the
 * caller has already cut for alignment.
 */
export function findCandidates(
  page: TokenStream, sentences: readonly Sentence[], corpora: readonly Corpus[], limit = candidateLimit(page.terms.length),
): Candidate[] {
  const found: Candidate[] = [];
  const fingerprintsByK = new Map<number, Uint32Array>();
  const signatureHashes = [...contentTermCounts(page).keys()].map(signatureHash);
  const anchorHashes = distinctSorted(Uint32Array.from(pageAnchors(page, sentences)));
  for (const corpus of corpora) {
    const k = corpus.params.k;
    let fingerprints = fingerprintsByK.get(k);
    if (!fingerprints) {
      fingerprints = pageFingerprints(page, k);
      fingerprintsByK.set(k, fingerprints);
    }
    const kgramHits = countPostings(corpus, fingerprints);
    const signatureHits = countPostings(corpus, signatureHashes);
    const anchorHits = corpus.params.anchorPairs > 0 ? countPostings(corpus, anchorHashes) : new Map<number, number>();
    const docs = new Set([...kgramHits.keys(), ...signatureHits.keys(), ...anchorHits.keys()]);
    for (const doc of docs) {
      const candidate = {
        corpus, doc,
        sharedFingerprints: kgramHits.get(doc) ?? 0,
        sharedSignatureTerms: signatureHits.get(doc) ?? 0,
        sharedAnchors: anchorHits.get(doc) ?? 0,
      };
      if (isPlausible(candidate)) found.push(candidate);
    }
  }
  found.sort((a, b) => rank(b) - rank(a));
  return found.slice(0, limit);
}

/** Per-article hit counters, reused across lookups (the engine runs one check at a time per thread). */
let counters = new Uint32Array(0);

function countPostings(corpus: Corpus, hashes: ArrayLike<number>): Map<number, number> {
  if (counters.length < corpus.size) counters = new Uint32Array(corpus.size);
  const touched: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    const [from, to] = corpus.postingRange(hashes[i]!);
    for (let p = from; p < to; p++) {
      const doc = corpus.postingDoc(p);
      if (counters[doc]!++ === 0) touched.push(doc);
    }
  }
  const hits = new Map<number, number>();
  for (const doc of touched) {
    hits.set(doc, counters[doc]!);
    counters[doc] = 0;
  }
  return hits;
}
