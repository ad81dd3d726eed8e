/**
 * pageAnchors writes a page's anchor pairs into a typed array grown as it goes (a 50,000-word page
 * has about 600,000): whatever the page, they must be exactly every pair of the first 24 distinct
 * content words of each sentence, hashed as the corpus hashes its anchors.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { anchorHash, pageAnchors } from '../../../src/engine/fingerprint/anchors.js';
import { segmentSentences } from '../../../src/engine/text/segment.js';
import { TokenFlag, tokenize } from '../../../src/engine/text/tokenize.js';

const WORDS = ['the', 'minister', 'said', 'Kyiv', 'troops', '94,000', '7', 'border', 'talks', 'and', 'of', 'Putin', 'sanctions', 'a', 'us'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }).map((w) => `${w.join(' ')}.`);
const page = fc.array(sentence, { maxLength: 60 }).map((s) => s.join(' '));

function expectedPairs(text: string): number[] {
  const tokens = tokenize(text);
  const out: number[] = [];
  for (const s of segmentSentences(tokens)) {
    const terms: string[] = [];
    for (let t = s.firstToken; t < s.endToken && terms.length < 24; t++) {
      const term = tokens.terms[t]!;
      const flags = tokens.flags[t]!;
      const content = !(flags & TokenFlag.Stop) && term.length >= (flags & TokenFlag.Number ? 2 : 3);
      if (content && !terms.includes(term)) terms.push(term);
    }
    for (let i = 0; i < terms.length; i++) for (let j = i + 1; j < terms.length; j++) out.push(anchorHash(terms[i]!, terms[j]!));
  }
  return out;
}

test('every pair of content words in each sentence, in order, across the array growing', () => {
  fc.assert(
    fc.property(page, (text) => {
      const tokens = tokenize(text);
      expect([...pageAnchors(tokens, segmentSentences(tokens))]).toEqual(expectedPairs(text));
    }),
    { numRuns: 150 },
  );
});
