/**
 * Where a site keeps its feeds: the `<link rel="alternate">` elements of its pages, the
 * `Sitemap:` lines of its robots.txt, and the sitemap addresses news sites conventionally use.
 */
import { followableAddress } from './address-policy.js';

// Not plain application/json: WordPress advertises its REST API that way on every page, and it is no feed.
const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json)$/i;

/** Feed addresses a page advertises, in the page's order (absolute, allowed addresses only). */
export function feedLinksInPage(doc: Document, pageUrl: string): string[] {
  const found: string[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const verdict = followableAddress(link.getAttribute('href') ?? '', pageUrl);
    if ('url' in verdict && !found.includes(verdict.url)) found.push(verdict.url);
  }
  return found;
}

/** The sitemaps a robots.txt names (`Sitemap: <address>` lines, any case). */
export function sitemapsInRobots(text: string, robotsUrl: string): string[] {
  const found: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    if (!match) continue;
    const verdict = followableAddress(match[1]!, robotsUrl);
    if ('url' in verdict && !found.includes(verdict.url)) found.push(verdict.url);
  }
  return found;
}

/** Where a site without advertised feeds most likely keeps its news sitemap, most specific first. */
export function conventionalSitemaps(siteUrl: string): string[] {
  const origin = new URL(siteUrl).origin;
  return ['/news-sitemap.xml', '/sitemap_news.xml', '/sitemap-news.xml', '/sitemap.xml'].map((p) => `${origin}${p}`);
}

export function robotsAddress(siteUrl: string): string {
  return `${new URL(siteUrl).origin}/robots.txt`;
}
