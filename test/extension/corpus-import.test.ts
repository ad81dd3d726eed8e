/**
 * Importing a corpus file from the options page: read a piece at a time (a 100,000-article
 * corpus is ~540 MB), checked by the engine before anything is stored, and all or nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { buildCorpusIndex, loadCorpus, loadCorpusHead, splitCorpusFile } from '../../src/engine/index.js';
import { reseal, sections } from '../helpers/corpus-surgery.js';
import { bytesSource, engineCorpusReader, importCorpusFile, type CorpusFileSource } from '../../src/extension/corpus-import.js';
import { indexedDbCorpusStore, TEXT_CHUNK_BYTES, type CorpusStore } from '../../src/extension/corpus-store.js';
import type { CorpusEntry } from '../../src/extension/messages.js';
import { StoredTexts } from '../../src/extension/stored-texts.js';
import { NewsGenerator } from '../../src/bench/news-generator.js';
import { loadVocabulary } from '../../src/bench/vocabulary.js';

/** ~5.5 MB: its texts take more than one 4 MiB write. */
const bigFile = buildCorpusIndex(new NewsGenerator(loadVocabulary(), 11).corpus(1000));

/** A source over `bytes` that logs each read and can fail from the `failAt`-th read on. */
function loggedSource(bytes: Uint8Array, failAt = Infinity): CorpusFileSource & { reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = [];
  return {
    reads,
    size: bytes.length,
    async read(start, end) {
      reads.push([start, end]);
      if (reads.length >= failAt) throw new Error('NotReadableError: the file was moved');
      return bytes.subarray(start, end);
    },
  };
}

function deps(store: CorpusStore) {
  return {
    store,
    reader: engineCorpusReader,
    uuid: () => 'imported-1',
    now: () => new Date('2026-12-03T09:00:00Z'),
    announce: async (id: string): Promise<CorpusEntry> => ({ id, name: 'big.fhc', articles: 1000, bundled: false, importedAt: '2026-12-03T09:00:00Z' }),
  };
}

describe('importing a corpus file', () => {
  test('reads the header, the head, then the texts a few MiB at a time, never the whole file; every article comes back', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    const source = loggedSource(bigFile);
    await importCorpusFile(deps(store), 'big.fhc', source);
    const longest = Math.max(...source.reads.map(([s, e]) => e - s));
    expect(source.reads.length).toBeGreaterThan(3);
    expect(longest).toBeLessThanOrEqual(Math.max(64 * TEXT_CHUNK_BYTES, source.reads[1]![1]));
    expect(longest).toBeLessThan(bigFile.length - TEXT_CHUNK_BYTES);

    const [stored] = await store.all();
    expect(stored).toMatchObject({ id: 'imported-1', name: 'big.fhc', articles: 1000 });
    const texts = new StoredTexts(store, stored!.id, stored!.textBytes, Infinity);
    const corpus = loadCorpusHead(stored!.head, texts);
    await texts.load([[0, stored!.textBytes]]);
    const whole = loadCorpus(bigFile);
    for (const doc of [0, 1, 499, 999]) expect(corpus.article(doc)).toEqual(whole.article(doc));
  });

  test('a corpus file of format 1 (an older hash version too) is rebuilt from its articles and imported, not refused', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    const v1 = new Uint8Array(readFileSync(new URL('../fixtures/corpus/v1-synthetic.fhc', import.meta.url)));
    await importCorpusFile(deps(store), 'v1.fhc', bytesSource(v1));
    const [stored] = await store.all();
    expect(stored).toMatchObject({ id: 'imported-1', articles: 12 });
    const texts = new StoredTexts(store, stored!.id, stored!.textBytes, Infinity);
    const corpus = loadCorpusHead(stored!.head, texts);
    await texts.load([[0, stored!.textBytes]]);
    expect(corpus.article(11)).toEqual(loadCorpus(v1).article(11));
  });

  test('a file that lost its end is refused before anything is stored', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    await expect(importCorpusFile(deps(store), 'cut.fhc', bytesSource(bigFile.subarray(0, bigFile.length - 100)))).rejects.toThrow(
      /^cut\.fhc is not a Firsthand corpus \(.*truncated.*\)\. Make one with "firsthand build-corpus"\.$/,
    );
    expect(await store.all()).toEqual([]);
  });

  test('a file that stops being readable half-way leaves nothing stored, not even the pieces already written', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    const source = loggedSource(bigFile, 4); // header, head, first 4 MiB of texts, then the failure
    await expect(importCorpusFile(deps(store), 'big.fhc', source)).rejects.toThrow(/^big\.fhc could not be read \(NotReadableError: the file was moved\)\.$/);
    expect(await store.all()).toEqual([]);
    await expect(store.textChunks('imported-1', [0])).rejects.toThrow(/missing/);
  });

  test('one flipped bit in the texts is refused at import, naming the article, and nothing is stored', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    const { head, text } = splitCorpusFile(bigFile);
    const damaged = bigFile.slice();
    const doc = 700;
    const [start] = loadCorpus(bigFile).textRange(doc);
    damaged[head.length + start + 3]! ^= 0x04;
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024); // the damage lies past the first write
    await expect(importCorpusFile(deps(store), 'flipped.fhc', bytesSource(damaged))).rejects.toThrow(
      new RegExp(`^flipped\\.fhc is damaged \\(corrupt corpus: text of article ${doc} is damaged\\)\\.`),
    );
    expect(await store.all()).toEqual([]);
    await expect(store.textChunks('imported-1', [0])).rejects.toThrow(/missing/);
  });

  test('a head whose postings are out of order under a recomputed checksum is refused at import', async () => {
    const store = indexedDbCorpusStore(new IDBFactory());
    // two postings of one bucket swapped
    const forged = bigFile.slice();
    const { buckets, lowHashes: lows } = sections(forged);
    const p = buckets.findIndex((v, i) => buckets[i + 1]! - v >= 2 && lows[v]! !== lows[v + 1]!);
    const at = buckets[p]!;
    [lows[at], lows[at + 1]] = [lows[at + 1]!, lows[at]!];
    // unsealed, the bucket's checksum refuses it; resealed as a forger would, its order does
    await expect(importCorpusFile(deps(store), 'forged.fhc', bytesSource(forged.slice()))).rejects.toThrow(
      /^forged\.fhc is not a Firsthand corpus \(corrupt corpus: the postings of hash prefix \d+ are damaged\)/,
    );
    await expect(importCorpusFile(deps(store), 'forged.fhc', bytesSource(reseal(forged)))).rejects.toThrow(
      /^forged\.fhc is not a Firsthand corpus \(corrupt corpus: the postings of hash prefix \d+ are out of order\)/,
    );
    expect(await store.all()).toEqual([]);
  });
});
