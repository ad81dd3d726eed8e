/**
 * Chrome's offscreen engine reads the reader's corpus through a read-only view (readerCorpusView):
 * the service worker alone changes it and says so after each commit. The view shows what was
 * committed, keeps it until told, and never migrates or deletes anything itself.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { readerCorpus, readerCorpusView, type NewReaderArticle } from '../../src/extension/background/reader-corpus.js';
import { indexedDbReaderSegments } from '../../src/extension/background/reader-segments.js';
import { memoryCorpusStore } from '../../src/extension/corpus-store.js';
import { memoryStorageArea } from '../../src/extension/storage-area.js';

const article = (url: string, topic: string): NewReaderArticle => ({
  url, title: `${topic} council votes`, outlet: 'Gazette', published: '2026-12-03T08:00:00Z', origin: 'added',
  text: `${topic} council votes on the harbour budget\n\nThe ${topic} council voted on Tuesday to raise the harbour budget by a fifth, after a long debate about dredging and the cost of winter repairs to the old stone piers.`,
});

const articlesIn = async (segments: Awaited<ReturnType<ReturnType<typeof readerCorpusView>['segments']>>) =>
  segments.reduce((n, s) => n + s.articles, 0);

test('the view shows the committed corpus, keeps it until the owner says it changed, then reads the new one', async () => {
  const factory = new IDBFactory();
  let notices = 0;
  const owner = readerCorpus({
    store: indexedDbReaderSegments(factory), corpusStore: memoryCorpusStore(), settings: memoryStorageArea(),
    now: () => new Date('2026-12-03T12:00:00Z'), changed: () => void notices++,
  });
  const view = readerCorpusView(indexedDbReaderSegments(factory));
  expect(await articlesIn(await view.segments())).toBe(0);

  await owner.add([article('https://gazette.example/a', 'Harbour')]);
  expect(notices).toBeGreaterThan(0);
  // read before the notice reached it: still the old list, a consistent one
  expect(await articlesIn(await view.segments())).toBe(0);
  view.forget();
  const segments = await view.segments();
  expect(await articlesIn(segments)).toBe(1);
  expect(segments[0]!.corpus.meta(0).url).toBe('https://gazette.example/a');

  const before = notices;
  await owner.clear();
  expect(notices).toBeGreaterThan(before);
  view.forget();
  expect(await articlesIn(await view.segments())).toBe(0);
});
