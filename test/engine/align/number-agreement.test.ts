import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { figuresDisagree, figuresOf, sentenceFigures } from '../../../src/engine/align/number-agreement.js';
import { prepareText } from '../../../src/engine/align/prepared-text.js';
import { TermIds } from '../../../src/engine/text/term-ids.js';

describe('figuresOf', () => {
  test.each([
    ['40,000', ['4']],
    ['40K', ['4']],
    ['1,500,000', ['15']],
    ['1.5', ['15']],
    ['1,312.8', ['13128']],
    ['0.08', ['8']],
    ['2021', ['2021']],
  ])('%s is one figure, by its significant digits', (token, figures) => {
    expect(figuresOf(token)).toEqual(figures);
  });

  test('commas that do not group thousands separate figures ("i = 1,2")', () => {
    expect(figuresOf('1,2')).toEqual(['1', '2']);
  });

  test('a figure of zeros only is no figure', () => {
    expect(figuresOf('0')).toEqual([]);
  });
});

describe('sentenceFigures', () => {
  test('collects the figures of each sentence, however they are written', () => {
    const text = 'Revenue rose 12% to $4.2 billion. It had 40,000 staff, or 40K.';
    const prepared = prepareText(text, new TermIds());
    expect(sentenceFigures(text, prepared.tokens, prepared.sentences).map((s) => [...s].sort())).toEqual([['12', '42'], ['4']]);
    expect(prepared.figures).toEqual(sentenceFigures(text, prepared.tokens, prepared.sentences));
  });
});

describe('figuresDisagree', () => {
  const set = (...f: string[]) => new Set(f);

  test('two sentences that share no figure, each with two or more, disagree', () => {
    expect(figuresDisagree(set('13128', '5036', '141'), set('4', '1119', '2'))).toBe(true);
  });

  test('a sentence that puts another figure in only one place agrees (an updated count)', () => {
    expect(figuresDisagree(set('13128', '5036', '141'), set('141', '1119'))).toBe(false);
  });

  test("the template's own figures shared by both do not make two fillings agree", () => {
    // "…15.0% under the age of 18, 2.3% from 18 to 24…" against "…28.7% under the age of 18, 7.3% from 18 to 24…"
    expect(figuresDisagree(set('15', '23', '18', '24'), set('287', '73', '18', '24'))).toBe(true);
  });

  test('a sentence that only drops or adds figures is not another filling', () => {
    expect(figuresDisagree(set('12', '30', '2021'), set('12'))).toBe(false);
    expect(figuresDisagree(set('12', '30'), set('12', '30', '45', '2021'))).toBe(false);
  });

  test('a sentence with fewer than two figures never disagrees (an updated count, a date)', () => {
    expect(figuresDisagree(set('45'), set('32', '2021'))).toBe(false);
    expect(figuresDisagree(set(), set('32', '2021'))).toBe(false);
  });

  test('is symmetric, and a set always agrees with itself', () => {
    const figures = fc.uniqueArray(fc.integer({ min: 1, max: 9999 }).map(String), { maxLength: 6 }).map((a) => new Set(a));
    fc.assert(fc.property(figures, figures, (a, b) => {
      expect(figuresDisagree(a, b)).toBe(figuresDisagree(b, a));
      expect(figuresDisagree(a, a)).toBe(false);
    }));
  });
});
