/**
 * A corpus whose structure is wrong under a checksum recomputed to match it
 * (issue 15, item 9) is refused at load as a corrupt corpus, not read into
 * silent wrong verdicts. Each case rewrites a real corpus and reseals it.
 */
import { describe, expect, test } from 'vitest';
import { checksumBytes } from '../../../src/engine/fingerprint/corpus-file.js';
import { attribute, buildCorpusIndex, CorpusFormatError, loadCorpus, type ArticleInput } from '../../../src/engine/index.js';
import { reseal, sections } from '../../helpers/corpus-surgery.js';
import { seedArticles } from '../../helpers/seed-corpus.js';

/** The seed articles under ids of one length, so one id can be overwritten by another in place. */
const articles = (): ArticleInput[] => seedArticles().map((a, i) => ({ ...a, id: `article-${i}` }));
const corpusBytes = (): Uint8Array => buildCorpusIndex(articles()).slice();

function expectRefused(bytes: Uint8Array, message: RegExp): void {
  expect(() => loadCorpus(bytes)).toThrow(CorpusFormatError);
  expect(() => loadCorpus(bytes)).toThrow(message);
}

describe('corpus structure is validated on load, under a valid checksum', () => {
  test('the untouched corpus, resealed, loads', () => {
    expect(loadCorpus(reseal(corpusBytes())).size).toBe(5);
  });

  test('buckets out of order', () => {
    const bytes = corpusBytes();
    const { buckets } = sections(bytes);
    const p = buckets.findIndex((v, i) => i > 0 && buckets[i + 1]! > v);
    buckets[p] = buckets[p + 1]! + 1;
    expectRefused(reseal(bytes), /bucket directory is out of order/);
  });

  // The postings are checked where a lookup reads them (a pass over all of them would slow every load).
  test('postings out of order within a bucket: refused by the first lookup in that bucket', () => {
    const bytes = corpusBytes();
    const { buckets, lowHashes } = sections(bytes);
    const p = buckets.findIndex((v, i) => buckets[i + 1]! - v >= 2 && lowHashes[v]! !== lowHashes[v + 1]!);
    const at = buckets[p]!;
    [lowHashes[at], lowHashes[at + 1]] = [lowHashes[at + 1]!, lowHashes[at]!];
    const corpus = loadCorpus(reseal(bytes));
    expect(() => corpus.postingRange((p << 16) | lowHashes[at]!)).toThrow(CorpusFormatError);
    expect(() => corpus.postingRange((p << 16) | lowHashes[at]!)).toThrow(new RegExp(`postings of hash prefix ${p} are out of order`));
  });

  test('an article number past the count: refused when that posting is read, and by a check that reaches it', () => {
    const bytes = corpusBytes();
    const { docs, articles: count } = sections(bytes);
    const posting = 10;
    docs[posting * 3] = count;
    docs[posting * 3 + 1] = 0;
    docs[posting * 3 + 2] = 0;
    const corpus = loadCorpus(reseal(bytes));
    expect(() => corpus.postingDoc(posting)).toThrow(/names article 5, past the 5 articles/);
    expect(corpus.postingDoc(posting + 1)).toBeLessThan(count);
    // every posting of article 0's text is looked up by checking that text
    for (let i = 0; i < sections(bytes).postings; i++) docs.set([count, 0, 0], i * 3);
    expect(() => attribute({ text: articles()[0]!.text }, [loadCorpus(reseal(bytes))])).toThrow(CorpusFormatError);
  });

  test('text offsets out of order', () => {
    const bytes = corpusBytes();
    const { textOffsets } = sections(bytes);
    [textOffsets[1], textOffsets[2]] = [textOffsets[2]!, textOffsets[1]!];
    expectRefused(reseal(bytes), /text offsets are out of order/);
  });

  test('metadata offsets out of order', () => {
    const bytes = corpusBytes();
    const { metaOffsets } = sections(bytes);
    [metaOffsets[2], metaOffsets[3]] = [metaOffsets[3]!, metaOffsets[2]!];
    expectRefused(reseal(bytes), /metadata offsets are out of order/);
  });

  test('text offsets not starting at 0', () => {
    const bytes = corpusBytes();
    sections(bytes).textOffsets[0] = 1;
    expectRefused(reseal(bytes), /text offsets do not start at 0/);
  });

  test('two articles with the same id', () => {
    const bytes = corpusBytes();
    const { metaBlob, metaOffsets } = sections(bytes);
    const idAt = metaOffsets[3]! + '{"id":"article-'.length;
    expect(String.fromCharCode(metaBlob[idAt]!)).toBe('3');
    metaBlob[idAt] = '1'.charCodeAt(0);
    expectRefused(reseal(bytes), /articles 1 and 3 have the same id/);
  });

  test('an article text that is not UTF-8, under its recomputed text checksum, is refused when read', () => {
    const bytes = corpusBytes();
    const { textOffsets, textChecksums, textBlob } = sections(bytes);
    textBlob[textOffsets[2]! + 10] = 0xff;
    textChecksums[2] = checksumBytes(textBlob.subarray(textOffsets[2]!, textOffsets[3]!));
    const corpus = loadCorpus(reseal(bytes));
    expect(() => corpus.article(2)).toThrow(CorpusFormatError);
    expect(() => corpus.article(2)).toThrow(/not valid UTF-8/);
    expect(corpus.article(1).id).toBe('article-1');
  });
});
