/**
 * The IndexedDB corpus store, on fake-indexeddb (an in-memory IndexedDB for Node): a corpus
 * kept as its head and text chunks, all or nothing, removed whole, and corpora stored by an
 * earlier version (whole files) carried over by the database upgrade.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { buildCorpusIndex, loadCorpus, loadCorpusHead, splitCorpusFile } from '../../src/engine/index.js';
import { chunkCount, indexedDbCorpusStore, TEXT_CHUNK_BYTES, textReaderOf, type StoredCorpus } from '../../src/extension/corpus-store.js';
import { StoredTexts } from '../../src/extension/stored-texts.js';
import { NewsGenerator } from '../../src/bench/news-generator.js';
import { loadVocabulary } from '../../src/bench/vocabulary.js';

const corpusFile = (articles: number, seed = 3): Uint8Array => buildCorpusIndex(new NewsGenerator(loadVocabulary(), seed).corpus(articles));

function row(id: string, file: Uint8Array, importedAt = '2026-12-01T10:00:00Z'): { corpus: StoredCorpus; text: Uint8Array } {
  const { size, head, text } = splitCorpusFile(file);
  return { corpus: { id, name: `${id}.fhc`, articles: size, importedAt, head: head.slice(), textBytes: text.length }, text };
}

/** Every article of a stored corpus, read back through the store as the background reads it. */
async function articlesFromStore(store: ReturnType<typeof indexedDbCorpusStore>, stored: StoredCorpus) {
  const texts = new StoredTexts(store, stored.id, stored.textBytes, Infinity);
  const corpus = loadCorpusHead(stored.head, texts);
  await texts.load([[0, stored.textBytes]]);
  return Array.from({ length: corpus.size }, (_, doc) => corpus.article(doc));
}

describe('the IndexedDB corpus store', () => {
  test('keeps a corpus as its head and text chunks, gives every article back, and removes it whole', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    const file = corpusFile(40);
    const { corpus, text } = row('a', file);
    expect(chunkCount(text.length)).toBeGreaterThan(1);
    await store.put(corpus, textReaderOf(text));
    const [stored] = await store.all();
    expect(stored).toMatchObject({ id: 'a', name: 'a.fhc', articles: 40, textBytes: text.length });
    const whole = loadCorpus(file);
    expect(await articlesFromStore(store, stored!)).toEqual(Array.from({ length: 40 }, (_, doc) => whole.article(doc)));
    const [last] = await store.textChunks('a', [chunkCount(text.length) - 1]);
    expect(last!.length).toBe(text.length - (chunkCount(text.length) - 1) * TEXT_CHUNK_BYTES);

    await store.remove('a');
    expect(await store.all()).toEqual([]);
    await expect(store.textChunks('a', [0])).rejects.toThrow(/missing/);
  });

  test('lists corpora oldest first, and a text blob of the wrong length stores nothing', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    const newer = row('newer', corpusFile(3, 5), '2026-12-02T10:00:00Z');
    const older = row('older', corpusFile(3, 6), '2026-11-02T10:00:00Z');
    await store.put(newer.corpus, textReaderOf(newer.text));
    await store.put(older.corpus, textReaderOf(older.text));
    expect((await store.all()).map((c) => c.id)).toEqual(['older', 'newer']);
    const bad = row('bad', corpusFile(3, 7));
    await expect(store.put(bad.corpus, textReaderOf(bad.text.subarray(1)))).rejects.toThrow(/expected/);
    expect((await store.all()).map((c) => c.id)).toEqual(['older', 'newer']);
  });

  test('an open store does not hold up a later version\'s upgrade (an updated extension)', async () => {
    const factory = new IDBFactory();
    const store = indexedDbCorpusStore(factory);
    const a = row('a', corpusFile(3));
    await store.put(a.corpus, textReaderOf(a.text));
    const upgraded = await new Promise<number>((resolve, reject) => {
      const open = factory.open('firsthand', 3);
      open.onblocked = () => reject(new Error('upgrade blocked by the open store'));
      open.onsuccess = () => {
        const version = open.result.version;
        open.result.close();
        resolve(version);
      };
      open.onerror = () => reject(open.error);
    });
    expect(upgraded).toBe(3);
  });

  test('an upgrade from version 1 (whole files) splits every stored corpus and keeps an unreadable one listed', async () => {
    const factory = new IDBFactory();
    const file = corpusFile(25);
    // What the previous version left: one object store of whole files.
    await new Promise<void>((resolve, reject) => {
      const open = factory.open('firsthand', 1);
      open.onupgradeneeded = () => {
        const corpora = open.result.createObjectStore('corpora', { keyPath: 'id' });
        corpora.put({ id: 'old', name: 'old.fhc', articles: 25, importedAt: '2026-11-01T00:00:00Z', bytes: file });
        corpora.put({ id: 'junk', name: 'junk.fhc', articles: 2, importedAt: '2026-11-02T00:00:00Z', bytes: new Uint8Array([1, 2, 3]) });
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });

    const store = indexedDbCorpusStore(factory);
    const [old, junk] = await store.all();
    expect(old).toMatchObject({ id: 'old', name: 'old.fhc', articles: 25, textBytes: splitCorpusFile(file).text.length });
    expect(old).not.toHaveProperty('bytes');
    const whole = loadCorpus(file);
    expect(await articlesFromStore(store, old!)).toEqual(Array.from({ length: 25 }, (_, doc) => whole.article(doc)));
    // Not a corpus: still listed (the options page says it is unreadable), and it fails to load with a reason.
    expect(junk).toMatchObject({ id: 'junk', textBytes: 0 });
    expect(() => loadCorpusHead(junk!.head, { read: () => undefined })).toThrow(/too short/);
  });
});
