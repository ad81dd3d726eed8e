import type { Corpus, SegmentGroup } from './corpus.js';
import { groupCarriers, matchedFingerprints } from './carrier-groups.js';
import { pageAnchors } from '../fingerprint/anchors.js';
import { contentTermCounts, distinctSorted, pageFingerprints, signatureHash } from '../fingerprint/fingerprint.js';
import type { Sentence } from '../text/segment.js';
import type { TokenStream } from '../text/tokenize.js';

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

/** A candidate to align, with the story it carries (see carrier-groups.ts). */
export interface GroupedCandidate extends Candidate {
  /** Index of its story among the retrieved ones (best first); carriers of one story share it. */
  readonly story: number;
  /** Corpus articles found carrying that story's text, aligned or not. */
  readonly carriers: number;
}

/**
 * Stories aligned at least. Alignment costs a few milliseconds a candidate. On a crowded day the
 * versions of one wire story through the day (each its own story to grouping) compete for these
 * slots: 16 instead of 12 found 29 more of the real-news dev day's 907 labelled reuse pairs (0.869
 * -> 0.901) for ~10% more time per check there; 24 found 12 more again for ~30%.
 */
export const MAX_CANDIDATES = 16;
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
function isPlausible(corpus: Corpus, sharedFingerprints: number, sharedSignatureTerms: number, sharedAnchors: number): boolean {
  const signature = corpus.params.signatureTerms;
  return sharedFingerprints + sharedAnchors >= MIN_EVIDENCE || sharedSignatureTerms >= Math.max(3, Math.ceil(signature / 3));
}

/**
 * A shared fingerprint is a verbatim 5-gram, reuse itself; distinctive terms and anchors are what a
 * rewrite keeps but also what every report of one event shares. On a day of 331 reports of one
 * summit, weighing a fingerprint as one term left carriers of a page's own wire text outside the
 * slots (real-news dev recall 768 -> 788 of 907 pairs at 3; no further gain at 6 or 12).
 */
const FINGERPRINT_WEIGHT = 3;

function rank(c: Candidate): number {
  return FINGERPRINT_WEIGHT * c.sharedFingerprints + 2 * c.sharedAnchors + 2 * c.sharedSignatureTerms;
}

/**
 * Looks the page up in every corpus and returns the `limit` most promising stories, best first,
 * each as all its carriers (near-identical articles, one slot between them; best-ranked first).
 * Which carriers to align is the verdict's choice (it knows their dates). `sentences` are the
 * page's (from segmentSentences), which the caller has already cut for alignment.
 */
export function findCandidates(
  page: TokenStream, sentences: readonly Sentence[], corpora: readonly Corpus[], limit = candidateLimit(page.terms.length),
): GroupedCandidate[] {
  const found: Candidate[] = [];
  const fingerprintsByK = new Map<number, Uint32Array>();
  const signatureHashes = [...contentTermCounts(page).keys()].map(signatureHash);
  const anchorHashes = distinctSorted(pageAnchors(page, sentences));
  const groupRanges = new Map<SegmentGroup, Map<Corpus, SegmentRanges>>();
  for (const corpus of corpora) {
    const k = corpus.params.k;
    let fingerprints = fingerprintsByK.get(k);
    if (!fingerprints) {
      fingerprints = pageFingerprints(page, k);
      fingerprintsByK.set(k, fingerprints);
    }
    const hits = HitCounters.for(corpus.size);
    const group = corpus.group;
    if (group !== null && group.segments.length > 1) {
      let cut = groupRanges.get(group);
      if (!cut) {
        cut = rangesPastGroupBoilerplate(group, { fingerprints, signatureHashes, anchorHashes }, corpus.params.maxDocFrequency);
        groupRanges.set(group, cut);
      }
      const ranges = cut.get(corpus)!;
      hits.addRanges(corpus, ranges.fingerprints, hits.fingerprints);
      hits.addRanges(corpus, ranges.signatureHashes, hits.signatureTerms);
      if (corpus.params.anchorPairs > 0) hits.addRanges(corpus, ranges.anchorHashes, hits.anchors);
    } else {
      hits.add(corpus, fingerprints, hits.fingerprints);
      hits.add(corpus, signatureHashes, hits.signatureTerms);
      if (corpus.params.anchorPairs > 0) hits.add(corpus, anchorHashes, hits.anchors);
    }
    // Most touched articles share a common term or two: judge them on the counters, allocate only for the plausible.
    for (const doc of hits.touched) {
      if (corpus.isRemoved(doc)) continue;
      const sharedFingerprints = hits.fingerprints[doc]!;
      const sharedSignatureTerms = hits.signatureTerms[doc]!;
      const sharedAnchors = hits.anchors[doc]!;
      if (isPlausible(corpus, sharedFingerprints, sharedSignatureTerms, sharedAnchors)) {
        found.push({ corpus, doc, sharedFingerprints, sharedSignatureTerms, sharedAnchors });
      }
    }
    hits.clear();
  }
  found.sort((a, b) => rank(b) - rank(a));
  const matched = new Map<Candidate, readonly number[]>();
  for (const corpus of new Set(found.map((c) => c.corpus))) {
    const mine = found.filter((c) => c.corpus === corpus);
    const byDoc = matchedFingerprints(corpus, fingerprintsByK.get(corpus.params.k)!, mine.map((c) => c.doc));
    for (const c of mine) matched.set(c, byDoc.get(c.doc)!);
  }
  return groupCarriers(found, (c) => matched.get(c)!, limit).flatMap((carriers, story) =>
    carriers.map((c) => ({ ...c, story, carriers: carriers.length })));
}

interface PageLookups {
  readonly fingerprints: ArrayLike<number>;
  readonly signatureHashes: ArrayLike<number>;
  readonly anchorHashes: ArrayLike<number>;
}

/** A segment's posting ranges for the page's hashes that survive the group's cut, as `[from, to]` pairs. */
type SegmentRanges = Record<keyof PageLookups, number[]>;

/**
 * The postings, in each segment of a growing corpus, of the page's hashes that the segments hold,
 * together, in no more articles than the boilerplate cut allows: each segment cut only its own,
 * and a hash common across the corpus may be rare in every segment. The corpus built at once
 * would have dropped it. Each hash is looked up once per segment; the ranges are kept for counting.
 */
function rangesPastGroupBoilerplate(group: SegmentGroup, lookups: PageLookups, maxDocFrequency: number): Map<Corpus, SegmentRanges> {
  const out = new Map<Corpus, SegmentRanges>(group.segments.map((s) => [s, { fingerprints: [], signatureHashes: [], anchorHashes: [] }]));
  const found = new Int32Array(group.segments.length * 2);
  for (const kind of ['fingerprints', 'signatureHashes', 'anchorHashes'] as const) {
    const hashes = lookups[kind];
    for (let i = 0; i < hashes.length; i++) {
      const hash = hashes[i]!;
      let total = 0;
      let j = 0;
      for (; j < group.segments.length && total <= maxDocFrequency; j++) {
        const segment = group.segments[j]!;
        const [from, to] = segment.postingRange(hash);
        found[2 * j] = from;
        found[2 * j + 1] = to;
        total += to - from + segment.commonCount(hash);
      }
      if (total > maxDocFrequency) continue;
      for (let x = 0; x < group.segments.length; x++) {
        if (found[2 * x] === found[2 * x + 1]) continue;
        out.get(group.segments[x]!)![kind].push(found[2 * x]!, found[2 * x + 1]!);
      }
    }
  }
  return out;
}

/**
 * Per-article hit counters by kind of evidence, and the articles touched,
 * reused across lookups: a page touches thousands of articles through common
 * terms, and fresh maps for each would cost more than the lookups. The engine
 * runs one check at a time per thread.
 */
class HitCounters {
  static #shared = new HitCounters(0);

  static for(articles: number): HitCounters {
    if (HitCounters.#shared.fingerprints.length < articles) HitCounters.#shared = new HitCounters(articles);
    return HitCounters.#shared;
  }

  readonly fingerprints: Uint32Array;
  readonly signatureTerms: Uint32Array;
  readonly anchors: Uint32Array;
  readonly touched: number[] = [];
  readonly #isTouched: Uint8Array;

  private constructor(articles: number) {
    this.fingerprints = new Uint32Array(articles);
    this.signatureTerms = new Uint32Array(articles);
    this.anchors = new Uint32Array(articles);
    this.#isTouched = new Uint8Array(articles);
  }

  /** Counts, into `counts`, each article's postings under `hashes`. */
  add(corpus: Corpus, hashes: ArrayLike<number>, counts: Uint32Array): void {
    const isTouched = this.#isTouched;
    for (let i = 0; i < hashes.length; i++) {
      const [from, to] = corpus.postingRange(hashes[i]!);
      for (let p = from; p < to; p++) {
        const doc = corpus.postingDoc(p);
        counts[doc]!++;
        if (isTouched[doc] === 0) {
          isTouched[doc] = 1;
          this.touched.push(doc);
        }
      }
    }
  }

  /** Counts, into `counts`, each article's postings in the `[from, to]` pairs of `ranges`. */
  addRanges(corpus: Corpus, ranges: readonly number[], counts: Uint32Array): void {
    const isTouched = this.#isTouched;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let p = ranges[r]!; p < ranges[r + 1]!; p++) {
        const doc = corpus.postingDoc(p);
        counts[doc]!++;
        if (isTouched[doc] === 0) {
          isTouched[doc] = 1;
          this.touched.push(doc);
        }
      }
    }
  }

  clear(): void {
    for (const doc of this.touched) {
      this.fingerprints[doc] = 0;
      this.signatureTerms[doc] = 0;
      this.anchors[doc] = 0;
      this.#isTouched[doc] = 0;
    }
    this.touched.length = 0;
  }
}
