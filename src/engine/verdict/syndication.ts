/**
 * Syndication: a story whose words are not its first carrier's own. A page that credits a wire or
 * another outlet, a page that copies a carrier crediting one, and a text several outlets carry with
 * no credit at all: in each, the earliest carrier is where the text was first seen, not its author
 * (see Verdict.wire). Pure: the verdict's sources in, the story out.
 */
import type { PageInput, SourceMatch, Verdict } from '../types.js';
import { WIRES, wireOf } from '../text/wire-bylines.js';
import type { Credit } from './credits.js';
import { isWireArticle, namesOutlet } from './evidence.js';
import { siteOf } from './identity.js';
import { compareDates, COPY_THRESHOLD } from './verdict.js';

/**
 * Outlets other than the page's that must carry its text, uncredited, for it to be syndicated copy
 * rather than one article's copy: a wire story's carriers that dropped the credit, a newspaper
 * group's shared story. A scraper's copy of one article has one earlier carrier.
 */
export const UNCREDITED_SYNDICATION_OUTLETS = 2;

/** A retrieved candidate as the story count sees it (see findCandidates): the story it carries and that story's carriers. */
export interface AlignedStory {
  readonly article: { readonly id: string };
  readonly story: number;
  readonly carriers: number;
}

/** Who a text's credits say wrote its words: a wire, or an outlet a line says first published them. */
export interface CreditedOrigin {
  readonly name: string;
  /** A news agency's (see WIRES), not an outlet a syndication line names. */
  readonly wire: boolean;
  /** Whether a source is the origin's own article (its author, not a carrier). */
  readonly owns: (s: Pick<SourceMatch, 'url' | 'outlet'>) => boolean;
}

/** The first wire a text's credits name, else the first outlet a line says first published it; null when neither. */
export function creditedOrigin(credits: readonly Credit[]): CreditedOrigin | null {
  for (const c of credits) {
    const wire = c.name === null ? null : wireOf(c.name);
    if (wire) {
      return { name: wire.name, wire: true, owns: (s) => isWireArticle(wire, s) };
    }
  }
  const republished = credits.find((c) => c.republished && c.name !== null);
  if (!republished) return null;
  const name = republished.name!;
  return { name, wire: false, owns: (s) => namesOutlet(name, s.outlet, s.url) };
}

/**
 * The story the page carries by its credits' origin (creditedOrigin), its carriers in the corpus and
 * the earliest of them (see Verdict.wire); null without an origin or when the origin is its own site.
 */
export function creditedStory(origin: CreditedOrigin | null, page: PageInput, sources: readonly SourceMatch[], aligned: readonly AlignedStory[]): Verdict['wire'] {
  if (!origin || origin.owns({ url: page.url ?? null, outlet: null })) return null;
  // the page's credit says its words are the origin's: another outlet with them carries its copy, credited or not
  const carriers = sources.filter((s) => s.coverage >= COPY_THRESHOLD && !origin.owns(s));
  const earlier = carriers.filter((s) => s.relation === 'source').sort((a, b) => compareDates(a.published, b.published) || b.coverage - a.coverage);
  return { name: origin.name, carriers: carrierCount(carriers, aligned), firstSeen: earlier[0]?.id ?? null };
}

/**
 * The story a page that credits none carries by copying a carrier that credits one: the words are
 * the origin's whoever dropped the credit, so the carrier is where they were first seen, not their
 * author (real-news dev: 10 of 32 labelled common-source partners named as a copy's author). Not
 * when the copied article is the origin's own: then it is the author.
 */
export function inheritedStory(
  page: PageInput, sources: readonly SourceMatch[], aligned: readonly AlignedStory[], copied: string, copiedCredits: readonly Credit[],
): Verdict['wire'] {
  const source = sources.find((s) => s.id === copied);
  const origin = creditedOrigin(copiedCredits);
  if (!source || !origin || origin.owns(source)) return null;
  return creditedStory(origin, page, sources, aligned);
}

/**
 * A copy whose text at least UNCREDITED_SYNDICATION_OUTLETS other outlets carry, neither the page nor
 * the carrier it copied crediting anyone (the caller tries the credits first): syndicated copy whose
 * author the texts do not name (a wire's carriers that dropped its credit, a newspaper group's
 * shared story, or several copies of one article; the words cannot tell which). The copied article
 * is where it was first seen. Outlets are told apart by site, or by name for an article without an
 * address; the page's own site is no other outlet.
 */
export function uncreditedSyndication(page: PageInput, sources: readonly SourceMatch[], aligned: readonly AlignedStory[], copied: string): Verdict['wire'] {
  // first seen on a wire's own site, or under its name: the wire's article, its author
  const first = sources.find((s) => s.id === copied);
  if (!first || WIRES.some((wire) => isWireArticle(wire, first))) return null;
  const carriers = sources.filter((s) => s.coverage >= COPY_THRESHOLD);
  const pageSite = page.url ? siteOf(page.url) : null;
  const outlets = new Set<string>();
  for (const s of carriers) {
    const outlet = s.url !== null ? siteOf(s.url) : s.outlet !== null ? `outlet:${s.outlet.toLowerCase()}` : null;
    if (outlet !== null && outlet !== pageSite) outlets.add(outlet);
  }
  if (outlets.size < UNCREDITED_SYNDICATION_OUTLETS) return null;
  return { name: null, carriers: carrierCount(carriers, aligned), firstSeen: copied };
}

/** Carriers found, and those retrieval grouped with them, aligned or not (one story, many carriers). */
function carrierCount(carriers: readonly SourceMatch[], aligned: readonly AlignedStory[]): number {
  const carrierIds = new Set(carriers.map((s) => s.id));
  const stories = new Map(aligned.filter((a) => carrierIds.has(a.article.id)).map((a) => [a.story, a.carriers]));
  const inStories = [...stories.values()].reduce((n, c) => n + c, 0);
  const alignedInStories = aligned.filter((a) => stories.has(a.story)).length;
  return carriers.length + Math.max(0, inStories - alignedInStories);
}
