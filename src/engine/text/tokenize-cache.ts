/**
 * Token text → term and flags, remembered. Word frequencies are Zipfian, so a
 * few thousand entries answer most lookups and spare the joiner removal,
 * Unicode folding, stemming and flag tests.
 *
 * A hash table of its own rather than a Map<string, …>: the key is looked up
 * as a span of the text being tokenized, hashed and compared in place, so a
 * token whose text was seen before costs no substring and no string hashing.
 * A slot holds everything a lookup reads but the term (hash, key position and
 * length, flags) in one 16-byte record, and keys are kept as UTF-16 units in
 * one pool, so a lookup in a large table touches few cache lines and the
 * table keeps no tokenized text alive. Only a new token's text is cut out,
 * to be described.
 *
 * Bounded, and cleared when full, so memory stays flat on any corpus.
 */

/** An entry's term and `TokenFlag` bits, or -1 for a text whose term is empty (no token). */
export interface TokenInfo {
  readonly term: string;
  readonly flags: number;
}

const INITIAL_SLOTS = 1 << 12;
/** Int32 fields of a slot record. */
const RECORD = 4;
/** Record fields: the key's hash; entry index + 1 (0 marks an empty slot); key offset in the pool; key length << 8 | flag byte. */
const HASH = 0;
const ENTRY = 1;
const KEY_AT = 2;
const LENGTH_FLAGS = 3;
/** The flag byte of a text that makes no token. */
const NO_TOKEN = 0xff;
/** Longer texts are described each time, not kept: they rarely repeat, and this bounds the pool. */
const MAX_KEY_LENGTH = 256;

/** FNV-1a over the UTF-16 units of `text.slice(start, end)`, then a final mix so the low bits index well. */
export function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class TokenCache {
  /** Open addressing with linear probing over RECORD-sized slots; at most half the slots are used. */
  private table = new Int32Array(INITIAL_SLOTS * RECORD);
  private mask = INITIAL_SLOTS - 1;
  private pool = new Uint16Array(INITIAL_SLOTS * 4);
  private poolUsed = 0;
  private terms: string[] = [];
  /** Term and flags of the last `find`. */
  private foundTerm = '';
  private foundFlags = 0;

  /**
   * @param describe what a token's text becomes; called once per new text.
   * @param limit entries kept before the table is emptied and starts over.
   */
  constructor(private readonly describe: (text: string) => TokenInfo, private readonly limit = 200_000) {}

  /** Entries held now. */
  get size(): number {
    return this.terms.length;
  }

  /**
   * Looks up `text.slice(start, end)`, describing and adding it first if new.
   * Returns false when it makes no token; otherwise `term` and `flags` tell it.
   */
  find(text: string, start: number, end: number): boolean {
    const hash = hashSpan(text, start, end);
    const length = end - start;
    const table = this.table;
    const pool = this.pool;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * RECORD;
      const entry = table[at + ENTRY]!;
      if (entry === 0) break;
      const lengthFlags = table[at + LENGTH_FLAGS]!;
      if (table[at + HASH] === hash && lengthFlags >>> 8 === length) {
        let k = table[at + KEY_AT]!;
        let i = start;
        while (i < end && pool[k] === text.charCodeAt(i)) {
          i++;
          k++;
        }
        if (i === end) return this.found(entry - 1, lengthFlags & 0xff);
      }
      slot = (slot + 1) & this.mask;
    }
    return this.add(text, start, end, hash);
  }

  get term(): string {
    return this.foundTerm;
  }

  get flags(): number {
    return this.foundFlags;
  }

  private found(index: number, flagByte: number): boolean {
    if (flagByte === NO_TOKEN) return false;
    this.foundTerm = this.terms[index]!;
    this.foundFlags = flagByte;
    return true;
  }

  private add(text: string, start: number, end: number, hash: number): boolean {
    const length = end - start;
    const info = this.describe(text.slice(start, end));
    if (length > MAX_KEY_LENGTH) {
      this.foundTerm = info.term;
      this.foundFlags = info.flags;
      return info.flags >= 0;
    }
    if (this.terms.length >= this.limit) this.clear();
    else if ((this.terms.length + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    if (this.poolUsed + length > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    const keyAt = this.poolUsed;
    for (let i = start; i < end; i++) this.pool[this.poolUsed++] = text.charCodeAt(i);
    const index = this.terms.length;
    this.terms.push(info.term);
    const flagByte = info.flags < 0 ? NO_TOKEN : info.flags;
    this.place(hash, index + 1, keyAt, (length << 8) | flagByte);
    return this.found(index, flagByte);
  }

  private place(hash: number, entry: number, keyAt: number, lengthFlags: number): void {
    let slot = hash & this.mask;
    while (this.table[slot * RECORD + ENTRY] !== 0) slot = (slot + 1) & this.mask;
    const at = slot * RECORD;
    this.table[at + HASH] = hash;
    this.table[at + ENTRY] = entry;
    this.table[at + KEY_AT] = keyAt;
    this.table[at + LENGTH_FLAGS] = lengthFlags;
  }

  private rehash(slots: number): void {
    const old = this.table;
    this.table = new Int32Array(slots * RECORD);
    this.mask = slots - 1;
    for (let at = 0; at < old.length; at += RECORD) {
      if (old[at + ENTRY] !== 0) this.place(old[at + HASH]!, old[at + ENTRY]!, old[at + KEY_AT]!, old[at + LENGTH_FLAGS]!);
    }
  }

  private clear(): void {
    this.table = new Int32Array(INITIAL_SLOTS * RECORD);
    this.mask = INITIAL_SLOTS - 1;
    this.pool = new Uint16Array(INITIAL_SLOTS * 4);
    this.poolUsed = 0;
    this.terms = [];
  }
}
