/**
 * Synonyms for alignment: which terms a rewrite may swap for one another
 * ("speaks"/"talks", "Ukraine"/"Ukrainian"). Derived at build time from WordNet 3.1
 * (see src/build/build-lexicon.ts) into a compact binary table, which the CLI
 * and the extension load from the same bytes.
 *
 * Contract used by the aligner: `related(a, b)` is symmetric, false for unknown
 * terms, and true for a === b only when the term is known.
 */
export interface Lexicon {
  /** Number of terms the lexicon knows. */
  readonly size: number;
  /** True when terms `a` and `b` (outputs of `termOf`) share a synonym class. */
  related(a: string, b: string): boolean;
  /**
   * The term's row in the table (0 ≤ row < size), or -1 when unknown. With rows looked
   * up once per distinct term, the aligner's many pair questions are integer work.
   */
  rowOf(term: string): number;
  /** `related` for two rows from `rowOf`. */
  relatedRows(i: number, j: number): boolean;
}

/** A lexicon that knows no synonyms: alignment then relies on exact terms only. */
export const EMPTY_LEXICON: Lexicon = { size: 0, related: () => false, rowOf: () => -1, relatedRows: () => false };

/** The bytes are not a lexicon this code can read: wrong file, truncated, corrupted or a newer format. */
export class LexiconFormatError extends Error {
  override readonly name = 'LexiconFormatError';
}

/** A loaded lexicon: the `Lexicon` contract plus the table's shape, for reports and tests. */
export interface LoadedLexicon extends Lexicon {
  /** Number of synonym classes. */
  readonly classCount: number;
  /** Class ids (0 ≤ id < classCount, ascending) of a term; empty when unknown. */
  classesOf(term: string): Uint32Array;
}

/*
 * Format, all integers little-endian Uint32:
 *   header (32 bytes): magic "FHLX", version, termCount, classCount, linkCount, blobBytes, checksum, 0
 *   termOffsets[termCount + 1]  byte offsets of each term in the blob
 *   linkStarts[termCount + 1]   CSR: term i's classes are links[linkStarts[i] .. linkStarts[i + 1])
 *   links[linkCount]            class ids, ascending within each term
 *   blob[blobBytes]             the terms in UTF-8, sorted by bytes (= code point order), no separators
 * The checksum is FNV-1a over everything after the header. Sections are 4-byte
 * aligned so that loading is a handful of typed-array views.
 */
const MAGIC = 0x584c4846; // "FHLX" read as a little-endian Uint32
/** Bumped whenever the layout changes; a reader refuses any other version. */
export const LEXICON_FORMAT_VERSION = 1;
const HEADER_BYTES = 32;
/** Per-term lookups are memoized; a page has a few thousand distinct terms, so this bound is only a safety net. */
const MEMO_LIMIT = 1 << 16;

/**
 * Encodes synonym classes (each a list of terms) into the binary table.
 * Duplicate terms within a class are merged; a class of fewer than two distinct
 * terms relates nothing and is dropped; class ids follow the input order.
 */
export function encodeLexicon(classes: readonly (readonly string[])[]): Uint8Array {
  const classesByTerm = new Map<string, number[]>();
  let classCount = 0;
  for (const members of classes) {
    const distinct = new Set(members);
    if (distinct.size < 2) continue;
    for (const term of distinct) {
      if (term.length === 0) throw new RangeError('encodeLexicon: empty term');
      let list = classesByTerm.get(term);
      if (list === undefined) classesByTerm.set(term, (list = []));
      list.push(classCount);
    }
    classCount++;
  }
  const entries = [...classesByTerm.keys()].map((term) => ({ term, bytes: utf8(term) }));
  entries.sort((x, y) => compareBytes(x.bytes, y.bytes));

  const termCount = entries.length;
  const blobBytes = entries.reduce((n, e) => n + e.bytes.length, 0);
  const linkCount = [...classesByTerm.values()].reduce((n, l) => n + l.length, 0);
  const tableBytes = 4 * (2 * (termCount + 1) + linkCount);
  const out = new Uint8Array(HEADER_BYTES + tableBytes + blobBytes);
  const view = new DataView(out.buffer);
  let at = HEADER_BYTES;
  const put = (value: number): void => {
    view.setUint32(at, value, true);
    at += 4;
  };
  let offset = 0;
  for (const e of entries) {
    put(offset);
    offset += e.bytes.length;
  }
  put(offset);
  let link = 0;
  for (const e of entries) {
    put(link);
    link += classesByTerm.get(e.term)!.length;
  }
  put(link);
  for (const e of entries) for (const id of classesByTerm.get(e.term)!) put(id);
  for (const e of entries) {
    out.set(e.bytes, at);
    at += e.bytes.length;
  }

  const header = [MAGIC, LEXICON_FORMAT_VERSION, termCount, classCount, linkCount, blobBytes, 0, 0];
  header.forEach((value, i) => view.setUint32(4 * i, value, true));
  view.setUint32(24, checksum(out, HEADER_BYTES), true);
  return out;
}

/**
 * Reads a table made by `encodeLexicon`. Checks the header, the exact length,
 * the checksum and the table's structure, so a damaged file fails here with a
 * `LexiconFormatError` instead of giving wrong answers later. Cost: one pass
 * over the bytes (a few milliseconds for the shipped table), no parsing.
 */
export function loadLexicon(bytes: Uint8Array): LoadedLexicon {
  if (bytes.length < HEADER_BYTES) {
    throw new LexiconFormatError(`lexicon is truncated: ${bytes.length} bytes, the header alone needs ${HEADER_BYTES}`);
  }
  const head = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (head.getUint32(0, true) !== MAGIC) throw new LexiconFormatError('not a Firsthand lexicon (bad magic number)');
  const version = head.getUint32(4, true);
  if (version !== LEXICON_FORMAT_VERSION) {
    throw new LexiconFormatError(`lexicon format version ${version} is not supported (expected ${LEXICON_FORMAT_VERSION})`);
  }
  const termCount = head.getUint32(8, true);
  const classCount = head.getUint32(12, true);
  const linkCount = head.getUint32(16, true);
  const blobBytes = head.getUint32(20, true);
  const expected = HEADER_BYTES + 4 * (2 * (termCount + 1) + linkCount) + blobBytes;
  if (bytes.length !== expected) {
    throw new LexiconFormatError(`lexicon is ${bytes.length < expected ? 'truncated' : 'too long'}: ${bytes.length} bytes, its header says ${expected}`);
  }
  if (checksum(bytes, HEADER_BYTES) !== head.getUint32(24, true)) {
    throw new LexiconFormatError('lexicon is corrupted (checksum mismatch)');
  }

  const tableWords = 2 * (termCount + 1) + linkCount;
  const table = uint32View(bytes, HEADER_BYTES, tableWords);
  const termOffsets = table.subarray(0, termCount + 1);
  const linkStarts = table.subarray(termCount + 1, 2 * (termCount + 1));
  const links = table.subarray(2 * (termCount + 1));
  const blob = bytes.subarray(HEADER_BYTES + 4 * tableWords);
  validate(termOffsets, blobBytes, linkStarts, links, classCount, blob);

  const memo = new Map<string, number>();
  const indexOf = (term: string): number => {
    let index = memo.get(term);
    if (index === undefined) {
      index = search(term, termOffsets, blob, termCount);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(term, index);
    }
    return index;
  };
  const empty = new Uint32Array(0);
  const relatedRows = (i: number, j: number): boolean => {
    if (i === j) return true;
    // Both class lists are short and ascending: a merge walk finds a shared id.
    let p = linkStarts[i]!;
    const pEnd = linkStarts[i + 1]!;
    let q = linkStarts[j]!;
    const qEnd = linkStarts[j + 1]!;
    while (p < pEnd && q < qEnd) {
      const x = links[p]!;
      const y = links[q]!;
      if (x === y) return true;
      if (x < y) p++;
      else q++;
    }
    return false;
  };

  return {
    size: termCount,
    classCount,
    related(a: string, b: string): boolean {
      const i = indexOf(a);
      if (i < 0) return false;
      if (a === b) return true;
      const j = indexOf(b);
      return j >= 0 && relatedRows(i, j);
    },
    rowOf: indexOf,
    relatedRows,
    classesOf(term: string): Uint32Array {
      const i = indexOf(term);
      return i < 0 ? empty : links.subarray(linkStarts[i]!, linkStarts[i + 1]!);
    },
  };
}

/** A Uint32Array over `words` little-endian words of `bytes` from `byteOffset`, copying only when alignment or endianness demand it. */
function uint32View(bytes: Uint8Array, byteOffset: number, words: number): Uint32Array {
  const start = bytes.byteOffset + byteOffset;
  if (start % 4 === 0 && LITTLE_ENDIAN) return new Uint32Array(bytes.buffer, start, words);
  const view = new DataView(bytes.buffer, start, words * 4);
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = view.getUint32(4 * i, true);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function validate(
  termOffsets: Uint32Array,
  blobBytes: number,
  linkStarts: Uint32Array,
  links: Uint32Array,
  classCount: number,
  blob: Uint8Array,
): void {
  const termCount = termOffsets.length - 1;
  if (termOffsets[0] !== 0 || termOffsets[termCount] !== blobBytes || linkStarts[0] !== 0 || linkStarts[termCount] !== links.length) {
    throw new LexiconFormatError('lexicon tables do not span their sections');
  }
  for (let i = 0; i < termCount; i++) {
    const start = termOffsets[i]!;
    const end = termOffsets[i + 1]!;
    if (end <= start) throw new LexiconFormatError(`lexicon term ${i} is empty or out of order`);
    if (i > 0 && compareRanges(blob, termOffsets[i - 1]!, start, start, end) >= 0) {
      throw new LexiconFormatError(`lexicon terms are not sorted at term ${i}`);
    }
    const first = linkStarts[i]!;
    const last = linkStarts[i + 1]!;
    if (last <= first) throw new LexiconFormatError(`lexicon term ${i} has no class`);
    for (let k = first; k < last; k++) {
      const id = links[k]!;
      if (id >= classCount || (k > first && id <= links[k - 1]!)) {
        throw new LexiconFormatError(`lexicon term ${i} has an invalid class list`);
      }
    }
  }
}

/** Binary search for `term` among the sorted UTF-8 terms; -1 when absent. */
function search(term: string, termOffsets: Uint32Array, blob: Uint8Array, termCount: number): number {
  let lo = 0;
  let hi = termCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareStored(blob, termOffsets[mid]!, termOffsets[mid + 1]!, term);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Compares the stored UTF-8 term blob[start, end) with `term`, encoding the
 * string's code points on the fly (no TextEncoder: the engine uses no host API).
 * Byte order of UTF-8 equals code point order, the order the table is sorted in.
 */
function compareStored(blob: Uint8Array, start: number, end: number, term: string): number {
  let at = start;
  for (let i = 0; i < term.length; i++) {
    let cp = term.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < term.length) {
      const low = term.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) {
      const byte = n === 1 ? cp : k === 0 ? ((0xf0 << (4 - n)) & 0xff) | (cp >> (6 * (n - 1))) : 0x80 | ((cp >> (6 * (n - 1 - k))) & 0x3f);
      if (at >= end) return -1;
      const stored = blob[at++]!;
      if (stored !== byte) return stored - byte;
    }
  }
  return at < end ? 1 : 0;
}

function compareRanges(blob: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < n; k++) {
    const d = blob[aStart + k]! - blob[bStart + k]!;
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** FNV-1a (32-bit) over bytes[from, end). */
function checksum(bytes: Uint8Array, from: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}
