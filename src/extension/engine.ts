/** The real engine behind EnginePort. */
import { attribute, loadCorpus, loadLexicon, type Corpus, type Lexicon } from '../engine/index.js';
import type { EnginePort } from './engine-port.js';

export const engine: EnginePort = {
  loadCorpus: (bytes) => loadCorpus(bytes),
  loadLexicon: (bytes) => loadLexicon(bytes),
  // The handles are the Corpus objects loadCorpus returned, passed back unchanged.
  attribute: (page, corpora, options) =>
    attribute(page, corpora as readonly Corpus[], options?.lexicon === undefined ? {} : { lexicon: options.lexicon as Lexicon }),
};
