/**
 * Damaged corpus files for tests and the fuzz harness: edits made *under valid checksums*, as a
 * careless tool or a deliberate forger would leave them, so they get past the checksums and test
 * what is checked after. The layout is the engine's (corpusLayout in src/engine/fingerprint/corpus-file.ts),
 * so the edits follow the format: in format 4 a reseal recomputes the checksums of each bucket's postings,
 * each article's metadata and the statistics, then the header's.
 */
import {
  BUCKETS, checksumBytes, checksumPostings, checksumWords, corpusLayout as sectionLayout, headChecksum,
} from '../engine/fingerprint/corpus-file.js';

const HEADER_WORDS = 16;
const H_ARTICLES = 7;
const H_POSTINGS = 8;
const H_META_BYTES = 9;
const H_CHECKSUM = 11;
const H_DF_TERMS = 13;
const H_COMMON_HASHES = 14;
const H_STATS_CHECKSUM = 15;

export interface CorpusLayout {
  readonly articles: number;
  readonly textOffsetsAt: number;
  readonly checksumsAt: number;
  /** Where the text blob starts: the end of the file's head. */
  readonly textAt: number;
}

export function corpusLayout(bytes: Uint8Array): CorpusLayout {
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const { textOffsetsAt, checksumsAt, textAt } = sectionLayout(bytes);
  return { articles: header[H_ARTICLES]!, textOffsetsAt, checksumsAt, textAt };
}

/** Article `a`'s text offsets, as a live view into `bytes`. */
export function textOffsets(bytes: Uint8Array): Uint32Array {
  const { textOffsetsAt, articles } = corpusLayout(bytes);
  return new Uint32Array(bytes.buffer, bytes.byteOffset + textOffsetsAt, articles + 1);
}

/** Recomputes every checksum (each article's text, and in format 4 its pieces') and the header checksum, after an edit. */
export function reseal(bytes: Uint8Array): Uint8Array {
  const layout = sectionLayout(bytes);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, layout.textAt / 4);
  const articles = words[H_ARTICLES]!;
  const u32 = (at: number, length: number): Uint32Array => new Uint32Array(bytes.buffer, bytes.byteOffset + at, length);
  const { textAt } = layout;
  const offsets = textOffsets(bytes);
  const checksums = u32(layout.checksumsAt, articles);
  for (let a = 0; a < articles; a++) {
    const start = offsets[a]!;
    const end = offsets[a + 1]!;
    if (start <= end && textAt + end <= bytes.length) checksums[a] = checksumBytes(bytes.subarray(textAt + start, textAt + end));
  }
  if (layout.metaChecksumsAt > layout.bucketChecksumsAt) {
    const postings = words[H_POSTINGS]!;
    const buckets = u32(layout.bucketsAt, BUCKETS);
    const lowHashes = new Uint16Array(bytes.buffer, bytes.byteOffset + layout.lowAt, postings);
    const docs = bytes.subarray(layout.docsAt, layout.docsAt + postings * 3);
    const bucketChecksums = u32(layout.bucketChecksumsAt, BUCKETS - 1);
    for (let p = 0; p + 1 < BUCKETS; p++) {
      const from = buckets[p]!;
      const to = buckets[p + 1]!;
      if (from <= to && to <= postings) bucketChecksums[p] = checksumPostings(lowHashes, docs, from, to);
    }
    const metaOffsets = u32(layout.metaOffsetsAt, articles + 1);
    const metaBlob = bytes.subarray(layout.metaAt, layout.metaAt + words[H_META_BYTES]!);
    const metaChecksums = u32(layout.metaChecksumsAt, articles);
    for (let a = 0; a < articles; a++) {
      const start = metaOffsets[a]!;
      const end = metaOffsets[a + 1]!;
      if (start <= end && end <= metaBlob.length) metaChecksums[a] = checksumBytes(metaBlob.subarray(start, end));
    }
    words[H_STATS_CHECKSUM] = checksumWords(u32(layout.statsAt, 2 * (words[H_DF_TERMS]! + words[H_COMMON_HASHES]!)));
  }
  words[H_CHECKSUM] = headChecksum(words, layout.format, layout);
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

/** A damaged copy of a corpus file, and how it was damaged. */
export interface DamagedCorpus {
  readonly kind: string;
  readonly bytes: Uint8Array;
}

interface Random {
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** One random way of damaging `corpus`: bit flips, cuts, appended bytes, or structural edits resealed under valid checksums. */
export function damagedCorpus(prng: Random, corpus: Uint8Array): DamagedCorpus {
  const bytes = new Uint8Array(corpus);
  const { articles, textOffsetsAt, textAt } = corpusLayout(bytes);
  const kind = prng.pick(['bit-flips-head', 'bit-flips-text', 'truncated', 'appended', 'zeroed-range', 'invalid-utf8', 'offsets-swapped', 'offset-past-end', 'meta-offsets-shuffled', 'article-count', 'postings-doc-past-count', 'bit-flips-resealed']);
  const flip = (from: number, to: number, count: number): void => {
    for (let i = 0; i < count; i++) {
      const at = prng.int(from, to - 1);
      bytes[at] = bytes[at]! ^ (1 << prng.int(0, 7));
    }
  };
  switch (kind) {
    case 'bit-flips-head': flip(0, textAt, prng.int(1, 8)); return { kind, bytes };
    case 'bit-flips-text': flip(textAt, bytes.length, prng.int(1, 8)); return { kind, bytes };
    case 'truncated': return { kind, bytes: bytes.subarray(0, prng.int(0, bytes.length - 1)) };
    case 'appended': return { kind, bytes: Uint8Array.from([...bytes, ...Array.from({ length: prng.int(1, 64) }, () => prng.int(0, 255))]) };
    case 'zeroed-range': {
      const start = prng.int(0, bytes.length - 1);
      bytes.fill(0, start, Math.min(bytes.length, start + prng.int(1, 4096)));
      return { kind, bytes };
    }
    case 'invalid-utf8': {
      const offsets = textOffsets(bytes);
      const article = prng.int(0, articles - 1);
      bytes[textAt + prng.int(offsets[article]!, offsets[article + 1]! - 1)] = prng.pick([0xff, 0xc0, 0x80, 0xed]);
      return { kind, bytes: reseal(bytes) };
    }
    case 'offsets-swapped': {
      const offsets = textOffsets(bytes);
      const a = prng.int(0, articles - 1);
      const b = prng.int(0, articles - 1);
      [offsets[a], offsets[b]] = [offsets[b]!, offsets[a]!];
      return { kind, bytes: reseal(bytes) };
    }
    case 'offset-past-end': {
      textOffsets(bytes)[prng.int(0, articles - 1)] = prng.int(bytes.length - textAt, 0xffffffff);
      return { kind, bytes: reseal(bytes) };
    }
    case 'meta-offsets-shuffled': {
      const meta = new Uint32Array(bytes.buffer, bytes.byteOffset + textOffsetsAt + (articles + 1) * 4, articles + 1);
      meta[prng.int(0, articles - 1)] = prng.int(0, meta[articles]! + 50);
      return { kind, bytes: reseal(bytes) };
    }
    case 'article-count': {
      new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS)[H_ARTICLES] = prng.int(0, articles * 3);
      return { kind, bytes: resealIfItFits(bytes) };
    }
    case 'postings-doc-past-count': {
      const postings = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS)[H_POSTINGS]!;
      const docsAt = HEADER_WORDS * 4 + BUCKETS * 4 + postings * 2;
      for (let i = prng.int(1, 20); i > 0; i--) bytes[docsAt + 3 * prng.int(0, postings - 1)] = prng.int(articles, 255);
      return { kind, bytes: reseal(bytes) };
    }
    default: {
      flip(HEADER_WORDS * 4, bytes.length, prng.int(1, 4));
      return { kind, bytes: resealIfItFits(bytes) };
    }
  }
}

/** `reseal`, unless the edited header describes a layout the bytes cannot hold (then left unsealed). */
function resealIfItFits(bytes: Uint8Array): Uint8Array {
  try {
    return reseal(bytes);
  } catch {
    return bytes;
  }
}
