import { hashPair, hashTerm } from './hash.js';
import type { Sentence } from '../text/segment.js';
import { TokenFlag, type TokenStream } from '../text/tokenize.js';

/**
 * Sentence anchors: a corpus sentence is indexed under unordered pairs of its
 * most distinctive words. A rewrite swaps words and reorders clauses, so it
 * rarely keeps a five-word run, but it keeps the names and numbers a sentence
 * is about: the pair ("94000", "russian") survives "94,000 Russian troops are
 * massed" → "94,000 Russian troops have been stationed".
 *
 * Guarantee: a page sentence that contains the two or three anchor words of a
 * corpus sentence (in any order or inflection) retrieves that article.
 */

export const ANCHOR_SEED = 0xa4c3;
/** Sentences with fewer content words than this say too little to anchor on. */
const MIN_CONTENT_WORDS = 4;
/** Page sentences contribute pairs among at most this many content words, so a run-on "sentence" stays cheap. */
const MAX_PAGE_TERMS = 24;

/** Hash of the unordered pair of terms; a page hashes each term once and every pair from the two numbers. */
export function anchorHash(a: string, b: string): number {
  return hashPair(hashTerm(a, ANCHOR_SEED), hashTerm(b, ANCHOR_SEED), ANCHOR_SEED);
}

function isContent(term: string, flags: number): boolean {
  if (flags & TokenFlag.Stop) return false;
  return (flags & TokenFlag.Number) !== 0 ? term.length >= 2 : term.length >= 3;
}

/**
 * How strongly a word anchors a sentence: numbers first, then names (a capital
 * not at the sentence start), then the rarest words in the corpus.
 */
function anchorRank(flags: number, isFirst: boolean, documentFrequency: number): number {
  const kind = flags & TokenFlag.Number ? 0 : flags & TokenFlag.Capitalized && !isFirst ? 1 : 2;
  return kind * 1e9 + documentFrequency;
}

/**
 * Anchor hashes of a corpus article: for each sentence, pairs of its best
 * anchor word with its next `pairsPerSentence` best.
 */
export function articleAnchors(
  tokens: TokenStream, sentences: readonly Sentence[], pairsPerSentence: number, df: (term: string) => number,
): number[] {
  const out: number[] = [];
  for (const s of sentences) {
    const words = new Map<string, number>();
    for (let t = s.firstToken; t < s.endToken; t++) {
      const term = tokens.terms[t]!;
      const flags = tokens.flags[t]!;
      if (!isContent(term, flags)) continue;
      const rank = anchorRank(flags, t === s.firstToken, df(term));
      const known = words.get(term);
      if (known === undefined || rank < known) words.set(term, rank);
    }
    if (words.size < MIN_CONTENT_WORDS) continue;
    const best = [...words].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([term]) => term);
    for (let p = 1; p <= pairsPerSentence && p < best.length; p++) out.push(anchorHash(best[0]!, best[p]!));
  }
  return out;
}

/**
 * Every anchor pair a page could match: all pairs of content words within each sentence. Written
 * into a typed array grown by doubling: a 50,000-word page has about 600,000 pairs, which as a
 * number array and then a copy into a typed one cost twice the memory and a tenth of its check.
 */
export function pageAnchors(tokens: TokenStream, sentences: readonly Sentence[]): Uint32Array {
  let out = new Uint32Array(1024);
  let count = 0;
  const termHashes = new Map<string, number>();
  for (const s of sentences) {
    const terms = new Set<string>();
    for (let t = s.firstToken; t < s.endToken && terms.size < MAX_PAGE_TERMS; t++) {
      if (isContent(tokens.terms[t]!, tokens.flags[t]!)) terms.add(tokens.terms[t]!);
    }
    const hashes: number[] = [];
    for (const term of terms) {
      let h = termHashes.get(term);
      if (h === undefined) termHashes.set(term, (h = hashTerm(term, ANCHOR_SEED)));
      hashes.push(h);
    }
    const pairs = (hashes.length * (hashes.length - 1)) / 2;
    if (count + pairs > out.length) {
      const grown = new Uint32Array(Math.max(out.length * 2, count + pairs));
      grown.set(out.subarray(0, count));
      out = grown;
    }
    for (let i = 0; i < hashes.length; i++) for (let j = i + 1; j < hashes.length; j++) out[count++] = hashPair(hashes[i]!, hashes[j]!, ANCHOR_SEED);
  }
  return out.slice(0, count);
}
