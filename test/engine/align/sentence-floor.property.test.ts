/**
 * A pair scored with a floor is either scored exactly as without one, or, only when its similarity is
 * below the floor, given no credit: the floor saves aligning pairs that cannot be accepted and never
 * changes a pair that can. Real sentences (the seeds) against each other and against rewordings of
 * themselves, with the shipped lexicon, so synonyms and partial matches are exercised.
 */
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { ALIGN } from '../../../src/engine/align/align.js';
import { prepareText } from '../../../src/engine/align/prepared-text.js';
import { PairMatcher, scoreSentencePair, TermMatcher } from '../../../src/engine/align/sentence-similarity.js';
import type { Lexicon } from '../../../src/engine/index.js';
import { TermIds } from '../../../src/engine/text/term-ids.js';
import { lexicon as loadLexicon, seedArticles } from '../../helpers/seed-corpus.js';

let lexicon: Lexicon;
let sentences: string[];
beforeAll(() => {
  lexicon = loadLexicon();
  sentences = seedArticles().flatMap((a) => a.text.split(/(?<=[.!?”])\s+/).filter((s) => s.split(/\s+/).length >= 4));
});

/** A sentence with some of its words dropped or swapped for another sentence's: partial overlap at every level. */
const sentencePair = fc.record({ a: fc.nat(), b: fc.nat(), keep: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), mix: fc.boolean() });

test('a floor only zeroes pairs below it; every other pair scores as without one', () => {
  let below = 0;
  let reached = 0;
  fc.assert(fc.property(sentencePair, fc.constantFrom(ALIGN.weak, ALIGN.strong, 0.1), ({ a, b, keep, mix }, floor) => {
    const pageSentence = sentences[a % sentences.length]!;
    const other = sentences[b % sentences.length]!;
    const words = pageSentence.split(/\s+/);
    const otherWords = other.split(/\s+/);
    const sourceSentence = mix ? words.map((w, i) => (keep[i % keep.length] ? w : otherWords[i % otherWords.length]!)).join(' ') : other;
    const ids = new TermIds();
    const page = prepareText(pageSentence, ids);
    const source = prepareText(sourceSentence, ids);
    // one matcher each: a matcher keeps the strengths it has looked up in 32 bits, the first lookup is exact
    const matcher = () => new PairMatcher(new TermMatcher(lexicon, ids), page.aligned, source.aligned);
    const n = page.aligned.termIds.length;
    const m = source.aligned.termIds.length;
    const exact = scoreSentencePair(page.aligned, 0, n, source.aligned, 0, m, matcher());
    const floored = scoreSentencePair(page.aligned, 0, n, source.aligned, 0, m, matcher(), floor);
    if (exact.similarity >= floor) {
      reached++;
      expect(floored).toEqual(exact);
    } else {
      // pruned: some credit without the floor, none with it
      if (floored.similarity === 0 && exact.similarity > 0) below++;
      expect(floored.similarity === 0 || floored === exact || JSON.stringify(floored) === JSON.stringify(exact)).toBe(true);
    }
  }), { numRuns: 400 });
  // both branches were exercised, and the floor did prune pairs that had some credit
  expect(reached).toBeGreaterThan(20);
  expect(below).toBeGreaterThan(20);
});
