/**
 * Scores for the Clough & Stevenson table. An answer is detected when its status is `copy` or
 * `partial` and its likely original is its task's source; reused = cut, light or heavy.
 */
import { accuracy, confusion, mean, rocAuc, type Confusion } from '../metrics.js';
import { CLOUGH_CATEGORIES, type CloughCategory } from './load-clough.js';

/** What the checker said about one answer. */
export interface CloughOutcome {
  readonly file: string;
  readonly category: CloughCategory;
  readonly detected: boolean;
  /** Coverage of the answer by its task's source ∈ [0, 1] (0 when the source is not listed). */
  readonly coverage: number;
  /** The part of that coverage in verbatim or near-verbatim passages. */
  readonly verbatimCoverage: number;
}

export interface CloughScore {
  readonly answers: number;
  readonly confusion: Confusion;
  readonly accuracy: number;
  /** Per category: answers detected / answers. */
  readonly detectedByCategory: Record<CloughCategory, { detected: number; total: number }>;
  readonly meanCoverage: Record<CloughCategory, number>;
  /** Whether mean coverage orders cut > light > heavy > non. */
  readonly coverageOrdered: boolean;
  readonly meanVerbatimCoverage: Record<CloughCategory, number>;
  readonly verbatimCoverageOrdered: boolean;
  /** ROC AUC of coverage for reused vs non. */
  readonly auc: number;
}

export function isReused(category: CloughCategory): boolean {
  return category !== 'non';
}

export function scoreClough(outcomes: readonly CloughOutcome[]): CloughScore {
  const c = confusion(outcomes.map((o) => ({ truth: isReused(o.category), predicted: o.detected })));
  const detectedByCategory = {} as Record<CloughCategory, { detected: number; total: number }>;
  const meanCoverage = {} as Record<CloughCategory, number>;
  const meanVerbatimCoverage = {} as Record<CloughCategory, number>;
  for (const category of CLOUGH_CATEGORIES) {
    const group = outcomes.filter((o) => o.category === category);
    detectedByCategory[category] = { detected: group.filter((o) => o.detected).length, total: group.length };
    meanCoverage[category] = mean(group.map((o) => o.coverage));
    meanVerbatimCoverage[category] = mean(group.map((o) => o.verbatimCoverage));
  }
  return {
    answers: outcomes.length,
    confusion: c,
    accuracy: accuracy(c),
    detectedByCategory,
    meanCoverage,
    coverageOrdered: descending(CLOUGH_CATEGORIES.map((k) => meanCoverage[k])),
    meanVerbatimCoverage,
    verbatimCoverageOrdered: descending(CLOUGH_CATEGORIES.map((k) => meanVerbatimCoverage[k])),
    auc: rocAuc(outcomes.map((o) => ({ truth: isReused(o.category), score: o.coverage }))),
  };
}

const descending = (values: readonly number[]): boolean => values.every((v, i) => i === 0 || v < values[i - 1]!);
