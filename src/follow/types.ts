/**
 * Following news sources: the shapes shared by feed parsing, discovery, fetching and the run.
 * Nothing here touches the DOM globals, the network or Node: a host (the CLI, later the
 * extension's worker) supplies a document parser and a fetch.
 */

/** An item a feed lists: an article address and what the feed says of it. */
export interface FeedItem {
  /** Absolute https address (or http on 127.0.0.1) of the article page. */
  readonly url: string;
  /** The feed's headline for it; '' when it gives none. */
  readonly title: string;
  /** When it was published, as an ISO 8601 instant (UTC) or an ISO date when only a day is known; null when unknown. */
  readonly published: string | null;
  /** When the feed says it last changed (Atom `updated`, JSON Feed `date_modified`, sitemap `lastmod`), same form. */
  readonly updated: string | null;
  /** The outlet the feed names (channel or feed title, a news sitemap's publication name); null when it names none. */
  readonly outlet: string | null;
}

export type FeedKind = 'rss' | 'atom' | 'json-feed' | 'news-sitemap' | 'sitemap' | 'sitemap-index';

/** A parsed feed. A sitemap index lists further sitemaps rather than articles. */
export interface ParsedFeed {
  readonly kind: FeedKind;
  readonly title: string | null;
  readonly items: readonly FeedItem[];
  /** Sitemaps a sitemap index points to (absolute, allowed addresses only); empty for other kinds. */
  readonly sitemaps: readonly string[];
  /** Why some listed addresses were not taken (not https, malformed), a few at most. */
  readonly refused: readonly string[];
}

/** Why a body is not a feed, in words a reader can act on. */
export interface FeedError {
  readonly error: string;
}

export function isFeedError(value: ParsedFeed | FeedError): value is FeedError {
  return 'error' in value;
}

/**
 * Parses text into a DOM Document: `text/xml` for feeds, `text/html` for pages. Injected so the
 * same code runs over linkedom in Node and in a worker, or over a browser's DOMParser.
 */
export type ParseDocument = (text: string, type: 'text/xml' | 'text/html') => Document;
