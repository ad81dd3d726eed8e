/**
 * A local news "web" for the tests of following: five sources on one real HTTP server, built
 * from the feed fixtures and the repo's article pages.
 *   /news/world     an HTML section page advertising /feeds/world/rss.xml (RSS)
 *   /atom.xml       an Atom feed, given directly
 *   /feed.json      a JSON Feed, given directly, listing a 404, a PDF and a page on a failing server too
 *   /plains         a page advertising nothing; robots.txt names a sitemap index (news sitemap + plain sitemap)
 *   /broken.xml     an error page served as a feed
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/build/paths.js';
import type { LocalSite } from '../helpers/local-site.js';
import { feedFixture } from './feed-fixtures.js';

const PAGES = path.join(ROOT, 'test/fixtures/pages');
export const page = (name: string): string => readFileSync(path.join(PAGES, name), 'utf8');
const html = { 'content-type': 'text/html; charset=utf-8' };

/** Article address → fixture page: which page each feed item leads to. */
export const ARTICLE_PAGES: Readonly<Record<string, string>> = {
  '/news/world/port-strike': 'modern-000.html',
  '/news/local/ferry-timetable': 'no-article.html',
  '/2026/12/council-budget': 'modern-002.html',
  '/2026/12/snow-pass': 'modern-003.html',
  '/stories/bridge-reopens': 'foreign-es.html',
  '/stories/market-day': 'modern-004.html',
  '/business/2026/12/03/grain-prices': 'wp-002.html',
  // The same article text as /2026/12/snow-pass, in another site's template: stored once.
  '/sport/2026/12/02/cup-final': 'wire-003.html',
  '/2026/12/03/tram-line': 'modern-001.html',
};

/** Its Atom entry has no <published>, and its page dates it 2021-12-30: older than the age limit, not stored. */
export const DATED_TOO_OLD = '/2026/12/snow-pass';

/** The addresses a first run stores: every article page but the non-article and the one dated too old. */
export const STORED_PAGES = Object.keys(ARTICLE_PAGES).filter((p) => ARTICLE_PAGES[p] !== 'no-article.html' && p !== DATED_TOO_OLD);

export const SOURCES = ['/news/world', '/atom.xml', '/feed.json', '/plains', '/broken.xml'];

export function serveNewsSites(site: LocalSite): void {
  const base = site.base;
  const xml = (name: string, type: string) => ({ headers: { 'content-type': type }, etag: `"${name}-1"`, body: feedFixture(name, base) });
  site.routes.set('/news/world', { headers: html, body: `<!doctype html><html><head><title>World</title>
    <link rel="alternate" type="application/rss+xml" title="World" href="/feeds/world/rss.xml">
    <link rel="stylesheet" href="/style.css"></head><body><h1>World news</h1></body></html>` });
  site.routes.set('/feeds/world/rss.xml', xml('rss.xml', 'application/rss+xml; charset=utf-8'));
  site.routes.set('/atom.xml', xml('atom.xml', 'application/atom+xml'));
  site.routes.set('/feed.json', xml('feed.json', 'application/feed+json'));
  site.routes.set('/plains', { headers: html, body: '<!doctype html><html><head><title>The Plains Record</title></head><body><p>Home</p></body></html>' });
  site.routes.set('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: `User-agent: *\nDisallow: /search\nSitemap: ${base}/sitemaps/index.xml\n` });
  site.routes.set('/sitemaps/index.xml', xml('sitemap-index.xml', 'application/xml'));
  site.routes.set('/sitemaps/news.xml', xml('news-sitemap.xml', 'application/xml'));
  site.routes.set('/sitemaps/pages.xml', xml('sitemap.xml', 'application/xml'));
  site.routes.set('/broken.xml', { headers: { 'content-type': 'application/xml' }, body: feedFixture('malformed.xml', base) });
  for (const [address, name] of Object.entries(ARTICLE_PAGES)) site.routes.set(address, { headers: html, body: page(name) });
  site.routes.set('/stories/report.pdf', { headers: { 'content-type': 'application/pdf' }, body: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]) });
  site.routes.set('/stories/flaky', { status: 500, body: 'Internal Server Error' });
}
