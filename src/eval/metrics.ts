/** Classification metrics for the reuse tables. Every function answers NaN for an empty input. */

/** Counts of a binary decision against binary truth. */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

export function confusion(items: readonly { readonly truth: boolean; readonly predicted: boolean }[]): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { truth, predicted } of items) {
    if (truth && predicted) tp++;
    else if (!truth && predicted) fp++;
    else if (truth) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

/** (tp + tn) / all ∈ [0, 1]. */
export function accuracy(c: Confusion): number {
  return ratio(c.tp + c.tn, c.tp + c.fp + c.fn + c.tn);
}

/** a / b, NaN when b is 0 (an undefined rate is shown as "–", never as 0). */
export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Area under the ROC curve of a score against binary truth ∈ [0, 1]: the probability that a random
 * positive scores above a random negative, ties counting one half (Mann–Whitney U / (P·N)).
 */
export function rocAuc(items: readonly { readonly truth: boolean; readonly score: number }[]): number {
  const pos = items.filter((x) => x.truth).map((x) => x.score);
  const neg = items.filter((x) => !x.truth).map((x) => x.score);
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/**
 * The threshold t (predict positive when score ≥ t) with the highest accuracy, and that accuracy.
 * Candidates are midpoints between adjacent distinct scores plus both extremes, so the threshold
 * also transfers sensibly to unseen data. Ties go to the lowest such threshold.
 */
export function bestThreshold(items: readonly { readonly truth: boolean; readonly score: number }[]): {
  threshold: number;
  accuracy: number;
} {
  if (items.length === 0) return { threshold: Number.NaN, accuracy: Number.NaN };
  const scores = [...new Set(items.map((x) => x.score))].sort((a, b) => a - b);
  const candidates = [scores[0]!];
  for (let i = 1; i < scores.length; i++) candidates.push((scores[i - 1]! + scores[i]!) / 2);
  candidates.push(Number.POSITIVE_INFINITY);
  let best = { threshold: Number.NaN, accuracy: -1 };
  for (const t of candidates) {
    const acc = accuracy(confusion(items.map((x) => ({ truth: x.truth, predicted: x.score >= t }))));
    if (acc > best.accuracy) best = { threshold: t, accuracy: acc };
  }
  return best;
}
