/**
 * The article texts of an imported corpus, as the engine reads them (ArticleTextSource):
 * chunks of the corpus store, read before a check for its candidates and kept while the
 * worker lives, least recently used dropped first past a budget.
 */
import type { ArticleTextSource } from '../engine/index.js';
import { TEXT_CHUNK_BYTES, type CorpusStore } from './corpus-store.js';

/** Chunks kept per corpus between checks: a check's 16-40 candidates need at most 80 of 64 KiB. */
export const TEXT_CACHE_BYTES = 16 * 1024 * 1024;

/** Chunk numbers covering bytes `[start, end)`. */
function chunksOf(start: number, end: number): number[] {
  const out: number[] = [];
  for (let c = Math.floor(start / TEXT_CHUNK_BYTES); c * TEXT_CHUNK_BYTES < end; c++) out.push(c);
  return out;
}

export class StoredTexts implements ArticleTextSource {
  /** In least recently used order (a Map keeps insertion order; a use re-inserts). */
  readonly #chunks = new Map<number, Uint8Array>();
  #bytes = 0;

  constructor(
    private readonly store: Pick<CorpusStore, 'textChunks'>,
    private readonly corpusId: string,
    private readonly textBytes: number,
    private readonly budget = TEXT_CACHE_BYTES,
  ) {}

  /** Bytes of text held now. */
  get residentBytes(): number {
    return this.#bytes;
  }

  read(start: number, end: number): Uint8Array | undefined {
    if (!(start >= 0 && start <= end && end <= this.textBytes)) return undefined;
    const chunks = chunksOf(start, end);
    if (chunks.length === 0) return new Uint8Array(0);
    const parts: Uint8Array[] = [];
    for (const c of chunks) {
      const bytes = this.#chunks.get(c);
      if (bytes === undefined) return undefined;
      this.#chunks.delete(c);
      this.#chunks.set(c, bytes);
      parts.push(bytes);
    }
    const base = chunks[0]! * TEXT_CHUNK_BYTES;
    if (parts.length === 1) return parts[0]!.subarray(start - base, end - base);
    const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    return joined.subarray(start - base, end - base);
  }

  /** Reads from the store the chunks holding these byte ranges that are not in memory yet. */
  async load(ranges: ReadonlyArray<readonly [number, number]>): Promise<void> {
    const wanted = new Set<number>();
    for (const [start, end] of ranges) for (const c of chunksOf(start, Math.min(end, this.textBytes))) wanted.add(c);
    const missing = [...wanted].filter((c) => !this.#chunks.has(c)).sort((a, b) => a - b);
    if (missing.length === 0) return;
    const read = await this.store.textChunks(this.corpusId, missing);
    missing.forEach((c, i) => {
      this.#chunks.set(c, read[i]!);
      this.#bytes += read[i]!.length;
    });
    // Over budget: drop the least recently used chunks this check does not need.
    for (const [c, bytes] of this.#chunks) {
      if (this.#bytes <= this.budget) break;
      if (wanted.has(c)) continue;
      this.#chunks.delete(c);
      this.#bytes -= bytes.length;
    }
  }
}
