/** Metadata read from a page's head: publication date, language, site name, author. */
import { publicationTime } from '../engine/text/published.js';
import type { JsonLdArticle } from './json-ld.js';

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="date"]',
  'meta[property="og:published_time"]',
];

/**
 * When the page says it was published: an instant (`YYYY-MM-DDTHH:MM:SSZ`) where its metadata gives
 * a time with a zone (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`), else
 * an ISO calendar date, else null (see publicationTime). A value that starts with an ISO date keeps
 * the publisher's own day.
 */
export function publishedDate(doc: Document, ld: JsonLdArticle | undefined): string | null {
  const candidates: Array<string | null | undefined> = [];
  for (const selector of PUBLISHED_META) candidates.push(doc.querySelector(selector)?.getAttribute('content'));
  candidates.push(ld?.datePublished);
  candidates.push(doc.querySelector('time[itemprop="datePublished"]')?.getAttribute('datetime'));
  candidates.push(doc.querySelector('time[datetime][pubdate]')?.getAttribute('datetime'));
  candidates.push(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  for (const value of candidates) {
    const published = publicationTime(value);
    if (published) return published;
  }
  return null;
}

/** The page's language as a BCP 47 tag, or null. */
export function pageLanguage(doc: Document, ld: JsonLdArticle | undefined): string | null {
  const raw =
    doc.documentElement?.getAttribute('lang') ||
    doc.documentElement?.getAttribute('xml:lang') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ||
    ld?.inLanguage ||
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content') ||
    '';
  const tag = raw.split(',')[0]?.trim().replace(/_/g, '-') ?? '';
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}

/** The site's name from Open Graph or JSON-LD. */
export function siteName(doc: Document, ld: JsonLdArticle | undefined): string | null {
  const og = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim();
  return og || ld?.publisher || null;
}

/** The document's headline from Open Graph or <title>, for the fallbacks that have no title of their own. */
export function documentTitle(doc: Document, ld: JsonLdArticle | undefined): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return ld?.headline || og || doc.querySelector('h1')?.textContent?.trim() || doc.title?.trim() || '';
}

/**
 * Readability's title with a site-name suffix removed when the page's own <h1> (or JSON-LD
 * headline) shows where the headline ends: "Headline – Site Name" → "Headline".
 */
export function cleanTitle(title: string, doc: Document, ld: JsonLdArticle | undefined): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const candidates = [ld?.headline ?? '', ...Array.from(doc.querySelectorAll('h1')).map((h) => h.textContent ?? '')];
  for (const raw of candidates) {
    const c = raw.replace(/\s+/g, ' ').trim();
    if (c && c.length < t.length && t.startsWith(c) && /^\s*[|\-–—:·•»]/.test(t.slice(c.length))) return c;
  }
  return t;
}

/**
 * The address the publisher gives the page: `<link rel="canonical">`, else `og:url`, made absolute
 * against the page's own address. Only http(s) addresses count.
 */
export function canonicalUrl(doc: Document, pageUrl: string | undefined): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const value of candidates) {
    const href = value?.trim();
    if (!href) continue;
    try {
      const url = pageUrl ? new URL(href, pageUrl) : new URL(href);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // A relative address with no page address to resolve it against, or a malformed one.
    }
  }
  return null;
}

/**
 * Addresses the page says it is based on: JSON-LD `isBasedOn`, `<meta name="original-source">`,
 * `<meta name="syndication-source">` (Google News's tags for syndicated copy), `<link rel="original-source">`;
 * absolute http(s) only.
 */
export function declaredSources(doc: Document, ld: JsonLdArticle | undefined, pageUrl: string | undefined): string[] {
  const values = [
    ...(ld?.isBasedOn ?? []),
    ...Array.from(doc.querySelectorAll('meta[name="original-source" i], meta[name="syndication-source" i]')).map((m) => m.getAttribute('content')),
    ...Array.from(doc.querySelectorAll('link[rel~="original-source" i]')).map((l) => l.getAttribute('href')),
  ];
  const found: string[] = [];
  for (const value of values) {
    const href = value?.trim();
    if (!href) continue;
    try {
      const url = pageUrl ? new URL(href, pageUrl) : new URL(href);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // a relative address with nothing to resolve it against, or a malformed one
    }
  }
  return found;
}
