/**
 * Evidence of direction beyond dates, each from one kind of fact about a page and a corpus article
 * (see directionOf for how they combine). Pure: addresses, texts and counts in, evidence out.
 */
import type { DirectionEvidence } from '../types.js';
import { bylineWire, wireOf, type WIRES } from '../text/wire-bylines.js';
import { creditsIn, type Credit } from './credits.js';
import { outletIsSite, sameAddress, siteOf } from './identity.js';
import { COPY_THRESHOLD } from './verdict.js';

/** One side of the pair, as the credit rules see it. */
export interface CreditedText {
  readonly url: string | null;
  /** The outlet's name where known (a corpus catalog's `outlet`, a page's site name). */
  readonly outlet: string | null;
  readonly credits: readonly Credit[];
}

/** A page mostly inside an article this many times its length or more is an excerpt of it. */
export const CONTAINMENT_LENGTH_RATIO = 2;
/** Share of the page that must lie inside the longer article for containment. */
export const CONTAINMENT_SHARE = 0.8;

/** Credits of a text from its body and, for a page, its byline. */
export function creditsOf(text: string, byline: string | null = null): Credit[] {
  const credits = creditsIn(text);
  const wire = byline ? bylineWire(byline) : null;
  if (wire) credits.unshift({ name: wire, line: byline!.trim() });
  return credits;
}


/** Whether an article (its address, its outlet's name) is this wire's own: on its site, or published under its name. */
export function isWireArticle(wire: (typeof WIRES)[number], article: { readonly url: string | null; readonly outlet: string | null }): boolean {
  return (article.url !== null && siteOf(article.url) === wire.site) || (article.outlet !== null && wireOf(article.outlet) === wire);
}

/** Whether a credited name (or one of the names in "Al Jazeera and news agencies") is this outlet or site. */
export function namesOutlet(credited: string, outlet: string | null, url: string | null): boolean {
  return credited.split(/\s*(?:,|\/|&|\band\b)\s*/i).filter((n) => n.length >= 2).some((name) => {
    const wire = wireOf(name);
    if (wire) return isWireArticle(wire, { url, outlet });
    const domain = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/?$/i.exec(name.trim());
    if (domain && url) return siteOf(`https://${domain[1]}`) === siteOf(url);
    if (outlet !== null && letters(name) === letters(outlet)) return true;
    return url !== null && outletIsSite(name, url);
  });
}

/**
 * What the credit lines say: a page crediting the article's outlet (by name, site or wire) derives
 * from it, and an article crediting the page's derives from the page; two texts crediting the same
 * wire, neither of them that wire, carry one story from a common source (`unknown-order`: neither is
 * the other's author). A scraper's mark ("[ad_1]", "Source link") says the marked text was pasted
 * from elsewhere: from the other one, when that holds half of it. A text crediting its own outlet
 * ("Originally published on Live Science" at livescience.com) says nothing.
 */
export function creditEvidence(page: CreditedText, source: CreditedText, coverage: number): DirectionEvidence | null {
  const credits = (text: CreditedText, other: CreditedText) =>
    text.credits.filter((c) => c.name !== null && namesOutlet(c.name, other.outlet, other.url) && !namesOutlet(c.name, text.outlet, text.url));
  const pageCredits = credits(page, source);
  const sourceCredits = credits(source, page);
  if (pageCredits.length > 0 && sourceCredits.length === 0) return { kind: 'credit', says: 'source', detail: `the page credits it: "${pageCredits[0]!.line}"` };
  if (sourceCredits.length > 0 && pageCredits.length === 0) return { kind: 'credit', says: 'copy', detail: `it credits the page: "${sourceCredits[0]!.line}"` };
  const wire = commonWire(page, source);
  if (wire) return { kind: 'credit', says: 'unknown-order', detail: `both carry ${wire} copy: a common source, neither the other's author` };
  if (coverage >= COPY_THRESHOLD) {
    const pageMark = page.credits.find((c) => c.name === null);
    const sourceMark = source.credits.find((c) => c.name === null);
    if (pageMark && !sourceMark) return { kind: 'credit', says: 'source', detail: `the page bears a scraper's mark ("${pageMark.line}")` };
    if (sourceMark && !pageMark) return { kind: 'credit', says: 'copy', detail: `it bears a scraper's mark ("${sourceMark.line}")` };
  }
  return null;
}

/** The wire both texts credit, when neither is that wire's own outlet. */
function commonWire(page: CreditedText, source: CreditedText): string | null {
  for (const c of page.credits) {
    const wire = c.name === null ? null : wireOf(c.name);
    if (!wire) continue;
    const carried = source.credits.some((s) => s.name !== null && wireOf(s.name) === wire);
    if (carried && !isWireArticle(wire, page) && !isWireArticle(wire, source)) return wire.name;
  }
  return null;
}

/**
 * What the page declares it is based on (`isBasedOn`, `original-source`, `syndication-source`):
 * when that is the article's address, the page derives from it.
 */
export function basedOnEvidence(basedOn: readonly string[] | undefined, articleUrl: string | null): DirectionEvidence | null {
  if (!articleUrl || !basedOn) return null;
  const named = basedOn.find((address) => sameAddress(address, articleUrl));
  return named ? { kind: 'based-on', says: 'source', detail: `the page declares it is based on ${named}` } : null;
}

/** A link in the article's body to the article's address ("Read more at…"): the page points at its source. */
export function sourceLinkEvidence(links: readonly string[] | undefined, articleUrl: string | null): DirectionEvidence | null {
  if (!articleUrl || !links) return null;
  const link = links.find((href) => sameAddress(href, articleUrl));
  return link ? { kind: 'source-link', says: 'source', detail: `the article body links to it (${link})` } : null;
}

/**
 * A page that lies almost whole inside an article at least twice its length is an excerpt or a
 * teaser of it, and derives from it. (The converse is not evidence: a longer text around the whole
 * of a shorter one is as often a report built on a press release as a page someone excerpted.)
 */
export function containmentEvidence(pageWords: number, sourceWords: number, coverage: number): DirectionEvidence | null {
  if (pageWords === 0 || coverage < CONTAINMENT_SHARE || sourceWords < CONTAINMENT_LENGTH_RATIO * pageWords) return null;
  return { kind: 'containment', says: 'source', detail: `${Math.round(coverage * 100)}% of the page lies inside it, a text ${(sourceWords / pageWords).toFixed(1)} times as long` };
}

function letters(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
}
