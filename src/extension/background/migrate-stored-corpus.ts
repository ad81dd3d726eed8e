/**
 * A corpus a reader imported under an older format (format 1, or an older hash version) is never
 * lost to an update: its article store still holds every text and its metadata, so it is rebuilt
 * as a current corpus, stored beside the old one under a new id, and the old one removed. A crash
 * between the two leaves both (a duplicate listed, nothing lost); the next load finds the old one
 * still legacy and does it again.
 */
import { splitCorpusFile } from '../../engine/index.js';
import { chunkCount, textReaderOf, type CorpusStore, type StoredCorpus } from '../corpus-store.js';
import type { EnginePort } from '../engine-port.js';

/** The migrated row, or null when `row` needs no migration (or is no corpus at all: loading it says why). */
export async function migrateStoredCorpus(engine: EnginePort, store: CorpusStore, row: StoredCorpus): Promise<StoredCorpus | null> {
  if (!engine.isLegacyCorpus || !engine.migrateLegacyCorpus) return null;
  let legacy: boolean;
  try {
    legacy = engine.isLegacyCorpus(row.head);
  } catch {
    return null;
  }
  if (!legacy) return null;
  const chunks = row.textBytes === 0 ? [] : await store.textChunks(row.id, Array.from({ length: chunkCount(row.textBytes) }, (_, i) => i));
  const whole = new Uint8Array(row.head.length + row.textBytes);
  whole.set(row.head, 0);
  let at = row.head.length;
  for (const chunk of chunks) {
    whole.set(chunk.subarray(0, whole.length - at), at);
    at += chunk.length;
  }
  const { head, text, size } = splitCorpusFile(engine.migrateLegacyCorpus(whole));
  const migrated: StoredCorpus = { ...row, id: `${row.id}-migrated`, articles: size, head: head.slice(), textBytes: text.length };
  await store.put(migrated, textReaderOf(text));
  await store.remove(row.id);
  return migrated;
}
