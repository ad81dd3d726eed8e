import {
  BUCKETS, checkSegmentStats, checksumBytes, checksumPostings, decodeCorpus, decodeCorpusHead, isLegacyCorpus, type CorpusSections, type SegmentStats,
} from '../fingerprint/corpus-file.js';
import { migrateLegacyCorpus } from '../fingerprint/legacy-corpus.js';
import { checkArticleNumber, checkBucket } from '../fingerprint/corpus-structure.js';
import type { IndexParams } from '../fingerprint/params.js';
import { CorpusFormatError, type ArticleMeta, type Span } from '../types.js';

/** A corpus article as the aligner reads it. */
export interface StoredArticle extends ArticleMeta {
  readonly text: string;
  /**
   * Spans of the text that are boilerplate by recurrence (see recurring-boilerplate.ts): never
   * evidence of reuse. Empty for a corpus built before they were recorded.
   */
  readonly boilerplate: readonly Span[];
}

/**
 * Where a corpus loaded from its head alone gets its article texts: byte ranges of the
 * file's text blob that the host has read into memory (see loadCorpusHead).
 */
export interface ArticleTextSource {
  /** Bytes `[start, end)` of the text blob, or undefined while they are not in memory. */
  read(start: number, end: number): Uint8Array | undefined;
}

/** An article's text was needed before the host read it (see Corpus.textRange). */
export class ArticleTextMissingError extends Error {
  override readonly name = 'ArticleTextMissingError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The segments of one growing corpus (see growing-corpus.ts): retrieval applies the boilerplate
 * cut to them together, as it would to the corpus built at once.
 */
export interface SegmentGroup {
  readonly segments: readonly Corpus[];
}

/**
 * A loaded corpus: the retrieval index as typed-array views and an article
 * store decoded lazily, one candidate at a time.
 */
export class Corpus {
  readonly params: IndexParams;
  /** Number of articles. */
  readonly size: number;
  /** Bytes of the retrieval index (hashes and article numbers). */
  readonly indexBytes: number;
  /** Bytes of the article store (texts, metadata, offsets). */
  readonly storeBytes: number;
  readonly #sections: CorpusSections;
  readonly #texts: ArticleTextSource;
  readonly #metas = new Map<number, ArticleMeta>();
  readonly #boilerplate = new Map<number, readonly Span[]>();
  /**
   * 1 for each bucket whose postings were found intact (format 4) and in order, checked the first
   * time a lookup reads it (see corpus-structure.ts).
   */
  readonly #checkedBuckets = new Uint8Array(BUCKETS - 1);
  /** Whether the segment statistics were checked (on their first read: see stats). */
  #statsChecked = false;
  /** Whether the file was of an older format and was rebuilt from its articles when loaded (legacy-corpus.ts). */
  rebuilt = false;
  /** The growing corpus this is a segment of, if any. */
  group: SegmentGroup | null = null;
  /** 1 for each article a later segment replaced or retention removed, until a merge drops it. */
  #removed: Uint8Array | null = null;

  constructor(sections: CorpusSections, texts?: ArticleTextSource) {
    this.#sections = sections;
    const blob = sections.textBlob;
    if (texts === undefined && blob === null) throw new TypeError('a corpus head needs a source for its article texts');
    this.#texts = texts ?? { read: (start, end) => blob!.subarray(start, end) };
    this.params = sections.params;
    this.size = sections.articleCount;
    this.indexBytes = sections.indexBytes;
    this.storeBytes = sections.storeBytes;
  }

  /**
   * Range `[from, to)` of postings for a fingerprint: the hash's 16-bit prefix
   * picks a bucket (a few hundred postings even at 100k articles), and a
   * binary search over the low 16 bits finishes within it.
   */
  postingRange(hash: number): readonly [number, number] {
    const { buckets, lowHashes } = this.#sections;
    const prefix = hash >>> 16;
    const low = hash & 0xffff;
    let lo = buckets[prefix]!;
    const bucketEnd = buckets[prefix + 1]!;
    if (!this.#checkedBuckets[prefix]) {
      const sums = this.#sections.pieceChecksums;
      if (sums !== null && checksumPostings(lowHashes, this.#sections.docs, lo, bucketEnd) !== sums.buckets[prefix]) {
        throw new CorpusFormatError(`corrupt corpus: the postings of hash prefix ${prefix} are damaged`);
      }
      checkBucket(lowHashes, prefix, lo, bucketEnd);
      this.#checkedBuckets[prefix] = 1;
    }
    let hi = bucketEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lowHashes[mid]! < low) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < bucketEnd && lowHashes[end] === low) end++;
    return [lo, end];
  }

  /**
   * The segment statistics (null for a format 2 file), checked on this first read rather than at
   * load: only a growing corpus reads them. Throws CorpusFormatError when they are damaged.
   */
  get stats(): SegmentStats | null {
    const { stats, pieceChecksums } = this.#sections;
    if (stats !== null && !this.#statsChecked) {
      checkSegmentStats(stats, pieceChecksums?.stats ?? null);
      this.#statsChecked = true;
    }
    return stats;
  }

  /**
   * Articles in which this file's boilerplate cut dropped `hash` (0 when it kept or never saw it): what
   * a group of segments adds to its postings to cut as the corpus built at once would.
   */
  commonCount(hash: number): number {
    const stats = this.stats;
    if (stats === null || stats.commonHashes.length === 0) return 0;
    const at = lowerBound(stats.commonHashes, hash);
    return stats.commonHashes[at] === hash ? stats.commonCounts[at]! : 0;
  }

  /** Marks articles as gone (replaced or expired) until a merge rewrites this segment. */
  markRemoved(docs: Iterable<number>): void {
    for (const doc of docs) {
      if (!(doc >= 0 && doc < this.size)) throw new RangeError(`no article ${doc} in a segment of ${this.size}`);
      (this.#removed ??= new Uint8Array(this.size))[doc] = 1;
    }
  }

  isRemoved(doc: number): boolean {
    return this.#removed !== null && this.#removed[doc] === 1;
  }

  /** Article number of posting `i`. */
  postingDoc(i: number): number {
    const d = this.#sections.docs;
    const at = i * 3;
    const doc = d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16);
    checkArticleNumber(doc, i, this.size);
    return doc;
  }

  /** Metadata of article `doc` (0 ≤ doc < size). */
  meta(doc: number): ArticleMeta {
    let meta = this.#metas.get(doc);
    if (meta) return meta;
    const { metaOffsets, metaBlob, pieceChecksums } = this.#sections;
    const bytes = metaBlob.subarray(metaOffsets[doc]!, metaOffsets[doc + 1]!);
    if (pieceChecksums !== null && checksumBytes(bytes) !== pieceChecksums.metas[doc]) {
      throw new CorpusFormatError(`corrupt corpus: metadata of article ${doc} is damaged`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(bytes));
    } catch {
      throw new CorpusFormatError(`corrupt corpus: metadata of article ${doc} is unreadable`);
    }
    meta = parseMeta(parsed, doc);
    this.#metas.set(doc, meta);
    this.#boilerplate.set(doc, parseSpans((parsed as { boilerplate?: unknown }).boilerplate, doc));
    return meta;
  }

  /** Where article `doc`'s text lies in the text blob: bytes `[start, end)`. */
  textRange(doc: number): readonly [number, number] {
    const { textOffsets } = this.#sections;
    return [textOffsets[doc]!, textOffsets[doc + 1]!];
  }

  /** Checksum of article `doc`'s text bytes (see checksumBytes), read without the text. */
  textChecksum(doc: number): number {
    return this.#sections.textChecksums[doc]!;
  }

  /** Bytes of article `doc`'s stored metadata. */
  metaBytes(doc: number): number {
    const { metaOffsets } = this.#sections;
    return metaOffsets[doc + 1]! - metaOffsets[doc]!;
  }

  /**
   * Metadata and text of article `doc`; the text is checked against its stored checksum.
   * Throws ArticleTextMissingError when the corpus was loaded from its head and the host
   * has not read that text yet.
   */
  article(doc: number): StoredArticle {
    const { textChecksums } = this.#sections;
    const [start, end] = this.textRange(doc);
    const bytes = this.#texts.read(start, end);
    if (bytes === undefined) throw new ArticleTextMissingError(`the text of article ${doc} (bytes ${start}-${end}) has not been read`);
    if (bytes.length !== end - start || checksumBytes(bytes) !== textChecksums[doc]) {
      throw new CorpusFormatError(`corrupt corpus: text of article ${doc} is damaged`);
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      // bytes that match a checksum recomputed over them, but are not text
      throw new CorpusFormatError(`corrupt corpus: text of article ${doc} is not valid UTF-8`);
    }
    const meta = this.meta(doc);
    const boilerplate = this.#boilerplate.get(doc)!;
    if (boilerplate.some(([, e]) => e > text.length)) throw new CorpusFormatError(`corrupt corpus: boilerplate of article ${doc} lies past its text`);
    return { ...meta, text, boilerplate };
  }
}

/** The recorded boilerplate spans: absent (an older corpus) is none; anything but ordered spans is damage. */
function parseSpans(value: unknown, doc: number): readonly Span[] {
  if (value === undefined) return [];
  const bad = () => new CorpusFormatError(`corrupt corpus: boilerplate of article ${doc} is not a list of spans`);
  if (!Array.isArray(value)) throw bad();
  let last = 0;
  return value.map((span: unknown) => {
    if (!Array.isArray(span) || span.length !== 2) throw bad();
    const [start, end] = span as unknown[];
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < last || (end as number) <= (start as number)) throw bad();
    last = end as number;
    return [start, end] as Span;
  });
}

function parseMeta(value: unknown, doc: number): ArticleMeta {
  const v = value as Record<string, unknown> | null;
  const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  if (!v || typeof v !== 'object' || typeof v.id !== 'string') throw new CorpusFormatError(`corrupt corpus: metadata of article ${doc} has no id`);
  const meta = { id: v.id, title: str(v.title) ?? v.id, outlet: str(v.outlet), published: str(v.published), url: str(v.url) };
  const firstSeen = str(v.firstSeen);
  return firstSeen === null ? meta : { ...meta, firstSeen };
}

/** First index of `sorted` whose value is not below `value`. */
export function lowerBound(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Opens a corpus file; one of an older format than this build reads as it is is rebuilt from its
 * articles first (legacy-corpus.ts). Throws CorpusFormatError when the bytes are not an intact corpus.
 */
export function loadCorpus(bytes: Uint8Array): Corpus {
  if (!isLegacyCorpus(bytes)) return new Corpus(decodeCorpus(bytes));
  const corpus = new Corpus(decodeCorpus(migrateLegacyCorpus(bytes)));
  corpus.rebuilt = true;
  return corpus;
}

/**
 * Opens a corpus from its head (see splitCorpusFile), its article texts read through
 * `texts`: retrieval needs only the head, and a check reads the texts of its few
 * candidates (see candidateArticles). Throws CorpusFormatError as loadCorpus does.
 */
export function loadCorpusHead(head: Uint8Array, texts: ArticleTextSource): Corpus {
  return new Corpus(decodeCorpusHead(head), texts);
}
