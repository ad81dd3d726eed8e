import { describe, expect, test } from 'vitest';
import { foldWord, stemWord, termOf } from '../../../src/engine/text/term.js';

describe('termOf makes one word compare the same however it was typed', () => {
  test.each([
    ['Zürich', 'zurich'],
    ['ZELENSKYY', 'zelenskyy'],
    ['Zelensky', 'zelenskyy'],
    ['Zelenskiy', 'zelenskyy'],
    ['Kiev', 'kyiv'],
    ['Kyiv', 'kyiv'],
    ['ﬁnal', 'final'],
    ['Łódź', 'lodz'],
    ['Straße', 'strass'],
  ])('%s → %s', (word, term) => {
    expect(termOf(word)).toBe(term);
  });

  test.each([
    ['talks', 'talked', 'talking', 'talk'],
    ['tensions', 'tension', 'tension', 'tension'],
    ['urges', 'urged', 'urging', 'urge'],
    ['stops', 'stopped', 'stopping', 'stop'],
  ])('inflections of one verb or noun share a term: %s/%s/%s', (a, b, c, base) => {
    const terms = new Set([termOf(a), termOf(b), termOf(c), termOf(base)]);
    expect(terms.size).toBe(1);
  });

  test.each([
    ['colour', 'color'], ['organised', 'organized'], ['centre', 'center'], ['defence', 'defence'],
  ])('British and American spellings meet: %s ~ %s', (uk, us) => {
    expect(termOf(uk)).toBe(termOf(us));
  });

  test('different words stay different', () => {
    expect(termOf('four')).not.toBe(termOf('for'));
    expect(termOf('hour')).not.toBe(termOf('her'));
    expect(termOf('Russia')).not.toBe(termOf('Ukraine'));
  });

  test('non-Latin words are kept, only case-folded', () => {
    expect(foldWord('Привет')).toBe('привет');
    expect(termOf('東京')).toBe('東京');
  });

  test('accents fall away, but the vowel signs of Indic and Southeast Asian scripts stay', () => {
    expect(termOf('Zürich')).toBe(termOf('Zurich'));
    expect(termOf('Йошкар')).toBe(termOf('Иошкар')); // й is и with a breve
    expect(termOf('مُحَمَّد')).toBe(termOf('محمد')); // Arabic vowel points are optional in print
    // ดี (good) and ด (a consonant alone), นี้ and น, नमस्ते and नमसत differ by their vowel signs only
    expect(termOf('ดี')).not.toBe(termOf('ด'));
    expect(termOf('นี้')).not.toBe(termOf('น'));
    expect(termOf('नमस्ते')).toBe('नमस्ते');
    expect(termOf('ខ្មែរ')).toBe('ខ្មែរ');
  });

  test('the stemmer leaves short and non-ASCII words alone', () => {
    expect(stemWord('was')).toBe('was');
    expect(stemWord('это')).toBe('это');
  });
});
