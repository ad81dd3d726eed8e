/**
 * Sitemaps → feed items. A Google News sitemap gives each address a `news:publication_date`,
 * a title and the publication's name; a plain sitemap gives at most `lastmod`, which says when
 * a page changed, not when it was published, so it is kept as `updated` only. A sitemap index
 * lists further sitemaps.
 */
import { parseFeedInstant } from './instant.js';
import { ItemAddresses } from './item-address.js';
import type { FeedItem, ParsedFeed } from './types.js';
import { childNamed, childrenNamed, childText } from './xml-nodes.js';

export function readUrlset(root: Element, feedUrl: string): ParsedFeed {
  const addresses = new ItemAddresses(feedUrl);
  const items: FeedItem[] = [];
  let newsEntries = 0;
  for (const entry of childrenNamed(root, 'url')) {
    const url = addresses.accept(childText(entry, 'loc'));
    if (url === null) continue;
    const news = childNamed(entry, 'news');
    if (news) newsEntries++;
    const publication = news ? childNamed(news, 'publication') : undefined;
    items.push({
      url,
      title: news ? childText(news, 'title') : '',
      published: news ? parseFeedInstant(childText(news, 'publication_date')) : null,
      updated: parseFeedInstant(childText(entry, 'lastmod')),
      outlet: publication ? childText(publication, 'name') || null : null,
    });
  }
  return { kind: newsEntries > 0 ? 'news-sitemap' : 'sitemap', title: null, items, sitemaps: [], refused: addresses.refused };
}

export function readSitemapIndex(root: Element, feedUrl: string): ParsedFeed {
  const addresses = new ItemAddresses(feedUrl);
  const listed = childrenNamed(root, 'sitemap')
    .map((entry) => ({ url: addresses.accept(childText(entry, 'loc')), modified: parseFeedInstant(childText(entry, 'lastmod')) ?? '' }))
    .filter((entry): entry is { url: string; modified: string } => entry.url !== null);
  // Newest first, news sitemaps ahead of the rest: a news site's index lists years of archives.
  listed.sort((a, b) => Number(isNewsName(b.url)) - Number(isNewsName(a.url)) || (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
  return { kind: 'sitemap-index', title: null, items: [], sitemaps: listed.map((entry) => entry.url), refused: addresses.refused };
}

function isNewsName(url: string): boolean {
  return /news/i.test(new URL(url).pathname);
}
