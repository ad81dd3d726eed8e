/**
 * Runs the engine and the anchor over one news file: the file's articles become one corpus, and
 * every article is checked at its own address against it (in-process, the engine functions behind
 * `firsthand check`). What comes out is per article (status, likely original) and per pair (how
 * much of each side the other covers), for the engine and for plain word 5-gram shingling.
 */
import type { PageInput, Status } from '../../engine/index.js';
import type { EvalCorpus, EvalEngine } from '../engine-adapter.js';
import { ngrams, wordSeq } from '../word-shingles.js';
import { pairKey } from './labels.js';
import { type NewsArticle, scrapeInstant, toArticleInput, toPageInput } from './load-news.js';

export const ANCHOR_N = 5;

/** The engine's thresholds, applied to the anchor too so both are read the same way. */
export const FLAG_COVERAGE = 0.05;
export const COPY_COVERAGE = 0.5;

export interface ArticleCall {
  readonly id: string;
  readonly status: Status | 'error';
  readonly likelyOriginal: string | null;
  /** The verdict names a wire: its likely original is where the wire's words were first seen, not their author. */
  readonly wire?: boolean;
  readonly error?: string;
}


/** One method's pair scores: the share of each side covered by the other (max of the two is the pair's). */
export type PairCoverage = Map<string, number>;

export interface MethodRun {
  readonly calls: readonly ArticleCall[];
  /** Pair key → max coverage either way, for pairs with coverage > 0 one way or the other. */
  readonly pairs: PairCoverage;
}

function raise(pairs: Map<string, number>, key: string, value: number): void {
  if (value > (pairs.get(key) ?? 0)) pairs.set(key, value);
}

export function runEngine(engine: EvalEngine, articles: readonly NewsArticle[]): MethodRun {
  const corpus = engine.corpus(articles.map(toArticleInput));
  return checkEach(engine, corpus, articles, toPageInput);
}

/** Every article checked as a page against the corpus; its verdict's sources become pair coverages. */
export function checkEach<A extends { readonly id: string }>(
  engine: EvalEngine, corpus: EvalCorpus, articles: readonly A[], asPage: (a: A) => PageInput,
): MethodRun {
  const calls: ArticleCall[] = [];
  const pairs: PairCoverage = new Map();
  for (const a of articles) {
    try {
      const v = engine.check(asPage(a), [corpus]);
      calls.push({ id: a.id, status: v.status, likelyOriginal: v.likelyOriginal === a.id ? null : v.likelyOriginal, wire: v.wire !== null });
      for (const s of v.sources) if (s.id !== a.id && s.coverage > 0) raise(pairs, pairKey(a.id, s.id), s.coverage);
    } catch (error) {
      calls.push({ id: a.id, status: 'error', likelyOriginal: null, error: String(error) });
    }
  }
  return { calls, pairs };
}

/**
 * Plain word 5-gram shingling as a checker: an article is a copy of the earliest-scraped article
 * that covers at least half of its words with shared 5-grams, partial when earlier articles cover
 * at least FLAG_COVERAGE, otherwise original. It sees the scrape instants (the engine's catalog
 * keeps only the date today, issue 17).
 */
export function runAnchor(articles: readonly NewsArticle[]): MethodRun {
  const grams = articles.map((a) => ngrams(wordSeq(a.text).words, ANCHOR_N));
  const gramSets = grams.map((g) => new Set(g));
  const pairs: PairCoverage = new Map();
  const coverage = (i: number, j: number) => coveredShare(grams[i]!, gramSets[j]!, ANCHOR_N);
  const calls: ArticleCall[] = articles.map((a, i) => {
    let copyOf: { id: string; t: number } | null = null;
    let partialOf: { id: string; c: number } | null = null;
    for (let j = 0; j < articles.length; j++) {
      if (j === i) continue;
      // cheap skip: no shared 5-gram, no coverage
      let any = false;
      for (const g of gramSets[i]!) if (gramSets[j]!.has(g)) { any = true; break; }
      if (!any) continue;
      const c = coverage(i, j);
      if (c > 0) raise(pairs, pairKey(a.id, articles[j]!.id), c);
      const t = scrapeInstant(articles[j]!);
      if (t >= scrapeInstant(a)) continue;
      if (c >= COPY_COVERAGE && (!copyOf || t < copyOf.t)) copyOf = { id: articles[j]!.id, t };
      if (c >= FLAG_COVERAGE && (!partialOf || c > partialOf.c)) partialOf = { id: articles[j]!.id, c };
    }
    if (copyOf) return { id: a.id, status: 'copy', likelyOriginal: copyOf.id };
    if (partialOf) return { id: a.id, status: 'partial', likelyOriginal: partialOf.id };
    return { id: a.id, status: 'original', likelyOriginal: null };
  });
  return { calls, pairs };
}

/**
 * Share of A's words inside at least one of A's n-grams that B also has (the anchor's coverage,
 * as `shingleWordCoverage`, with B's n-grams built once per article instead of once per pair).
 */
export function coveredShare(aGrams: readonly string[], bGrams: ReadonlySet<string>, n: number): number {
  const words = aGrams.length === 0 ? 0 : aGrams.length + n - 1;
  if (words === 0) return 0;
  const covered = new Uint8Array(words);
  aGrams.forEach((g, i) => {
    if (bGrams.has(g)) covered.fill(1, i, i + n);
  });
  return covered.reduce((s, x) => s + x, 0) / words;
}
