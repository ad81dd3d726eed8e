/**
 * What the background tells the popup about one page: plain, JSON-safe data
 * (Chrome serialises extension messages as JSON, so no typed arrays, no classes).
 *
 * Every text field holds page or corpus text; the UI renders it as text only.
 */
import type { DerivedWords, DirectionEvidence, PassageKind, Relation, Span, Status } from '../engine/index.js';
import type { Extractor } from '../extract/types.js';

/** What the popup shows about a corpus article. */
export interface ArticleView {
  /** Corpus id, e.g. `000_e2d132a4a4c45b33`. */
  id: string;
  title: string;
  outlet: string | null;
  /** ISO date `YYYY-MM-DD` or instant `YYYY-MM-DDTHH:MM:SSZ`, null when the article is undated. */
  published: string | null;
  url: string | null;
}

/**
 * One matched stretch, both sides already cut out of their texts.
 * `quote` marks a quotation both texts share: shown, never counted in the overlap.
 */
export interface PassageView {
  kind: PassageKind | 'quote';
  /** The page side, as extracted from the page. */
  pageText: string;
  /** The source side; '' when the engine did not return the source's text. */
  sourceText: string;
  /** Span of `pageText` in the extracted page text (UTF-16 offsets). */
  page: Span;
  /** Span of `sourceText` in the source's text; absent in analyses cached before it existed. */
  source?: Span;
  /** Similarity of the two sides ∈ [0, 1]; 1 for verbatim and quotes. */
  similarity: number;
}

/** A corpus article overlapping the page. */
export interface SourceView extends ArticleView {
  relation: Relation;
  /** What decided `relation` (dates last); absent in analyses made before it existed. */
  evidence?: DirectionEvidence[];
  /** Share of the page's words inside passages from this source ∈ [0, 1]. */
  coverage: number;
  /** Sorted by page offset: passages then shared quotes. */
  passages: PassageView[];
}

/** The verdict for one page, as the popup renders it. */
export interface Analysis {
  /** The page's address at extraction time (`location.href`; follows SPA navigation). */
  url: string;
  page: {
    title: string;
    extractor: Extractor;
    /** Words checked: the extracted text's whitespace-separated words, at most the engine's MAX_CHECKED_WORDS. */
    words: number;
    /**
     * The page's whole word count when it was longer than the engine checks (only the first
     * `words` were checked); null or absent (analyses made before it existed) when it was not.
     */
    truncatedFrom?: number | null;
  };
  status: Status;
  /** Share of the page's words derived from earlier sources ∈ [0, 1]. */
  overlap: number;
  /** Derived words by passage kind (they add up to `overlap × page.words`, give or take rounding). */
  derived: DerivedWords;
  /** The likely originating article; for `original` the page's own corpus entry. */
  likelyOriginal: ArticleView | null;
  /** The wire story the page carries, its carriers and where it was first seen (see the engine's Verdict.wire); absent in older analyses. */
  wire?: { name: string | null; carriers: number; firstSeen: string | null } | null;
  /** When the page lists other articles' headlines and ledes: how many (see the engine's Verdict.listing); absent in older analyses. */
  listing?: { stories: number } | null;
  /** For `same-text`: the article with the page's text, which came first unknown; else null (absent in older analyses). */
  sameText?: ArticleView | null;
  /** Every other overlapping corpus article, highest coverage first. */
  sources: SourceView[];
  /** Articles in the corpora checked (bundled + imported). */
  corpusArticles: number;
  /** Wall time of extraction + attribution, milliseconds. */
  elapsedMs: number;
  /** Where `elapsedMs` went, for benchmarks; absent in analyses made before it existed. */
  timings?: AnalysisTimings;
}

/** The background's stages of one check, milliseconds each (they add up to about `elapsedMs`). */
export interface AnalysisTimings {
  /** When the check started, ms since the epoch (a click, or the popup's request). */
  startedAt: number;
  /**
   * The one call into the page that injects the content script and gets the article back
   * (content-extract.js), less `extract`: carrying the call there and back and running the script.
   */
  inject: number;
  /** The reading in that call: `read`, as long as the call took longer (clocks in the page and the background differ). */
  extract: number;
  /** Extracting the article inside the page (Readability and fallbacks), as the page timed it. */
  read: number;
  /** Waiting for the corpora and lexicon after the article arrived: 0 once they are loaded. */
  corpora: number;
  /** Finding the candidates in imported corpora and reading their texts from the corpus store. */
  texts: number;
  /** The engine's attribution. */
  attribute: number;
  /** Hashing the text, the cache look-up, building what the popup shows and, in Chrome, the messages to and from the offscreen document. */
  other: number;
}

/**
 * Why there is no verdict:
 * - `forbidden-page`: the browser does not let extensions read this page (settings, stores, PDF viewer…);
 * - `no-article`: the page holds no article text;
 * - `failed`: anything else (the message says what).
 */
export type AnalysisErrorCode = 'forbidden-page' | 'no-article' | 'failed';

export interface AnalysisError {
  code: AnalysisErrorCode;
  /** A sentence for the reader. */
  message: string;
}

/** The answer to `analyzeTab`: a verdict or a reason there is none. */
export type AnalysisOutcome = { ok: true; analysis: Analysis } | { ok: false; error: AnalysisError };
