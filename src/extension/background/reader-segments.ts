/**
 * Where the reader's growing corpus is kept: its own IndexedDB database (`firsthand-reader`), apart
 * from the imported corpora's (whose format may change on its own). A segment is kept as the
 * corpora are (corpus-store.ts): its head in one row, its texts in chunks, so a check reads only
 * its candidates' chunks. The segment list is one row, written by `commit` in a transaction of its
 * own after every segment it names: a worker stopped or a browser closed mid-change leaves the
 * list as it was, naming only whole segments; what no list names is deleted by the next change.
 *
 * Version 1 kept each article as a record (`articles`) and rebuilt one index from all of them on
 * every change; those records are read once to make the first segment, and the commit of that
 * segment's list deletes them in the same transaction (see reader-corpus.ts).
 */
import { encodeManifest, parseManifest, splitCorpusFile, type GrowingCorpusManifest } from '../../engine/index.js';
import { textChunkRows, type TextChunkRow } from '../corpus-store.js';
import { openDatabase } from '../indexed-db.js';

/** An article as version 1 kept it. */
export interface LegacyReaderArticle {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly text: string;
  readonly origin: string;
  readonly firstSeen: string;
}

/** A stored segment's head and the length of its texts. */
export interface SegmentHead {
  readonly name: string;
  readonly head: Uint8Array;
  readonly textBytes: number;
}

export interface ReaderSegmentStore {
  /** The committed segment list; null before the first commit. */
  manifest(): Promise<GrowingCorpusManifest | null>;
  /** Stored segments' heads, in one transaction (a cold worker reads them all at once); an error when one is not stored. */
  heads(names: readonly string[]): Promise<SegmentHead[]>;
  /** Chunks `chunks` of a segment's texts, in that order; a chunk that is not there is an error. */
  textChunks(name: string, chunks: readonly number[]): Promise<Uint8Array[]>;
  /** Stores a segment (a corpus file) under a name no list holds yet, whole or not at all; answers its head. */
  write(name: string, bytes: Uint8Array): Promise<SegmentHead>;
  /** Makes `manifest` the list, and deletes version 1's records, in one transaction. */
  commit(manifest: GrowingCorpusManifest): Promise<void>;
  /** Deletes these segments (heads and texts). */
  discard(names: readonly string[]): Promise<void>;
  /** Names of every stored segment, listed or not. */
  storedNames(): Promise<string[]>;
  /** Version 1's records (none once migrated). */
  legacyArticles(): Promise<LegacyReaderArticle[]>;
}

const DB_NAME = 'firsthand-reader';
/** 1: one record per article (`articles`); 2: a growing corpus (`segments`, `segment-texts`, `segment-list`). */
const DB_VERSION = 2;
const LEGACY_ARTICLES = 'articles';
const SEGMENTS = 'segments';
const TEXTS = 'segment-texts';
const LIST = 'segment-list';
const LIST_KEY = 'list';

/** A write the browser refused, in words; a full disk says what the reader can do about it. */
export function refused(cause: unknown): Error {
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : '';
  const detail = cause instanceof Error || cause instanceof DOMException ? cause.message : String(cause);
  return new Error(
    name === 'QuotaExceededError'
      ? 'The browser refused to store the articles: its storage is full. Lower the size your corpus may grow to in Options, or clear some of it.'
      : `The browser refused to store the articles (${detail || name || 'unknown error'}); your corpus is as it was.`,
  );
}

export function indexedDbReaderSegments(factory: IDBFactory = indexedDB): ReaderSegmentStore {
  const db = openDatabase(factory, DB_NAME, DB_VERSION, (database) => {
    // version 1's records stay until they are migrated (an upgrade transaction cannot build a segment)
    if (!database.objectStoreNames.contains(LEGACY_ARTICLES)) database.createObjectStore(LEGACY_ARTICLES, { keyPath: 'id' });
    if (!database.objectStoreNames.contains(SEGMENTS)) database.createObjectStore(SEGMENTS, { keyPath: 'name' });
    if (!database.objectStoreNames.contains(TEXTS)) database.createObjectStore(TEXTS, { keyPath: ['corpus', 'chunk'] });
    if (!database.objectStoreNames.contains(LIST)) database.createObjectStore(LIST);
  });
  const chunksOf = (name: string) => IDBKeyRange.bound([name, 0], [name, Infinity]);
  return {
    async manifest() {
      const bytes = await db.run([LIST], 'readonly', (t) => {
        const request = t.objectStore(LIST).get(LIST_KEY) as IDBRequest<Uint8Array | undefined>;
        return () => request.result;
      });
      return bytes === undefined ? null : parseManifest(bytes);
    },
    async heads(names) {
      if (names.length === 0) return [];
      const rows = await db.run([SEGMENTS], 'readonly', (t) => {
        const requests = names.map((name) => t.objectStore(SEGMENTS).get(name) as IDBRequest<SegmentHead | undefined>);
        return () => requests.map((r) => r.result);
      });
      return rows.map((row, i) => {
        if (row === undefined) throw new Error(`segment ${names[i]} of your corpus is missing from this browser's storage`);
        return row;
      });
    },
    async textChunks(name, chunks) {
      const rows = await db.run([TEXTS], 'readonly', (t) => {
        const store = t.objectStore(TEXTS);
        const requests = chunks.map((chunk) => store.get([name, chunk]) as IDBRequest<TextChunkRow | undefined>);
        return () => requests.map((r) => r.result);
      });
      return rows.map((row, i) => {
        if (!row) throw new Error(`piece ${chunks[i]} of your corpus's segment ${name} is missing from this browser's storage`);
        return row.bytes;
      });
    },
    async write(name, bytes) {
      const { head, text } = splitCorpusFile(bytes);
      const rows = textChunkRows(name, text);
      const stored: SegmentHead = { name, head: head.slice(), textBytes: text.length };
      await db.run([SEGMENTS, TEXTS], 'readwrite', (t) => {
        // what an earlier, uncommitted change left under this name goes with it
        t.objectStore(TEXTS).delete(chunksOf(name));
        for (const row of rows) t.objectStore(TEXTS).put(row);
        t.objectStore(SEGMENTS).put(stored);
        return () => undefined;
      }).catch((error: unknown) => {
        throw refused(error);
      });
      return stored;
    },
    async commit(manifest) {
      const bytes = encodeManifest(manifest);
      await db.run([LIST, LEGACY_ARTICLES], 'readwrite', (t) => {
        t.objectStore(LIST).put(bytes, LIST_KEY);
        t.objectStore(LEGACY_ARTICLES).clear();
        return () => undefined;
      });
    },
    async discard(names) {
      if (names.length === 0) return;
      await db.run([SEGMENTS, TEXTS], 'readwrite', (t) => {
        for (const name of names) {
          t.objectStore(TEXTS).delete(chunksOf(name));
          t.objectStore(SEGMENTS).delete(name);
        }
        return () => undefined;
      });
    },
    storedNames: () =>
      db.run([SEGMENTS], 'readonly', (t) => {
        const request = t.objectStore(SEGMENTS).getAllKeys();
        return () => request.result.map(String);
      }),
    legacyArticles: () =>
      db.run([LEGACY_ARTICLES], 'readonly', (t) => {
        const request = t.objectStore(LEGACY_ARTICLES).getAll();
        return () => request.result as LegacyReaderArticle[];
      }),
  };
}
