/**
 * The reader's own corpus (reader-corpus.ts) as a growing corpus in IndexedDB (reader-segments.ts,
 * fake-indexeddb here): one copy per address and per text, an updated article replacing its older
 * version, appends as segments and merges as the engine schedules them, a change that stops
 * anywhere losing nothing, version 1's records migrated, and the reader's retention.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { MERGE_FACTOR } from '../../src/engine/retrieve/growing-corpus.js';
import { mergesLikelyDue } from '../../src/extension/background/change-texts.js';
import { readerCorpus, type NewReaderArticle, type ReaderCorpus } from '../../src/extension/background/reader-corpus.js';
import { indexedDbReaderSegments, refused } from '../../src/extension/background/reader-segments.js';
import { indexedDbCorpusStore, memoryCorpusStore, textReaderOf, type CorpusStore } from '../../src/extension/corpus-store.js';
import { memoryStorageArea } from '../../src/extension/storage-area.js';
import { failing } from './support/failing-segments.js';

const text = (topic: string): string =>
  `${topic} council votes on the harbour budget\n\nThe ${topic} council voted on Tuesday to raise the harbour budget by a fifth, after a long debate about dredging, ferry landings and the cost of winter repairs to the old stone piers.`;

const article = (url: string, topic: string, over: Partial<NewReaderArticle> = {}): NewReaderArticle => ({
  url, title: `${topic} council votes`, outlet: 'Gazette', published: '2026-12-03T08:00:00Z', text: text(topic), origin: 'followed', ...over,
});

const DAY = 86_400_000;

function world(factory = new IDBFactory(), options: { corpusStore?: CorpusStore; start?: number; settings?: ReturnType<typeof memoryStorageArea> } = {}) {
  const faults = failing(indexedDbReaderSegments(factory));
  const clock = { now: options.start ?? Date.parse('2026-12-03T12:00:00Z') };
  const settings = options.settings ?? memoryStorageArea();
  const corpus = readerCorpus({
    store: faults.store, corpusStore: options.corpusStore ?? memoryCorpusStore(), settings, now: () => new Date((clock.now += 1000)),
  });
  return { corpus, factory, faults, clock, settings, segments: async () => (await indexedDbReaderSegments(factory).manifest())?.segments ?? [] };
}

const urls = async (corpus: ReaderCorpus) => (await corpus.articles()).map((a) => a.url).sort();

describe('adding articles', () => {
  test('the same address is stored once, an updated text replaces it and keeps its id and first-seen time', async () => {
    const { corpus } = world();
    const first = await corpus.add([article('https://gazette.example/budget?utm_source=rss', 'Northpoint')]);
    expect(first).toMatchObject({ added: 1, replaced: 0, unchanged: 0, outcomes: ['added'] });
    const [stored] = await corpus.articles();
    expect(await corpus.add([article('https://gazette.example/budget', 'Northpoint')])).toMatchObject({ unchanged: 1, ids: [stored!.id] });
    const updated = await corpus.add([article('https://gazette.example/budget', 'Northpoint', { text: `${text('Northpoint')} Updated at noon.`, origin: 'read' })]);
    expect(updated).toMatchObject({ replaced: 1, ids: [stored!.id], outcomes: ['replaced'] });
    const after = await corpus.articles();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: stored!.id, firstSeen: stored!.firstSeen, origin: 'followed' });
    expect(after[0]!.text).toMatch(/Updated at noon\.$/);
  });

  test('articles a site numbers in the query are two articles, not one version of the other', async () => {
    const { corpus } = world();
    const outcome = await corpus.add([article('https://gazette.example/story.php?id=123', 'Northpoint'), article('https://gazette.example/story.php?id=124', 'Southport')]);
    expect(outcome).toMatchObject({ added: 2, outcomes: ['added', 'added'] });
    expect(await urls(corpus)).toEqual(['https://gazette.example/story.php?id=123', 'https://gazette.example/story.php?id=124']);
  });

  test('the same text at another address (a syndicated or scraped copy) is not stored twice', async () => {
    const { corpus } = world();
    await corpus.add([article('https://gazette.example/budget', 'Northpoint')]);
    const copy = await corpus.add([article('https://wire.example/story/123', 'Northpoint', { origin: 'read' })]);
    expect(copy).toMatchObject({ added: 0, unchanged: 1, ids: [null], outcomes: ['unchanged'] });
    expect(await urls(corpus)).toEqual(['https://gazette.example/budget']);
  });

  test('each article keeps its title, outlet, publication instant and address, and is first seen by the extension\'s clock', async () => {
    const { corpus, clock } = world();
    const at = new Date(clock.now + 1000).toISOString();
    await corpus.add([article('https://gazette.example/a', 'Northpoint', { published: '2026-12-03T08:30:00.000Z' })]);
    const [segment] = await corpus.segments();
    expect(segment!.corpus.meta(0)).toEqual({
      id: expect.stringMatching(/^followed-/), title: 'Northpoint council votes', outlet: 'Gazette', published: '2026-12-03T08:30:00.000Z', url: 'https://gazette.example/a', firstSeen: at,
    });
  });

  test('origins are counted and cleared; removing every article leaves an empty corpus', async () => {
    const { corpus, faults } = world();
    await corpus.summary(); // the first start commits an empty list
    const commits = faults.counts.commits;
    const added = await corpus.add([article('https://gazette.example/a', 'Northpoint'), article('https://gazette.example/b', 'Southport', { origin: 'read' })]);
    await corpus.add([article('https://gazette.example/c', 'Eastleigh', { origin: 'added' })]);
    expect(await corpus.summary()).toMatchObject({ articles: 3, byOrigin: { followed: 1, read: 1, added: 1 } });
    expect(await corpus.clear(['read', 'added'])).toBe(2);
    expect(await corpus.summary()).toMatchObject({ articles: 1, byOrigin: { followed: 1, read: 0, added: 0 } });
    expect(await corpus.remove([added.ids[0]!])).toBe(1);
    expect(await corpus.summary()).toMatchObject({ articles: 0, bytes: 0 });
    expect(await corpus.segments()).toEqual([]);
    // one commit a change
    expect(faults.counts.commits - commits).toBe(4);
  });

  test('nothing new, nothing changed', async () => {
    const { corpus, faults } = world();
    await corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    const commits = faults.counts.commits;
    await corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    expect(await corpus.remove(['no-such-id'])).toBe(0);
    expect(faults.counts.commits).toBe(commits);
  });

  test('changes made at once are applied one after the other: none is lost', async () => {
    const { corpus } = world();
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((t) => corpus.add([article(`https://gazette.example/${t}`, `${t}ton`)])));
    expect(await urls(corpus)).toHaveLength(5);
  });
});

describe('a corpus that grows', () => {
  test('each add is a small segment, merged as the engine schedules it; an add reads no stored text unless a merge needs it', async () => {
    const { corpus, segments, faults } = world();
    const counts: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < 2 * MERGE_FACTOR; i++) {
      const before = faults.counts.textChunks;
      await corpus.add([article(`https://gazette.example/${i}`, `Town${i}`)]);
      counts.push((await segments()).length);
      reads.push(faults.counts.textChunks - before);
    }
    // four of one size make one of the next: never more than MERGE_FACTOR - 1 small ones wait
    expect(counts).toEqual([1, 2, 3, 1, 2, 3, 4, 2].slice(0, counts.length));
    expect(reads.slice(0, MERGE_FACTOR - 1)).toEqual([0, 0, 0]);
    expect(reads[MERGE_FACTOR - 1]).toBeGreaterThan(0);
    expect(await urls(corpus)).toHaveLength(2 * MERGE_FACTOR);
    // a check sees every article, once
    const live = (await corpus.segments()).reduce((n, s) => n + s.articles, 0);
    expect(live).toBe(2 * MERGE_FACTOR);
  });

  test('the corpus is there after the worker or the browser restarts (a new connection)', async () => {
    const factory = new IDBFactory();
    await world(factory).corpus.add([article('https://gazette.example/kept', 'Westmere')]);
    expect(await urls(world(factory).corpus)).toEqual(['https://gazette.example/kept']);
  });

  test.each([
    ['the merged segment\'s write', (w: ReturnType<typeof world>) => w.faults.failWritesFrom(1)],
    ['the appended segment\'s write', (w: ReturnType<typeof world>) => w.faults.failWritesFrom(0)],
    ['the list\'s commit', (w: ReturnType<typeof world>) => w.faults.failCommitsFrom(0)],
  ])('a change stopped at %s loses nothing, and what it wrote is deleted on the next start', async (_, stop) => {
    const factory = new IDBFactory();
    const w = world(factory);
    for (let i = 0; i < MERGE_FACTOR - 1; i++) await w.corpus.add([article(`https://gazette.example/${i}`, `Town${i}`)]);
    const before = await urls(w.corpus);
    const listed = (await w.segments()).map((e) => e.name);
    stop(w);
    // this add completes a tier: its segment is written, then the merge's, then the list
    await expect(w.corpus.add([article('https://gazette.example/last', 'Lastville')])).rejects.toThrow(/the worker stopped/);
    expect((await w.segments()).map((e) => e.name)).toEqual(listed);

    const restarted = world(factory);
    expect(await urls(restarted.corpus)).toEqual(before);
    expect((await indexedDbReaderSegments(factory).storedNames()).sort()).toEqual([...listed].sort());
    // and the corpus goes on growing
    await restarted.corpus.add([article('https://gazette.example/last', 'Lastville')]);
    expect(await urls(restarted.corpus)).toEqual([...before, 'https://gazette.example/last'].sort());
  });

  test('the same worker goes on after a failed change, from the list as it was', async () => {
    const w = world();
    for (let i = 0; i < MERGE_FACTOR - 1; i++) await w.corpus.add([article(`https://gazette.example/${i}`, `Town${i}`)]);
    w.faults.failWritesFrom(1);
    await expect(w.corpus.add([article('https://gazette.example/last', 'Lastville')])).rejects.toThrow(/the worker stopped/);
    w.faults.failWritesFrom(null);
    expect(await w.corpus.add([article('https://gazette.example/last', 'Lastville')])).toMatchObject({ added: 1 });
    expect(await urls(w.corpus)).toHaveLength(MERGE_FACTOR);
    expect(await w.corpus.summary()).toMatchObject({ articles: MERGE_FACTOR });
  });
});

test('a damaged segment list is said in words, and clearing the corpus starts it again', async () => {
  const factory = new IDBFactory();
  await world(factory).corpus.add([article('https://gazette.example/a', 'Northpoint')]);
  await new Promise<void>((resolve, reject) => {
    const request = factory.open('firsthand-reader');
    request.onsuccess = () => {
      const t = request.result.transaction(['segment-list'], 'readwrite');
      t.objectStore('segment-list').put(new TextEncoder().encode('{"format":"firsthand-growing-corpus","version":1,"segments":"?"}'), 'list');
      t.oncomplete = () => (request.result.close(), resolve());
      t.onerror = () => reject(t.error);
    };
  });
  const { corpus } = world(factory);
  await expect(corpus.summary()).rejects.toThrow(/corrupt corpus: the segment list is damaged/);
  await expect(corpus.add([article('https://gazette.example/b', 'Southport')])).rejects.toThrow(/segment list is damaged/);
  expect(await corpus.clear()).toBe(0);
  expect(await corpus.add([article('https://gazette.example/b', 'Southport')])).toMatchObject({ added: 1 });
  expect(await urls(corpus)).toEqual(['https://gazette.example/b']);
  expect(await indexedDbReaderSegments(factory).storedNames()).toHaveLength(1);
});

/** Version 1's database: one record per article, as reader-corpus.ts wrote them before segments. */
async function versionOneDatabase(factory: IDBFactory, records: object[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = factory.open('firsthand-reader', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('articles', { keyPath: 'id' });
    request.onsuccess = () => {
      const t = request.result.transaction(['articles'], 'readwrite');
      for (const r of records) t.objectStore('articles').put(r);
      t.oncomplete = () => {
        request.result.close();
        resolve();
      };
      t.onerror = () => reject(t.error);
    };
    request.onerror = () => reject(request.error);
  });
}

const legacy = (id: string, url: string, topic: string, origin: string, firstSeen: string) => ({
  url, title: `${topic} council votes`, outlet: 'Gazette', published: '2026-11-20T08:00:00Z', text: text(topic), origin, source: origin === 'followed' ? 'https://gazette.example/' : null, id, firstSeen,
});

describe('a corpus stored by version 1 (one record per article)', () => {
  const records = [
    legacy('followed-aaaa', 'https://gazette.example/a', 'Northpoint', 'followed', '2026-11-20T09:00:00.000Z'),
    legacy('read-bbbb', 'https://gazette.example/b', 'Southport', 'read', '2026-11-21T09:00:00.000Z'),
    legacy('added-cccc', 'https://gazette.example/c', 'Eastleigh', 'added', '2026-11-22T09:00:00.000Z'),
  ];

  test('is migrated, never lost: every article with its id, origin and first-seen time; the records and the old index go', async () => {
    const factory = new IDBFactory();
    await versionOneDatabase(factory, records);
    const corpusFactory = new IDBFactory();
    const corpusStore = indexedDbCorpusStore(corpusFactory);
    const old = new Uint8Array([1, 2, 3]);
    await corpusStore.put({ id: 'reader-mf2x-1a2b', name: 'Your corpus', articles: 3, importedAt: '2026-11-22T09:00:00.000Z', head: old, textBytes: 3 }, textReaderOf(old));
    await corpusStore.put({ id: 'imported-1', name: 'kept.fhc', articles: 1, importedAt: '2026-11-01T09:00:00.000Z', head: old, textBytes: 3 }, textReaderOf(old));

    const { corpus } = world(factory, { corpusStore });
    const migrated = await corpus.articles();
    expect(migrated.map(({ id, origin, firstSeen, url }) => ({ id, origin, firstSeen, url }))).toEqual(
      records.map(({ id, origin, firstSeen, url }) => ({ id, origin, firstSeen, url })),
    );
    expect(migrated[0]).toMatchObject({ title: 'Northpoint council votes', published: '2026-11-20T08:00:00Z', text: text('Northpoint') });
    expect(await corpus.summary()).toMatchObject({ articles: 3, byOrigin: { followed: 1, read: 1, added: 1 } });
    expect(await indexedDbReaderSegments(factory).legacyArticles()).toEqual([]);
    expect((await corpusStore.all()).map((r) => r.id)).toEqual(['imported-1']);
    // undo and dedup go on working on migrated articles
    expect(await corpus.add([article('https://gazette.example/a', 'Northpoint')])).toMatchObject({ unchanged: 1, ids: ['followed-aaaa'] });
    expect(await corpus.remove(['added-cccc'])).toBe(1);
  });

  test('a migration stopped before its commit leaves the records, and the next start migrates them', async () => {
    const factory = new IDBFactory();
    await versionOneDatabase(factory, records);
    const w = world(factory);
    w.faults.failCommitsFrom(0);
    await expect(w.corpus.summary()).rejects.toThrow(/the worker stopped/);
    expect(await indexedDbReaderSegments(factory).legacyArticles()).toHaveLength(3);
    expect((await world(factory).corpus.articles()).map((a) => a.id)).toEqual(records.map((r) => r.id));
  });
});

describe('retention', () => {
  test('by default an article leaves after 90 days, counted from when the corpus first saw it', async () => {
    const w = world();
    await w.corpus.add([article('https://gazette.example/old', 'Oldham')]);
    w.clock.now += 89 * DAY;
    await w.corpus.add([article('https://gazette.example/mid', 'Midway')]);
    expect(await urls(w.corpus)).toHaveLength(2);
    w.clock.now += 2 * DAY;
    await w.corpus.add([article('https://gazette.example/new', 'Newton')]);
    expect(await urls(w.corpus)).toEqual(['https://gazette.example/mid', 'https://gazette.example/new']);
    expect(await w.corpus.summary()).toMatchObject({ retention: { maxAgeDays: 90, maxMegabytes: 200 } });
  });

  test('an add that brings nothing new (a follow run of old items) still lets the articles past the age go', async () => {
    const w = world();
    await w.corpus.add([article('https://gazette.example/old', 'Oldham')]);
    w.clock.now += 91 * DAY;
    expect(await w.corpus.add([])).toMatchObject({ added: 0 });
    expect(await w.corpus.summary()).toMatchObject({ articles: 0 });
  });

  test('an add that brings nothing new and finds nothing to expire commits nothing', async () => {
    const w = world();
    await w.corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    const commits = w.faults.counts.commits;
    w.clock.now += 30 * DAY;
    await w.corpus.add([]);
    await w.corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    expect(w.faults.counts.commits).toBe(commits);
  });

  test('a setting the reader changes is stored and applied at once: the oldest go first', async () => {
    const w = world();
    await w.corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    w.clock.now += 10 * DAY;
    await w.corpus.add([article('https://gazette.example/b', 'Southport')]);
    w.clock.now += 10 * DAY;
    await w.corpus.add([article('https://gazette.example/c', 'Eastleigh')]);
    const summary = await w.corpus.setRetention({ maxAgeDays: 15, maxMegabytes: 200 });
    expect(summary).toMatchObject({ articles: 2, retention: { maxAgeDays: 15, maxMegabytes: 200 } });
    expect(await urls(w.corpus)).toEqual(['https://gazette.example/b', 'https://gazette.example/c']);
    // kept for the next start, and for the next change
    expect(await world(w.factory, { settings: w.settings }).corpus.summary()).toMatchObject({ retention: { maxAgeDays: 15 } });
  });

  test('the size limit counts the stored text and metadata', async () => {
    const w = world();
    // ~3 MB of text: three articles of ~1.1 MB each
    const big = (topic: string) => article(`https://gazette.example/${topic}`, topic, { text: `${text(topic)} ${`${topic} harbour dredging ferry landing. `.repeat(30_000)}` });
    for (const topic of ['Alpha', 'Bravo', 'Charlie']) {
      await w.corpus.add([big(topic)]);
      w.clock.now += DAY;
    }
    const before = await w.corpus.summary();
    expect(before.articles).toBe(3);
    expect(before.bytes).toBeGreaterThan(2 * 1024 * 1024);
    const after = await w.corpus.setRetention({ maxAgeDays: 90, maxMegabytes: 2 });
    expect(after.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(await urls(w.corpus)).toEqual(['https://gazette.example/Charlie']);
  });

  test.each([
    [{ maxAgeDays: 0, maxMegabytes: 200 }, /whole number of days from 1 to 3650/],
    [{ maxAgeDays: 2.5, maxMegabytes: 200 }, /whole number of days/],
    [{ maxAgeDays: 90, maxMegabytes: -1 }, /whole number of megabytes from 1 to 100,000/],
    [{ maxAgeDays: '90', maxMegabytes: 200 }, /whole number of days/],
    [null, /whole number of days/],
  ])('a setting out of bounds (%j) is refused in words, and nothing is removed', async (setting, message) => {
    const w = world();
    await w.corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    await expect(w.corpus.setRetention(setting)).rejects.toThrow(message);
    expect(await w.corpus.summary()).toMatchObject({ articles: 1, retention: { maxAgeDays: 90, maxMegabytes: 200 } });
  });
});

describe('a write the browser refuses', () => {
  test('a full disk is said in words, with what to do, and the corpus is as it was', async () => {
    const factory = new IDBFactory();
    const w = world(factory);
    await w.corpus.add([article('https://gazette.example/a', 'Northpoint')]);
    const store = indexedDbReaderSegments(factory);
    const full = readerCorpus({
      store: { ...store, write: async () => { throw refused(new DOMException('quota', 'QuotaExceededError')); } },
      corpusStore: memoryCorpusStore(), settings: memoryStorageArea(), now: () => new Date(),
    });
    await expect(full.add([article('https://gazette.example/b', 'Southport')])).rejects.toThrow(/storage is full\. Lower the size your corpus may grow to in Options/);
    expect(await urls(world(factory).corpus)).toEqual(['https://gazette.example/a']);
  });
});

describe('the merges a change will run, read ahead', () => {
  const list = (...sizes: number[]) => ({
    format: 'firsthand-growing-corpus' as const, version: 1 as const, nextSegment: sizes.length + 1,
    segments: sizes.map((articles, i) => ({ name: `seg-${i + 1}`, articles, removed: [] as number[] })),
  });

  test('as the engine schedules them, a cascade included; none when none is due', () => {
    expect(mergesLikelyDue(list(30, 30), 30)).toEqual([]);
    expect(mergesLikelyDue(list(30, 30, 30), 30)).toEqual(['seg-1', 'seg-2', 'seg-3']);
    // four of 30 make one of 120, which completes a run of four of 120
    expect(mergesLikelyDue(list(120, 120, 120, 30, 30, 30), 30)).toEqual(['seg-4', 'seg-5', 'seg-6', 'seg-1', 'seg-2', 'seg-3']);
    // a segment half removed is rewritten on its own
    expect(mergesLikelyDue({ ...list(10), segments: [{ name: 'seg-1', articles: 10, removed: [0, 1, 2, 3, 4] }] }, 0)).toEqual(['seg-1']);
  });
});
