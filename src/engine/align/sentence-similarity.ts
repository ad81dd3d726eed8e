import type { Lexicon } from '../text/lexicon.js';
import type { TermIds } from '../text/term-ids.js';
import { TokenFlag } from '../text/tokenize.js';

/** The tokens of one text as the aligner sees them. */
export interface AlignedText {
  /** Term of each token, as numbered by the check's TermIds. */
  readonly termIds: Int32Array;
  readonly flags: Uint8Array;
  /** 1 where the token lies inside quoted speech. */
  readonly quoted: Uint8Array;
}

/** How much of a page sentence one source sentence accounts for. */
export interface SentencePairScore {
  /** Credited share of the page sentence's weight ∈ [0, 1]. */
  readonly pageShare: number;
  /** Credited share of the source sentence's weight ∈ [0, 1]. */
  readonly sourceShare: number;
  /** The pair's similarity ∈ [0, 1], page-weighted (see `combine`). */
  readonly similarity: number;
  /** Share of the page sentence's weight matched by identical terms ∈ [0, 1]. */
  readonly exactShare: number;
  /** Share of the credited page weight that lies inside quotes ∈ [0, 1]. */
  readonly quotedShare: number;
  /** Credited share of the page sentence's weight outside quotes ∈ [0, 1]; 0 when it has none. */
  readonly frameShare: number;
}

/**
 * Weights: content words carry the meaning, function words the structure.
 * A run of function words in the same order is evidence of copying, a lone
 * "the" is not; numbers are the hardest to arrive at independently. Capitals
 * are deliberately ignored: a page typed in one case must align the same.
 */
export function tokenWeight(flags: number): number {
  if (flags & TokenFlag.Stop) return 0.3;
  if (flags & TokenFlag.Number) return 1.5;
  return 1;
}

/** Match strength of two terms: identical, synonyms, or a spelling slip or derivation of one word. */
export const SYNONYM_MATCH = 0.85;
export const VARIANT_MATCH = 0.8;

/**
 * Match strength of two terms for all the sentence pairs of one check. Each term's
 * lexicon row is looked up once (by its check-wide id), so a pair costs a short
 * integer merge walk instead of string hashing.
 */
export class TermMatcher {
  readonly #lexicon: Lexicon;
  readonly ids: TermIds;
  /** Lexicon row + 2 of each term id: 0 = not looked up yet, 1 = not in the lexicon. */
  #rows = new Int32Array(256);
  constructor(lexicon: Lexicon, ids: TermIds) {
    this.#lexicon = lexicon;
    this.ids = ids;
  }

  /** Match strength ∈ [0, 1] of two tokens given their term ids and flags. */
  match(a: number, aFlags: number, b: number, bFlags: number): number {
    if (a === b) return 1;
    if ((aFlags | bFlags) & (TokenFlag.Stop | TokenFlag.Number)) return 0;
    const ra = this.#rowOf(a);
    const rb = this.#rowOf(b);
    if (ra >= 0 && rb >= 0 && this.#lexicon.relatedRows(ra, rb)) return SYNONYM_MATCH;
    return isSpellingVariant(this.ids.termOf(a), this.ids.termOf(b)) ? VARIANT_MATCH : 0;
  }

  #rowOf(id: number): number {
    if (id >= this.#rows.length) {
      const grown = new Int32Array(Math.max(id + 1, this.#rows.length * 2));
      grown.set(this.#rows);
      this.#rows = grown;
    }
    let stored = this.#rows[id]!;
    if (stored === 0) {
      stored = this.#lexicon.rowOf(this.ids.termOf(id)) + 2;
      this.#rows[id] = stored;
    }
    return stored - 2;
  }
}

/**
 * Match strengths between the terms of one page and one source, in a table
 * over the source's vocabulary per page term: the aligner asks about the same
 * term pairs thousands of times, and an array index is far cheaper than any
 * hashed lookup. Filled lazily from the check-wide TermMatcher. A page term's
 * row is made when the aligner first asks about it: on a long page it asks
 * about a few hundred of its terms, and a table over all of them (millions of
 * cells, for every source) cost more than the lookups.
 */
export class PairMatcher {
  readonly #matcher: TermMatcher;
  readonly #sourceLocal: Int32Array;
  readonly #width: number;
  /** Per page token: its term's row + 1, 0 until first asked. */
  readonly #pageRow: Int32Array;
  readonly #rowOfTerm = new Map<number, number>();
  readonly #strengths: Float32Array[] = [];
  /** Which cells of a row are filled: strengths start as 0, which is also an answer. */
  readonly #known: Uint8Array[] = [];

  constructor(matcher: TermMatcher, page: AlignedText, source: AlignedText) {
    this.#matcher = matcher;
    const [sourceLocal, sourceSize] = localIds(source.termIds);
    this.#sourceLocal = sourceLocal;
    this.#width = sourceSize;
    this.#pageRow = new Int32Array(page.termIds.length);
  }

  /** Match strength of page token i and source token j. */
  strength(page: AlignedText, i: number, source: AlignedText, j: number): number {
    const a = page.termIds[i]!;
    const b = source.termIds[j]!;
    if (a === b) return 1;
    if ((page.flags[i]! | source.flags[j]!) & (TokenFlag.Stop | TokenFlag.Number)) return 0;
    let row = this.#pageRow[i]! - 1;
    if (row < 0) {
      row = this.#rowOfTerm.get(a) ?? -1;
      if (row < 0) {
        row = this.#strengths.length;
        this.#rowOfTerm.set(a, row);
        this.#strengths.push(new Float32Array(this.#width));
        this.#known.push(new Uint8Array(this.#width));
      }
      this.#pageRow[i] = row + 1;
    }
    const column = this.#sourceLocal[j]!;
    const known = this.#known[row]!;
    const strengths = this.#strengths[row]!;
    if (known[column] === 1) return strengths[column]!;
    const m = this.#matcher.match(a, page.flags[i]!, b, source.flags[j]!);
    strengths[column] = m;
    known[column] = 1;
    return m;
  }
}

/** Renumbers term ids 0..k-1 in order of first appearance; returns the per-token local ids and k. */
function localIds(termIds: Int32Array): [Int32Array, number] {
  const local = new Int32Array(termIds.length);
  const seen = new Map<number, number>();
  for (let t = 0; t < termIds.length; t++) {
    let id = seen.get(termIds[t]!);
    if (id === undefined) {
      id = seen.size;
      seen.set(termIds[t]!, id);
    }
    local[t] = id;
  }
  return [local, seen.size];
}

/** Scratch space reused across sentence pairs: the engine runs one check at a time per thread. */
let scratch = new Float64Array(0);
function scratchOf(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/**
 * "Zelenskyyk" for "Zelenskyy", "Ukrainian" for "Ukraine": one edit apart, or
 * one a prefix of the other, in words long enough that this is not chance.
 */
export function isSpellingVariant(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (short.length < 5) return false;
  if (long.startsWith(short)) return long.length - short.length <= 3;
  if (long.length - short.length > 1 || a[0] !== b[0]) return false;
  return editDistanceAtMostOne(short, long);
}

function editDistanceAtMostOne(short: string, long: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < short.length && j < long.length) {
    if (short[i] === long[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (short.length === long.length) i++;
    j++;
  }
  return edits + (long.length - j) + (short.length - i) <= 1;
}

/** Within a run, consecutive matches may skip one page token and two source tokens (a dropped or inserted word). */
const MAX_PAGE_STEP = 2;
const MAX_SOURCE_STEP = 3;
/** A lone matched content word counts for this much: same-topic texts share words, copies share runs of them. */
const ISOLATED_CREDIT = 0.35;

/**
 * Scores page tokens `[a0, a1)` against source tokens `[b0, b1)`.
 *
 * A weighted longest common subsequence (synonyms and spelling variants count
 * as partial matches) finds the words the two sentences share in the same
 * order. Only matches that sit in runs earn full credit. A second pass over
 * the words left unmatched finds a clause the rewrite moved.
 *
 * With a `floor`, a pair whose similarity cannot reach it is scored 0 without
 * aligning it (most pairs a long page's sentences are tried against): its
 * similarity would be below the floor either way.
 */
export function scoreSentencePair(
  page: AlignedText, a0: number, a1: number,
  source: AlignedText, b0: number, b1: number,
  matcher: PairMatcher, floor = 0,
): SentencePairScore {
  const n = a1 - a0;
  const m = b1 - b0;
  const wa = new Float64Array(n);
  const wb = new Float64Array(m);
  let totalA = 0;
  let totalB = 0;
  let frameTotal = 0;
  for (let i = 0; i < n; i++) {
    wa[i] = tokenWeight(page.flags[a0 + i]!);
    totalA += wa[i]!;
    if (!page.quoted[a0 + i]) frameTotal += wa[i]!;
  }
  for (let j = 0; j < m; j++) {
    wb[j] = tokenWeight(source.flags[b0 + j]!);
    totalB += wb[j]!;
  }
  // One buffer: the n×m match strengths, then the (n+1)×(m+1) LCS table.
  const buffer = scratchOf(n * m + (n + 1) * (m + 1));
  const strength = buffer.subarray(0, n * m);
  const dp = buffer.subarray(n * m, n * m + (n + 1) * (m + 1));
  // Each token is credited at most its best match's strength, so these bound both shares from above.
  let boundA = 0;
  const bestOfSource = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 0; j < m; j++) {
      const s = matcher.strength(page, a0 + i, source, b0 + j);
      strength[i * m + j] = s;
      if (s > best) best = s;
      if (s > bestOfSource[j]!) bestOfSource[j] = s;
    }
    boundA += best * wa[i]!;
  }
  let boundB = 0;
  for (let j = 0; j < m; j++) boundB += bestOfSource[j]! * wb[j]!;
  // combine() grows with each share, so a pair whose bounds fall short of the floor cannot reach it
  if (floor > 0 && combine(totalA > 0 ? Math.min(1, boundA / totalA) : 0, totalB > 0 ? Math.min(1, boundB / totalB) : 0) < floor) return UNREACHED;

  const usedA = new Uint8Array(n);
  const usedB = new Uint8Array(m);
  let creditA = 0;
  let creditB = 0;
  let exact = 0;
  let quotedCredit = 0;
  let frameCredit = 0;
  for (let pass = 0; pass < 2; pass++) {
    const pairs = weightedLcs(strength, dp, wa, wb, n, m, usedA, usedB);
    for (let k = 0; k < pairs.length; k += 2) {
      const i = pairs[k]!;
      const j = pairs[k + 1]!;
      const connected = isConnected(pairs, k);
      const isStop = (page.flags[a0 + i]! & TokenFlag.Stop) !== 0;
      if (!connected && (pass > 0 || isStop)) continue;
      const factor = connected ? 1 : ISOLATED_CREDIT;
      const s = strength[i * m + j]!;
      usedA[i] = 1;
      usedB[j] = 1;
      const ca = s * factor * wa[i]!;
      creditA += ca;
      creditB += s * factor * wb[j]!;
      if (s === 1 && connected) exact += wa[i]!;
      if (page.quoted[a0 + i]) quotedCredit += ca;
      else frameCredit += ca;
    }
  }
  const pageShare = totalA > 0 ? Math.min(1, creditA / totalA) : 0;
  const sourceShare = totalB > 0 ? Math.min(1, creditB / totalB) : 0;
  return {
    pageShare,
    sourceShare,
    similarity: combine(pageShare, sourceShare),
    exactShare: totalA > 0 ? Math.min(1, exact / totalA) : 0,
    quotedShare: creditA > 0 ? quotedCredit / creditA : 0,
    frameShare: frameTotal > 0 ? Math.min(1, frameCredit / frameTotal) : 0,
  };
}

/** The score of a pair that cannot reach the caller's floor: none of it is credited. */
const UNREACHED: SentencePairScore = Object.freeze({ pageShare: 0, sourceShare: 0, similarity: 0, exactShare: 0, quotedShare: 0, frameShare: 0 });

/**
 * Page-weighted harmonic mean: what matters is how much of the page sentence
 * is accounted for, but a short page sentence inside a long source sentence
 * ("talks in Geneva") must not score as if it were copied whole.
 */
export function combine(pageShare: number, sourceShare: number): number {
  if (pageShare <= 0 || sourceShare <= 0) return 0;
  const beta2 = 2; // recall (page side) weighted twice as much as precision
  return ((1 + beta2) * pageShare * sourceShare) / (beta2 * sourceShare + pageShare);
}

/** Pair k (in `pairs` as flat i, j) has a neighbour within the run steps on either side. */
function isConnected(pairs: Int32Array, k: number): boolean {
  const i = pairs[k]!;
  const j = pairs[k + 1]!;
  const near = (i2: number, j2: number): boolean =>
    Math.abs(i2 - i) <= MAX_PAGE_STEP && Math.abs(j2 - j) <= MAX_SOURCE_STEP && (i2 - i) * (j2 - j) > 0;
  if (k >= 2 && near(pairs[k - 2]!, pairs[k - 1]!)) return true;
  if (k + 2 < pairs.length && near(pairs[k + 2]!, pairs[k + 3]!)) return true;
  return false;
}

/** Weighted LCS over unused tokens; returns matched (i, j) pairs, flat, in increasing order. */
function weightedLcs(
  strength: Float64Array, dp: Float64Array, wa: Float64Array, wb: Float64Array, n: number, m: number, usedA: Uint8Array, usedB: Uint8Array,
): Int32Array {
  const width = m + 1;
  dp.fill(0, 0, width);
  for (let i = 1; i <= n; i++) dp[i * width] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = Math.max(dp[(i - 1) * width + j]!, dp[i * width + j - 1]!);
      if (!usedA[i - 1] && !usedB[j - 1]) {
        const s = strength[(i - 1) * m + j - 1]!;
        if (s > 0) {
          const diag = dp[(i - 1) * width + j - 1]! + (s * (wa[i - 1]! + wb[j - 1]!)) / 2;
          if (diag > best) best = diag;
        }
      }
      dp[i * width + j] = best;
    }
  }
  const pairs: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = dp[i * width + j]!;
    if (here === dp[(i - 1) * width + j]) i--;
    else if (here === dp[i * width + j - 1]) j--;
    else {
      pairs.push(j - 1, i - 1);
      i--;
      j--;
    }
  }
  return Int32Array.from(pairs.reverse());
}
