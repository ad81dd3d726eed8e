import { describe, expect, it } from 'vitest';
import { joinDetections, pan13Rates, scorePan13Document } from '../../src/eval/pan13/score-pan13.js';

const text = 'x'.repeat(2000);

describe('joinDetections', () => {
  it('joins passages of one source separated only by spaces and punctuation', () => {
    const t = 'Alpha beta. Gamma delta; and more';
    const joined = joinDetections(t, [
      { source: 's', span: [0, 11], verbatim: false },
      { source: 's', span: [12, 23], verbatim: true }, // ". " between: joined
      { source: 's', span: [29, 33], verbatim: false }, // "and" between: kept apart
      { source: 'o', span: [12, 23], verbatim: false },
    ]);
    expect(joined).toEqual([
      { source: 's', span: [0, 23], verbatim: true },
      { source: 's', span: [29, 33], verbatim: false },
      { source: 'o', span: [12, 23], verbatim: false },
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
        { source: 'A', span: [190, 320], verbatim: true }, // covers 110 of 200: found; 110/130 inside: correct
        { source: 'A', span: [1000, 1090], verbatim: true }, // covers 90 of 200: not found; correct
        { source: 'A', span: [1500, 1600], verbatim: true }, // outside the labels: wrong
        { source: 'X', span: [500, 700], verbatim: true }, // right place, wrong (unlabelled) source
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
      reported: [{ source: 'A', span: [0, 200], verbatim: true }],
      ranking: ['A'],
    });
    expect(c.found).toBe(2);
    expect(c.mergedDetections).toBe(1);
    expect(pan13Rates(c).granularity).toBe(1);
  });
  it('sets unlabelled copies aside for the second retrieval figure, and only them', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const at = (from: number, to: number): [number, number] => [words.indexOf(`w${from} `), words.indexOf(`w${to} `)];
    const c = scorePan13Document({
      text: words,
      labelled: [{ source: 'A', span: at(300, 350) }, { source: 'B', span: at(360, 390) }],
      reported: [
        { source: 'A', span: at(300, 350), verbatim: true },
        { source: 'X', span: at(10, 40), verbatim: true }, // 30 words verbatim: a copy the labels lack
        { source: 'Y', span: at(50, 80), verbatim: false }, // a paraphrase: not set aside
        { source: 'Z', span: at(90, 100), verbatim: true }, // 10 words: too short to be set aside
        { source: 'V', span: at(110, 140), verbatim: true },
        { source: 'W', span: at(150, 180), verbatim: true },
      ],
      ranking: ['X', 'A', 'Y', 'Z', 'V', 'W', 'B'],
    });
    expect(c.retrievedSources).toBe(1); // top 5: X A Y Z V
    expect(c.retrievedSourcesBesideUnlabelledCopies).toBe(2); // X, V, W aside: A Y Z B
  });
});
