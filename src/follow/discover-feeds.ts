/**
 * Finds a source's feeds over the network: the address itself when it is a feed; else the
 * feeds its page advertises; else the sitemaps its robots.txt names or that news sites keep at
 * conventional addresses.
 */
import { bodyText, looksLikeWebPage } from './body-text.js';
import { conventionalSitemaps, robotsAddress, sitemapsInRobots } from './discover.js';
import type { PageReader } from './page-reader.js';
import type { PoliteFetcher } from './polite-fetcher.js';
import { isFeedError } from './types.js';

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
/** A page may advertise comment feeds and per-section feeds beside the main one: the first few are enough. */
const MAX_ADVERTISED_FEEDS = 3;

export type Discovery =
  | { readonly feeds: readonly string[] }
  | { readonly error: string; readonly retryAfterMs: number | null };

export async function discoverFeeds(address: string, fetcher: PoliteFetcher, reader: PageReader): Promise<Discovery> {
  const first = await fetcher.get(address, {}, FEED_ACCEPT);
  if (first.kind === 'failed') return { error: first.message, retryAfterMs: first.retryAfterMs };
  if (first.kind === 'body') {
    const decoded = bodyText(first.bytes, first.contentType);
    if ('error' in decoded) return { error: `${first.url}: ${decoded.error}`, retryAfterMs: null };
    if (!looksLikeWebPage(first.contentType, decoded.text)) {
      const feed = await reader.parseFeed({ text: decoded.text, url: first.url, contentType: first.contentType });
      if (isFeedError(feed)) return { error: `${first.url}: ${feed.error}`, retryAfterMs: null };
      return { feeds: [first.url] };
    }
    let advertised: string[] = [];
    try {
      advertised = await reader.feedLinks(decoded.text, first.url);
    } catch {
      // A page the parser cannot read advertises nothing; the sitemaps may still be found.
    }
    if (advertised.length > 0) return { feeds: advertised.slice(0, MAX_ADVERTISED_FEEDS) };
  }
  const site = first.url;
  const robots = await fetcher.get(robotsAddress(site), {}, 'text/plain');
  const named = robots.kind === 'body' ? sitemapsInRobots(textOf(robots.bytes, robots.contentType), robots.url) : [];
  for (const candidate of [...named, ...conventionalSitemaps(site)]) {
    const outcome = await fetcher.get(candidate, {}, 'application/xml, text/xml;q=0.9');
    if (outcome.kind !== 'body') continue;
    const decoded = bodyText(outcome.bytes, outcome.contentType);
    if ('error' in decoded) continue;
    const feed = await reader.parseFeed({ text: decoded.text, url: outcome.url, contentType: outcome.contentType });
    if (!isFeedError(feed) && (feed.items.length > 0 || feed.sitemaps.length > 0)) return { feeds: [outcome.url] };
  }
  return {
    error: `no feed found at ${site}: the page advertises no RSS, Atom or JSON feed, and no sitemap was found (robots.txt, /sitemap.xml, news sitemaps)`,
    retryAfterMs: null,
  };
}

function textOf(bytes: Uint8Array, contentType: string | null): string {
  const decoded = bodyText(bytes, contentType);
  return 'text' in decoded ? decoded.text : '';
}
