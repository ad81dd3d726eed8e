/**
 * Scores for the PAN25 table. A reused paragraph is found when the checker flags it (`copy` or
 * `partial`) and names its labelled source paragraph (as likely original or among the sources).
 * Precision counts every flag: a flag on an altered or untouched paragraph, and a flag on a reused
 * paragraph that names the wrong source, are both false positives.
 */
import { ratio } from '../metrics.js';
import { PAN25_DIFFICULTIES, type Pan25Difficulty, type Pan25Label } from './load-pan25.js';

export interface Pan25Outcome {
  readonly label: Pan25Label;
  readonly sourceParagraphId: string | null;
  readonly flagged: boolean;
  /** Source paragraph ids the checker attributes the paragraph to (likely original first). */
  readonly attributedTo: readonly string[];
}

export interface Pan25Score {
  readonly recallByDifficulty: Record<Pan25Difficulty, { found: number; total: number; recall: number }>;
  readonly found: number;
  readonly reused: number;
  readonly recall: number;
  readonly flags: number;
  readonly wrongSource: number;
  readonly flaggedAltered: number;
  readonly flaggedUntouched: number;
  readonly altered: number;
  readonly untouched: number;
  readonly precision: number;
}

export function isFound(o: Pan25Outcome): boolean {
  return o.flagged && o.sourceParagraphId !== null && o.attributedTo.includes(o.sourceParagraphId);
}

export function scorePan25(outcomes: readonly Pan25Outcome[]): Pan25Score {
  const recallByDifficulty = {} as Pan25Score['recallByDifficulty'];
  for (const d of PAN25_DIFFICULTIES) {
    const group = outcomes.filter((o) => o.label === d);
    const found = group.filter(isFound).length;
    recallByDifficulty[d] = { found, total: group.length, recall: ratio(found, group.length) };
  }
  const reusedItems = outcomes.filter((o) => o.sourceParagraphId !== null);
  const found = reusedItems.filter(isFound).length;
  const flags = outcomes.filter((o) => o.flagged).length;
  const count = (label: Pan25Label, flagged?: boolean) =>
    outcomes.filter((o) => o.label === label && (flagged === undefined || o.flagged === flagged)).length;
  return {
    recallByDifficulty,
    found,
    reused: reusedItems.length,
    recall: ratio(found, reusedItems.length),
    flags,
    wrongSource: reusedItems.filter((o) => o.flagged && !isFound(o)).length,
    flaggedAltered: count('altered', true),
    flaggedUntouched: count('untouched', true),
    altered: count('altered'),
    untouched: count('untouched'),
    precision: ratio(found, flags),
  };
}
