/** RSS 2.0 (and RSS 1.0 / RDF, whose items sit beside the channel) → feed items. */
import { parseFeedInstant } from './instant.js';
import { ItemAddresses } from './item-address.js';
import type { FeedItem, ParsedFeed } from './types.js';
import { childNamed, childrenNamed, childText } from './xml-nodes.js';

export function readRss(root: Element, feedUrl: string): ParsedFeed {
  const channel = childNamed(root, 'channel');
  const title = channel ? childText(channel, 'title', true) || null : null;
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const itemElements = [...(channel ? childrenNamed(channel, 'item') : []), ...childrenNamed(root, 'item')];
  const addresses = new ItemAddresses(feedUrl);
  const items: FeedItem[] = [];
  for (const item of itemElements) {
    const url = addresses.accept(itemLink(item));
    if (url === null) continue;
    items.push({
      url,
      title: childText(item, 'title', true),
      published: parseFeedInstant(childText(item, 'pubdate') || childText(item, 'date')),
      updated: parseFeedInstant(childText(item, 'updated') || childText(item, 'modified')),
      outlet: title,
    });
  }
  return { kind: 'rss', title, items, sitemaps: [], refused: addresses.refused };
}

/** The item's own `<link>`, else a `<guid>` that is a permalink (the default unless isPermaLink="false"). */
function itemLink(item: Element): string {
  const link = childText(item, 'link', true);
  if (link) return link;
  const guid = childNamed(item, 'guid', true);
  if (guid && guid.getAttribute('isPermaLink')?.toLowerCase() !== 'false') return (guid.textContent ?? '').trim();
  return '';
}
