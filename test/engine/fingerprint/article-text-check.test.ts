/**
 * The streaming check of a corpus's texts against its head (issue 15, item 10):
 * fed the text blob in pieces of any size, it passes an intact corpus and
 * names the first damaged article, for a flipped bit and for bytes that are
 * not UTF-8 under a checksum recomputed to match them.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checksumBytes } from '../../../src/engine/fingerprint/corpus-file.js';
import { reseal, sections } from '../../helpers/corpus-surgery.js';
import { articleTextChecker, buildCorpusIndex, CorpusFormatError, loadCorpus, splitCorpusFile, type ArticleInput } from '../../../src/engine/index.js';
import { seedArticles } from '../../helpers/seed-corpus.js';

/** The seeds, plus an empty article and one of multi-byte characters, so pieces cut inside a character. */
const articles = (): ArticleInput[] => [
  ...seedArticles(),
  { id: 'empty', title: 'Empty', outlet: null, published: null, url: null, text: '' },
  { id: 'wide', title: 'Wide', outlet: null, published: null, url: null, text: '東京の会議は延期された。'.repeat(40) },
];
const file = buildCorpusIndex(articles());

/** Feeds `text` to a checker of `head` in pieces cut at `cuts`. */
function feed(head: Uint8Array, text: Uint8Array, cuts: readonly number[]): void {
  const check = articleTextChecker(head);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b).concat(text.length)) {
    check(text.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
}

describe('articleTextChecker', () => {
  test('passes an intact corpus, however its texts are cut into pieces', () => {
    const { head, text } = splitCorpusFile(file);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 30 }), (cuts) => feed(head, text, cuts)), { numRuns: 200 });
  });

  test('one flipped bit anywhere in the texts names its article', () => {
    const corpus = loadCorpus(file);
    const { head, text } = splitCorpusFile(file);
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 70_000 }), (at, bit, piece) => {
      const damaged = text.slice();
      damaged[at]! ^= 1 << bit;
      const doc = [...Array(corpus.size).keys()].find((d) => corpus.textRange(d)[0] <= at && at < corpus.textRange(d)[1])!;
      const cuts = Array.from({ length: Math.ceil(text.length / piece) }, (_, i) => i * piece);
      expect(() => feed(head, damaged, cuts)).toThrow(CorpusFormatError);
      expect(() => feed(head, damaged, cuts)).toThrow(new RegExp(`article ${doc} is (damaged|not valid UTF-8)`));
    }), { numRuns: 100 });
  });

  test('bytes that are not UTF-8 under a recomputed checksum are refused', () => {
    const bytes = file.slice();
    const { head, text } = splitCorpusFile(bytes);
    const corpus = loadCorpus(file);
    const [start, end] = corpus.textRange(2);
    text[start + 5] = 0xff;
    // rewrite article 2's checksum and reseal the head, as a forger would
    const checksums = sections(bytes).textChecksums;
    expect(checksums[2]).toBe(checksumBytes(file.subarray(head.length + start, head.length + end)));
    checksums[2] = checksumBytes(text.subarray(start, end));
    reseal(bytes);
    expect(() => feed(head, text, [])).toThrow(/article 2 is not valid UTF-8/);
  });

  test('more text than the head says is refused', () => {
    const { head, text } = splitCorpusFile(file);
    const check = articleTextChecker(head);
    check(text);
    expect(() => check(new Uint8Array(1))).toThrow(/more text than the head says/);
  });
});
