import { describe, expect, it } from 'vitest';
import { joinDetections, pan13Rates, scorePan13Document } from '../../src/eval/pan13/score-pan13.js';

const text = 'x'.repeat(2000);

describe('joinDetections', () => {
  it('joins passages of one source separated only by spaces and punctuation', () => {
    const t = 'Alpha beta. Gamma delta; and more';
    const joined = joinDetections(t, [
      { source: 's', span: [0, 11] },
      { source: 's', span: [12, 23] }, // ". " between: joined
      { source: 's', span: [29, 33] }, // "and" between: kept apart
      { source: 'o', span: [12, 23] },
    ]);
    expect(joined).toEqual([
      { source: 's', span: [0, 23] },
      { source: 's', span: [29, 33] },
      { source: 'o', span: [12, 23] },
    ]);
  });
});

describe('scorePan13Document', () => {
  it('finds a passage overlapped at least half by one detection against the right source', () => {
    const c = scorePan13Document({
      text,
      labelled: [
        { source: 'A', span: [100, 300] },
        { source: 'A', span: [1000, 1200] },
        { source: 'B', span: [500, 700] },
        { source: 'C', span: null },
      ],
      reported: [
        { source: 'A', span: [190, 320] }, // covers 110 of 200: found; 110/130 inside: correct
        { source: 'A', span: [1000, 1090] }, // covers 90 of 200: not found; correct
        { source: 'A', span: [1500, 1600] }, // outside the labels: wrong
        { source: 'X', span: [500, 700] }, // right place, wrong (unlabelled) source
      ],
      ranking: ['X', 'A', 'D', 'E', 'F', 'B'],
    });
    expect(c.passages).toBe(3);
    expect(c.unrelocated).toBe(1);
    expect(c.found).toBe(1);
    expect(c.detections).toBe(3);
    expect(c.correctDetections).toBe(2);
    expect(c.unlabelledDetections).toBe(1);
    expect(c.charsCovered).toBe(110 + 90);
    // labelled sources A, B, C: top max(5, 3) = X, A, D, E, F holds A only
    expect(c.trueSources).toBe(3);
    expect(c.retrievedSources).toBe(1);
    const r = pan13Rates(c);
    expect(r.recall).toBeCloseTo(1 / 3);
    expect(r.precision).toBeCloseTo(2 / 3);
  });
  it('counts a detection spanning two labelled passages as merged', () => {
    const c = scorePan13Document({
      text,
      labelled: [{ source: 'A', span: [0, 100] }, { source: 'A', span: [110, 200] }],
      reported: [{ source: 'A', span: [0, 200] }],
      ranking: ['A'],
    });
    expect(c.found).toBe(2);
    expect(c.mergedDetections).toBe(1);
    expect(pan13Rates(c).granularity).toBe(1);
  });
});
