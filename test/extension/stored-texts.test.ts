/**
 * An imported corpus's texts held by the background: chunks read from the store when a
 * check needs them, given back byte for byte across chunk boundaries, kept within a budget.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { memoryCorpusStore, TEXT_CHUNK_BYTES, textReaderOf, type CorpusStore } from '../../src/extension/corpus-store.js';
import { StoredTexts } from '../../src/extension/stored-texts.js';

/** A store holding one corpus whose text blob is `text`, counting the chunks read. */
async function storeWith(text: Uint8Array): Promise<{ store: CorpusStore; reads: number[] }> {
  const store = memoryCorpusStore();
  await store.put({ id: 'c', name: 'c.fhc', articles: 1, importedAt: '2026-12-01T00:00:00Z', head: new Uint8Array(4), textBytes: text.length }, textReaderOf(text));
  const reads: number[] = [];
  const read = store.textChunks.bind(store);
  store.textChunks = async (id, chunks) => {
    reads.push(...chunks);
    return read(id, chunks);
  };
  return { store, reads };
}

const blob = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + (i >> 8)) & 0xff);

describe('StoredTexts', () => {
  test('nothing is readable before it is loaded; after, any range inside the loaded ones comes back exactly', async () => {
    const text = blob(3 * TEXT_CHUNK_BYTES + 500);
    const { store, reads } = await storeWith(text);
    const texts = new StoredTexts(store, 'c', text.length);
    const range: [number, number] = [TEXT_CHUNK_BYTES - 100, 2 * TEXT_CHUNK_BYTES + 100]; // spans three chunks
    expect(texts.read(...range)).toBeUndefined();
    await texts.load([range]);
    expect(reads).toEqual([0, 1, 2]);
    expect(texts.read(...range)).toEqual(text.subarray(...range));
    expect(texts.read(10, 20)).toEqual(text.subarray(10, 20));
    expect(texts.read(3 * TEXT_CHUNK_BYTES, 3 * TEXT_CHUNK_BYTES + 1)).toBeUndefined(); // chunk 3 not loaded
    expect(texts.read(0, text.length + 1)).toBeUndefined(); // past the blob
  });

  test('property: loading a set of ranges makes each readable, byte for byte, reading each chunk once', async () => {
    const text = blob(5 * TEXT_CHUNK_BYTES + 1234);
    const range = fc.tuple(fc.nat(text.length), fc.nat(5_000)).map(([start, length]): [number, number] => [start, Math.min(text.length, start + length)]);
    await fc.assert(
      fc.asyncProperty(fc.array(range, { minLength: 1, maxLength: 6 }), async (ranges) => {
        const { store, reads } = await storeWith(text);
        const texts = new StoredTexts(store, 'c', text.length);
        await texts.load(ranges);
        await texts.load(ranges);
        expect(new Set(reads).size).toBe(reads.length);
        for (const [start, end] of ranges) expect(texts.read(start, end)).toEqual(text.subarray(start, end));
      }),
      { numRuns: 40 },
    );
  });

  test('past its budget it drops the least recently used chunks, never one the current check needs', async () => {
    const text = blob(6 * TEXT_CHUNK_BYTES);
    const { store, reads } = await storeWith(text);
    const texts = new StoredTexts(store, 'c', text.length, 2 * TEXT_CHUNK_BYTES);
    const chunk = (c: number): [number, number] => [c * TEXT_CHUNK_BYTES + 1, c * TEXT_CHUNK_BYTES + 2];
    await texts.load([chunk(0), chunk(1)]);
    texts.read(...chunk(0)); // 0 used last: 1 is the least recently used
    await texts.load([chunk(2)]);
    expect(texts.residentBytes).toBe(2 * TEXT_CHUNK_BYTES);
    expect(texts.read(...chunk(1))).toBeUndefined();
    expect(texts.read(...chunk(0))).toBeDefined();
    // A check that needs more than the budget keeps all it needs.
    await texts.load([chunk(3), chunk(4), chunk(5)]);
    for (const c of [3, 4, 5]) expect(texts.read(...chunk(c))).toEqual(text.subarray(...chunk(c)));
    expect(reads).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a chunk missing from the store is an error with a reason, not a wrong text', async () => {
    const text = blob(2 * TEXT_CHUNK_BYTES);
    const { store } = await storeWith(text);
    const texts = new StoredTexts(store, 'other-corpus', text.length);
    await expect(texts.load([[0, 10]])).rejects.toThrow(/missing from this browser's storage/);
    expect(texts.read(0, 10)).toBeUndefined();
  });
});
