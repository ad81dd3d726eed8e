/**
 * Damaged corpus files for tests and the fuzz harness: edits made *under a valid checksum*, as a
 * careless tool or a deliberate forger would leave them, so they get past the checksums and test
 * what is checked after. The layout mirrors src/engine/corpus-file.ts (format version 2).
 */
import { checksumBytes, checksumWords } from '../engine/corpus-file.js';

const HEADER_WORDS = 16;
const H_ARTICLES = 7;
const H_POSTINGS = 8;
const H_META_BYTES = 9;
const H_CHECKSUM = 11;
const BUCKETS = 65_537;
const pad4 = (n: number): number => (n + 3) & ~3;

export interface CorpusLayout {
  readonly articles: number;
  readonly textOffsetsAt: number;
  readonly checksumsAt: number;
  /** Where the text blob starts: the end of the file's head. */
  readonly textAt: number;
}

export function corpusLayout(bytes: Uint8Array): CorpusLayout {
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const articles = header[H_ARTICLES]!;
  const postings = header[H_POSTINGS]!;
  const lowAt = HEADER_WORDS * 4 + BUCKETS * 4;
  const textOffsetsAt = pad4(lowAt + postings * 5);
  const checksumsAt = textOffsetsAt + 2 * (articles + 1) * 4;
  return { articles, textOffsetsAt, checksumsAt, textAt: checksumsAt + articles * 4 + pad4(header[H_META_BYTES]!) };
}

/** Article `a`'s text offsets, as a live view into `bytes`. */
export function textOffsets(bytes: Uint8Array): Uint32Array {
  const { textOffsetsAt, articles } = corpusLayout(bytes);
  return new Uint32Array(bytes.buffer, bytes.byteOffset + textOffsetsAt, articles + 1);
}

/** Recomputes every article's text checksum and the header checksum, after an edit. */
export function reseal(bytes: Uint8Array): Uint8Array {
  const { articles, checksumsAt, textAt } = corpusLayout(bytes);
  const offsets = textOffsets(bytes);
  const checksums = new Uint32Array(bytes.buffer, bytes.byteOffset + checksumsAt, articles);
  for (let a = 0; a < articles; a++) {
    const start = offsets[a]!;
    const end = offsets[a + 1]!;
    if (start <= end && textAt + end <= bytes.length) checksums[a] = checksumBytes(bytes.subarray(textAt + start, textAt + end));
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, textAt / 4);
  const head = checksumWords(words.subarray(H_CHECKSUM + 1, HEADER_WORDS), checksumWords(words.subarray(0, H_CHECKSUM)));
  words[H_CHECKSUM] = checksumWords(words.subarray(HEADER_WORDS), head);
  return bytes;
}

/** A copy of `corpus` whose first article's text holds a byte that is not UTF-8, under valid checksums. */
export function withInvalidUtf8(corpus: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(corpus);
  bytes[corpusLayout(bytes).textAt + textOffsets(bytes)[0]! + 10] = 0xff;
  return reseal(bytes);
}

/** A copy of `corpus` whose second and third text offsets are swapped, under valid checksums. */
export function withOffsetsOutOfOrder(corpus: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(corpus);
  const offsets = textOffsets(bytes);
  [offsets[1], offsets[2]] = [offsets[2]!, offsets[1]!];
  return reseal(bytes);
}
