/** Any feed body → its items: RSS, Atom, JSON Feed, a (news) sitemap or a sitemap index. */
import { readAtom } from './atom.js';
import { readJsonFeed } from './json-feed.js';
import { readRss } from './rss.js';
import { readSitemapIndex, readUrlset } from './sitemap.js';
import type { FeedError, ParseDocument, ParsedFeed } from './types.js';
import { localName } from './xml-nodes.js';

export interface FeedBody {
  readonly text: string;
  /** The address it was read from (after redirects): relative item addresses resolve against it. */
  readonly url: string;
  readonly contentType?: string | null;
}

export function parseFeed(body: FeedBody, parseDocument: ParseDocument): ParsedFeed | FeedError {
  const text = body.text.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (/json/i.test(body.contentType ?? '') || start.startsWith('{')) return readJsonFeed(text, body.url);
  if (!start.startsWith('<')) return { error: 'neither XML nor JSON' };
  let root: Element | null;
  try {
    const doc = parseDocument(text, 'text/xml');
    // A browser's DOMParser reports broken XML as a document holding a <parsererror>.
    if (doc.getElementsByTagName('parsererror').length > 0) return { error: 'malformed XML' };
    root = doc.documentElement;
  } catch (error) {
    return { error: `malformed XML (${(error as Error).message})` };
  }
  if (!root) return { error: 'malformed XML: no root element' };
  switch (localName(root)) {
    case 'rss': case 'rdf': return readRss(root, body.url);
    case 'feed': return readAtom(root, body.url);
    case 'urlset': return readUrlset(root, body.url);
    case 'sitemapindex': return readSitemapIndex(root, body.url);
    case 'html': return { error: 'a web page, not a feed' };
    default: return { error: `XML, but not a feed (its root element is <${root.tagName}>)` };
  }
}
