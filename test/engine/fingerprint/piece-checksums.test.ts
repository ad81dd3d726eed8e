/**
 * Format 4 checks most of a corpus's head where it is first read, not at load (corpus-file.ts): a
 * bucket's postings on its first lookup, an article's metadata when it is first read, the segment
 * statistics when a growing corpus first reads them. Damage must still be found, at that read, as
 * a corrupt corpus: the property below flips any byte of a real corpus and requires that the load,
 * or the read of the piece that byte lies in, refuses it, and that reading everything always does
 * (what the whole-head checksum of formats 2 and 3 guaranteed at load).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BUCKETS, checkAllPieces, decodeCorpusHead } from '../../../src/engine/fingerprint/corpus-file.js';
import { buildCorpusIndex, CorpusFormatError, loadCorpus, splitCorpusFile, type Corpus } from '../../../src/engine/index.js';
import { reseal, sections } from '../../helpers/corpus-surgery.js';
import { seedArticles } from '../../helpers/seed-corpus.js';

const built = (): Uint8Array => buildCorpusIndex(seedArticles()).slice();

/** Every read a check can make: a lookup in each bucket and each posting's article, each article, the statistics. */
function readEverything(corpus: Corpus): void {
  for (let p = 0; p + 1 < BUCKETS; p++) {
    const [from, to] = corpus.postingRange(p << 16);
    for (let i = from; i < to; i++) corpus.postingDoc(i);
    // the rest of the bucket, past the low hash 0 looked up
    const [, end] = corpus.postingRange((p << 16) | 0xffff);
    for (let i = to; i < end; i++) corpus.postingDoc(i);
  }
  for (let doc = 0; doc < corpus.size; doc++) corpus.article(doc);
  void corpus.stats;
}

/**
 * Which piece byte `at` of the file lies in, and the read that must refuse it when damaged; 'padding' for
 * the up to 3 bytes that align a section, which hold nothing and no checksum covers.
 */
function pieceOf(bytes: Uint8Array, at: number): { read: (corpus: Corpus) => unknown; message: RegExp } | 'padding' | null {
  const s = sections(bytes);
  const { lowAt, docsAt, textOffsetsAt, checksumsAt, bucketChecksumsAt, metaChecksumsAt, metaAt, statsAt, textAt } = s.layout;
  // a checksum's entry: the read of the piece it checks fails
  if (at >= checksumsAt && at < metaAt) {
    const entry = at >= metaChecksumsAt ? (at - metaChecksumsAt) >> 2 : at >= bucketChecksumsAt ? (at - bucketChecksumsAt) >> 2 : (at - checksumsAt) >> 2;
    if (at >= metaChecksumsAt) return { read: (c) => c.meta(entry), message: new RegExp(`metadata of article ${entry} is damaged`) };
    if (at >= bucketChecksumsAt) return { read: (c) => c.postingRange(entry << 16), message: new RegExp(`postings of hash prefix ${entry} are damaged`) };
    return { read: (c) => c.article(entry), message: new RegExp(`text of article ${entry} is damaged`) };
  }
  if ((at >= docsAt + s.postings * 3 && at < textOffsetsAt) || (at >= metaAt + s.metaBlob.length && at < statsAt)) return 'padding';
  const posting = at >= lowAt && at < docsAt ? (at - lowAt) >> 1 : at >= docsAt && at < docsAt + s.postings * 3 ? Math.floor((at - docsAt) / 3) : -1;
  if (posting >= 0) {
    let p = 0;
    while (s.buckets[p + 1]! <= posting) p++;
    return { read: (c) => c.postingRange(p << 16), message: new RegExp(`postings of hash prefix ${p} are damaged`) };
  }
  if (at >= metaAt && at < metaAt + s.metaBlob.length) {
    let doc = 0;
    while (metaAt + s.metaOffsets[doc + 1]! <= at) doc++;
    return { read: (c) => c.meta(doc), message: new RegExp(`metadata of article ${doc} is damaged`) };
  }
  if (at >= statsAt && at < textAt) return { read: (c) => c.stats, message: /segment statistics are damaged/ };
  if (at >= textAt) {
    let doc = 0;
    while (textAt + s.textOffsets[doc + 1]! <= at) doc++;
    return { read: (c) => c.article(doc), message: new RegExp(`text of article ${doc} is (damaged|not valid UTF-8)`) };
  }
  // the header, the directory and the offsets: checked at load
  return null;
}

describe('format 4: pieces of the head checked where they are first read', () => {
  test('a flipped byte in one bucket\'s postings: the corpus loads, that bucket\'s first lookup is refused, other lookups answer', () => {
    const bytes = built();
    const { buckets, lowHashes } = sections(bytes);
    const p = buckets.findIndex((v, i) => buckets[i + 1]! - v >= 2);
    lowHashes[buckets[p]!] = lowHashes[buckets[p]!]! ^ 1;
    const corpus = loadCorpus(bytes);
    expect(() => corpus.postingRange(p << 16)).toThrow(CorpusFormatError);
    // refused again at the next lookup, not checked once and then trusted
    expect(() => corpus.postingRange((p << 16) | 5)).toThrow(new RegExp(`postings of hash prefix ${p} are damaged`));
    const other = buckets.findIndex((v, i) => i !== p && buckets[i + 1]! > v);
    expect(() => corpus.postingRange(other << 16)).not.toThrow();
    // an importer, which reads everything once, refuses it before storing it
    expect(() => checkAllPieces(decodeCorpusHead(splitCorpusFile(bytes).head))).toThrow(/damaged/);
  });

  test('a flipped byte in an article\'s metadata: refused when that article is read, by meta and by article', () => {
    const bytes = built();
    const { metaBlob, metaOffsets } = sections(bytes);
    // the published date of article 3, not its id: the load's distinct-id check reads ids
    const at = metaOffsets[3]! + new TextDecoder().decode(metaBlob.subarray(metaOffsets[3]!, metaOffsets[4]!)).indexOf('"published"') + 14;
    metaBlob[at] = metaBlob[at]! ^ 1;
    const corpus = loadCorpus(bytes);
    expect(() => corpus.meta(3)).toThrow(/metadata of article 3 is damaged/);
    expect(() => corpus.article(3)).toThrow(CorpusFormatError);
    expect(corpus.article(2).id).toBe(seedArticles()[2]!.id);
  });

  test('damaged segment statistics: the corpus loads, its first read of them is refused; out of order under resealed checksums, too', () => {
    const bytes = built();
    const { stats } = sections(bytes);
    expect(stats.length).toBeGreaterThan(2);
    stats[1] = stats[1]! ^ 0x100;
    const corpus = loadCorpus(bytes);
    expect(() => corpus.stats).toThrow(/segment statistics are damaged/);
    expect(() => corpus.commonCount(0)).toThrow(CorpusFormatError);

    const forged = built();
    const dfHashes = sections(forged).stats;
    [dfHashes[0], dfHashes[1]] = [dfHashes[1]!, dfHashes[0]!];
    const resealed = loadCorpus(reseal(forged));
    expect(() => resealed.stats).toThrow(/segment statistics out of order/);
  });

  test('a format 3 file (one checksum over its whole head) still loads, and a flipped byte anywhere in its head is refused at load', () => {
    const v3 = new Uint8Array(readFileSync(new URL('../../fixtures/corpus/v3-synthetic.fhc', import.meta.url)));
    const corpus = loadCorpus(v3);
    expect(corpus.rebuilt).toBe(false);
    expect(() => readEverything(corpus)).not.toThrow();
    expect(corpus.stats!.dfHashes.length).toBeGreaterThan(0);
    const head = splitCorpusFile(v3).head.length;
    fc.assert(fc.property(fc.integer({ min: 64, max: head - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
      const damaged = v3.slice();
      damaged[at] = damaged[at]! ^ flip;
      expect(() => loadCorpus(damaged)).toThrow(CorpusFormatError);
    }), { numRuns: 50 });
  });

  test('property: any flipped byte is refused as a corrupt corpus, at load or at the first read of its piece, and never passes a read of everything', () => {
    const intact = built();
    expect(() => readEverything(loadCorpus(intact))).not.toThrow();
    // the bucket directory is most of a small corpus's bytes: each section gets its share of flips
    const { lowAt, docsAt, metaAt, statsAt, textAt } = sections(intact).layout;
    const within = (from: number, to: number) => fc.integer({ min: from, max: to - 1 });
    const anyByte = fc.oneof(
      within(0, intact.length), within(lowAt, docsAt), within(docsAt, metaAt), within(metaAt, statsAt), within(statsAt, textAt), within(textAt, intact.length),
      within(metaAt - 8, metaAt + 8), within(statsAt - 8, statsAt + 8), within(sections(intact).layout.checksumsAt, metaAt),
    );
    fc.assert(fc.property(anyByte, fc.integer({ min: 1, max: 255 }), (at, flip) => {
      const bytes = intact.slice();
      bytes[at] = bytes[at]! ^ flip;
      let corpus: Corpus;
      try {
        corpus = loadCorpus(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(CorpusFormatError);
        return;
      }
      const piece = pieceOf(intact, at);
      if (piece === 'padding') {
        expect(() => readEverything(corpus)).not.toThrow();
        return;
      }
      // only the pieces a load leaves unread may load
      expect(piece).not.toBeNull();
      expect(() => piece!.read(corpus)).toThrow(piece!.message);
      expect(() => readEverything(corpus)).toThrow(CorpusFormatError);
    }), { numRuns: 300 });
  });
});
