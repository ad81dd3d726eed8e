/**
 * Wire copy is one story with many carriers: near-identical corpus articles, as far as the page can
 * tell, take one retrieval slot between them, so that a story carried by thirty sites does not
 * crowd out the other stories a page draws on.
 *
 * Grouped at retrieval, against the page: two candidates are carriers of one text when the page's
 * fingerprints they hold are nearly the same set. That needs no change to the corpus file, and
 * groups only what matters to this check — two carriers that differ in a footer or a photo
 * caption the page lacks are one story to it.
 */
import type { Corpus } from './corpus.js';

/** Share of their matched page fingerprints two candidates must have in common (Jaccard) to be one story's carriers. */
export const SAME_TEXT_JACCARD = 0.8;
/**
 * Fewest page fingerprints a candidate must hold to be grouped: about 60 words of shared text
 * (one fingerprint per ~12 words at the default window). Below that two articles may share a
 * stock paragraph, not a story, and each keeps a slot of its own.
 */
export const MIN_GROUPED_FINGERPRINTS = 5;
/** A ranked candidate as grouping sees it. */
export interface Groupable {
  readonly corpus: Corpus;
  readonly doc: number;
}

/**
 * For each of `docs` (articles of `corpus`), the indexes into `fingerprints` (the page's, distinct
 * and sorted) of the page fingerprints it holds, ascending.
 */
export function matchedFingerprints(corpus: Corpus, fingerprints: Uint32Array, docs: readonly number[]): Map<number, number[]> {
  const matched = new Map<number, number[]>(docs.map((d) => [d, []]));
  for (let i = 0; i < fingerprints.length; i++) {
    const [from, to] = corpus.postingRange(fingerprints[i]!);
    for (let p = from; p < to; p++) matched.get(corpus.postingDoc(p))?.push(i);
  }
  return matched;
}

/** |a ∩ b| / |a ∪ b| of two ascending index lists. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}

/**
 * Groups `ranked` (best first) into at most `limit` stories: a candidate joins the first group whose
 * leader (its best-ranked member) holds nearly the same page fingerprints in the same corpus, else
 * leads a new group while there is room. Each group's members come out best-ranked first.
 */
export function groupCarriers<C extends Groupable>(ranked: readonly C[], matched: (c: C) => readonly number[], limit: number): C[][] {
  const groups: C[][] = [];
  for (const c of ranked) {
    const mine = matched(c);
    const group = mine.length < MIN_GROUPED_FINGERPRINTS ? undefined : groups.find((g) => {
      const leader = g[0]!;
      const theirs = matched(leader);
      return leader.corpus === c.corpus && theirs.length >= MIN_GROUPED_FINGERPRINTS && jaccard(mine, theirs) >= SAME_TEXT_JACCARD;
    });
    if (group) group.push(c);
    else if (groups.length < limit) groups.push([c]);
  }
  return groups;
}
