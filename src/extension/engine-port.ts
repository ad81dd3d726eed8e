/**
 * The engine as the background sees it. The real one is src/engine (wired in
 * src/extension/engine.ts); tests pass a small fake with the same shape.
 */
import type { ArticleMeta, ArticleTextSource, PageInput, SourceMatch, Verdict } from '../engine/index.js';

/** A loaded corpus: opaque to the extension apart from its size and article metadata. */
export interface CorpusHandle {
  /** Articles in the corpus. */
  readonly size: number;
  /** Metadata of article `i` ∈ [0, size). */
  meta(i: number): ArticleMeta;
  /** Bytes `[start, end)` of article `i`'s text in the corpus's text blob. */
  textRange(i: number): readonly [number, number];
}

/** A source match that also carries the source article's text, so passages can show both sides. */
export type SourceWithText = SourceMatch & { readonly text?: string };

export type AttributedVerdict = Omit<Verdict, 'sources'> & { readonly sources: readonly SourceWithText[] };

export interface AttributePortOptions {
  lexicon?: unknown;
  onDamagedArticle?: (corpus: CorpusHandle, doc: number, reason: string) => void;
}

export interface EnginePort {
  /** Throws CorpusFormatError for bytes that are not a corpus. */
  loadCorpus(bytes: Uint8Array): CorpusHandle;
  /** A corpus from its head, its texts read through `texts` (see loadCorpusHead); throws as loadCorpus. */
  loadCorpusHead(head: Uint8Array, texts: ArticleTextSource): CorpusHandle;
  loadLexicon(bytes: Uint8Array): unknown;
  /**
   * Whether a stored corpus's head (or whole file) is of a format this build reads only by
   * rebuilding it from its articles (format 1, an older hash version); throws for bytes that are
   * not a corpus. Absent in fakes that have no older formats.
   */
  isLegacyCorpus?(head: Uint8Array): boolean;
  /** Such a corpus, whole, rebuilt as a current corpus file (see legacy-corpus.ts). */
  migrateLegacyCorpus?(bytes: Uint8Array): Uint8Array;
  /** The articles `attribute` will read the texts of, for the same arguments. */
  candidateArticles(page: PageInput, corpora: readonly CorpusHandle[], options?: { lexicon?: unknown }): Array<{ corpus: CorpusHandle; doc: number }>;
  /**
   * `onDamagedArticle`: called for a candidate whose stored text is damaged, which the check then
   * sets aside (see AttributeOptions); without it such an article fails the check.
   */
  attribute(page: PageInput, corpora: readonly CorpusHandle[], options?: AttributePortOptions): AttributedVerdict;
}
