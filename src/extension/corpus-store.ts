/**
 * Imported corpora, kept in IndexedDB (storage.local would need base64 and counts against a
 * quota; IndexedDB stores typed arrays as they are and survives restarts).
 *
 * A corpus is kept in two parts (see splitCorpusFile in the engine): its head (retrieval
 * index, offsets, checksums, metadata: ~0.5 KB an article) in one row, and its article texts
 * (~5 KB an article) in chunks of TEXT_CHUNK_BYTES. Chrome stops an idle worker after 30 s,
 * so most clicks wake a fresh one: it reads every head again, but only the chunks holding the
 * texts of the check's few candidates, not a whole 50 MB file for a 10,000-article corpus.
 */
import { splitCorpusFile } from '../engine/index.js';
import { openDatabase } from './indexed-db.js';

/** A stored corpus: what the options page lists, and its head. */
export interface StoredCorpus {
  id: string;
  /** The file name it was imported from. */
  name: string;
  /** Articles in it, read when it was imported. */
  articles: number;
  /** ISO date-time of the import. */
  importedAt: string;
  /** The corpus file up to its text blob. */
  head: Uint8Array;
  /** Length of the text blob, kept apart in chunks of TEXT_CHUNK_BYTES (the last one shorter). */
  textBytes: number;
}

/** Size of a stored piece of a corpus's texts: a candidate's text (~5 KB) is read with one or two. */
export const TEXT_CHUNK_BYTES = 64 * 1024;

/** How many chunks a text blob of `textBytes` bytes is kept in. */
export const chunkCount = (textBytes: number): number => Math.ceil(textBytes / TEXT_CHUNK_BYTES);

/** Bytes `[start, end)` of a text blob being stored, read on demand (from the imported file, a piece at a time). */
export type TextReader = (start: number, end: number) => Promise<Uint8Array>;

/** A text blob in memory as a TextReader. */
export const textReaderOf = (text: Uint8Array): TextReader => async (start, end) => text.subarray(start, end);

/** Chunks written per transaction while a text blob is stored: 4 MiB read from the file at a time. */
const CHUNKS_PER_WRITE = 64;

export interface CorpusStore {
  /** Every stored corpus, oldest first. */
  all(): Promise<StoredCorpus[]>;
  /**
   * Stores a corpus and its text blob (`corpus.textBytes` long, read through `text` a few MiB at a
   * time, so a 500 MB corpus is never whole in memory): all of it, or nothing. The texts are written
   * first and the corpus row last, so the corpus is listed only once every piece is in.
   */
  put(corpus: StoredCorpus, text: TextReader): Promise<void>;
  /** Chunks `chunks` of corpus `id`'s text blob, in that order; a chunk that is not there is an error. */
  textChunks(id: string, chunks: readonly number[]): Promise<Uint8Array[]>;
  /** Deletes a corpus and its texts. */
  remove(id: string): Promise<void>;
}

const DB_NAME = 'firsthand';
/** 1: whole corpus files in `corpora`; 2: heads in `corpora`, texts in `corpus-texts`. */
const DB_VERSION = 2;
const CORPORA = 'corpora';
const TEXTS = 'corpus-texts';

/** A piece of a text blob as stored: the corpus (or segment) it belongs to, its number, its bytes. */
export interface TextChunkRow {
  corpus: string;
  chunk: number;
  bytes: Uint8Array;
}

/** Rows of chunks `first`, `first + 1`, … of a corpus's text blob, `bytes` starting at chunk `first`. */
export function textChunkRows(id: string, bytes: Uint8Array, first = 0): TextChunkRow[] {
  const rows: TextChunkRow[] = [];
  for (let at = 0, chunk = first; at < bytes.length; at += TEXT_CHUNK_BYTES, chunk++) {
    // slice, not subarray: a view would make IndexedDB clone the whole buffer into every row.
    rows.push({ corpus: id, chunk, bytes: bytes.slice(at, at + TEXT_CHUNK_BYTES) });
  }
  return rows;
}

/**
 * Reads a text blob through `text` CHUNKS_PER_WRITE chunks at a time and hands each batch's rows to
 * `write`; a short read is an error, so a file cut during the import is not stored as a corpus.
 */
async function forEachChunkBatch(corpus: StoredCorpus, text: TextReader, write: (rows: TextChunkRow[]) => Promise<void>): Promise<void> {
  const batchBytes = CHUNKS_PER_WRITE * TEXT_CHUNK_BYTES;
  for (let start = 0; start < corpus.textBytes; start += batchBytes) {
    const end = Math.min(corpus.textBytes, start + batchBytes);
    const bytes = await text(start, end);
    if (bytes.length !== end - start) throw new RangeError(`read ${bytes.length} bytes of the texts at ${start}, expected ${end - start}`);
    await write(textChunkRows(corpus.id, bytes, start / TEXT_CHUNK_BYTES));
  }
}

/** A version-1 row (the whole file in `bytes`) as a head row and its text rows. */
function splitVersion1Row(row: Omit<StoredCorpus, 'head' | 'textBytes'> & { bytes: Uint8Array }): { corpus: StoredCorpus; texts: TextChunkRow[] } {
  const { bytes, ...listed } = row;
  try {
    const { head, text } = splitCorpusFile(bytes);
    return { corpus: { ...listed, head: head.slice(), textBytes: text.length }, texts: textChunkRows(row.id, text) };
  } catch {
    // Not an intact corpus: kept whole as its "head", so loading it fails and the list says why.
    return { corpus: { ...listed, head: bytes, textBytes: 0 }, texts: [] };
  }
}

/** The IndexedDB-backed store of an extension origin. */
export function indexedDbCorpusStore(factory: IDBFactory = indexedDB): CorpusStore {
  const db = openDatabase(factory, DB_NAME, DB_VERSION, (database, upgrade, oldVersion) => {
    if (!database.objectStoreNames.contains(CORPORA)) database.createObjectStore(CORPORA, { keyPath: 'id' });
    if (!database.objectStoreNames.contains(TEXTS)) database.createObjectStore(TEXTS, { keyPath: ['corpus', 'chunk'] });
    if (oldVersion === 1) {
      // Corpora imported before the split: cut each into its head and text chunks, in the upgrade itself.
      const texts = upgrade.objectStore(TEXTS);
      upgrade.objectStore(CORPORA).openCursor().onsuccess = (cursorEvent) => {
        const cursor = (cursorEvent.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return;
        const row = cursor.value as Record<string, unknown>;
        if (row.bytes instanceof Uint8Array) {
          const { corpus, texts: rows } = splitVersion1Row(row as Parameters<typeof splitVersion1Row>[0]);
          cursor.update(corpus);
          for (const text of rows) texts.put(text);
        }
        cursor.continue();
      };
    }
  });
  /** Runs `act` in one transaction; resolves with its result once the transaction has committed. */
  const run = <T>(stores: string[], mode: IDBTransactionMode, act: (transaction: IDBTransaction) => () => T): Promise<T> => db.run(stores, mode, act);
  const store: CorpusStore = {
    async all() {
      const rows = await run([CORPORA], 'readonly', (t) => {
        const request = t.objectStore(CORPORA).getAll();
        return () => request.result as StoredCorpus[];
      });
      return rows.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    },
    async put(corpus, text) {
      const writeRows = (rows: TextChunkRow[]) =>
        run([TEXTS], 'readwrite', (t) => {
          const texts = t.objectStore(TEXTS);
          for (const row of rows) texts.put(row);
          return () => undefined;
        });
      try {
        await forEachChunkBatch(corpus, text, writeRows);
        await run([CORPORA], 'readwrite', (t) => {
          t.objectStore(CORPORA).put(corpus);
          return () => undefined;
        });
      } catch (error) {
        await store.remove(corpus.id).catch(() => undefined);
        throw error;
      }
    },
    async textChunks(id, chunks) {
      const rows = await run([TEXTS], 'readonly', (t) => {
        const store = t.objectStore(TEXTS);
        const requests = chunks.map((chunk) => store.get([id, chunk]) as IDBRequest<TextChunkRow | undefined>);
        return () => requests.map((r) => r.result);
      });
      return rows.map((row, i) => {
        if (!row) throw new Error(`piece ${chunks[i]} of the corpus's texts is missing from this browser's storage`);
        return row.bytes;
      });
    },
    async remove(id) {
      await run([CORPORA, TEXTS], 'readwrite', (t) => {
        t.objectStore(TEXTS).delete(IDBKeyRange.bound([id, 0], [id, Infinity]));
        t.objectStore(CORPORA).delete(id);
        return () => undefined;
      });
    },
  };
  return store;
}

/** An in-memory store for tests, with the IndexedDB store's behaviour. */
export function memoryCorpusStore(): CorpusStore {
  const rows = new Map<string, StoredCorpus>();
  const texts = new Map<string, Uint8Array[]>();
  return {
    async all() {
      return [...rows.values()].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    },
    async put(corpus, text) {
      const chunks: Uint8Array[] = [];
      await forEachChunkBatch(corpus, text, async (batch) => {
        for (const row of batch) chunks[row.chunk] = row.bytes;
      });
      texts.set(corpus.id, chunks);
      rows.set(corpus.id, corpus);
    },
    async textChunks(id, chunks) {
      const stored = texts.get(id) ?? [];
      return chunks.map((chunk) => {
        const bytes = stored[chunk];
        if (!bytes) throw new Error(`piece ${chunk} of the corpus's texts is missing from this browser's storage`);
        return bytes;
      });
    },
    async remove(id) {
      rows.delete(id);
      texts.delete(id);
    },
  };
}
