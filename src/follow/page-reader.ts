/**
 * What following reads out of fetched text: a feed, the feeds a page advertises, an article.
 * Asynchronous so a host may do it in another context: Chrome's service worker has no DOM and
 * asks its offscreen document, which has a browser's DOMParser; the CLI and Firefox's event page
 * parse in place (pageReaderOver).
 */
import { feedLinksInPage } from './discover.js';
import type { PageArticle, ReadArticle } from './follow-run.js';
import { parseFeed, type FeedBody } from './parse-feed.js';
import type { FeedError, ParsedFeed, ParseDocument } from './types.js';

export interface PageReader {
  parseFeed(body: FeedBody): Promise<ParsedFeed | FeedError>;
  /** The feed addresses a web page advertises; throws when the page cannot be parsed. */
  feedLinks(html: string, url: string): Promise<string[]>;
  /** The article on a page; `{ error }` when it holds none. Throws when the extraction breaks. */
  readArticle(html: string, url: string): Promise<PageArticle | { error: string }>;
}

/** A reader over a document parser and an extraction that run here. */
export function pageReaderOver(parseDocument: ParseDocument, readArticle: ReadArticle): PageReader {
  return {
    parseFeed: async (body) => parseFeed(body, parseDocument),
    feedLinks: async (html, url) => feedLinksInPage(parseDocument(html, 'text/html'), url),
    readArticle: async (html, url) => readArticle(html, url),
  };
}
