/**
 * The engine's public surface. Everything outside src/engine imports from here only.
 * Pure TypeScript: no DOM, no browser API, no Node API.
 */
export * from './types.js';
export { tokenize, TokenFlag, type TokenStream } from './text/tokenize.js';
export { termOf } from './text/term.js';
export { type Lexicon, EMPTY_LEXICON } from './text/lexicon.js';
export { addressKey, sameAddress } from './verdict/identity.js';
export { attribute, candidateArticles, checkedPart, MAX_CHECKED_WORDS, type AttributeOptions, type CandidateArticle } from './verdict/attribute.js';
export { buildCorpusIndex } from './fingerprint/build-corpus-index.js';
export { ArticleTextMissingError, Corpus, loadCorpus, loadCorpusHead, type ArticleTextSource, type StoredArticle } from './retrieve/corpus.js';
export { articleTextChecker } from './fingerprint/article-text-check.js';
export { CORPUS_FORMAT_VERSION, CORPUS_HEADER_BYTES, corpusFileLengths, splitCorpusFile } from './fingerprint/corpus-file.js';
export { HASH_VERSION } from './fingerprint/hash.js';
export { DEFAULT_INDEX_PARAMS, type IndexParams } from './fingerprint/params.js';
export { comparePublished, isInstant, publicationTime, type Published } from './verdict/published.js';
export { COPY_THRESHOLD, LIFTED_PASSAGE_WORDS, PARTIAL_THRESHOLD, SELF_THRESHOLD } from './verdict/verdict.js';
export { loadLexicon, encodeLexicon, LexiconFormatError, LEXICON_FORMAT_VERSION, type LoadedLexicon } from './text/lexicon.js';
