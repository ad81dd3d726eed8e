/** Atom (RFC 4287) → feed items. */
import { parseFeedInstant } from './instant.js';
import { ItemAddresses } from './item-address.js';
import type { FeedItem, ParsedFeed } from './types.js';
import { childrenNamed, childText } from './xml-nodes.js';

export function readAtom(root: Element, feedUrl: string): ParsedFeed {
  const title = childText(root, 'title') || null;
  const addresses = new ItemAddresses(feedUrl);
  const items: FeedItem[] = [];
  for (const entry of childrenNamed(root, 'entry')) {
    const url = addresses.accept(alternateLink(entry));
    if (url === null) continue;
    items.push({
      url,
      title: childText(entry, 'title'),
      published: parseFeedInstant(childText(entry, 'published') || childText(entry, 'issued')),
      updated: parseFeedInstant(childText(entry, 'updated') || childText(entry, 'modified')),
      outlet: title,
    });
  }
  return { kind: 'atom', title, items, sitemaps: [], refused: addresses.refused };
}

/** The entry's page: the `link` with rel="alternate" (the default rel), HTML first when several. */
function alternateLink(entry: Element): string {
  const alternates = childrenNamed(entry, 'link').filter((link) => (link.getAttribute('rel') ?? 'alternate').toLowerCase() === 'alternate');
  const html = alternates.find((link) => /html/i.test(link.getAttribute('type') ?? 'text/html'));
  return (html ?? alternates[0])?.getAttribute('href') ?? '';
}
