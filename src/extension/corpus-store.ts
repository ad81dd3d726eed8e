/**
 * Imported corpora, kept as bytes in IndexedDB (storage.local would need
 * base64 and counts against a quota; IndexedDB stores typed arrays as they are
 * and survives restarts).
 */

/** A stored corpus file. */
export interface StoredCorpus {
  id: string;
  /** The file name it was imported from. */
  name: string;
  /** Articles in it, read when it was imported. */
  articles: number;
  /** ISO date-time of the import. */
  importedAt: string;
  bytes: Uint8Array;
}

export interface CorpusStore {
  /** Every stored corpus, oldest first. */
  all(): Promise<StoredCorpus[]>;
  put(corpus: StoredCorpus): Promise<void>;
  remove(id: string): Promise<void>;
}

const DB_NAME = 'firsthand';
const DB_VERSION = 1;
const STORE = 'corpora';

/** The IndexedDB-backed store of an extension origin. */
export function indexedDbCorpusStore(factory: IDBFactory = indexedDB): CorpusStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> =>
    (opened ??= new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => {
        opened = null;
        reject(request.error ?? new Error('IndexedDB could not be opened.'));
      };
    }));
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const transaction = (await db()).transaction(STORE, mode);
    const request = act(transaction.objectStore(STORE));
    return new Promise<T>((resolve, reject) => {
      // Resolve on commit, not on request success: a write is only kept once the transaction completes.
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB request failed.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
    });
  };
  return {
    async all() {
      const rows = (await run('readonly', (store) => store.getAll())) as StoredCorpus[];
      return rows.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    },
    async put(corpus) {
      await run('readwrite', (store) => store.put(corpus));
    },
    async remove(id) {
      await run('readwrite', (store) => store.delete(id));
    },
  };
}

/** An in-memory store for tests. */
export function memoryCorpusStore(): CorpusStore {
  const rows = new Map<string, StoredCorpus>();
  return {
    async all() {
      return [...rows.values()].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    },
    async put(corpus) {
      rows.set(corpus.id, corpus);
    },
    async remove(id) {
      rows.delete(id);
    },
  };
}
