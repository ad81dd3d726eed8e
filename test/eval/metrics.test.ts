import { describe, expect, it } from 'vitest';
import { accuracy, bestThreshold, confusion, mean, ratio, rocAuc } from '../../src/eval/metrics.js';

describe('confusion and accuracy', () => {
  it('counts each cell', () => {
    const c = confusion([
      { truth: true, predicted: true },
      { truth: true, predicted: false },
      { truth: false, predicted: true },
      { truth: false, predicted: false },
      { truth: false, predicted: false },
    ]);
    expect(c).toEqual({ tp: 1, fn: 1, fp: 1, tn: 2 });
    expect(accuracy(c)).toBeCloseTo(3 / 5);
  });
  it('answers NaN, not 0, for undefined rates', () => {
    expect(ratio(0, 0)).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(accuracy(confusion([]))).toBeNaN();
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    const items = [0.9, 0.8, 0.2, 0.1].map((score, i) => ({ truth: i < 2, score }));
    expect(rocAuc(items)).toBe(1);
    expect(rocAuc(items.map((x) => ({ ...x, truth: !x.truth })))).toBe(0);
  });
  it('counts ties as one half and mixed rankings proportionally', () => {
    expect(rocAuc([{ truth: true, score: 0.5 }, { truth: false, score: 0.5 }])).toBe(0.5);
    // positives 0.9, 0.3; negatives 0.5, 0.1: pairs won 0.9>0.5, 0.9>0.1, 0.3>0.1 → 3 of 4
    const items = [
      { truth: true, score: 0.9 }, { truth: true, score: 0.3 },
      { truth: false, score: 0.5 }, { truth: false, score: 0.1 },
    ];
    expect(rocAuc(items)).toBe(0.75);
  });
  it('is undefined without both classes', () => {
    expect(rocAuc([{ truth: true, score: 1 }])).toBeNaN();
  });
});

describe('bestThreshold', () => {
  it('finds the separating threshold between the classes', () => {
    const items = [0.1, 0.2, 0.6, 0.7].map((score) => ({ truth: score > 0.5, score }));
    const best = bestThreshold(items);
    expect(best.accuracy).toBe(1);
    expect(best.threshold).toBeGreaterThan(0.2);
    expect(best.threshold).toBeLessThanOrEqual(0.6);
  });
  it('reports the best achievable accuracy when the classes overlap', () => {
    const items = [
      { truth: false, score: 0.1 }, { truth: true, score: 0.2 }, { truth: false, score: 0.3 }, { truth: true, score: 0.4 },
    ];
    expect(bestThreshold(items).accuracy).toBe(0.75);
  });
});
