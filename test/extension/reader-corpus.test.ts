/**
 * The reader's own corpus (reader-corpus.ts): one copy per address and per text, an updated
 * article replacing its older version, and exactly one index in the corpus store, rebuilt from
 * the records on each change and gone when the last article is.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { loadCorpusHead } from '../../src/engine/index.js';
import {
  indexedDbArticleRecords, isReaderCorpusId, memoryArticleRecords, readerCorpus, type ArticleRecords, type NewReaderArticle,
} from '../../src/extension/background/reader-corpus.js';
import { memoryCorpusStore, type CorpusStore } from '../../src/extension/corpus-store.js';

const text = (topic: string): string =>
  `${topic} council votes on the harbour budget\n\nThe ${topic} council voted on Tuesday to raise the harbour budget by a fifth, after a long debate about dredging, ferry landings and the cost of winter repairs to the old stone piers.`;

const article = (url: string, topic: string, over: Partial<NewReaderArticle> = {}): NewReaderArticle => ({
  url, title: `${topic} council votes`, outlet: 'Gazette', published: '2026-12-03T08:00:00Z', text: text(topic), origin: 'followed', source: 'https://gazette.example/', ...over,
});

function corpusWith(records: ArticleRecords = memoryArticleRecords()) {
  const store = memoryCorpusStore();
  let clock = Date.parse('2026-12-03T12:00:00Z');
  let changes = 0;
  const corpus = readerCorpus({ records, corpusStore: store, now: () => new Date((clock += 1000)), changed: () => void changes++ });
  return { corpus, store, records, changes: () => changes };
}

async function readerRows(store: CorpusStore) {
  return (await store.all()).filter((row) => isReaderCorpusId(row.id));
}

describe('adding articles', () => {
  test('the same address is stored once, an updated text replaces it and keeps its first-seen time', async () => {
    const { corpus, records, store } = corpusWith();
    const first = await corpus.add([article('https://gazette.example/budget?utm_source=rss', 'Northpoint')]);
    expect(first).toMatchObject({ added: 1, replaced: 0, unchanged: 0, outcomes: ['added'] });
    const [stored] = await records.all();
    expect(await corpus.add([article('https://gazette.example/budget', 'Northpoint')])).toMatchObject({ unchanged: 1, ids: [stored!.id] });
    const updated = await corpus.add([article('https://gazette.example/budget', 'Northpoint', { text: `${text('Northpoint')} Updated at noon.` })]);
    expect(updated).toMatchObject({ replaced: 1, ids: [stored!.id] });
    const [after] = await records.all();
    expect(after!.firstSeen).toBe(stored!.firstSeen);
    expect(after!.text).toMatch(/Updated at noon\.$/);
    expect(await readerRows(store)).toHaveLength(1);
  });

  test('the same text at another address (a syndicated or scraped copy) is not stored twice', async () => {
    const { corpus, records } = corpusWith();
    await corpus.add([article('https://gazette.example/budget', 'Northpoint')]);
    const copy = await corpus.add([article('https://wire.example/story/123', 'Northpoint', { text: text('Northpoint').toUpperCase().replace(/ /g, '  ') })]);
    expect(copy).toMatchObject({ added: 0, unchanged: 1, ids: [null] });
    expect(await records.all()).toHaveLength(1);
  });

  test('the corpus store holds one index of every article, which loads; none once the last article is removed', async () => {
    const { corpus, store, changes } = corpusWith();
    const added = await corpus.add([article('https://gazette.example/a', 'Northpoint'), article('https://gazette.example/b', 'Southport', { origin: 'read', source: null })]);
    await corpus.add([article('https://gazette.example/c', 'Eastleigh', { origin: 'added', source: null })]);
    const rows = await readerRows(store);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.articles).toBe(3);
    const loaded = loadCorpusHead(rows[0]!.head, { read: () => undefined });
    expect(loaded.size).toBe(3);
    expect(loaded.meta(0)).toMatchObject({ id: added.ids[0], outlet: 'Gazette', published: '2026-12-03', url: 'https://gazette.example/a' });
    expect(await corpus.clear(['read', 'added'])).toBe(2);
    expect(await corpus.summary()).toEqual({ articles: 1, byOrigin: { followed: 1, read: 0, added: 0 } });
    expect(await corpus.remove([added.ids[0]!])).toBe(1);
    expect(await readerRows(store)).toEqual([]);
    expect(changes()).toBe(4);
  });

  test('nothing new, nothing rebuilt', async () => {
    const { corpus, changes } = corpusWith();
    await corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    await corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    expect(await corpus.remove(['no-such-id'])).toBe(0);
    expect(changes()).toBe(1);
  });

  test('changes made at once are applied one after the other: none is lost', async () => {
    const { corpus, records, store } = corpusWith();
    await Promise.all(['A', 'B', 'C', 'D'].map((t) => corpus.add([article(`https://gazette.example/${t}`, `${t}ton`)])));
    expect(await records.all()).toHaveLength(4);
    expect((await readerRows(store)).map((r) => r.articles)).toEqual([4]);
  });
});

describe('the IndexedDB records', () => {
  test('keep the articles across a reopened database (a worker restart)', async () => {
    const factory = new IDBFactory();
    const { corpus } = corpusWith(indexedDbArticleRecords(factory));
    await corpus.add([article('https://gazette.example/kept', 'Westmere')]);
    const reopened = indexedDbArticleRecords(factory);
    expect((await reopened.all()).map((r) => r.url)).toContain('https://gazette.example/kept');
  });
});
