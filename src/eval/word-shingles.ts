/**
 * Plain word n-gram shingling: the simple baseline ("anchor") every reuse table is shown beside,
 * and the tool that relocates PAN13's drifted passages. Words are Unicode word runs (Python's
 * `\w+`), lower-cased; nothing else is normalised, on purpose: this is what a developer gets from
 * the textbook method.
 */

const WORD_RE = /[\p{L}\p{N}_]+/gu;

/** A text's words with their UTF-16 spans. */
export interface WordSeq {
  readonly words: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export function wordSeq(text: string): WordSeq {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
}

/** The n-gram starting at each word position (a text of fewer than n words has none). */
export function ngrams(words: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

/**
 * Share of A's distinct n-grams that also occur in B ∈ [0, 1] (Broder's containment);
 * 0 when A has no n-gram.
 */
export function containment(a: readonly string[], b: readonly string[], n: number): number {
  const aGrams = new Set(ngrams(a, n));
  if (aGrams.size === 0) return 0;
  const bGrams = new Set(ngrams(b, n));
  let shared = 0;
  for (const g of aGrams) if (bGrams.has(g)) shared++;
  return shared / aGrams.size;
}

/** Share of A's words inside at least one n-gram that also occurs in B ∈ [0, 1]; 0 for an empty A. */
export function shingleWordCoverage(a: readonly string[], b: readonly string[], n: number): number {
  if (a.length === 0) return 0;
  const bGrams = new Set(ngrams(b, n));
  const covered = new Uint8Array(a.length);
  ngrams(a, n).forEach((g, i) => {
    if (bGrams.has(g)) covered.fill(1, i, i + n);
  });
  return covered.reduce((s, x) => s + x, 0) / a.length;
}

/** A stretch of A and the stretch of B it repeats, in word indices (half-open) and characters. */
export interface SharedSegment {
  readonly aWords: readonly [number, number];
  readonly bWords: readonly [number, number];
  readonly aChars: readonly [number, number];
  readonly bChars: readonly [number, number];
}

/** Limits of the segment search. */
export interface SegmentOptions {
  /** Shingle length in words. */
  readonly n: number;
  /** Unmatched words tolerated inside one segment, on either side (a mangled word breaks n grams). */
  readonly maxGap: number;
  /** Shortest segment kept, in words of A. */
  readonly minWords: number;
}

/** Occurrences of one n-gram in B beyond this are ignored: stock phrases carry no position. */
const MAX_POSITIONS = 64;

/**
 * The stretches A shares with B in the same order: runs of shared n-grams along one diagonal,
 * joined when the next run starts within `maxGap` words on both sides.
 */
export function sharedSegments(a: WordSeq, b: WordSeq, options: SegmentOptions): SharedSegment[] {
  const { n, maxGap, minWords } = options;
  const positions = new Map<string, number[]>();
  ngrams(b.words, n).forEach((g, j) => {
    const list = positions.get(g);
    if (!list) positions.set(g, [j]);
    else if (list.length < MAX_POSITIONS) list.push(j);
  });
  // runs along diagonals d = j - i, kept open while the next gram continues them
  type Run = { a0: number; a1: number; b0: number; b1: number };
  const runs: Run[] = [];
  let open = new Map<number, Run>();
  ngrams(a.words, n).forEach((g, i) => {
    const next = new Map<number, Run>();
    for (const j of positions.get(g) ?? []) {
      const d = j - i;
      let run = open.get(d);
      if (run) {
        run.a1 = i + n;
        run.b1 = j + n;
      } else {
        run = { a0: i, a1: i + n, b0: j, b1: j + n };
        runs.push(run);
      }
      next.set(d, run);
    }
    open = next;
  });
  runs.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
  // chain each run onto the longest segment it continues in order on both sides; a stray run on
  // another diagonal (a repeated stock phrase) must not cut a segment in two
  const merged: Run[] = [];
  let active: Run[] = [];
  for (const run of runs) {
    active = active.filter((seg) => run.a0 - seg.a1 <= maxGap);
    let host: Run | undefined;
    for (const seg of active) {
      const continues = run.a1 > seg.a1 && run.b0 >= seg.b1 - n && run.b0 - seg.b1 <= maxGap && run.b1 > seg.b1;
      if (continues && (!host || seg.a1 - seg.a0 > host.a1 - host.a0)) host = seg;
    }
    if (host) {
      host.a1 = run.a1;
      host.b1 = run.b1;
    } else {
      const seg = { ...run };
      merged.push(seg);
      active.push(seg);
    }
  }
  return merged
    .filter((r) => r.a1 - r.a0 >= minWords)
    .map((r) => ({
      aWords: [r.a0, r.a1] as const,
      bWords: [r.b0, r.b1] as const,
      aChars: [a.starts[r.a0] ?? 0, a.ends[r.a1 - 1] ?? 0] as const,
      bChars: [b.starts[r.b0] ?? 0, b.ends[r.b1 - 1] ?? 0] as const,
    }));
}
