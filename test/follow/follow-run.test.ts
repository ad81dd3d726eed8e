/** A run of following against five real-shaped sources on a local HTTP server. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { pageText } from '../../src/extract/page-text.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { EMPTY_FOLLOW_STATE, type FollowState } from '../../src/follow/follow-state.js';
import { runFollow, type FollowRunResult, type ReadArticle } from '../../src/follow/follow-run.js';
import { parseWithLinkedom } from '../../src/follow/linkedom-documents.js';
import { pageReaderOver } from '../../src/follow/page-reader.js';
import { PoliteFetcher } from '../../src/follow/polite-fetcher.js';
import { FIRST_BACKOFF_MS, NEW_SOURCE_STATUS } from '../../src/follow/source-status.js';
import { LocalSite } from '../helpers/local-site.js';
import { DATED_TOO_OLD, page, serveNewsSites, SOURCES, STORED_PAGES } from './follow-site.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const site = new LocalSite();
let sources: string[];

const readArticle: ReadArticle = (html, url) => {
  const article = extractFromHtml(html, url);
  if (isExtractionFailure(article)) return { error: article.error.message };
  return { title: article.title, text: pageText(article), published: article.published, url: article.url, siteName: article.siteName };
};

function follow(state: FollowState, now = NOW, maxNewArticles = 50): Promise<FollowRunResult> {
  const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0, timeoutMs: 5000 });
  return runFollow(sources, state, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => now }, { maxNewArticles, maxAgeDays: 90 });
}

const pathOf = (url: string): string => new URL(url).pathname;

beforeAll(async () => {
  await site.start();
  serveNewsSites(site);
  sources = SOURCES.map((s) => `${site.base}${s}`);
});
afterAll(() => site.close());

describe('a first run', () => {
  let run: FollowRunResult;
  beforeAll(async () => {
    run = await follow(EMPTY_FOLLOW_STATE);
  });

  test('finds every source\'s feeds: advertised, given directly, and through robots.txt and a sitemap index', () => {
    const feeds = Object.fromEntries(Object.entries(run.state.sources).map(([s, state]) => [pathOf(s), state.feeds.map(pathOf)]));
    expect(feeds).toEqual({
      '/news/world': ['/feeds/world/rss.xml'],
      '/atom.xml': ['/atom.xml'],
      '/feed.json': ['/feed.json'],
      '/plains': ['/sitemaps/index.xml'],
      '/broken.xml': [],
    });
    // The index's news sitemap and newest sitemap were read, the 2019 archive was not.
    expect(site.hits('/sitemaps/news.xml')).toHaveLength(1);
    expect(site.hits('/sitemaps/archive-2019.xml')).toHaveLength(0);
  });

  test('fetches every article page once and extracts it; the feed\'s instant and outlet are kept', () => {
    const fetched = run.articles.map((a) => pathOf(a.url)).sort();
    expect(fetched).toEqual([...STORED_PAGES].sort());
    const port = run.articles.find((a) => pathOf(a.url) === '/news/world/port-strike')!;
    expect(port).toMatchObject({ published: '2026-12-03T08:30:00.000Z', outlet: 'Meridian News', source: `${site.base}/news/world` });
    expect(port.text.startsWith(port.title)).toBe(true);
    // The tracking query of the feed's link is where it was fetched from; the article keeps the address it was fetched at.
    expect(port.url).toBe(`${site.base}/news/world/port-strike?at_medium=RSS&at_campaign=rss`);
    const tram = run.articles.find((a) => a.url.endsWith('/tram-line'))!;
    expect(tram.published).toBeNull();
  });

  test('a non-article page, a PDF and a 404 are remembered as such; a 500 is kept for another try', () => {
    const outcomes = Object.fromEntries(Object.values(run.state.items).map((i) => [pathOf(i.url), [i.outcome, i.note]]));
    expect(outcomes['/news/local/ferry-timetable']).toEqual(['not-an-article', expect.stringMatching(/No article found/)]);
    expect(outcomes['/stories/report.pdf']).toEqual(['not-an-article', 'not a web page (application/pdf)']);
    expect(outcomes['/stories/gone']).toEqual(['not-an-article', 'not found (404)']);
    expect(outcomes['/stories/flaky']).toEqual(['failed', 'the server failed (500)']);
    expect(outcomes[DATED_TOO_OLD]).toEqual(['too-old', 'published 2021-12-30T14:32:00Z']);
  });

  test('a feed that is an error page is that source\'s error, in words, and sets its backoff', () => {
    const broken = run.state.sources[`${site.base}/broken.xml`]!.status;
    expect(broken.lastError).toMatch(/a web page, not a feed/);
    expect(broken.failures).toBe(1);
    expect(Date.parse(broken.nextTryAt!)).toBe(NOW + FIRST_BACKOFF_MS);
    const healthy = run.state.sources[`${site.base}/atom.xml`]!.status;
    expect(healthy).toMatchObject({ lastError: null, failures: 0, nextTryAt: null, lastFetched: new Date(NOW).toISOString() });
  });

  describe('the next run, a minute later', () => {
    let second: FollowRunResult;
    let requestsBefore: number;
    beforeAll(async () => {
      requestsBefore = site.requests.length;
      second = await follow(run.state, NOW + 60_000);
    });

    test('asks for each feed conditionally, gets 304s, and fetches only the page that failed with a 500', () => {
      const asked = site.requests.slice(requestsBefore).map((r) => r.path.split('?')[0]);
      expect(asked.sort()).toEqual(['/atom.xml', '/feed.json', '/feeds/world/rss.xml', '/sitemaps/index.xml', '/stories/flaky']);
      expect(second.articles).toEqual([]);
      expect(second.reports.find((r) => r.source.endsWith('/atom.xml'))!.feedsUnchanged).toBe(1);
    });

    test('leaves the failing source alone until its backoff ends', () => {
      const broken = second.reports.find((r) => r.source.endsWith('/broken.xml'))!;
      expect(broken.waitingUntil).toBe(new Date(NOW + FIRST_BACKOFF_MS).toISOString());
      expect(site.hits('/broken.xml').length).toBe(1);
    });

    test('the failing source is tried again after the backoff and its wait doubles', async () => {
      const later = await follow(second.state, NOW + FIRST_BACKOFF_MS + 1);
      const status = later.state.sources[`${site.base}/broken.xml`]!.status;
      expect(status.failures).toBe(2);
      expect(Date.parse(status.nextTryAt!)).toBe(NOW + FIRST_BACKOFF_MS + 1 + 2 * FIRST_BACKOFF_MS);
    });

    test('an item whose feed says it changed is fetched again', async () => {
      const atom = site.routes.get('/atom.xml')!;
      const body = String((atom as { body: string }).body).replace('<updated>2026-12-03T07:40:00Z</updated>\n    <author>', '<updated>2026-12-03T11:00:00Z</updated>\n    <author>');
      site.routes.set('/atom.xml', { headers: { 'content-type': 'application/atom+xml' }, etag: '"atom-2"', body });
      try {
        const updated = await follow(second.state, NOW + 120_000);
        expect(updated.articles.map((a) => pathOf(a.url))).toEqual(['/2026/12/council-budget']);
      } finally {
        site.routes.set('/atom.xml', atom);
      }
    });
  });
});

describe('the cap on articles per run', () => {
  test('takes the newest item of each source in turn, and leaves the rest for the next run', async () => {
    const run = await follow(EMPTY_FOLLOW_STATE, NOW, 3);
    expect(run.articles.map((a) => pathOf(a.url))).toEqual(['/news/world/port-strike', '/2026/12/council-budget', '/stories/bridge-reopens']);
    expect(run.deferred).toBeGreaterThan(0);
    const next = await follow(run.state, NOW + 60_000, 50);
    expect(next.articles.length).toBe(STORED_PAGES.length - 3);
  });
});

describe('age', () => {
  test('items older than the retention window are not fetched', async () => {
    const run = await follow(EMPTY_FOLLOW_STATE, Date.parse('2027-06-01T00:00:00Z'));
    expect(run.articles).toEqual([]);
    expect(run.reports.every((r) => r.newItems === 0)).toBe(true);
  });
});

describe('a feed that moved, a feed too large and a feed that answers too slowly', () => {
  test('the move is followed; the others are their sources\' errors in words, and nothing is fetched from them', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => `<item><title>Story ${i}</title><link>${site.base}/bulk/${i}</link><pubDate>Thu, 03 Dec 2026 08:00:00 GMT</pubDate></item>`).join('\n');
    site.routes.set('/huge.xml', { headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Bulk</title>${items}</channel></rss>` });
    site.routes.set('/moved.xml', { status: 301, headers: { location: '/atom.xml' } });
    site.routes.set('/slow.xml', { delayMs: 1500, headers: { 'content-type': 'application/rss+xml' }, body: '<rss/>' });
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0, timeoutMs: 700, maxBytes: 100_000 });
    const three = ['/moved.xml', '/huge.xml', '/slow.xml'].map((p) => `${site.base}${p}`);
    const run = await runFollow(three, EMPTY_FOLLOW_STATE, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => NOW }, { maxNewArticles: 50, maxAgeDays: 90 });
    expect(run.state.sources[three[0]!]!.feeds).toEqual([`${site.base}/atom.xml`]);
    expect(run.articles.map((a) => pathOf(a.url))).toEqual(['/2026/12/council-budget']);
    expect(run.state.sources[three[1]!]!.status.lastError).toMatch(/larger than 0\.1 MB, not read/);
    expect(run.state.sources[three[2]!]!.status.lastError).toMatch(/no answer within 0\.7 s/);
    expect(site.hits('/bulk/0')).toHaveLength(0);
  });
});

describe('the address an article is stored under', () => {
  test('its canonical link when on the site it came from; never another site\'s address it claims', async () => {
    const withCanonical = (href: string): string => page('modern-000.html').replace('<head>', `<head><link rel="canonical" href="${href}">`);
    site.routes.set('/canon/feed.json', { headers: { 'content-type': 'application/feed+json' }, body: JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'Canon',
      items: [
        { id: '1', url: `${site.base}/canon/own?utm_source=feed`, date_published: '2026-12-03T08:00:00Z' },
        { id: '2', url: `${site.base}/canon/foreign`, date_published: '2026-12-03T07:00:00Z' },
      ],
    }) });
    site.routes.set('/canon/own', { headers: { 'content-type': 'text/html' }, body: withCanonical(`${site.base}/canon/own-story`) });
    site.routes.set('/canon/foreign', { headers: { 'content-type': 'text/html' }, body: withCanonical('https://famous-paper.example/their-story') });
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0 });
    const run = await runFollow([`${site.base}/canon/feed.json`], EMPTY_FOLLOW_STATE, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => NOW }, { maxNewArticles: 5, maxAgeDays: 90 });
    expect(run.articles.map((a) => a.url)).toEqual([`${site.base}/canon/own-story`, `${site.base}/canon/foreign`]);
  });
});

describe('a source taken off the list', () => {
  test('leaves no state behind', async () => {
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0 });
    const deps = { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => NOW };
    const both = await runFollow([`${site.base}/atom.xml`, `${site.base}/feed.json`], EMPTY_FOLLOW_STATE, deps, { maxNewArticles: 0, maxAgeDays: 90 });
    expect(Object.keys(both.state.sources)).toHaveLength(2);
    const one = await runFollow([`${site.base}/atom.xml`], both.state, deps, { maxNewArticles: 0, maxAgeDays: 90 });
    expect(Object.keys(one.state.sources)).toEqual([`${site.base}/atom.xml`]);
  });
});

describe('an item its feed does not date', () => {
  test('is fetched, and not stored when its page dates it before the age limit', async () => {
    site.routes.set('/undated.xml', { headers: { 'content-type': 'application/rss+xml' }, body: `<rss version="2.0"><channel><title>Undated</title>
      <item><title>Old</title><link>${site.base}/undated/old</link></item>
      <item><title>No date anywhere</title><link>${site.base}/undated/none</link></item></channel></rss>` });
    site.routes.set('/undated/old', { headers: { 'content-type': 'text/html' }, body: page('modern-000.html') });
    site.routes.set('/undated/none', { headers: { 'content-type': 'text/html' }, body: page('modern-001.html') });
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0 });
    const run = await runFollow([`${site.base}/undated.xml`], EMPTY_FOLLOW_STATE, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => NOW }, { maxNewArticles: 5, maxAgeDays: 90 });
    expect(run.articles.map((a) => pathOf(a.url))).toEqual(['/undated/none']);
    expect(run.reports[0]!.tooOld).toBe(1);
    expect(Object.values(run.state.items).find((i) => i.url.endsWith('/undated/old'))).toMatchObject({ outcome: 'too-old', note: 'published 2021-12-09T14:32:00Z' });
  });
});

describe('an item at an address that is not followed', () => {
  test('is skipped with the reason, and is not its source\'s error', async () => {
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0 });
    const run = await runFollow([`${site.base}/feeds/world/rss.xml`], EMPTY_FOLLOW_STATE, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => NOW }, { maxNewArticles: 0, maxAgeDays: 90 });
    expect(run.reports[0]!.skipped).toEqual([expect.stringMatching(/rss\.xml: http:\/\/insecure\.example\/pictures: only https/)]);
    expect(run.reports[0]!.errors).toEqual([]);
    expect(run.state.sources[`${site.base}/feeds/world/rss.xml`]!.status.lastError).toBeNull();
  });
});

describe('an extraction that throws on one page', () => {
  test('costs that page only: it is recorded with the reason, the other pages are stored', async () => {
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0 });
    const brittle: ReadArticle = (html, url) => {
      if (url.endsWith('/2026/12/council-budget')) throw new RangeError('Maximum call stack size exceeded');
      return readArticle(html, url);
    };
    const run = await runFollow([`${site.base}/feed.json`, `${site.base}/atom.xml`], EMPTY_FOLLOW_STATE, { fetcher, reader: pageReaderOver(parseWithLinkedom, brittle), now: () => NOW }, { maxNewArticles: 50, maxAgeDays: 90 });
    expect(run.articles.map((a) => pathOf(a.url)).sort()).toEqual(['/stories/bridge-reopens', '/stories/market-day']);
    expect(Object.values(run.state.items).find((i) => i.url.endsWith('/council-budget'))).toMatchObject({
      outcome: 'not-an-article', note: 'the extraction failed on the page (Maximum call stack size exceeded)',
    });
  });
});

describe('a site that asks us to slow down', () => {
  test('its Retry-After sets when the source is tried again', async () => {
    site.routes.set('/limited.xml', { status: 429, headers: { 'retry-after': '7200' } });
    const fetcher = new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0 });
    const state = { ...EMPTY_FOLLOW_STATE, sources: { [`${site.base}/limited.xml`]: { feeds: [`${site.base}/limited.xml`], discoveredAt: new Date(NOW).toISOString(), validators: {}, status: NEW_SOURCE_STATUS } } };
    const run = await runFollow([`${site.base}/limited.xml`], state, { fetcher, reader: pageReaderOver(parseWithLinkedom, readArticle), now: () => NOW }, { maxNewArticles: 5, maxAgeDays: 90 });
    const status = run.state.sources[`${site.base}/limited.xml`]!.status;
    expect(status.lastError).toMatch(/too many requests.*429/);
    expect(Date.parse(status.nextTryAt!)).toBe(NOW + 7_200_000);
  });
});
