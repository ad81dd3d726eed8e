/** JSON Feed (https://jsonfeed.org, versions 1 and 1.1) → feed items. */
import { parseFeedInstant } from './instant.js';
import { ItemAddresses } from './item-address.js';
import type { FeedError, FeedItem, ParsedFeed } from './types.js';

export function readJsonFeed(text: string, feedUrl: string): ParsedFeed | FeedError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const feed = parsed as { version?: unknown; title?: unknown; items?: unknown } | null;
  if (!feed || typeof feed !== 'object' || typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/')) {
    return { error: 'JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/…")' };
  }
  if (!Array.isArray(feed.items)) return { error: 'a JSON Feed without an "items" list' };
  const title = typeof feed.title === 'string' ? feed.title.trim() || null : null;
  const addresses = new ItemAddresses(feedUrl);
  const items: FeedItem[] = [];
  for (const raw of feed.items as unknown[]) {
    const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const url = addresses.accept(stringOf(item['url']) || stringOf(item['external_url']));
    if (url === null) continue;
    items.push({
      url,
      title: stringOf(item['title']),
      published: parseFeedInstant(stringOf(item['date_published'])),
      updated: parseFeedInstant(stringOf(item['date_modified'])),
      outlet: title,
    });
  }
  return { kind: 'json-feed', title, items, sitemaps: [], refused: addresses.refused };
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
