import { describe, expect, it } from 'vitest';
import { containment, sharedSegments, shingleWordCoverage, wordSeq } from '../../src/eval/word-shingles.js';

const words = (t: string) => wordSeq(t).words;

describe('word shingling anchor', () => {
  it('tokenizes Unicode word runs, lower-cased, with their spans', () => {
    const seq = wordSeq('Kyiv’s  Zelenskyy, 94,000!');
    expect(seq.words).toEqual(['kyiv', 's', 'zelenskyy', '94', '000']);
    expect(seq.starts[2]).toBe(8);
    expect(seq.ends[2]).toBe(17);
  });
  it('measures containment of distinct n-grams', () => {
    expect(containment(words('a b c d'), words('x a b c y'), 3)).toBe(0.5); // abc shared, bcd not
    expect(containment(words('a b'), words('a b c'), 3)).toBe(0); // no 3-gram at all
    expect(containment(words('the cat sat'), words('The cat sat.'), 3)).toBe(1);
  });
  it('counts the words inside shared n-grams', () => {
    // "one two three" shared (3 of 6 words); "four five six" not
    expect(shingleWordCoverage(words('one two three four five six'), words('zero one two three nine'), 3)).toBe(0.5);
    expect(shingleWordCoverage([], words('x'), 3)).toBe(0);
  });
});

describe('sharedSegments', () => {
  const passage = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
  it('finds a copied passage across a mangled word and ignores a stray stock phrase', () => {
    const source = `intro text here ${passage} outro`;
    const mangled = passage.replace('w20', 'wXX');
    const page = `lots of other words come first and then ${mangled} and w5 w6 w7 w8 again at the end`;
    const segs = sharedSegments(wordSeq(page), wordSeq(source), { n: 4, maxGap: 8, minWords: 8 });
    expect(segs).toHaveLength(1);
    const seg = segs[0]!;
    expect(page.slice(seg.aChars[0], seg.aChars[1])).toBe(mangled);
    expect(source.slice(seg.bChars[0], seg.bChars[1])).toBe(passage);
  });
  it('keeps two copies of a passage apart when a long stretch separates them', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `f${i}`).join(' ');
    const page = `${passage} ${filler} ${passage}`;
    const segs = sharedSegments(wordSeq(page), wordSeq(passage), { n: 4, maxGap: 8, minWords: 8 });
    expect(segs.map((s) => s.aWords)).toEqual([[0, 40], [70, 110]]);
  });
});
