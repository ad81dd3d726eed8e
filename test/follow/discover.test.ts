import { describe, expect, test } from 'vitest';
import { followableAddress } from '../../src/follow/address-policy.js';
import { conventionalSitemaps, feedLinksInPage, sitemapsInRobots } from '../../src/follow/discover.js';
import { parseWithLinkedom } from '../../src/follow/linkedom-documents.js';

describe('which addresses are followed', () => {
  test.each([
    ['https://news.example/feed', { url: 'https://news.example/feed' }],
    ['  https://news.example/a#comments ', { url: 'https://news.example/a' }],
    ['http://127.0.0.1:8080/feed', { url: 'http://127.0.0.1:8080/feed' }],
  ])('%j is followed', (address, verdict) => {
    expect(followableAddress(address)).toEqual(verdict);
  });

  test.each([
    ['http://news.example/feed', /only https addresses are followed \(plain http can be altered/],
    ['http://localhost/feed', /only https/],
    ['ftp://news.example/feed', /not ftp/],
    ['file:///etc/passwd', /not file/],
    ['javascript:alert(1)', /not javascript/],
    ['https://user:secret@news.example/', /user name or password/],
    ['news.example/feed', /is not a web address/],
    ['', /is not a web address/],
  ])('%j is refused in words', (address, message) => {
    const verdict = followableAddress(address);
    expect('error' in verdict && verdict.error).toMatch(message);
  });

  test('relative addresses resolve against their base', () => {
    expect(followableAddress('../b', 'https://news.example/x/y/z')).toEqual({ url: 'https://news.example/x/b' });
    expect('error' in followableAddress('//insecure.example/a', 'http://127.0.0.1/')).toBe(true);
  });
});

describe('feed discovery', () => {
  const page = parseWithLinkedom(`<!doctype html><html><head>
    <link rel="stylesheet" href="/a.css">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss/top.xml">
    <link rel="Alternate" type="application/atom+xml" href="https://news.example/atom">
    <link rel="alternate" type="application/feed+json" href="/feed.json">
    <link rel="alternate" type="application/rss+xml" href="http://news.example/insecure.xml">
    <link rel="alternate" type="application/rss+xml" href="/rss/top.xml">
    <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
  </head><body></body></html>`, 'text/html');

  test('RSS, Atom and JSON feeds a page advertises, absolute, once each, https only (not a REST API\'s JSON)', () => {
    expect(feedLinksInPage(page, 'https://news.example/section/')).toEqual([
      'https://news.example/rss/top.xml', 'https://news.example/atom', 'https://news.example/feed.json',
    ]);
  });

  test('robots.txt Sitemap lines, any case, relative ones resolved, others refused', () => {
    const robots = 'User-agent: *\nDisallow: /private\nSitemap: https://news.example/news-sitemap.xml\nsitemap:/sitemap.xml\r\nSITEMAP: http://news.example/old.xml\n';
    expect(sitemapsInRobots(robots, 'https://news.example/robots.txt')).toEqual(['https://news.example/news-sitemap.xml', 'https://news.example/sitemap.xml']);
  });

  test('conventional sitemap addresses are on the site\'s origin, news sitemaps first', () => {
    expect(conventionalSitemaps('https://news.example/world/today?x=1')).toEqual([
      'https://news.example/news-sitemap.xml', 'https://news.example/sitemap_news.xml', 'https://news.example/sitemap-news.xml', 'https://news.example/sitemap.xml',
    ]);
  });
});
