import { checkCorpusStructure } from './corpus-structure.js';
import { HASH_VERSION } from './hash.js';
import type { IndexParams } from './params.js';
import { CorpusFormatError } from '../types.js';

/**
 * The binary corpus file: a retrieval index and an article store in one
 * buffer, read through typed-array views so loading costs no parsing.
 *
 * Layout (little-endian; every section starts on a 4-byte boundary):
 *   header           16 × u32 (see HEADER below)
 *   buckets          u32 × 65,537: where each 16-bit hash prefix starts  ─┐
 *   low hashes       u16 × postings, the low 16 bits, ascending per bucket  │ retrieval index
 *   docs             3 bytes × postings (article index)                    ─┘ (5 bytes a posting)
 *   textOffsets      u32 × (articles + 1) into the text blob
 *   metaOffsets      u32 × (articles + 1) into the meta blob
 *   textChecksums    u32 × articles, checked when an article is first read
 *   bucketChecksums  u32 × 65,536 (format 4): each bucket's postings, checked on its first lookup
 *   metaChecksums    u32 × articles (format 4): each article's metadata, checked when first read
 *   meta blob        UTF-8 JSON of each article's ArticleMeta (and firstSeen, when a growing corpus recorded it)
 *   df term hashes   u32 × terms, ascending  ─┐ segment statistics (format 3): how many of this file's
 *   df counts        u32 × terms               │ articles hold each content term, and the hashes the
 *   common hashes    u32 × common, ascending   │ boilerplate cut dropped with how many articles held
 *   common counts    u32 × common             ─┘ them, so segments of one corpus add up (growing-corpus.ts)
 *   text blob        UTF-8 text of each article        ── alignment store, decoded per candidate
 *
 * The header checksum covers the header, the bucket directory and the offsets, which
 * a load reads whole, so damage there is refused at load. Everything else is checked
 * where it is first read, against its own checksum: a bucket's postings on its first
 * lookup, an article's metadata and text when it is first read, the segment
 * statistics when a growing corpus first reads them (corpus.ts). The checksum
 * sections need no checksum of their own: a damaged entry fails the read of its piece
 * as damage in the piece would. A load then hashes ~1 MB of a 100k-article corpus's
 * 67 MB head, and damage anywhere still fails the read that meets it. (Formats 2 and
 * 3 have one checksum over the whole head, checked at load.)
 *
 * Everything before the text blob is the file's *head*. A host that keeps a big
 * corpus in a store with random access (the extension's IndexedDB) keeps the head
 * and the text blob apart (splitCorpusFile) and loads only the head, reading the
 * texts of a check's candidates when it needs them (see corpus.ts).
 *
 * Format break log: 1 — first version; 2 — postings split into a 16-bit
 * bucket directory and 16-bit low hashes (7 → 5 bytes a posting); 3 — segment
 * statistics after the metadata (a format 2 file reads as one with none); 4 — a
 * checksum per bucket of postings, per article's metadata and over the statistics
 * (header word 15), so a load no longer reads the whole head (formats 2 and 3 still
 * read as they are, checked whole at load).
 * Files of format 1, or built with an older hash version, are read through
 * legacy-corpus.ts, which rebuilds them from their article store.
 */
export const CORPUS_FORMAT_VERSION = 4;
/** The first format with checksums per bucket, per article's metadata and over the statistics. */
const PIECEWISE_CHECKSUM_FORMAT = 4;
/** The oldest format whose index this build reads as it is. */
const OLDEST_DIRECT_FORMAT = 2;
/** Entries of the bucket directory: one per 16-bit hash prefix, plus the end. */
export const BUCKETS = 65_537;
/** "FHC1" read as a little-endian u32. */
const MAGIC = 0x31434846;
const HEADER_WORDS = 16;
const HEADER_BYTES = HEADER_WORDS * 4;
/** Bytes at the start of a corpus file that say how long its head and text blob are (see corpusFileLengths). */
export const CORPUS_HEADER_BYTES = HEADER_BYTES;
/** Three-byte article numbers cap a corpus at 2^24 articles, far above the 100k it is designed for. */
export const MAX_ARTICLES = 1 << 24;

const enum H {
  Magic, FormatVersion, HashVersion, K, WindowSize, SignatureTerms, MaxDocFrequency,
  Articles, Postings, MetaBytes, TextBytes, Checksum, AnchorPairs, DfTerms, CommonHashes, StatsChecksum,
}

/**
 * What a segment of a growing corpus must know of its articles for segments to add up to the
 * corpus built at once: document frequencies by term hash, and the hashes its boilerplate cut
 * dropped with their article counts (both ascending by hash).
 */
export interface SegmentStats {
  readonly dfHashes: Uint32Array;
  readonly dfCounts: Uint32Array;
  readonly commonHashes: Uint32Array;
  readonly commonCounts: Uint32Array;
}

export const NO_SEGMENT_STATS: SegmentStats = {
  dfHashes: new Uint32Array(0), dfCounts: new Uint32Array(0), commonHashes: new Uint32Array(0), commonCounts: new Uint32Array(0),
};

/** The decoded sections of a corpus file: views into the file's bytes, nothing copied. */
export interface CorpusSections {
  readonly params: IndexParams;
  readonly articleCount: number;
  /** Postings of prefix p are `[buckets[p], buckets[p + 1])`. */
  readonly buckets: Uint32Array;
  /** Low 16 bits of each posting's hash, ascending within its bucket. */
  readonly lowHashes: Uint16Array;
  readonly docs: Uint8Array;
  readonly textOffsets: Uint32Array;
  readonly metaOffsets: Uint32Array;
  readonly textChecksums: Uint32Array;
  readonly metaBlob: Uint8Array;
  /** Bytes of the text blob, which starts right after the head. */
  readonly textBytes: number;
  /** The text blob; null when only the head was decoded. */
  readonly textBlob: Uint8Array | null;
  /** Bytes of the retrieval index (directory, low hashes, docs). */
  readonly indexBytes: number;
  /** Bytes of the article store (offsets, checksums, meta and text). */
  readonly storeBytes: number;
  /** The segment statistics, not yet checked (see checkSegmentStats); null for a format 2 file, which has none. */
  readonly stats: SegmentStats | null;
  /** What is checked where it is first read; null for a file of format 2 or 3, checked whole at load. */
  readonly pieceChecksums: PieceChecksums | null;
}

/** Format 4's checksums of the pieces of the head that a load does not read (see checkPostingsOf and the like). */
export interface PieceChecksums {
  /** Of bucket p's postings (low hashes and article numbers): see checksumPostings. */
  readonly buckets: Uint32Array;
  /** Of article doc's metadata bytes (checksumBytes). */
  readonly metas: Uint32Array;
  /** Of the statistics' four arrays, in file order (checksumWords). */
  readonly stats: number;
}

export interface CorpusParts {
  readonly params: IndexParams;
  readonly hashes: Uint32Array;
  readonly docs: Uint32Array;
  readonly metas: readonly Uint8Array[];
  readonly texts: readonly Uint8Array[];
  readonly stats?: SegmentStats;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** A fast 32-bit checksum of whole words (FNV-style mixing over u32 lanes). */
export function checksumWords(words: Uint32Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * Checksum of postings `[from, to)`: their low hashes and 3-byte article numbers, in two
 * FNV-style lanes that do not wait on each other (a bucket holds a few hundred postings).
 */
export function checksumPostings(lowHashes: Uint16Array, docs: Uint8Array, from: number, to: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from, d = from * 3; i < to; i++, d += 3) {
    a = Math.imul(a ^ (lowHashes[i]! | (docs[d]! << 16)), 0x01000193);
    b = Math.imul(b ^ (docs[d + 1]! | (docs[d + 2]! << 8)), 0x01000193);
  }
  return (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
}

/** FNV-1a over bytes, for per-article text checks. */
export function checksumBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

export function encodeCorpus(parts: CorpusParts): Uint8Array {
  const { params, hashes, docs, metas, texts } = parts;
  const stats = parts.stats ?? NO_SEGMENT_STATS;
  const dfTerms = stats.dfHashes.length;
  const common = stats.commonHashes.length;
  const articles = texts.length;
  if (articles >= MAX_ARTICLES) throw new RangeError(`a corpus holds at most ${MAX_ARTICLES - 1} articles`);
  const postings = hashes.length;
  const metaBytes = metas.reduce((s, m) => s + m.length, 0);
  const textBytes = texts.reduce((s, t) => s + t.length, 0);

  const sections = layout(CORPUS_FORMAT_VERSION, articles, postings, metaBytes, textBytes, dfTerms, common);
  const { bucketsAt, lowAt, docsAt, textOffsetsAt, metaOffsetsAt, checksumsAt, bucketChecksumsAt, metaChecksumsAt, metaAt, statsAt, textAt, total } = sections;

  const out = new Uint8Array(total);
  const words = new Uint32Array(out.buffer, 0, textAt / 4);
  const buckets = new Uint32Array(out.buffer, bucketsAt, BUCKETS);
  const low = new Uint16Array(out.buffer, lowAt, postings);
  for (let i = 0; i < postings; i++) {
    buckets[(hashes[i]! >>> 16) + 1]!++;
    low[i] = hashes[i]! & 0xffff;
  }
  for (let p = 1; p < BUCKETS; p++) buckets[p] = buckets[p]! + buckets[p - 1]!;
  for (let i = 0, d = docsAt; i < postings; i++, d += 3) {
    const doc = docs[i]!;
    out[d] = doc & 0xff;
    out[d + 1] = (doc >>> 8) & 0xff;
    out[d + 2] = doc >>> 16;
  }
  const textOffsets = new Uint32Array(out.buffer, textOffsetsAt, articles + 1);
  const metaOffsets = new Uint32Array(out.buffer, metaOffsetsAt, articles + 1);
  const checksums = new Uint32Array(out.buffer, checksumsAt, articles);
  const metaChecksums = new Uint32Array(out.buffer, metaChecksumsAt, articles);
  const bucketChecksums = new Uint32Array(out.buffer, bucketChecksumsAt, BUCKETS - 1);
  const docBytes = out.subarray(docsAt, docsAt + postings * 3);
  for (let p = 0; p + 1 < BUCKETS; p++) bucketChecksums[p] = checksumPostings(low, docBytes, buckets[p]!, buckets[p + 1]!);
  let metaPos = 0;
  let textPos = 0;
  for (let a = 0; a < articles; a++) {
    const meta = metas[a]!;
    const text = texts[a]!;
    out.set(meta, metaAt + metaPos);
    out.set(text, textAt + textPos);
    metaOffsets[a] = metaPos;
    textOffsets[a] = textPos;
    checksums[a] = checksumBytes(text);
    metaChecksums[a] = checksumBytes(meta);
    metaPos += meta.length;
    textPos += text.length;
  }
  metaOffsets[articles] = metaPos;
  textOffsets[articles] = textPos;
  const statWords = new Uint32Array(out.buffer, statsAt, 2 * (dfTerms + common));
  statWords.set(stats.dfHashes, 0);
  statWords.set(stats.dfCounts, dfTerms);
  statWords.set(stats.commonHashes, 2 * dfTerms);
  statWords.set(stats.commonCounts, 2 * dfTerms + common);

  const header = [
    MAGIC, CORPUS_FORMAT_VERSION, HASH_VERSION, params.k, params.windowSize, params.signatureTerms,
    params.maxDocFrequency, articles, postings, metaBytes, textBytes, 0, params.anchorPairs, dfTerms, common, checksumWords(statWords),
  ];
  words.set(header, 0);
  words[H.Checksum] = headChecksum(words, CORPUS_FORMAT_VERSION, sections);
  return out;
}

type SectionLayout = ReturnType<typeof layout>;

/**
 * Checksum of the header (all but the checksum word itself) and what a load reads: in format 4 the
 * bucket directory and the offsets; before it, the whole head.
 */
export function headChecksum(words: Uint32Array, format: number, sections: SectionLayout): number {
  const header = checksumWords(words.subarray(H.Checksum + 1, HEADER_WORDS), checksumWords(words.subarray(0, H.Checksum)));
  if (format < PIECEWISE_CHECKSUM_FORMAT) return checksumWords(words.subarray(HEADER_WORDS), header);
  const directory = checksumWords(words.subarray(sections.bucketsAt / 4, sections.lowAt / 4), header);
  return checksumWords(words.subarray(sections.textOffsetsAt / 4, sections.checksumsAt / 4), directory);
}

/** Byte offsets of every section, for a corpus of this format and these sizes. */
function layout(format: number, articles: number, postings: number, metaBytes: number, textBytes: number, dfTerms: number, common: number) {
  const bucketsAt = HEADER_BYTES;
  const lowAt = bucketsAt + BUCKETS * 4;
  const docsAt = lowAt + postings * 2;
  const textOffsetsAt = pad4(docsAt + postings * 3);
  const metaOffsetsAt = textOffsetsAt + (articles + 1) * 4;
  const checksumsAt = metaOffsetsAt + (articles + 1) * 4;
  const bucketChecksumsAt = checksumsAt + articles * 4;
  const metaChecksumsAt = bucketChecksumsAt + (format >= PIECEWISE_CHECKSUM_FORMAT ? (BUCKETS - 1) * 4 : 0);
  const metaAt = metaChecksumsAt + (format >= PIECEWISE_CHECKSUM_FORMAT ? articles * 4 : 0);
  const statsAt = pad4(metaAt + metaBytes);
  const textAt = statsAt + 8 * (dfTerms + common);
  return { bucketsAt, lowAt, docsAt, textOffsetsAt, metaOffsetsAt, checksumsAt, bucketChecksumsAt, metaChecksumsAt, metaAt, statsAt, textAt, total: textAt + textBytes };
}

function fail(message: string): never {
  throw new CorpusFormatError(message);
}

/** Reads a corpus file's sections; throws CorpusFormatError for anything that is not an intact corpus. */
export function decodeCorpus(input: Uint8Array): CorpusSections {
  return decodeSections(input, 'file');
}

/**
 * Reads the sections of a corpus file's head (all but the text blob: see splitCorpusFile);
 * article texts then come from elsewhere. Throws CorpusFormatError as decodeCorpus does.
 */
export function decodeCorpusHead(head: Uint8Array): CorpusSections {
  return decodeSections(head, 'head');
}

/**
 * A whole corpus file cut into its head and its text blob (views, nothing copied), with its
 * article count; throws as decodeCorpus.
 */
export function splitCorpusFile(input: Uint8Array): { size: number; head: Uint8Array; text: Uint8Array } {
  const sections = decodeCorpus(input);
  const textAt = input.byteLength - sections.textBytes;
  return { size: sections.articleCount, head: input.subarray(0, textAt), text: input.subarray(textAt) };
}

/**
 * How long a corpus file's head and text blob are, from its first CORPUS_HEADER_BYTES bytes:
 * a host that reads a file's head alone (loadCorpusHead) learns from it how much to read.
 * Throws CorpusFormatError for a header that is not a corpus's (or of another version).
 */
export function corpusFileLengths(header: Uint8Array): { head: number; text: number } {
  const { textAt, total } = readHeader(header).layout;
  return { head: textAt, text: total - textAt };
}

/** Where each section of a corpus file lies, from its header (for tools that rewrite files: see test/helpers/corpus-surgery.ts). */
export function corpusLayout(header: Uint8Array): SectionLayout & { format: number } {
  const { format, layout: sections } = readHeader(header);
  return { ...sections, format };
}

/**
 * Whether a corpus file's index was written by an older builder than this one reads as it is
 * (format 1, or an older hash version): its articles are then rebuilt (legacy-corpus.ts).
 * Throws CorpusFormatError for bytes that are not a corpus or are of a newer format.
 */
export function isLegacyCorpus(header: Uint8Array): boolean {
  const head = headerWords(header);
  const format = head[H.FormatVersion]!;
  if (format > CORPUS_FORMAT_VERSION || format < 1) {
    fail(`corpus format version ${format} is not supported (this build reads versions 1 to ${CORPUS_FORMAT_VERSION}); update Firsthand`);
  }
  if (head[H.HashVersion]! > HASH_VERSION) fail(`corpus was built with hash version ${head[H.HashVersion]}, newer than this build's ${HASH_VERSION}; update Firsthand`);
  return format < OLDEST_DIRECT_FORMAT || head[H.HashVersion] !== HASH_VERSION;
}

function headerWords(input: Uint8Array): Uint32Array {
  if (input.byteLength < HEADER_BYTES) fail('not a Firsthand corpus: the file is too short to hold a header');
  // A copy: a Node Buffer's slice() is a view into a bigger (pooled or whole-file) buffer.
  const head = new Uint32Array(new Uint8Array(input.subarray(0, HEADER_BYTES)).buffer);
  if (head[H.Magic] !== MAGIC) fail('not a Firsthand corpus: unknown file signature');
  return head;
}

/** The header's fields and the section layout they imply, checked for what a header alone can tell. */
function readHeader(input: Uint8Array) {
  const head = headerWords(input);
  const format = head[H.FormatVersion]!;
  if (format < OLDEST_DIRECT_FORMAT || format > CORPUS_FORMAT_VERSION) {
    fail(`corpus format version ${format} is not supported (this build reads versions ${OLDEST_DIRECT_FORMAT} to ${CORPUS_FORMAT_VERSION}); rebuild the corpus`);
  }
  if (head[H.HashVersion] !== HASH_VERSION) {
    fail(`corpus was built with hash version ${head[H.HashVersion]}, this build uses ${HASH_VERSION}; rebuild the corpus`);
  }
  const articles = head[H.Articles]!;
  const postings = head[H.Postings]!;
  const metaBytes = head[H.MetaBytes]!;
  const textBytes = head[H.TextBytes]!;
  // format 2 left these words 0
  const dfTerms = head[H.DfTerms]!;
  const common = head[H.CommonHashes]!;
  const params: IndexParams = {
    k: head[H.K]!, windowSize: head[H.WindowSize]!, signatureTerms: head[H.SignatureTerms]!, maxDocFrequency: head[H.MaxDocFrequency]!,
    anchorPairs: head[H.AnchorPairs]!,
  };
  if (params.k < 1 || params.k > 32 || params.windowSize < 1 || articles >= MAX_ARTICLES) fail('corrupt corpus: impossible parameters in the header');
  if (format < 3 && (dfTerms !== 0 || common !== 0)) fail('corrupt corpus: segment statistics in a format 2 header');
  return {
    checksum: head[H.Checksum]!, format, params, articles, postings, metaBytes, textBytes, dfTerms, common, hasStats: format >= 3,
    statsChecksum: head[H.StatsChecksum]!,
    layout: layout(format, articles, postings, metaBytes, textBytes, dfTerms, common),
  };
}

function decodeSections(input: Uint8Array, part: 'file' | 'head'): CorpusSections {
  const { checksum, format, params, articles, postings, metaBytes, textBytes, dfTerms, common, hasStats, statsChecksum, layout: sections } = readHeader(input);
  // Views need 4-byte alignment; a Node Buffer from a pool may not have it (and its slice() would not copy).
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input);
  const { bucketsAt, lowAt, docsAt, textOffsetsAt, metaOffsetsAt, checksumsAt, bucketChecksumsAt, metaChecksumsAt, metaAt, statsAt, textAt, total } = sections;
  const end = part === 'file' ? total : textAt;
  if (bytes.byteLength < end) fail(`corrupt corpus: the ${part} is truncated (${bytes.byteLength} of ${end} bytes)`);
  if (bytes.byteLength > end) fail(`corrupt corpus: unexpected bytes after the end of the ${part === 'file' ? 'corpus' : 'index'}`);

  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, textAt / 4);
  if (headChecksum(words, format, sections) !== checksum) fail('corrupt corpus: checksum mismatch in the index');

  const view = (at: number, length: number): Uint32Array => new Uint32Array(bytes.buffer, bytes.byteOffset + at, length);
  const textOffsets = view(textOffsetsAt, articles + 1);
  const metaOffsets = view(metaOffsetsAt, articles + 1);
  if (textOffsets[articles] !== textBytes || metaOffsets[articles] !== metaBytes) fail('corrupt corpus: article offsets do not match the store');
  const buckets = view(bucketsAt, BUCKETS);
  if (buckets[0] !== 0 || buckets[BUCKETS - 1] !== postings) fail('corrupt corpus: the bucket directory does not match the postings');
  const metaBlob = bytes.subarray(metaAt, metaAt + metaBytes);
  checkCorpusStructure({ buckets, textOffsets, metaOffsets, metaBlob });
  const stats: SegmentStats | null = hasStats
    ? {
      dfHashes: view(statsAt, dfTerms), dfCounts: view(statsAt + 4 * dfTerms, dfTerms),
      commonHashes: view(statsAt + 8 * dfTerms, common), commonCounts: view(statsAt + 8 * dfTerms + 4 * common, common),
    }
    : null;
  return {
    params,
    articleCount: articles,
    buckets,
    lowHashes: new Uint16Array(bytes.buffer, bytes.byteOffset + lowAt, postings),
    docs: bytes.subarray(docsAt, docsAt + postings * 3),
    textOffsets,
    metaOffsets,
    textChecksums: view(checksumsAt, articles),
    metaBlob,
    textBytes,
    textBlob: part === 'file' ? bytes.subarray(textAt, total) : null,
    // the bucket checksums belong to the index they check
    indexBytes: BUCKETS * 4 + postings * 5 + (metaChecksumsAt - bucketChecksumsAt),
    storeBytes: total - textOffsetsAt - (metaChecksumsAt - bucketChecksumsAt),
    stats,
    pieceChecksums: format >= PIECEWISE_CHECKSUM_FORMAT
      ? { buckets: view(bucketChecksumsAt, BUCKETS - 1), metas: view(metaChecksumsAt, articles), stats: statsChecksum }
      : null,
  };
}

/**
 * Statistics are intact (format 4: against their checksum) and looked up by binary search: their
 * hashes must ascend, each once. Run when a growing corpus first reads them, not at every load.
 */
export function checkSegmentStats(stats: SegmentStats, checksum: number | null): void {
  if (checksum !== null) {
    let h = checksumWords(stats.dfHashes);
    for (const words of [stats.dfCounts, stats.commonHashes, stats.commonCounts]) h = checksumWords(words, h);
    if (h !== checksum) fail('corrupt corpus: the segment statistics are damaged');
  }
  for (const hashes of [stats.dfHashes, stats.commonHashes]) {
    for (let i = 1; i < hashes.length; i++) if (hashes[i]! <= hashes[i - 1]!) fail('corrupt corpus: segment statistics out of order');
  }
}

/**
 * Every piece a load leaves to its first read, checked at once (format 4; nothing for formats 2 and 3,
 * whose load checked the whole head): for an importer, which must not store a corpus that fails later.
 */
export function checkAllPieces(sections: CorpusSections): void {
  const { pieceChecksums: sums, buckets, lowHashes, docs, metaOffsets, metaBlob, stats } = sections;
  if (sums !== null) {
    for (let p = 0; p + 1 < BUCKETS; p++) {
      if (checksumPostings(lowHashes, docs, buckets[p]!, buckets[p + 1]!) !== sums.buckets[p]) fail(`corrupt corpus: the postings of hash prefix ${p} are damaged`);
    }
    for (let doc = 0; doc < sections.articleCount; doc++) {
      if (checksumBytes(metaBlob.subarray(metaOffsets[doc]!, metaOffsets[doc + 1]!)) !== sums.metas[doc]) fail(`corrupt corpus: metadata of article ${doc} is damaged`);
    }
  }
  if (stats !== null) checkSegmentStats(stats, sums?.stats ?? null);
}
