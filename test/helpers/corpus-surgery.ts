/**
 * Writable views of a corpus file's sections and a reseal that recomputes its header checksum: for
 * tests of files whose structure is wrong under a valid checksum (a forger's, or a buggy writer's).
 */
import { BUCKETS, checksumWords, corpusFileLengths } from '../../src/engine/fingerprint/corpus-file.js';

/** Header words: [7] articles, [8] postings, [9] meta bytes, [11] checksum (see corpus-file.ts). */
const ARTICLES = 7, POSTINGS = 8, METABYTES = 9, CHECKSUM = 11, HEADER_WORDS = 16;

/** The sections of a corpus file, as writable views of `bytes`. */
export function sections(bytes: Uint8Array) {
  const words = new Uint32Array(bytes.buffer, 0, corpusFileLengths(bytes).head / 4);
  const articles = words[ARTICLES]!;
  const postings = words[POSTINGS]!;
  const bucketsAt = HEADER_WORDS * 4;
  const lowAt = bucketsAt + BUCKETS * 4;
  const docsAt = lowAt + postings * 2;
  const textOffsetsAt = (docsAt + postings * 3 + 3) & ~3;
  const metaOffsetsAt = textOffsetsAt + (articles + 1) * 4;
  const checksumsAt = metaOffsetsAt + (articles + 1) * 4;
  const metaAt = checksumsAt + articles * 4;
  return {
    words, articles, postings,
    buckets: new Uint32Array(bytes.buffer, bucketsAt, BUCKETS),
    lowHashes: new Uint16Array(bytes.buffer, lowAt, postings),
    docs: bytes.subarray(docsAt, docsAt + postings * 3),
    textOffsets: new Uint32Array(bytes.buffer, textOffsetsAt, articles + 1),
    metaOffsets: new Uint32Array(bytes.buffer, metaOffsetsAt, articles + 1),
    textChecksums: new Uint32Array(bytes.buffer, checksumsAt, articles),
    metaBlob: bytes.subarray(metaAt, metaAt + words[METABYTES]!),
    textBlob: bytes.subarray(corpusFileLengths(bytes).head),
  };
}

/** Recomputes the header checksum, as a forger (or a buggy writer) would. */
export function reseal(bytes: Uint8Array): Uint8Array {
  const { words } = sections(bytes);
  const head = checksumWords(words.subarray(CHECKSUM + 1, HEADER_WORDS), checksumWords(words.subarray(0, CHECKSUM)));
  words[CHECKSUM] = checksumWords(words.subarray(HEADER_WORDS), head);
  return bytes;
}

