import type { Relation, Status } from '../types.js';
import { comparePublished, publicationTime, type Published } from '../text/published.js';

/**
 * The share of a page one earlier article must account for before the page is
 * called a copy of it: half. Past that point most of what the reader reads was
 * written elsewhere; below it, the page adds at least as much as it takes, and
 * is reported as `partial` with the passages it took.
 */
export const COPY_THRESHOLD = 0.5;

/**
 * Below this share of the page, borrowed passages are not enough to call the
 * page `partial`: a sentence or two of aligned background is within what two
 * independent reports of one event share by chance.
 */
export const PARTIAL_THRESHOLD = 0.05;

/**
 * A passage this long (in words) taken verbatim or near-verbatim from one
 * earlier article makes a page `partial` however long the page: two sentences
 * of news prose in the same words, in the same order, are lifted, not shared by
 * chance (chance overlaps are stock phrases, under the 12 words the aligner
 * already drops; shared quotations are set apart before this). Without it a
 * paragraph lifted into a 1,000-word report, 3–5 % of it, went unreported.
 */
export const LIFTED_PASSAGE_WORDS = 30;

/** `self` needs this much of both texts in verbatim passages (after normalization). */
export const SELF_THRESHOLD = 0.9;

/**
 * At the article's own address, `self` needs only this much of the page in
 * verbatim passages from it: the address says which article the page is, and
 * the stored text may carry what the page's extraction leaves out (related
 * stories, captions, a footer) or predate an update of the article.
 */
export const SAME_ADDRESS_SELF_THRESHOLD = 0.5;

/** A publication as the direction rules see it (see published.ts), or undated (null). */
export type ArticleDate = Published | null;

/**
 * Direction between the page and a corpus article, from their publications
 * alone: the one published earlier is the source. A dated text is earlier than
 * an undated one (a text that reached the corpus with a date was recorded as
 * published then; an undated one gives no time at all). Two undated texts, two
 * equal dates, or a date beside an instant of that same day are an unknown
 * order: nothing says which came first (see comparePublished).
 */
export function relationOf(pageDate: ArticleDate, source: ArticleDate): Relation {
  const page = publicationTime(pageDate);
  const other = publicationTime(source);
  if (page === null && other === null) return 'unknown-order';
  if (page === null) return 'source';
  if (other === null) return 'copy';
  const order = comparePublished(other, page);
  return order < 0 ? 'source' : order > 0 ? 'copy' : 'unknown-order';
}

/**
 * Orders dated articles first by publication, undated ones after them; two whose order cannot be
 * told (a date and an instant of its day) compare equal, so what sorts after decides.
 */
export function compareDates(a: ArticleDate, b: ArticleDate): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return comparePublished(a, b);
}

export interface RankedSource {
  readonly id: string;
  readonly relation: Relation;
  readonly coverage: number;
  readonly published: ArticleDate;
  /** Longest run of page words in verbatim or near-verbatim passages from this source. */
  readonly liftedWords: number;
  /** Page words in verbatim passages from this source. */
  readonly verbatimWords: number;
  /** Whether its text credits a wire (it carries credited wire copy). */
  readonly wireCredit: boolean;
}

/** A verdict's status and the articles it names. */
export interface StatusDecision {
  readonly status: Status;
  readonly likelyOriginal: string | null;
  /** For `same-text`: the article whose text the page has, which came first unknown. */
  readonly sameText: string | null;
}

/**
 * Between sources the coverage cannot tell apart, the likelier original (issue 18): the earliest,
 * then the one with more of the page in verbatim text, then one that carries a wire credit. Never
 * the order of ids, which says nothing about the articles.
 */
export function byEvidence(a: RankedSource, b: RankedSource): number {
  return compareDates(a.published, b.published) || b.verbatimWords - a.verbatimWords || Number(b.wireCredit) - Number(a.wireCredit);
}

/**
 * Status and likely original from the sources' coverage and direction (issue #2's rules, issue
 * #17's unknown order): `copy` when an earlier source covers half the page; else `same-text`
 * when an article of unknown order does (the reader must not be told `original` or `no-match`
 * beside it); else `original` for a corpus article; else `partial` or `no-match`. A page that
 * carries wire copy (`carriesWire`: it credits a wire it is not) has words written elsewhere even
 * when it is a corpus article: it is `partial` of an earlier carrier it lifted a passage from
 * rather than `original`.
 */
export function decideStatus(sources: readonly RankedSource[], overlap: number, self: string | null, carriesWire = false): StatusDecision {
  const earlier = sources.filter((s) => s.relation === 'source');
  const copies = earlier.filter((s) => s.coverage >= COPY_THRESHOLD).sort((a, b) => byEvidence(a, b) || b.coverage - a.coverage);
  if (copies.length > 0) return { status: 'copy', likelyOriginal: copies[0]!.id, sameText: null };
  const byCoverage = (a: RankedSource, b: RankedSource) => b.coverage - a.coverage || byEvidence(a, b);
  const unknownOrder = sources.filter((s) => s.relation === 'unknown-order' && s.coverage >= COPY_THRESHOLD).sort(byCoverage);
  if (unknownOrder.length > 0) return { status: 'same-text', likelyOriginal: null, sameText: unknownOrder[0]!.id };
  const original: StatusDecision | null = self !== null ? { status: 'original', likelyOriginal: self, sameText: null } : null;
  if (original && !carriesWire) return original;
  const lifted = earlier.filter((s) => s.liftedWords >= LIFTED_PASSAGE_WORDS);
  const partialFrom = original ? lifted : overlap >= PARTIAL_THRESHOLD ? earlier : lifted;
  if (partialFrom.length > 0) {
    const best = [...partialFrom].sort(byCoverage)[0]!;
    return { status: 'partial', likelyOriginal: best.id, sameText: null };
  }
  return original ?? { status: 'no-match', likelyOriginal: null, sameText: null };
}
