import { describe, expect, it } from 'vitest';
import { relocatePassages } from '../../src/eval/pan13/relocate-passages.js';
import { wordSeq } from '../../src/eval/word-shingles.js';

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

describe('relocatePassages', () => {
  it('moves a passage whose stated offsets drifted to where the copied text is', () => {
    const passage = words('p', 30);
    const source = `${words('s', 20)} ${passage} ${words('t', 10)}`;
    const page = `${words('q', 50)} ${passage} ${words('r', 50)}`;
    const truePage = page.indexOf(passage);
    const trueSource = source.indexOf(passage);
    const feature = {
      source: 'S', thisOffset: truePage + 37, thisLength: passage.length,
      sourceOffset: trueSource - 12, sourceLength: passage.length,
    };
    const [p] = relocatePassages(wordSeq(page), wordSeq(source), [feature]);
    expect(p!.page).toEqual([truePage, truePage + passage.length]);
    expect(p!.source).toEqual([trueSource, trueSource + passage.length]);
  });
  it('picks the copy nearest the stated offsets when the source text occurs twice on the page', () => {
    const passage = words('p', 30);
    const source = `${words('s', 5)} ${passage}`;
    const page = `${passage} ${words('f', 200)} ${passage}`;
    const second = page.lastIndexOf(passage);
    const feature = { source: 'S', thisOffset: second - 20, thisLength: passage.length, sourceOffset: 10, sourceLength: passage.length };
    expect(relocatePassages(wordSeq(page), wordSeq(source), [feature])[0]!.page).toEqual([second, second + passage.length]);
  });
  it('extends a passage whose copy is cut short by a mangled word near its end to the stated length', () => {
    // After the mangled word fewer than 4 words are shared: no 4-gram carries the segment on.
    const before = words('p', 25);
    const after = words('z', 3);
    const source = `${words('s', 10)} ${before} tail ${after} ${words('t', 10)}`;
    const page = `${words('q', 20)} ${before} t?il ${after} ${words('r', 20)}`;
    const start = page.indexOf(before);
    const length = `${before} tail ${after}`.length;
    const feature = { source: 'S', thisOffset: start, thisLength: length, sourceOffset: source.indexOf(before), sourceLength: length };
    expect(relocatePassages(wordSeq(page), wordSeq(source), [feature])[0]!.page).toEqual([start, start + length]);
  });
  it('keeps the segment as found when the stretch up to the stated length is not in the source', () => {
    const passage = words('p', 25);
    const source = `${words('s', 10)} ${passage} ${words('t', 30)}`;
    const page = `${words('q', 20)} ${passage} ${words('r', 30)}`;
    const start = page.indexOf(passage);
    const feature = { source: 'S', thisOffset: start, thisLength: passage.length * 2, sourceOffset: source.indexOf(passage), sourceLength: passage.length * 2 };
    expect(relocatePassages(wordSeq(page), wordSeq(source), [feature])[0]!.page).toEqual([start, start + passage.length]);
  });
  it('answers null when the page shares nothing with the source', () => {
    const feature = { source: 'S', thisOffset: 0, thisLength: 50, sourceOffset: 0, sourceLength: 50 };
    expect(relocatePassages(wordSeq(words('a', 40)), wordSeq(words('b', 40)), [feature])[0]!.page).toBeNull();
  });
});
