/**
 * The engine's domain types. Data flows one way:
 * page text → tokens → fingerprints → candidates → aligned passages → verdict.
 *
 * Offsets are half-open `[start, end)` in UTF-16 code units (JavaScript string
 * indices) of the text they refer to.
 */

/** Half-open `[start, end)` in UTF-16 code units of some text. */
export type Span = readonly [start: number, end: number];

/**
 * How a page passage relates to its source passage.
 * - `verbatim`: the same words, apart from case, whitespace, quote style and spelling variants.
 * - `near-verbatim`: the same sentence with a few small edits.
 * - `paraphrase`: rewritten (synonym swaps, reordered clauses, garbled grammar) yet plainly derived.
 */
export type PassageKind = 'verbatim' | 'near-verbatim' | 'paraphrase';

export const PASSAGE_KINDS: readonly PassageKind[] = ['verbatim', 'near-verbatim', 'paraphrase'];

/** A stretch of the page derived from a stretch of one source. */
export interface Passage {
  /** Span in the page text. */
  readonly page: Span;
  /** Span in the source article's text. */
  readonly source: Span;
  /** Similarity of the two sides ∈ [0, 1]; 1 for verbatim. */
  readonly similarity: number;
  readonly kind: PassageKind;
}

/**
 * A quotation both texts attribute to a speaker, shared without the surrounding
 * text. Reported, never counted in coverage: two outlets quoting one statement
 * have not copied each other.
 */
export interface SharedQuote {
  readonly page: Span;
  readonly source: Span;
}

/**
 * A source as seen from the page:
 * - `source`: the source is earlier; the page draws from it;
 * - `copy`: the source is later; it draws from the page;
 * - `unknown-order`: which came first cannot be told (two undated texts, the same day, or
 *   evidence that contradicts itself).
 */
export type Relation = 'source' | 'copy' | 'unknown-order';

/**
 * One piece of evidence about which of the page and a source came first, and what it says
 * (`says`, as `relation`: `source` — the page derives from the source).
 * - `identity`: the page has the source's words and may be that article (no address tells them apart);
 * - `canonical`: the page's canonical link at another site is the source's address;
 * - `based-on`: the page's `isBasedOn`, `original-source` or `syndication-source` names the source;
 * - `source-link`: the article body links to the source's address;
 * - `credit`: a credit line ("By Reuters", "Source: X", "originally appeared on X") names the other;
 * - `containment`: one text lies almost whole inside a much longer other (an excerpt, a teaser);
 * - `dates`: the publications (see relationOf); always present.
 */
export interface DirectionEvidence {
  readonly kind: 'identity' | 'canonical' | 'based-on' | 'source-link' | 'credit' | 'containment' | 'dates';
  readonly says: Relation;
  /** What was found, in words, for the report. */
  readonly detail: string;
}

/** What is known about a corpus article besides its text. */
export interface ArticleMeta {
  /** Unique within a corpus, e.g. `000_e2d132a4a4c45b33`. */
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  /**
   * When it was published: an ISO date `YYYY-MM-DD`, or an instant `YYYY-MM-DDTHH:MM:SSZ` where
   * one was stated with its time zone; null when the article is undated.
   */
  readonly published: string | null;
  readonly url: string | null;
  /**
   * When this corpus first saw the article (an ISO instant from the clock of the machine that added
   * it, which no page can set), for articles a growing corpus added; absent otherwise.
   */
  readonly firstSeen?: string | null;
}

/** One corpus article's overlap with the page. */
export interface SourceMatch extends ArticleMeta {
  /** Decided from `evidence` by one rule (verdict/direction.ts). */
  readonly relation: Relation;
  /** Everything known about the pair's order, dates last. */
  readonly evidence: readonly DirectionEvidence[];
  /** Share of the page's words inside passages from this source ∈ [0, 1]. */
  readonly coverage: number;
  /** Sorted by page offset; never overlapping on the page side. */
  readonly passages: readonly Passage[];
  readonly quotes: readonly SharedQuote[];
  /** The source article's full text, which `passages[].source` and `quotes[].source` index into. */
  readonly text: string;
}

/**
 * - `copy`: the likely original covers at least the copy threshold of the page;
 * - `partial`: earlier sources cover some passages, below that threshold;
 * - `same-text`: an article of unknown order (or an article the page may be, which its words
 *   alone cannot tell) covers at least the copy threshold of the page: the same text, which
 *   came first cannot be told (`sameText` names it);
 * - `original`: the page is a corpus article and no earlier article reaches the threshold;
 * - `no-match`: nothing earlier overlaps the page.
 */
export type Status = 'copy' | 'partial' | 'same-text' | 'original' | 'no-match';

/** Page words counted per passage kind. */
export type DerivedWords = Record<PassageKind, number>;

/** The engine's answer for one page. */
export interface Verdict {
  readonly status: Status;
  /** Corpus id of the likely originating article, the page's own id when it is the original, else null. */
  readonly likelyOriginal: string | null;
  /** Corpus id of the article the page *is*, or null when the page is not in the corpus. */
  readonly self: string | null;
  /**
   * How `self` was told: `address` (the page's address, or its canonical on its own site, is the
   * article's), `outlet` (the article has no address and its outlet is the page's site), `words`
   * (neither has an address: the words alone); null without `self`.
   */
  readonly selfBy: 'address' | 'outlet' | 'words' | null;
  /** For `same-text`: the corpus article with the page's text whose order (or identity) cannot be told; else null. */
  readonly sameText: string | null;
  /**
   * When the page carries syndicated copy: the wire or outlet credited with its words (the page's
   * credit, or that of the carrier it copied: "(AP) —", "via Oilprice.com"), or null when several
   * outlets carry the text and none credits anyone; the corpus articles carrying it over half the
   * page; and the earliest of them, where the text was first seen. A carrier is never the story's
   * author: for a syndicated copy `likelyOriginal` is where the text was first seen. Null otherwise.
   */
  readonly wire: { readonly name: string | null; readonly carriers: number; readonly firstSeen: string | null } | null;
  /**
   * When the page is a listing (other articles' headlines and ledes: an aggregator, a section front,
   * a wire digest), how many stories it lists; else null. A listing is no article: read its verdict as
   * about the stories it lists, never as a copy of one. Corpus listings are never sources.
   */
  readonly listing: { readonly stories: number } | null;
  /** Share of the page's words derived from earlier sources (their union) ∈ [0, 1]. */
  readonly overlap: number;
  /** The page's derived words (those counted in `overlap`) by passage kind. */
  readonly derived: DerivedWords;
  /** Every article other than `self` with coverage > 0 or shared quotes, highest coverage first. */
  readonly sources: readonly SourceMatch[];
  /** Whitespace-separated words of the page text that were checked: the unit of coverage and overlap. */
  readonly pageWords: number;
  /**
   * Null when the whole page was checked. For a page longer than the engine
   * checks (MAX_CHECKED_WORDS), its total word count: only the first
   * `pageWords` words were checked, and every figure refers to them.
   */
  readonly truncatedFrom: number | null;
}

/** A page to check. */
export interface PageInput {
  readonly text: string;
  /** The page's own publication date or instant (see ArticleMeta.published) when its metadata states one; optional. */
  readonly published?: string | null;
  /**
   * Where the reader is: the tab's address (the CLI's `--url`, else an HTML file's canonical).
   * A page at another address than a corpus article is never that article, however alike the words.
   */
  readonly url?: string | null;
  /**
   * The address the page declares for itself (`<link rel=canonical>`, else `og:url`). On the page's
   * own site it names the page too; at another site it says the page republishes that article.
   */
  readonly canonical?: string | null;
  /** Addresses the page declares it is based on (JSON-LD `isBasedOn`, `original-source`, `syndication-source`). */
  readonly basedOn?: readonly string[];
  /** Addresses the article's body links to. */
  readonly links?: readonly string[];
  /** The page's byline ("By Reuters") and site name, for credit lines. */
  readonly byline?: string | null;
  readonly siteName?: string | null;
}

/** An article to put into a corpus. */
export interface ArticleInput extends ArticleMeta {
  readonly text: string;
}

/** Raised for a corpus file that is not one, or is damaged. */
export class CorpusFormatError extends Error {
  override readonly name = 'CorpusFormatError';
}
