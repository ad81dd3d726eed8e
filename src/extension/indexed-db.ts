/**
 * One IndexedDB database of the extension's origin, opened on first use: the part every store
 * (corpora, reports, the reader's corpus) shares, so each says only which object stores it keeps
 * and what goes in them.
 */

export interface Database {
  /**
   * Runs `act` in one transaction over `stores`; resolves with what its callback answers once the
   * transaction has committed (a write is kept only then), rejects when it fails or aborts.
   */
  run<T>(stores: readonly string[], mode: IDBTransactionMode, act: (transaction: IDBTransaction) => () => T): Promise<T>;
}

/**
 * `upgrade` creates the object stores a version needs, in the versionchange transaction (`oldVersion`
 * 0 for a new database).
 */
export function openDatabase(
  factory: IDBFactory, name: string, version: number,
  upgrade: (database: IDBDatabase, transaction: IDBTransaction, oldVersion: number) => void,
): Database {
  let opened: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> =>
    (opened ??= new Promise((resolve, reject) => {
      const request = factory.open(name, version);
      request.onupgradeneeded = (event) => upgrade(request.result, request.transaction!, event.oldVersion);
      request.onsuccess = () => {
        // Another page upgrading the database (an updated extension) must not wait on this connection.
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
  async function run<T>(stores: readonly string[], mode: IDBTransactionMode, act: (transaction: IDBTransaction) => () => T): Promise<T> {
    const transaction = (await db()).transaction([...stores], mode);
    return new Promise<T>((resolve, reject) => {
      let result: () => T;
      try {
        result = act(transaction);
      } catch (error) {
        // A request refused at once (a value that cannot be cloned, say) throws rather than failing the transaction.
        transaction.abort();
        reject(error);
        return;
      }
      transaction.oncomplete = () => resolve(result());
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB request failed.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
    });
  }
  return { run };
}
