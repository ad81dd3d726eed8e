import { describe, expect, it } from 'vitest';
import { labelOf } from '../../src/eval/pan25/load-pan25.js';
import { scorePan25, type Pan25Outcome } from '../../src/eval/pan25/score-pan25.js';

const reused = (label: 'simple' | 'medium' | 'hard', flagged: boolean, attributedTo: string[]): Pan25Outcome => ({
  label, sourceParagraphId: 'S1.p1', flagged, attributedTo,
});

describe('scorePan25', () => {
  it('finds a reused paragraph only when the flag names its source', () => {
    const s = scorePan25([
      reused('simple', true, ['S1.p1']),
      reused('simple', true, ['S9.p9', 'S1.p1']), // among the sources counts
      reused('medium', true, ['S2.p2']), // wrong source: not found, and a false flag
      reused('hard', false, []),
      { label: 'altered', sourceParagraphId: null, flagged: true, attributedTo: ['S1.p1'] },
      { label: 'untouched', sourceParagraphId: null, flagged: false, attributedTo: [] },
    ]);
    expect(s.recallByDifficulty.simple).toEqual({ found: 2, total: 2, recall: 1 });
    expect(s.recallByDifficulty.medium.found).toBe(0);
    expect(s.recallByDifficulty.hard.recall).toBe(0);
    expect(s.recall).toBeCloseTo(2 / 4);
    expect(s.flags).toBe(4);
    expect(s.wrongSource).toBe(1);
    expect(s.flaggedAltered).toBe(1);
    expect(s.precision).toBeCloseTo(2 / 4);
  });
  it('leaves precision undefined when nothing is flagged', () => {
    expect(scorePan25([reused('hard', false, [])]).precision).toBeNaN();
  });
});

describe('labelOf', () => {
  it('maps PAN truth objects to labels', () => {
    expect(labelOf({ id: 'p', content: '' })).toEqual({ label: 'untouched', sourceParagraphId: null });
    expect(labelOf({ id: 'p', content: '', plagiarism: { type: 'altered', prompt_type: 'altered' } }).label).toBe('altered');
    expect(
      labelOf({ id: 'p', content: '', plagiarism: { type: 'plagiarism', prompt_type: 'hard', source_paragraph_id: 'S2.p3' } }),
    ).toEqual({ label: 'hard', sourceParagraphId: 'S2.p3' });
    expect(() => labelOf({ id: 'p', content: '', plagiarism: { type: 'plagiarism', prompt_type: 'hard' } })).toThrow();
  });
});
