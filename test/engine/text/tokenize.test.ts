import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tokenize, TokenFlag } from '../../../src/engine/text/tokenize.js';

describe('tokenize', () => {
  test('every token span points at its own text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      const t = tokenize(text);
      for (let i = 0; i < t.terms.length; i++) {
        expect(t.starts[i]).toBeLessThan(t.ends[i]!);
        expect(t.ends[i]).toBeLessThanOrEqual(text.length);
        if (i > 0) expect(t.starts[i]).toBeGreaterThanOrEqual(t.ends[i - 1]!);
      }
    }));
  });

  test.each([
    ['94,000 troops', ['94000', 'troop']],
    ['a build-up and a buildup', ['a', 'buildup', 'and', 'a', 'buildup']],
    ['escal-\nated tensions', ['escalat', 'tension']],
    ['Russia’s and Russia\'s', ['russia', 'and', 'russia']],
    ['the U.S. and the US', ['the', 'us', 'and', 'the', 'us']],
    ['don’t', ['dont']],
  ])('%j', (text, terms) => {
    expect(tokenize(text).terms).toEqual(terms);
  });

  test('scripts written without spaces become one token per character', () => {
    expect(tokenize('日本語のテキスト').terms).toEqual(['日', '本', '語', 'の', 'テ', 'キ', 'ス', 'ト']);
  });

  test('flags mark function words, numbers and capitalised words', () => {
    const t = tokenize('The 50 Kremlin said');
    expect(t.flags[0]! & TokenFlag.Stop).toBeTruthy();
    expect(t.flags[1]! & TokenFlag.Number).toBeTruthy();
    expect(t.flags[2]! & TokenFlag.Capitalized).toBeTruthy();
    expect(t.flags[2]! & TokenFlag.Stop).toBeFalsy();
  });
});
