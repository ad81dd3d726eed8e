/**
 * The corpora a check runs against: the bundled one and the lexicon, loaded once per start of the
 * context that runs checks (Chrome's offscreen engine worker, Firefox's event page; see
 * check-engine.ts), and the imported ones, loaded again after an import or removal without
 * re-reading the bundled data.
 */
import type { ArticleMeta, PageInput } from '../../engine/index.js';
import type { CorpusHandle, EnginePort } from '../engine-port.js';
import type { CorpusEntry } from '../messages.js';
import { StoredTexts } from '../stored-texts.js';
import { migrateStoredCorpus } from './migrate-stored-corpus.js';
import type { LocalEngineDeps } from './deps.js';
import { isReaderCorpusId, READER_CORPUS_NAME, READER_CORPUS_PREFIX, type ReaderCorpusSegment } from './reader-corpus.js';

/** The seeds corpus and the synonym table shipped inside the extension. */
export const BUNDLED_CORPUS = 'data/seeds.fhc';
export const BUNDLED_LEXICON = 'data/lexicon.bin';

export interface LoadedCorpus {
  entry: CorpusEntry;
  corpus: CorpusHandle;
  /** An imported corpus's texts, read from the store for each check's candidates (the bundled one is whole in memory). */
  texts?: StoredTexts;
  /** Why a stored corpus could not be loaded (it is then checked as empty). */
  unreadable?: string;
  /** Articles a check found damaged and set aside (see damaged-articles.ts). */
  damagedDocs?: Set<number>;
}

export interface LoadedCorpora {
  /** The bundled corpus first, then the imported ones, oldest first, then the segments of the reader's own corpus. */
  entries: LoadedCorpus[];
  lexicon: unknown;
}

interface BaseData {
  bundled: LoadedCorpus;
  lexicon: unknown;
}

/** What an unreadable corpus offers a check: nothing. */
const EMPTY_HANDLE: CorpusHandle = { size: 0, meta: () => { throw new RangeError('empty corpus'); }, textRange: () => { throw new RangeError('empty corpus'); } };

/** Forget a failed load so the next call tries again rather than repeating the failure. */
function retryable<T>(load: () => Promise<T>, reset: () => void): Promise<T> {
  return load().catch((error: unknown) => {
    reset();
    throw error;
  });
}

export interface CorporaLoader {
  load(): Promise<LoadedCorpora>;
  /** The store changed (an import or a removal): read the imported corpora afresh next time. */
  forgetImported(): void;
}

/**
 * `readerSegments`: the reader's own corpus (reader-corpus.ts), one entry per segment, all under
 * READER_CORPUS_NAME; its ids start with READER_CORPUS_PREFIX and change with its articles. It
 * answers the same array until the corpus changes.
 */
export function corporaLoader(
  deps: LocalEngineDeps, readerSegments: () => Promise<readonly ReaderCorpusSegment[]> = async () => [],
): CorporaLoader {
  const { engine } = deps;
  let base: Promise<BaseData> | null = null;
  let imported: Promise<LoadedCorpus[]> | null = null;

  async function loadBase(): Promise<BaseData> {
    const [corpusBytes, lexiconBytes] = await Promise.all([deps.readAsset(BUNDLED_CORPUS), deps.readAsset(BUNDLED_LEXICON)]);
    const bundled = engine.loadCorpus(corpusBytes);
    return {
      bundled: { entry: { id: 'bundled', name: 'Bundled seeds', articles: bundled.size, bundled: true, importedAt: null }, corpus: bundled },
      lexicon: engine.loadLexicon(lexiconBytes),
    };
  }

  async function loadImported(): Promise<LoadedCorpus[]> {
    const entries: LoadedCorpus[] = [];
    for (const stored of await deps.corpusStore.all()) {
      // version 1 of the reader's corpus, an index rebuilt from its records: its segments replace it
      if (isReaderCorpusId(stored.id)) continue;
      let row = stored;
      try {
        // A corpus imported under an older format is rebuilt from its articles, once, rather than listed as unreadable.
        row = (await migrateStoredCorpus(engine, deps.corpusStore, stored)) ?? stored;
        const texts = new StoredTexts(deps.corpusStore, row.id, row.textBytes);
        const corpus = engine.loadCorpusHead(row.head, texts);
        entries.push({
          entry: { id: row.id, name: row.name, articles: corpus.size, bundled: false, importedAt: row.importedAt },
          corpus,
          texts,
        });
      } catch (error) {
        // A stored corpus that no longer loads (say, written by an older format) must not block checks with the others.
        entries.push({
          entry: { id: row.id, name: `${row.name} (unreadable)`, articles: 0, bundled: false, importedAt: row.importedAt },
          corpus: EMPTY_HANDLE,
          unreadable: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return entries;
  }

  /** The reader's segments as entries: the same entries (and what checks marked on them) until the corpus changes. */
  let reader: { segments: readonly ReaderCorpusSegment[]; entries: LoadedCorpus[] } | null = null;
  async function loadReader(): Promise<LoadedCorpus[]> {
    try {
      const segments = await readerSegments();
      if (reader?.segments !== segments) {
        reader = {
          segments,
          entries: segments.map((segment) => ({
            entry: { id: segment.id, name: READER_CORPUS_NAME, articles: segment.articles, bundled: false, importedAt: null },
            corpus: segment.corpus,
            texts: segment.texts,
          })),
        };
      }
      return reader.entries;
    } catch (error) {
      return [{
        entry: { id: `${READER_CORPUS_PREFIX}unreadable`, name: `${READER_CORPUS_NAME} (unreadable)`, articles: 0, bundled: false, importedAt: null },
        corpus: EMPTY_HANDLE,
        unreadable: error instanceof Error ? error.message : String(error),
      }];
    }
  }

  return {
    async load() {
      base ??= retryable(loadBase, () => (base = null));
      imported ??= retryable(loadImported, () => (imported = null));
      // the reader's corpus answers from memory until it changes (reader-corpus.ts), so it is asked every time
      const [{ bundled, lexicon }, entries, own] = await Promise.all([base, imported, loadReader()]);
      return { entries: [bundled, ...entries, ...own], lexicon };
    },
    forgetImported() {
      imported = null;
    },
  };
}

/** The corpora a check runs against: a stored corpus that no longer loads is listed (as unreadable) but has nothing to offer. */
export function usableCorpora(loaded: LoadedCorpora): LoadedCorpus[] {
  return loaded.entries.filter((e) => e.unreadable === undefined);
}

/**
 * Reads from the corpus store the texts of the imported articles the check will align. An
 * imported corpus whose texts can no longer be read (a piece lost from the browser's storage)
 * is marked unreadable, as one whose index does not load, and the check goes on without it;
 * its candidates are then looked for again, since the others may now offer more.
 */
export async function readCandidateTexts(engine: EnginePort, page: PageInput, loaded: LoadedCorpora): Promise<void> {
  for (;;) {
    const usable = usableCorpora(loaded);
    const stored = usable.filter((e) => e.texts !== undefined);
    if (stored.length === 0) return;
    const wanted = engine.candidateArticles(page, usable.map((e) => e.corpus), { lexicon: loaded.lexicon });
    const failed: Array<[LoadedCorpus, string]> = [];
    await Promise.all(
      stored.map((e) =>
        e.texts!
          .load(wanted.filter((c) => c.corpus === e.corpus).map((c) => e.corpus.textRange(c.doc)))
          .catch((error: unknown) => void failed.push([e, error instanceof Error ? error.message : String(error)])),
      ),
    );
    if (failed.length === 0) return;
    for (const [e, reason] of failed) {
      e.unreadable = reason;
      e.entry = { ...e.entry, name: `${e.entry.name} (unreadable)`, articles: 0 };
    }
  }
}

/** Finds a corpus article's metadata by id across the loaded corpora. */
export function articleLookup(loaded: LoadedCorpora): (id: string) => ArticleMeta | null {
  return (id) => {
    for (const { corpus } of loaded.entries) {
      for (let i = 0; i < corpus.size; i++) {
        const meta = corpus.meta(i);
        if (meta.id === id) return meta;
      }
    }
    return null;
  };
}
