/**
 * Importing a corpus file, done by the options page itself. The page shares the
 * extension's origin, so it writes the bytes straight into the corpus store and
 * tells the background only the new id: a 10,000-article corpus is ~55 MB, and
 * runtime messages stop at 64 MiB (Chrome), so the bytes must never travel in one.
 * The store keeps the file's head and its texts apart (see corpus-store.ts).
 */
import type { CorpusStore } from './corpus-store.js';
import type { CorpusEntry } from './messages.js';

export interface CorpusImportDeps {
  store: CorpusStore;
  /**
   * The engine's reading of a corpus file: its article count, head and text blob (see
   * splitCorpusFile). Throws for bytes that are not a corpus (CorpusFormatError).
   */
  readCorpus(bytes: Uint8Array): { readonly size: number; readonly head: Uint8Array; readonly text: Uint8Array };
  uuid(): string;
  now(): Date;
  /** Tells the background corpus `id` is stored; answers its entry as the background loaded it. */
  announce(id: string): Promise<CorpusEntry>;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Check `bytes` (the file `name`) with the engine, store them and make the background use them.
 * Every failure is an Error whose message a reader can act on; nothing is left stored after one.
 */
export async function importCorpusFile(deps: CorpusImportDeps, name: string, bytes: Uint8Array): Promise<CorpusEntry> {
  if (bytes.length === 0) throw new Error(`${name} is empty. Make a corpus with "firsthand build-corpus".`);
  let read: ReturnType<CorpusImportDeps['readCorpus']>;
  try {
    read = deps.readCorpus(bytes);
  } catch (error) {
    throw new Error(`${name} is not a Firsthand corpus (${reasonOf(error)}). Make one with "firsthand build-corpus".`);
  }
  const id = deps.uuid();
  try {
    const { size: articles, head, text } = read;
    // A copy of the head: a view would keep (and make IndexedDB clone) the whole file's buffer.
    await deps.store.put({ id, name, articles, importedAt: deps.now().toISOString(), head: head.slice(), textBytes: text.length }, text);
  } catch (error) {
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
