/** The real engine behind EnginePort. */
import {
  attribute, candidateArticles, isLegacyCorpus, loadCorpus, loadCorpusHead, loadLexicon, migrateLegacyCorpus, type Corpus, type Lexicon,
} from '../engine/index.js';
import type { EnginePort } from './engine-port.js';

/** The handles are the Corpus objects loadCorpus returned, passed back unchanged. */
const asCorpora = (handles: readonly unknown[]): readonly Corpus[] => handles as readonly Corpus[];
const asOptions = (options?: { lexicon?: unknown }) => (options?.lexicon === undefined ? {} : { lexicon: options.lexicon as Lexicon });

export const engine: EnginePort = {
  loadCorpus: (bytes) => loadCorpus(bytes),
  loadCorpusHead: (head, texts) => loadCorpusHead(head, texts),
  loadLexicon: (bytes) => loadLexicon(bytes),
  isLegacyCorpus: (head) => isLegacyCorpus(head),
  migrateLegacyCorpus: (bytes) => migrateLegacyCorpus(bytes),
  candidateArticles: (page, corpora, options) => candidateArticles(page, asCorpora(corpora), asOptions(options)),
  attribute: (page, corpora, options) =>
    attribute(page, asCorpora(corpora), options?.onDamagedArticle ? { ...asOptions(options), onDamagedArticle: options.onDamagedArticle } : asOptions(options)),
};
