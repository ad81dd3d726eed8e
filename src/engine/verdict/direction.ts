import type { DirectionEvidence, Relation } from '../types.js';
import { sameAddress, sameSite } from './identity.js';
import { relationOf, type ArticleDate } from './verdict.js';
import { comparePublished, publicationTime } from '../text/published.js';

/**
 * Which way a page and a corpus article relate, from every piece of evidence about the pair. One
 * rule, stated once (README, "Identity and direction"):
 * 1. what the texts and pages themselves say — a canonical link, `isBasedOn` or a syndication tag
 *    naming the other's address, a credit line or a link to the other, one text lying inside the
 *    other — decides when it agrees with itself; evidence pointing both ways is an unknown order;
 * 2. dates decide when nothing else does;
 * 3. where dates contradict that evidence, the order is unknown: a declared date is a claim, and so
 *    is a credit line;
 * 4. an article the page may be (the same words, no address to tell them apart) has no order.
 * Two carriers of one wire story (both credit the wire) say nothing of their order: the earlier was
 * where the text was first seen, and neither is the other's author (see Verdict.wire).
 */
export function directionOf(evidence: readonly DirectionEvidence[]): Relation {
  // the page may be the article: no order between them to tell
  if (evidence.some((e) => e.kind === 'identity')) return 'unknown-order';
  const dates = evidence.find((e) => e.kind === 'dates')?.says ?? 'unknown-order';
  const said = new Set(evidence.filter((e) => e.kind !== 'dates').map((e) => e.says).filter((r) => r !== 'unknown-order'));
  if (said.size > 1) return 'unknown-order';
  const [content] = [...said];
  if (content === undefined) return dates;
  if (dates !== 'unknown-order' && dates !== content) return 'unknown-order';
  return content;
}

/**
 * When a corpus article was out, as the dates rule reads it: its stated publication, bounded by
 * when this corpus first saw it (a growing corpus's clock, which no page sets). An article was not
 * published after it was first seen, and an undated one was out by then.
 */
export function recordedDate(article: { readonly published: string | null; readonly firstSeen?: string | null }): ArticleDate {
  const seen = article.firstSeen ? publicationTime(article.firstSeen) : null;
  if (seen === null) return article.published;
  if (article.published === null) return seen;
  return comparePublished(article.published, seen) > 0 ? seen : article.published;
}

/**
 * What the dates say. A page outside the corpus dates itself: that claim is believed when it makes
 * the page the later text, never when it alone would make the page the original (a backdated
 * scraper would be one); the corpus's own dates, the page's included when the page is in it, are
 * its record.
 */
export function dateEvidence(pageDate: ArticleDate, pageDateIsClaim: boolean, sourceDate: ArticleDate): DirectionEvidence {
  const relation = relationOf(pageDate, sourceDate);
  const detail = `page ${pageDate ?? 'undated'}, article ${sourceDate ?? 'undated'}`;
  if (relation === 'copy' && pageDateIsClaim) {
    return { kind: 'dates', says: 'unknown-order', detail: `${detail}: only the page's own date puts it first` };
  }
  return { kind: 'dates', says: relation, detail };
}

/**
 * A page's canonical link (or `og:url`) at another site than the page names the article the page
 * republishes: when that is this corpus article's address, the page derives from it. A canonical
 * on the page's own site is the site speaking for its page (an address variant), and says nothing
 * about direction.
 */
export function canonicalEvidence(pageUrl: string | null | undefined, canonical: string | null | undefined, articleUrl: string | null): DirectionEvidence | null {
  if (!pageUrl || !canonical || !articleUrl || sameSite(pageUrl, canonical)) return null;
  if (!sameAddress(canonical, articleUrl)) return null;
  return { kind: 'canonical', says: 'source', detail: `the page's canonical link is this article's address (${canonical})` };
}
