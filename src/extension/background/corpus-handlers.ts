/** The corpora a reader imported: start using one, list them, remove one. */
import type { CorpusEntry, Handlers } from '../messages.js';
import type { CheckEngine } from './check-engine.js';
import type { BackgroundDeps } from './deps.js';
import { isReaderCorpusId, type ReaderCorpus } from './reader-corpus.js';

export function createCorpusHandlers(
  deps: Pick<BackgroundDeps, 'corpusStore'>, corpora: CheckEngine, reader: ReaderCorpus,
): Pick<Handlers, 'importCorpus' | 'listCorpora' | 'removeCorpus'> {
  return {
    async importCorpus(id: string): Promise<CorpusEntry> {
      await corpora.forgetImported(); // the options page has just written it to the store
      const found = (await corpora.corpora()).find((e) => e.entry.id === id);
      if (found !== undefined && found.unreadable === undefined) return found.entry;
      // The page takes a corpus the checks cannot use out of the store; read the store afresh next time.
      await corpora.forgetImported();
      throw new Error(found === undefined ? 'The imported corpus is not in the store.' : found.unreadable);
    },

    async listCorpora(): Promise<CorpusEntry[]> {
      return (await corpora.corpora()).map((e) => e.entry);
    },

    async removeCorpus(id: string): Promise<void> {
      if (id === 'bundled') throw new Error('The bundled corpus cannot be removed.');
      // The reader's own corpus is rebuilt from its articles: removing it removes them.
      if (isReaderCorpusId(id)) return void (await reader.clear());
      await deps.corpusStore.remove(id);
      await corpora.forgetImported();
    },
  };
}
