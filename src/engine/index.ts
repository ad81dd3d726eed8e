/**
 * The engine's public surface. Everything outside src/engine imports from here only.
 * Pure TypeScript: no DOM, no browser API, no Node API.
 */
export * from './types.js';
export { tokenize, TokenFlag, type TokenStream } from './text/tokenize.js';
export { termOf } from './text/term.js';
export { type Lexicon, EMPTY_LEXICON } from './text/lexicon.js';
export { addressKey, sameAddress } from './verdict/identity.js';
export { creditsOf } from './verdict/evidence.js';
export { attribute, candidateArticles, checkedPart, MAX_CHECKED_WORDS, type AttributeOptions, type CandidateArticle } from './verdict/attribute.js';
export { buildCorpusIndex, buildSegment } from './fingerprint/build-corpus-index.js';
export {
  allSegments, backgroundOf, DEFAULT_RETENTION, EMPTY_MANIFEST, encodeManifest, groupSegments, liveArticles, looksLikeManifest,
  mergeSegments, nextMerge, parseManifest, segmentName, type GrowingCorpusManifest, type LoadedSegment, type Retention, type SegmentEntry,
} from './retrieve/growing-corpus.js';
export { legacyArticles, migrateLegacyCorpus } from './fingerprint/legacy-corpus.js';
export { ArticleTextMissingError, Corpus, loadCorpus, loadCorpusHead, type ArticleTextSource, type StoredArticle } from './retrieve/corpus.js';
export { articleTextChecker } from './fingerprint/article-text-check.js';
export { CORPUS_FORMAT_VERSION, CORPUS_HEADER_BYTES, corpusFileLengths, isLegacyCorpus, splitCorpusFile } from './fingerprint/corpus-file.js';
export { HASH_VERSION } from './fingerprint/hash.js';
export { DEFAULT_INDEX_PARAMS, type IndexParams } from './fingerprint/params.js';
export { comparePublished, isInstant, publicationTime, type Published } from './text/published.js';
export { COPY_THRESHOLD, LIFTED_PASSAGE_WORDS, PARTIAL_THRESHOLD, SELF_THRESHOLD } from './verdict/verdict.js';
export { loadLexicon, encodeLexicon, LexiconFormatError, LEXICON_FORMAT_VERSION, type LoadedLexicon } from './text/lexicon.js';

// The growing corpus's operations that tell addresses apart take the verdict stage's addressKey here,
// at the surface: retrieve/ comes before verdict/ in the pipeline and may not import it.
import { addressKey } from './verdict/identity.js';
import { appendArticles as appendWithKey, type GrowingCorpusManifest, type LoadedSegment } from './retrieve/growing-corpus.js';
import { growCorpus as growWithKey, type GrowOptions, type GrowReport, type SegmentHost } from './retrieve/grow.js';
import type { IndexParams } from './fingerprint/params.js';
import type { ArticleInput } from './types.js';
export type { GrowOptions, GrowReport, SegmentHost };

/** Appends articles to a growing corpus as a new segment (see retrieve/growing-corpus.ts), one copy per address and per text. */
export const appendArticles = (
  manifest: GrowingCorpusManifest, segments: readonly LoadedSegment[], incoming: readonly ArticleInput[], now: string, params: IndexParams,
): ReturnType<typeof appendWithKey> => appendWithKey(manifest, segments, incoming, now, params, addressKey);

/**
 * Appends a batch to a growing corpus, applies retention and merges what is due, committing the segment list last
 * (see retrieve/grow.ts). `storedAs` says when two addresses are one stored article; by default the verdict's
 * addressKey, which ignores the query (a host that keeps articles numbered in it passes its own, see follow/item-key.ts).
 */
export const growCorpus = (
  host: SegmentHost, start: GrowingCorpusManifest, incoming: readonly ArticleInput[], options: GrowOptions,
  storedAs: (address: string) => string | null = addressKey,
): Promise<GrowReport> => growWithKey(host, start, incoming, options, storedAs);
