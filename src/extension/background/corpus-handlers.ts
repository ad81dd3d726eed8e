/** The corpora a reader imported: start using one, list them, remove one. */
import type { CorpusEntry, Handlers } from '../messages.js';
import type { CheckEngine } from './check-engine.js';
import type { HandlerDeps } from './deps.js';
import { isReaderCorpusId, READER_CORPUS_PREFIX, type ReaderCorpus } from './reader-corpus.js';

export function createCorpusHandlers(
  deps: Pick<HandlerDeps, 'corpusStore'>, corpora: CheckEngine, reader: ReaderCorpus,
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
      const entries = (await corpora.corpora()).map((e) => e.entry);
      // the reader's own corpus is one corpus to the reader, however many segments it is kept in
      const reader = entries.filter((e) => isReaderCorpusId(e.id));
      const others = entries.filter((e) => !isReaderCorpusId(e.id));
      if (reader.length === 0) return others;
      const damaged = reader.find((e) => e.damaged !== undefined)?.damaged;
      return [...others, {
        ...reader[0]!, id: `${READER_CORPUS_PREFIX}corpus`, articles: reader.reduce((n, e) => n + e.articles, 0), ...(damaged === undefined ? {} : { damaged }),
      }];
    },

    async removeCorpus(id: string): Promise<void> {
      if (id === 'bundled') throw new Error('The bundled corpus cannot be removed.');
      // The reader's own corpus: removing it removes its articles.
      if (isReaderCorpusId(id)) return void (await reader.clear());
      await deps.corpusStore.remove(id);
      await corpora.forgetImported();
    },
  };
}
