import type { Relation, Status } from '../types.js';

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

/** A date as the direction rules see it: ISO `YYYY-MM-DD` or undated (null). */
export type ArticleDate = string | null;

/**
 * Direction between the page and a corpus article. An article with a date is
 * earlier than one without; a page outside the corpus is later than every
 * corpus article unless its own metadata dates it earlier; of two undated
 * texts, the page being checked is the later one.
 */
export function relationOf(pageDate: ArticleDate, source: ArticleDate): Relation {
  if (pageDate === null) return 'source';
  if (source === null) return 'copy';
  const p = pageDate.slice(0, 10);
  const s = source.slice(0, 10);
  if (s < p) return 'source';
  if (s > p) return 'copy';
  return 'shared';
}

/** Orders dated articles first by date, undated ones after them. */
export function compareDates(a: ArticleDate, b: ArticleDate): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export interface RankedSource {
  readonly id: string;
  readonly relation: Relation;
  readonly coverage: number;
  readonly published: ArticleDate;
  /** Longest run of page words in verbatim or near-verbatim passages from this source. */
  readonly liftedWords: number;
}

/** Status and likely original from the sources' coverage and direction (issue #2's rules). */
export function decideStatus(
  sources: readonly RankedSource[], overlap: number, self: string | null,
): { status: Status; likelyOriginal: string | null } {
  const earlier = sources.filter((s) => s.relation === 'source');
  const copies = earlier.filter((s) => s.coverage >= COPY_THRESHOLD).sort((a, b) => compareDates(a.published, b.published) || b.coverage - a.coverage);
  if (copies.length > 0) return { status: 'copy', likelyOriginal: copies[0]!.id };
  if (self !== null) return { status: 'original', likelyOriginal: self };
  const lifted = earlier.filter((s) => s.liftedWords >= LIFTED_PASSAGE_WORDS);
  const partialFrom = overlap >= PARTIAL_THRESHOLD ? earlier : lifted;
  if (partialFrom.length > 0) {
    const best = [...partialFrom].sort((a, b) => b.coverage - a.coverage)[0]!;
    return { status: 'partial', likelyOriginal: best.id };
  }
  return { status: 'no-match', likelyOriginal: null };
}
