/**
 * Articles a check found damaged in a loaded corpus (a flipped bit in its
 * stored text: the engine's checksum refuses it). The check sets each aside and
 * goes on; the corpus's entry says so, for the options page to show, while the
 * worker lives (a later worker finds them again when a check reaches them).
 */
import type { CorpusEntry } from '../messages.js';

export interface DamageRecord {
  entry: CorpusEntry;
  /** Article numbers found damaged so far. */
  damagedDocs?: Set<number>;
}

export function markDamagedArticle(loaded: DamageRecord, doc: number, reason: string): void {
  const docs = (loaded.damagedDocs ??= new Set());
  docs.add(doc);
  const count = docs.size === 1 ? '1 article' : `${docs.size} articles`;
  loaded.entry = { ...loaded.entry, damaged: `${count} damaged and left out of checks (${reason}). Import the corpus again to repair it.` };
}
