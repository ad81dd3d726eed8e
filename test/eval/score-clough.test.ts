import { describe, expect, it } from 'vitest';
import { scoreClough, type CloughOutcome } from '../../src/eval/clough/score-clough.js';
import { parseFileList } from '../../src/eval/clough/load-clough.js';

const o = (category: CloughOutcome['category'], detected: boolean, coverage: number, verbatimCoverage = coverage): CloughOutcome => ({
  file: `${category}-${coverage}`, category, detected, coverage, verbatimCoverage,
});

describe('scoreClough', () => {
  it('scores reused (cut, light, heavy) against non', () => {
    const s = scoreClough([
      o('cut', true, 0.95), o('light', true, 0.7), o('heavy', false, 0.2), o('non', false, 0), o('non', true, 0.3),
    ]);
    expect(s.confusion).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
    expect(s.accuracy).toBeCloseTo(3 / 5);
    expect(s.detectedByCategory.heavy).toEqual({ detected: 0, total: 1 });
    expect(s.detectedByCategory.non).toEqual({ detected: 1, total: 2 });
    expect(s.meanCoverage.non).toBeCloseTo(0.15);
    expect(s.coverageOrdered).toBe(true);
    // positives 0.95, 0.7, 0.2 vs negatives 0, 0.3: 0.2 loses to 0.3 → 5 of 6
    expect(s.auc).toBeCloseTo(5 / 6);
  });
  it('notices when mean coverage does not order cut > light > heavy > non', () => {
    const s = scoreClough([o('cut', true, 0.5), o('light', true, 0.6), o('heavy', true, 0.4), o('non', false, 0)]);
    expect(s.coverageOrdered).toBe(false);
  });
  it('orders the verbatim part of coverage on its own', () => {
    // A reworded whole (light) covers more than pasted parts (cut), but less of it verbatim.
    const s = scoreClough([o('cut', true, 0.6, 0.6), o('light', true, 0.9, 0.3), o('heavy', true, 0.5, 0.1), o('non', false, 0, 0)]);
    expect(s.coverageOrdered).toBe(false);
    expect(s.verbatimCoverageOrdered).toBe(true);
    expect(s.meanVerbatimCoverage.light).toBeCloseTo(0.3);
  });
});

describe('parseFileList', () => {
  it('reads the columns by name and refuses an unknown category', () => {
    const csv = 'File,Group,Person,Task,Category,Native English,Knowledge,Difficulty\r\ng0pA_taska.txt,0,A,a,non,native,1,1\r\n';
    expect(parseFileList(csv)).toEqual([{ file: 'g0pA_taska.txt', task: 'a', category: 'non', native: true }]);
    expect(() => parseFileList(csv.replace(',non,', ',copied,'))).toThrow(/unknown category/);
  });
});
