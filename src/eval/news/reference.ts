/**
 * The engine-independent reference that picks the pairs to read: word 8-gram containment, either
 * way. Eight words in a row are rarely shared by chance between two reports of one event (a short
 * quotation is, so an article of mostly quotes can still cross it; reading sorts that out), and
 * containment either way catches a short copy inside a long page as well as the reverse. This is
 * the eval's own yardstick, kept out of src/engine on purpose.
 */
import { ngrams, wordSeq } from '../word-shingles.js';

export const REFERENCE_N = 8;
export const REFERENCE_THRESHOLD = 0.3;

/** The distinct word n-grams of a text. */
export function gramSet(text: string, n = REFERENCE_N): Set<string> {
  return new Set(ngrams(wordSeq(text).words, n));
}

/** Share of A's distinct n-grams also in B ∈ [0, 1]; 0 when A has none. */
export function setContainment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / a.size;
}

export interface ReferencePair {
  /** Ids in file order (a before b). */
  readonly a: string;
  readonly b: string;
  /** Containment of a in b, and of b in a. */
  readonly aInB: number;
  readonly bInA: number;
}

/** max(aInB, bInA): the pair's reference score. */
export function referenceScore(p: ReferencePair): number {
  return Math.max(p.aInB, p.bInA);
}

/**
 * Every unordered pair of distinct articles with their containments, for pairs sharing at least
 * one n-gram (the rest score 0 both ways). Ids must be unique.
 */
export function referencePairs(articles: readonly { readonly id: string; readonly text: string }[], n = REFERENCE_N): ReferencePair[] {
  const grams = articles.map((a) => gramSet(a.text, n));
  // postings: gram → article indices, so only pairs sharing a gram are compared
  const postings = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const shared = new Map<number, number>();
  const size = articles.length;
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * size + list[y]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const out: ReferencePair[] = [];
  for (const [key, count] of shared) {
    const i = Math.floor(key / size);
    const j = key % size;
    out.push({ a: articles[i]!.id, b: articles[j]!.id, aInB: count / grams[i]!.size, bInA: count / grams[j]!.size });
  }
  return out.sort((p, q) => referenceScore(q) - referenceScore(p) || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

/** The pairs the reference flags as substantial shared text. */
export function referenceFlags(pairs: readonly ReferencePair[], threshold = REFERENCE_THRESHOLD): ReferencePair[] {
  return pairs.filter((p) => referenceScore(p) >= threshold);
}
