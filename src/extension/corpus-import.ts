/**
 * Importing a corpus file, done by the options page itself. The page shares the
 * extension's origin, so it writes the file straight into the corpus store and
 * tells the background only the new id: a 10,000-article corpus is ~55 MB, and
 * runtime messages stop at 64 MiB (Chrome), so the bytes must never travel in one.
 * The file is read a piece at a time (its head, then its texts a few MiB at a time:
 * see corpus-store.ts), so a 100,000-article corpus (~540 MB) is never whole in memory.
 */
import { articleTextChecker, CORPUS_HEADER_BYTES, corpusFileLengths, isLegacyCorpus, loadCorpusHead, migrateLegacyCorpus } from '../engine/index.js';
import { textReaderOf, type CorpusStore } from './corpus-store.js';
import type { CorpusEntry } from './messages.js';

/** A corpus file to import, read by byte range (a File's slices in the options page). */
export interface CorpusFileSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A file already in memory as a CorpusFileSource. */
export const bytesSource = (bytes: Uint8Array): CorpusFileSource => ({ size: bytes.length, read: textReaderOf(bytes) });

/**
 * How a corpus file is read: how long its head and texts are, from its first `headerBytes` bytes,
 * and how many articles an intact head indexes. Both throw for bytes that are not a corpus.
 */
export interface CorpusFileReader {
  readonly headerBytes: number;
  lengthsOf(header: Uint8Array): { head: number; text: number };
  articlesIn(head: Uint8Array): number;
  /** Checks the texts of an intact head's corpus as they are read, in order (see articleTextChecker). */
  textChecker(head: Uint8Array): (piece: Uint8Array) => void;
  /** Whether a file with this header is of a format read only by rebuilding it (legacy-corpus.ts); false for what is no corpus. */
  isLegacy?(header: Uint8Array): boolean;
  /** Such a file, whole, rebuilt as a current corpus file; throws for a damaged one. */
  migrate?(file: Uint8Array): Uint8Array;
}

/** The engine's reading (corpusFileLengths, loadCorpusHead): the same checks the background's loading makes. */
export const engineCorpusReader: CorpusFileReader = {
  headerBytes: CORPUS_HEADER_BYTES,
  lengthsOf: corpusFileLengths,
  articlesIn: (head) => loadCorpusHead(head, { read: () => undefined }).size,
  textChecker: articleTextChecker,
  isLegacy: (header) => {
    try {
      return isLegacyCorpus(header);
    } catch {
      return false; // not a corpus, or a newer one: lengthsOf says which
    }
  },
  migrate: migrateLegacyCorpus,
};

export interface CorpusImportDeps {
  store: CorpusStore;
  reader: CorpusFileReader;
  uuid(): string;
  now(): Date;
  /** Tells the background corpus `id` is stored; answers its entry as the background loaded it. */
  announce(id: string): Promise<CorpusEntry>;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A file of an older corpus format (format 1, an older hash version), rebuilt in memory from its
 * articles so it imports like a current one; any other file as it is.
 */
async function migratedIfLegacy(reader: CorpusFileReader, name: string, file: CorpusFileSource): Promise<CorpusFileSource> {
  if (!reader.isLegacy || !reader.migrate) return file;
  let whole: Uint8Array;
  try {
    if (!reader.isLegacy(await file.read(0, Math.min(file.size, reader.headerBytes)))) return file;
    whole = await file.read(0, file.size);
  } catch (error) {
    throw new Error(`${name} could not be read (${reasonOf(error)}).`);
  }
  try {
    return bytesSource(reader.migrate(whole));
  } catch (error) {
    throw new Error(`${name} is an older Firsthand corpus that could not be rebuilt (${reasonOf(error)}). Build the corpus file again.`);
  }
}

/** The file itself could not be read (moved, deleted, or no longer permitted while importing). */
class UnreadableFile extends Error {}

/** A text of the file does not match its head (a flipped bit, a bad copy). */
class DamagedText extends Error {}

/**
 * Check the file `name` with the engine, store it and make the background use it. Every failure
 * is an Error whose message a reader can act on; nothing is left stored after one.
 */
export async function importCorpusFile(deps: CorpusImportDeps, name: string, given: CorpusFileSource): Promise<CorpusEntry> {
  if (given.size === 0) throw new Error(`${name} is empty. Make a corpus with "firsthand build-corpus".`);
  const file = await migratedIfLegacy(deps.reader, name, given);
  const read = async (start: number, end: number): Promise<Uint8Array> => {
    try {
      return await file.read(start, end);
    } catch (error) {
      throw new UnreadableFile(reasonOf(error));
    }
  };
  const unreadable = (error: UnreadableFile): Error => new Error(`${name} could not be read (${error.message}).`);
  const notACorpus = (reason: string): Error => new Error(`${name} is not a Firsthand corpus (${reason}). Make one with "firsthand build-corpus".`);
  let lengths: { head: number; text: number };
  let head: Uint8Array;
  let articles: number;
  let checkTexts: (piece: Uint8Array) => void;
  try {
    lengths = deps.reader.lengthsOf(await read(0, Math.min(file.size, deps.reader.headerBytes)));
    if (file.size !== lengths.head + lengths.text) {
      throw new Error(`the file has ${file.size} bytes, its header says ${lengths.head + lengths.text}: it is truncated or has bytes after its end`);
    }
    // A copy: a view would keep (and make IndexedDB clone) a bigger buffer.
    head = (await read(0, lengths.head)).slice();
    articles = deps.reader.articlesIn(head);
    // Every text is checked against the head as it is stored: a damaged one would otherwise be found only by a check.
    checkTexts = deps.reader.textChecker(head);
  } catch (error) {
    throw error instanceof UnreadableFile ? unreadable(error) : notACorpus(reasonOf(error));
  }
  const id = deps.uuid();
  const checkedRead = async (start: number, end: number): Promise<Uint8Array> => {
    const piece = await read(lengths.head + start, lengths.head + end);
    try {
      checkTexts(piece);
    } catch (error) {
      throw new DamagedText(reasonOf(error));
    }
    return piece;
  };
  try {
    await deps.store.put({ id, name, articles, importedAt: deps.now().toISOString(), head, textBytes: lengths.text }, checkedRead);
  } catch (error) {
    if (error instanceof UnreadableFile) throw unreadable(error);
    if (error instanceof DamagedText) throw new Error(`${name} is damaged (${error.message}). Copy or build the corpus file again.`);
    throw new Error(`${name} could not be saved in this browser (${reasonOf(error)}).`);
  }
  try {
    return await deps.announce(id);
  } catch (error) {
    // A corpus the checks do not use must not sit in the store looking imported.
    await deps.store.remove(id).catch(() => undefined);
    throw new Error(`${name} was read but the checks could not start using it (${reasonOf(error)}).`);
  }
}
