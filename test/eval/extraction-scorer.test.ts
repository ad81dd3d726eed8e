/** The benchmark's metric, unit by unit, and its reproduction of the published reference figures. */
import { describe, expect, it } from 'vitest';
import { benchmarkMissingReason, loadBenchmarkPages, loadReferenceOutput } from '../../src/eval/extraction/benchmark-data.js';
import { benchmarkTokens, exactMatch, pageCounts, scorePages, shingles } from '../../src/eval/extraction/shingle-score.js';
import { sharedRequired } from '../../src/eval/shared-data.js';

describe('shingle scorer', () => {
  it('tokenizes Unicode word runs like Python’s \\w (letters of any script, digits, underscore)', () => {
    expect(benchmarkTokens('São Paulo’s café: 94,000 troops — 대통령_발언!')).toEqual(['São', 'Paulo', 's', 'café', '94', '000', 'troops', '대통령_발언']);
  });

  it('forms overlapping 4-token shingles as a multiset; a shorter text is one shingle; empty text none', () => {
    expect([...shingles('a b c d e').entries()]).toEqual([['a b c d', 1], ['b c d e', 1]]);
    expect(shingles('a b c d a b c d').get('a b c d')).toBe(2);
    expect([...shingles('two words').keys()]).toEqual(['two words']);
    expect(shingles('').size).toBe(0);
  });

  it('normalises a page’s counts by TP+FP+FN', () => {
    // truth: 3 shingles; prediction adds 2 extra tokens → 2 extra shingles
    const c = pageCounts('one two three four five six', 'one two three four five six seven eight');
    expect(c.tp).toBeCloseTo(3 / 5);
    expect(c.fp).toBeCloseTo(2 / 5);
    expect(c.fn).toBe(0);
  });

  it('macro-averages, skipping undefined precision (empty prediction) but counting its recall as 0', () => {
    const s = scorePages([
      { truth: 'a b c d e', prediction: 'a b c d e' },
      { truth: 'a b c d e', prediction: '' },
    ]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo((2 * 0.5) / 1.5);
    expect(s.accuracy).toBe(0.5);
    expect(exactMatch('Hello, world!', 'hello world')).toBe(false);
    expect(exactMatch('Hello, world!', '  Hello world ')).toBe(true);
  });
});

const missing = benchmarkMissingReason();
const mustRun = sharedRequired();
if (missing && !mustRun) console.warn(`skipping the reference reproduction: ${missing}`);

describe.skipIf(missing !== null && !mustRun)('reference outputs shipped with the benchmark', () => {
  const score = (name: string) => {
    const pages = loadBenchmarkPages();
    const { bodies } = loadReferenceOutput(name);
    return scorePages(pages.map((p) => ({ truth: p.truth, prediction: bodies.get(p.id) ?? '' })));
  };

  it('reproduces Readability.js 0.6.0: F1 0.947, precision 0.914, recall 0.982, accuracy 0.166', () => {
    const s = score('readability_js');
    expect(s.pages).toBe(181);
    expect(s.f1.toFixed(3)).toBe('0.947');
    expect(s.precision.toFixed(3)).toBe('0.914');
    expect(s.recall.toFixed(3)).toBe('0.982');
    expect(s.accuracy.toFixed(3)).toBe('0.166');
  });

  it('reproduces trafilatura 2.0.0: F1 0.958', () => {
    expect(score('trafilatura').f1.toFixed(3)).toBe('0.958');
  });
});
