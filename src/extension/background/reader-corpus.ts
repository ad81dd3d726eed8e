/**
 * The reader's own corpus: the one place articles are added to it, whether followed sources
 * brought them, the reader checked them with "Remember what I read" on, or pressed "Add this
 * page". For now each article is a record in IndexedDB and every change rebuilds one corpus index
 * from all the records (as the CLI's `follow` rebuilds its file), stored in the corpus store
 * beside the imported ones, so checks use it with no other change. The seam is this interface:
 * an appendable, segmented index can replace the rebuild without its callers noticing.
 */
import { buildCorpusIndex, splitCorpusFile, type ArticleInput } from '../../engine/index.js';
import { dayOf } from '../../follow/instant.js';
import { itemKey } from '../../follow/item-key.js';
import { textKey } from '../../follow/followed-corpus.js';
import { shortHash } from '../../follow/short-hash.js';
import { textReaderOf, type CorpusStore } from '../corpus-store.js';

/** How an article came into the reader's corpus. */
export type ArticleOrigin = 'followed' | 'read' | 'added';

/** What the corpus needs of an article, and no more. */
export interface NewReaderArticle {
  readonly url: string;
  readonly title: string;
  readonly outlet: string | null;
  /** Publication instant or date; null when unknown. */
  readonly published: string | null;
  /** The text as checks compare it (headline first, see extract/page-text.ts). */
  readonly text: string;
  readonly origin: ArticleOrigin;
  /** The followed source that brought it; null for pages the reader read or added. */
  readonly source: string | null;
}

export interface ReaderArticle extends NewReaderArticle {
  readonly id: string;
  /** When this corpus first saw the article (ISO instant): a clock no page can set. */
  readonly firstSeen: string;
}

export interface AddOutcome {
  readonly added: number;
  readonly replaced: number;
  /** Already stored (same address and text, or the same text at another address). */
  readonly unchanged: number;
  /** The id each article is stored under, in the order given; null when its text is stored under another address. */
  readonly ids: ReadonlyArray<string | null>;
  /** What became of each article, in the order given. */
  readonly outcomes: ReadonlyArray<'added' | 'replaced' | 'unchanged'>;
}

export interface ReaderCorpusSummary {
  readonly articles: number;
  readonly byOrigin: Readonly<Record<ArticleOrigin, number>>;
}

export interface ReaderCorpus {
  add(articles: readonly NewReaderArticle[]): Promise<AddOutcome>;
  /** Removes the articles with these ids; answers how many there were. */
  remove(ids: readonly string[]): Promise<number>;
  /** Removes every article of these origins (all of them when none is given); answers how many. */
  clear(origins?: readonly ArticleOrigin[]): Promise<number>;
  summary(): Promise<ReaderCorpusSummary>;
}

/** Where the records live: IndexedDB in the extension, memory in tests. */
export interface ArticleRecords {
  all(): Promise<ReaderArticle[]>;
  /** Writes `put` and deletes `remove` in one transaction. */
  change(put: readonly ReaderArticle[], remove: readonly string[]): Promise<void>;
}

/** Ids of the reader's corpus in the corpus store start so; a rebuild writes a new one before removing the old. */
export const READER_CORPUS_PREFIX = 'reader-';
export const READER_CORPUS_NAME = 'Your corpus (followed sources and pages you kept)';

export const isReaderCorpusId = (id: string): boolean => id.startsWith(READER_CORPUS_PREFIX);

export interface ReaderCorpusDeps {
  records: ArticleRecords;
  corpusStore: CorpusStore;
  now(): Date;
  /** The stored corpora changed: checks must read them again. */
  changed(): void;
}

export function readerCorpus(deps: ReaderCorpusDeps): ReaderCorpus {
  // One change at a time: a follow run and a checked page may add at once, and each rebuild reads all records.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function rebuild(records: readonly ReaderArticle[]): Promise<void> {
    const old = (await deps.corpusStore.all()).filter((row) => isReaderCorpusId(row.id));
    if (records.length > 0) {
      const { head, text } = splitCorpusFile(buildCorpusIndex(records.map(corpusArticle)));
      const importedAt = deps.now().toISOString();
      const id = `${READER_CORPUS_PREFIX}${Date.parse(importedAt).toString(36)}-${shortHash(String(Math.random()))}`;
      await deps.corpusStore.put({ id, name: READER_CORPUS_NAME, articles: records.length, importedAt, head: head.slice(), textBytes: text.length }, textReaderOf(text));
    }
    for (const row of old) await deps.corpusStore.remove(row.id);
    deps.changed();
  }

  return {
    add: (articles) =>
      serial(async () => {
        const stored = await deps.records.all();
        const byAddress = new Map(stored.map((r) => [itemKey(r.url), r]));
        const byText = new Map(stored.map((r) => [textKey(r.text), r]));
        const put = new Map<string, ReaderArticle>();
        const ids: Array<string | null> = [];
        const outcomes: Array<'added' | 'replaced' | 'unchanged'> = [];
        let added = 0;
        let replaced = 0;
        let unchanged = 0;
        const firstSeen = deps.now().toISOString();
        for (const article of articles) {
          const address = itemKey(article.url);
          const text = textKey(article.text);
          const sameAddress = byAddress.get(address);
          const sameText = byText.get(text);
          // The same words at another address (a syndicated or scraped copy) are not stored twice.
          if (sameText !== undefined && sameText !== sameAddress) {
            unchanged++;
            ids.push(null);
            outcomes.push('unchanged');
            continue;
          }
          if (sameAddress !== undefined) {
            if (sameText === sameAddress && sameAddress.title === article.title) {
              unchanged++;
              ids.push(sameAddress.id);
              outcomes.push('unchanged');
              continue;
            }
            // An updated article replaces its older version and keeps when it was first seen.
            const record: ReaderArticle = { ...article, id: sameAddress.id, firstSeen: sameAddress.firstSeen };
            byText.delete(textKey(sameAddress.text));
            byAddress.set(address, record);
            byText.set(text, record);
            put.set(record.id, record);
            ids.push(record.id);
            outcomes.push('replaced');
            replaced++;
            continue;
          }
          const record: ReaderArticle = { ...article, id: `${article.origin}-${shortHash(address)}`, firstSeen };
          byAddress.set(address, record);
          byText.set(text, record);
          put.set(record.id, record);
          ids.push(record.id);
          outcomes.push('added');
          added++;
        }
        if (put.size > 0) {
          await deps.records.change([...put.values()], []);
          await rebuild(await deps.records.all());
        }
        return { added, replaced, unchanged, ids, outcomes };
      }),

    remove: (ids) =>
      serial(async () => {
        const stored = await deps.records.all();
        const gone = stored.filter((r) => ids.includes(r.id)).map((r) => r.id);
        if (gone.length === 0) return 0;
        await deps.records.change([], gone);
        await rebuild(stored.filter((r) => !gone.includes(r.id)));
        return gone.length;
      }),

    clear: (origins) =>
      serial(async () => {
        const stored = await deps.records.all();
        const gone = stored.filter((r) => origins === undefined || origins.includes(r.origin)).map((r) => r.id);
        if (gone.length === 0) return 0;
        await deps.records.change([], gone);
        await rebuild(stored.filter((r) => !gone.includes(r.id)));
        return gone.length;
      }),

    summary: () =>
      serial(async () => {
        const byOrigin: Record<ArticleOrigin, number> = { followed: 0, read: 0, added: 0 };
        const stored = await deps.records.all();
        for (const r of stored) byOrigin[r.origin]++;
        return { articles: stored.length, byOrigin };
      }),
  };
}

/** The corpus keeps a publication day (its format has no instant yet); the record keeps what was given. */
function corpusArticle(record: ReaderArticle): ArticleInput {
  return { id: record.id, title: record.title, outlet: record.outlet, published: record.published === null ? null : dayOf(record.published), url: record.url, text: record.text };
}

const DB_NAME = 'firsthand-reader';
const DB_VERSION = 1;
const ARTICLES = 'articles';

/** The records in their own IndexedDB database, apart from the corpus store's (whose format may change on its own). */
export function indexedDbArticleRecords(factory: IDBFactory = indexedDB): ArticleRecords {
  let opened: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> =>
    (opened ??= new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(ARTICLES)) request.result.createObjectStore(ARTICLES, { keyPath: 'id' });
      };
      request.onsuccess = () => {
        request.result.onversionchange = () => {
          request.result.close();
          opened = null;
        };
        resolve(request.result);
      };
      request.onerror = () => {
        opened = null;
        reject(request.error ?? new Error('IndexedDB could not be opened.'));
      };
    }));
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => () => T): Promise<T> => {
    const transaction = (await db()).transaction([ARTICLES], mode);
    const result = act(transaction.objectStore(ARTICLES));
    return new Promise<T>((resolve, reject) => {
      transaction.oncomplete = () => resolve(result());
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB request failed.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
    });
  };
  return {
    all: () =>
      run('readonly', (store) => {
        const request = store.getAll();
        return () => (request.result as ReaderArticle[]).sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || (a.id < b.id ? -1 : 1));
      }),
    change: (put, remove) =>
      run('readwrite', (store) => {
        for (const id of remove) store.delete(id);
        for (const record of put) store.put(record);
        return () => undefined;
      }),
  };
}

/** Records in memory, for tests. */
export function memoryArticleRecords(): ArticleRecords {
  const rows = new Map<string, ReaderArticle>();
  return {
    async all() {
      return [...rows.values()].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || (a.id < b.id ? -1 : 1));
    },
    async change(put, remove) {
      for (const id of remove) rows.delete(id);
      for (const record of put) rows.set(record.id, { ...record });
    },
  };
}
