/**
 * Where reports are kept: IndexedDB, a database of their own (`firsthand-reports`), one row per
 * report. storage.local held them before, and its 10 MB quota filled with a few long pages'
 * reports; IndexedDB takes what the disk allows. A write the browser refuses (disk full, quota)
 * rejects with a ReportNotStored error that says so: a report is never dropped silently.
 */
import { openDatabase } from './indexed-db.js';

export interface ReportRows {
  /** Every stored row, as stored (readReport decides what it is). */
  all(): Promise<unknown[]>;
  /** One row, or undefined. */
  get(id: string): Promise<unknown>;
  /** Keep a row (a report with an `id`), replacing one with the same id. Resolves once it is on disk. */
  put(row: { id: string }): Promise<void>;
  delete(id: string): Promise<void>;
}

/** The browser would not keep a report. */
export class ReportNotStored extends Error {
  constructor(cause: unknown) {
    const name = cause instanceof Error || cause instanceof DOMException ? cause.name : '';
    const detail = cause instanceof Error || cause instanceof DOMException ? cause.message : String(cause);
    const why = name === 'QuotaExceededError' ? 'its storage is full' : `it answered: ${detail || name || 'unknown error'}`;
    super(`The browser refused to store the report (${why}). Free some disk space, or delete old reports, and try again.`);
    this.name = 'ReportNotStored';
  }
}

const DB_NAME = 'firsthand-reports';
const DB_VERSION = 1;
const REPORTS = 'reports';

export function indexedDbReportRows(factory: IDBFactory = indexedDB): ReportRows {
  const db = openDatabase(factory, DB_NAME, DB_VERSION, (database) => {
    if (!database.objectStoreNames.contains(REPORTS)) database.createObjectStore(REPORTS, { keyPath: 'id' });
  });
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => () => T): Promise<T> => db.run([REPORTS], mode, (t) => act(t.objectStore(REPORTS)));
  return {
    all: () =>
      run('readonly', (store) => {
        const request = store.getAll();
        return () => request.result as unknown[];
      }),
    get: (id) =>
      run('readonly', (store) => {
        const request = store.get(id);
        return () => request.result as unknown;
      }),
    async put(row) {
      try {
        await run('readwrite', (store) => {
          store.put(row);
          return () => undefined;
        });
      } catch (error) {
        throw new ReportNotStored(error);
      }
    },
    delete: (id) =>
      run('readwrite', (store) => {
        store.delete(id);
        return () => undefined;
      }),
  };
}

/** In-memory rows with the IndexedDB rows' behaviour (values copied as structured clones). */
export function memoryReportRows(): ReportRows & { readonly items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    async all() {
      return [...items.values()].map((v) => structuredClone(v));
    },
    async get(id) {
      return items.has(id) ? structuredClone(items.get(id)) : undefined;
    },
    async put(row) {
      items.set(row.id, structuredClone(row));
    },
    async delete(id) {
      items.delete(id);
    },
  };
}
