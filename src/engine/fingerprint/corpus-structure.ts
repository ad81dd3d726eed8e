import { fmix32 } from './hash.js';
import { CorpusFormatError } from '../types.js';

/**
 * The structure a corpus file's sections must have for retrieval and the
 * article store to read them right. The header checksum catches damage, not a
 * file rewritten with a checksum recomputed over a wrong structure, which
 * would give silent wrong verdicts (issue 15): a bucket directory out of
 * order sends lookups to the wrong postings, an article number past the count
 * reads nothing, offsets out of order cut texts wrong, a duplicate id hides
 * one of two articles.
 *
 * What costs one pass over the articles is checked at load (the bucket
 * directory, the offsets, the ids). The postings, nearly all of the index, are
 * checked where they are read: a bucket's order the first time a lookup falls
 * in it, an article number when it is read (corpus.ts). A pass over all of them
 * at load would make loading a 100k-article corpus several times slower.
 */
export interface CorpusStructure {
  readonly buckets: Uint32Array;
  readonly textOffsets: Uint32Array;
  readonly metaOffsets: Uint32Array;
  readonly metaBlob: Uint8Array;
}

function fail(message: string): never {
  throw new CorpusFormatError(`corrupt corpus: ${message}`);
}

export function checkCorpusStructure(s: CorpusStructure): void {
  const { buckets } = s;
  for (let p = 1; p < buckets.length; p++) {
    if (buckets[p]! < buckets[p - 1]!) fail(`the bucket directory is out of order at prefix ${p - 1}`);
  }
  checkOffsets(s.textOffsets, 'text');
  checkOffsets(s.metaOffsets, 'metadata');
  checkDistinctIds(s.metaOffsets, s.metaBlob);
}

/** The low hashes of bucket `prefix`, `[from, to)`, ascending, as the binary search of a lookup needs them. */
export function checkBucket(lowHashes: Uint16Array, prefix: number, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    if (lowHashes[i]! < lowHashes[i - 1]!) fail(`the postings of hash prefix ${prefix} are out of order`);
  }
}

/**
 * Every posting at once (what lookups otherwise check as they go): for an importer, which reads the
 * whole file once anyway and must not store a corpus that fails later.
 */
export function checkAllPostings(buckets: Uint32Array, lowHashes: Uint16Array, docs: Uint8Array, articles: number): void {
  for (let p = 0; p + 1 < buckets.length; p++) checkBucket(lowHashes, p, buckets[p]!, buckets[p + 1]!);
  for (let at = 0; at < docs.length; at += 3) checkArticleNumber(docs[at]! | (docs[at + 1]! << 8) | (docs[at + 2]! << 16), at / 3, articles);
}

/** Article number `doc` read from posting `posting`, which must name one of the corpus's `articles`. */
export function checkArticleNumber(doc: number, posting: number, articles: number): void {
  if (doc >= articles) fail(`posting ${posting} names article ${doc}, past the ${articles} articles`);
}

/** Offsets start at 0 and never go back (the last was checked against the section's length already). */
function checkOffsets(offsets: Uint32Array, what: string): void {
  if (offsets[0] !== 0) fail(`the ${what} offsets do not start at 0`);
  for (let a = 1; a < offsets.length; a++) {
    if (offsets[a]! < offsets[a - 1]!) fail(`the ${what} offsets are out of order at article ${a - 1}`);
  }
}

const PREFIX = new TextEncoder().encode('{"id":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Where the id of the metadata at `[start, end)` of the blob ends, when it is written as the builder writes
 * it (first, with no escape): it starts at `start + PREFIX.length`. -1 for metadata written otherwise.
 */
function idEndAt(metaBlob: Uint8Array, start: number, end: number): number {
  if (!hasPrefix(metaBlob, start, end)) return -1;
  for (let i = start + PREFIX.length; i < end; i++) {
    const byte = metaBlob[i]!;
    if (byte === QUOTE) return i;
    if (byte === BACKSLASH) return -1;
  }
  return -1;
}

/** Whether the metadata at `[start, end)` opens as the builder writes it, `{"id":"`. */
function hasPrefix(metaBlob: Uint8Array, start: number, end: number): boolean {
  if (end - start < PREFIX.length) return false;
  for (let k = 0; k < PREFIX.length; k++) if (metaBlob[start + k] !== PREFIX[k]) return false;
  return true;
}

/** The id of metadata written otherwise than the builder does, as UTF-8 bytes, read by parsing it. */
function parsedId(metaBlob: Uint8Array, start: number, end: number, doc: number): Uint8Array {
  let id: unknown;
  try {
    id = (JSON.parse(utf8.decode(metaBlob.subarray(start, end))) as { id?: unknown } | null)?.id;
  } catch {
    fail(`metadata of article ${doc} is unreadable`);
  }
  if (typeof id !== 'string') fail(`metadata of article ${doc} has no id`);
  return new TextEncoder().encode(id);
}

/**
 * No two articles share an id. A hash set of article numbers keyed by their
 * ids' bytes, read in place in the metadata blob: no object per article. An id
 * written otherwise than the builder writes it is parsed out and kept apart.
 */
function checkDistinctIds(metaOffsets: Uint32Array, metaBlob: Uint8Array): void {
  const articles = metaOffsets.length - 1;
  let size = 16;
  while (size < articles * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const parsed = new Map<number, Uint8Array>();
  for (let doc = 0; doc < articles; doc++) {
    const start = metaOffsets[doc]!;
    const end = metaOffsets[doc + 1]!;
    let bytes = metaBlob;
    let from = start + PREFIX.length;
    let to = -1;
    // the builder's form, read and hashed in one pass (a second pass over 100k ids doubled the cost)
    let h = 0x811c9dc5;
    if (hasPrefix(metaBlob, start, end)) {
      for (let i = from; i < end; i++) {
        const byte = metaBlob[i]!;
        if (byte === QUOTE) {
          to = i;
          break;
        }
        if (byte === BACKSLASH) break;
        h = Math.imul(h ^ byte, 0x01000193);
      }
    }
    if (to < 0) {
      bytes = parsedId(metaBlob, start, end, doc);
      parsed.set(doc, bytes);
      from = 0;
      to = bytes.length;
      h = 0x811c9dc5;
      for (let i = 0; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    }
    for (let slot = fmix32(h) & mask; ; slot = (slot + 1) & mask) {
      const other = slots[slot]!;
      if (other < 0) {
        slots[slot] = doc;
        break;
      }
      // a shared slot is rare: the other id is found again rather than kept
      const otherStart = metaOffsets[other]!;
      const otherParsed = parsed.get(other);
      const same = otherParsed
        ? sameSpan(otherParsed, 0, otherParsed.length, bytes, from, to)
        : sameSpan(metaBlob, otherStart + PREFIX.length, idEndAt(metaBlob, otherStart, metaOffsets[other + 1]!), bytes, from, to);
      if (same) fail(`articles ${other} and ${doc} have the same id`);
    }
  }
}

function sameSpan(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
