/**
 * The reader's corpus against a model, over random histories: adds (new addresses, new versions,
 * copies of stored texts), removals and clears, some of them stopped at a random write or at the
 * commit, some followed by a restart. After every change the corpus holds what the model holds;
 * a stopped change leaves it as it was, in the same worker and after a restart.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readerCorpus, type NewReaderArticle, type ReaderCorpus } from '../../src/extension/background/reader-corpus.js';
import { indexedDbReaderSegments } from '../../src/extension/background/reader-segments.js';
import { memoryCorpusStore } from '../../src/extension/corpus-store.js';
import { memoryStorageArea } from '../../src/extension/storage-area.js';
import { failing } from './support/failing-segments.js';

const TOWNS = ['Northpoint', 'Southport', 'Eastleigh', 'Westmere', 'Oldham', 'Midway', 'Newton', 'Lastville'];
const text = (town: number, version: number): string =>
  `${TOWNS[town]} council votes on the harbour budget\n\nThe ${TOWNS[town]} council voted on Tuesday to raise the harbour budget by a fifth (draft ${version}), after a long debate about dredging and ferry landings.`;

type Step =
  | { kind: 'add'; articles: Array<{ page: number; town: number; version: number }>; stop: Stop; restart: boolean }
  | { kind: 'remove'; page: number; stop: Stop; restart: boolean };
type Stop = { at: 'none' } | { at: 'write'; after: number } | { at: 'commit' };

const stop: fc.Arbitrary<Stop> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Stop>({ at: 'none' }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }).map<Stop>((after) => ({ at: 'write', after })) },
  { weight: 1, arbitrary: fc.constant<Stop>({ at: 'commit' }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      // distinct addresses in one batch; a page may carry another page's text (a copy)
      articles: fc.uniqueArray(fc.record({ page: fc.integer({ min: 0, max: 7 }), town: fc.integer({ min: 0, max: 7 }), version: fc.integer({ min: 0, max: 1 }) }), {
        minLength: 1, maxLength: 3, selector: (a) => a.page,
      }),
      stop, restart: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), page: fc.integer({ min: 0, max: 7 }), stop, restart: fc.boolean() }) },
);

const url = (page: number) => `https://gazette.example/story.php?id=${page}`;
const article = ({ page, town, version }: { page: number; town: number; version: number }): NewReaderArticle => ({
  url: url(page), title: `Story ${page}`, outlet: 'Gazette', published: null, text: text(town, version), origin: page % 2 === 0 ? 'followed' : 'read',
});

/** What the corpus should hold: text by address. */
function modelAdd(model: Map<string, string>, batch: readonly NewReaderArticle[]): Map<string, string> {
  const next = new Map(model);
  // a text stored when the batch began, or added by it, is not stored again
  const seen = new Set(model.values());
  for (const a of batch) {
    if (seen.has(a.text)) continue;
    seen.add(a.text);
    next.set(a.url, a.text);
  }
  return next;
}

async function held(corpus: ReaderCorpus): Promise<Map<string, string>> {
  return new Map((await corpus.articles()).map((a) => [a.url, a.text]));
}

describe('the reader\'s corpus over random histories', () => {
  test('holds what the model holds after every change; a stopped change loses nothing and half-applies nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const factory = new IDBFactory();
        let clock = Date.parse('2026-12-03T12:00:00Z');
        const open = () => {
          const faults = failing(indexedDbReaderSegments(factory));
          const corpus = readerCorpus({ store: faults.store, corpusStore: memoryCorpusStore(), settings: memoryStorageArea(), now: () => new Date((clock += 1000)) });
          return { corpus, faults };
        };
        let w = open();
        let model = new Map<string, string>();
        for (const s of steps) {
          const id = s.kind === 'remove' ? (await w.corpus.articles()).find((a) => a.url === url(s.page))?.id : undefined;
          if (s.stop.at === 'write') w.faults.failWritesFrom(s.stop.after);
          if (s.stop.at === 'commit') w.faults.failCommitsFrom(0);
          let expected: Map<string, string>;
          let done: Promise<unknown>;
          if (s.kind === 'add') {
            const batch = s.articles.map(article);
            expected = modelAdd(model, batch);
            done = w.corpus.add(batch);
          } else {
            expected = new Map(model);
            expected.delete(url(s.page));
            done = w.corpus.remove(id === undefined ? [] : [id]);
          }
          const ok = await done.then(() => true, (error: unknown) => {
            if (!/the worker stopped/.test(String(error))) throw error;
            return false;
          });
          w.faults.failWritesFrom(null);
          w.faults.failCommitsFrom(null);
          if (ok) model = expected;
          expect(await held(w.corpus)).toEqual(model);
          if (s.restart || !ok) {
            w = open();
            expect(await held(w.corpus)).toEqual(model);
          }
        }
        // nothing stored that the list does not name
        const list = await indexedDbReaderSegments(factory).manifest();
        expect((await indexedDbReaderSegments(factory).storedNames()).sort()).toEqual((list?.segments ?? []).map((e) => e.name).sort());
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
