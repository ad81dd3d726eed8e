/**
 * Writable views of a corpus file's sections and a reseal that recomputes its checksums: for
 * tests of files whose structure is wrong under valid checksums (a forger's, or a buggy writer's).
 */
import { BUCKETS, checksumBytes, checksumPostings, checksumWords, corpusLayout, headChecksum } from '../../src/engine/fingerprint/corpus-file.js';

/** Header words: [7] articles, [8] postings, [9] meta bytes, [11] checksum, [13] df terms, [14] common hashes, [15] statistics checksum (see corpus-file.ts). */
const ARTICLES = 7, POSTINGS = 8, METABYTES = 9, CHECKSUM = 11, DF_TERMS = 13, COMMON = 14, STATS_CHECKSUM = 15;

/** The sections of a corpus file, as writable views of `bytes`. */
export function sections(bytes: Uint8Array) {
  const layout = corpusLayout(bytes);
  const words = new Uint32Array(bytes.buffer, 0, layout.textAt / 4);
  const articles = words[ARTICLES]!;
  const postings = words[POSTINGS]!;
  const pieceChecksums = layout.metaChecksumsAt > layout.bucketChecksumsAt;
  return {
    words, articles, postings, layout,
    buckets: new Uint32Array(bytes.buffer, layout.bucketsAt, BUCKETS),
    lowHashes: new Uint16Array(bytes.buffer, layout.lowAt, postings),
    docs: bytes.subarray(layout.docsAt, layout.docsAt + postings * 3),
    textOffsets: new Uint32Array(bytes.buffer, layout.textOffsetsAt, articles + 1),
    metaOffsets: new Uint32Array(bytes.buffer, layout.metaOffsetsAt, articles + 1),
    textChecksums: new Uint32Array(bytes.buffer, layout.checksumsAt, articles),
    bucketChecksums: pieceChecksums ? new Uint32Array(bytes.buffer, layout.bucketChecksumsAt, BUCKETS - 1) : null,
    metaChecksums: pieceChecksums ? new Uint32Array(bytes.buffer, layout.metaChecksumsAt, articles) : null,
    metaBlob: bytes.subarray(layout.metaAt, layout.metaAt + words[METABYTES]!),
    stats: new Uint32Array(bytes.buffer, layout.statsAt, 2 * (words[DF_TERMS]! + words[COMMON]!)),
    textBlob: bytes.subarray(layout.textAt),
  };
}

/** Recomputes every checksum of the head, as a forger (or a buggy writer) would. */
export function reseal(bytes: Uint8Array): Uint8Array {
  const s = sections(bytes);
  if (s.bucketChecksums !== null && s.metaChecksums !== null) {
    for (let p = 0; p + 1 < BUCKETS; p++) s.bucketChecksums[p] = checksumPostings(s.lowHashes, s.docs, s.buckets[p]!, s.buckets[p + 1]!);
    for (let a = 0; a < s.articles; a++) s.metaChecksums[a] = checksumBytes(s.metaBlob.subarray(s.metaOffsets[a]!, s.metaOffsets[a + 1]!));
    s.words[STATS_CHECKSUM] = checksumWords(s.stats);
  }
  s.words[CHECKSUM] = headChecksum(s.words, s.layout.format, s.layout);
  return bytes;
}
