/**
 * Following sources as the extension's background does it, over a real HTTP server (the five
 * real-shaped sources of test/follow/follow-site.ts, plus a redirect, a slow server and a huge
 * feed): the host permissions each source needs, the alarm, a run's articles in the reader's own
 * corpus, each source's status in words, and a scraper's copy of a followed article found by the
 * engine in the segments the run appended.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attribute } from '../../src/engine/index.js';
import { FOLLOW_ALARM, FOLLOW_PERIOD_MINUTES, followedSources, type FollowedSources } from '../../src/extension/background/followed-sources.js';
import { readerCorpus, type ReaderCorpus } from '../../src/extension/background/reader-corpus.js';
import { indexedDbReaderSegments } from '../../src/extension/background/reader-segments.js';
import { memoryCorpusStore } from '../../src/extension/corpus-store.js';
import { memoryStorageArea } from '../../src/extension/storage-area.js';
import { LocalSite } from '../helpers/local-site.js';
import { page, serveNewsSites, STORED_PAGES } from '../follow/follow-site.js';
import { jsdomPageReader } from './support/dom-reader.js';
import { failing } from './support/failing-segments.js';
import { fakeFollowBrowser, type FakeFollowBrowser } from './support/fake-follow-browser.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const LOCAL = 'http://127.0.0.1/*';
const site = new LocalSite();

interface World {
  browser: FakeFollowBrowser;
  sources: FollowedSources;
  corpus: ReaderCorpus;
  /** Commits of the corpus's segment list. */
  changes: () => number;
  endpointOrigins: string[];
}

function world(granted: string[] = [LOCAL], now = NOW): World {
  const browser = fakeFollowBrowser(granted);
  const settings = memoryStorageArea();
  const segments = failing(indexedDbReaderSegments(new IDBFactory()));
  const corpus = readerCorpus({ store: segments.store, corpusStore: memoryCorpusStore(), settings, now: () => now });
  const endpointOrigins: string[] = [];
  const sources = followedSources({
    browser, storage: settings, fetch: globalThis.fetch, reader: jsdomPageReader, readerCorpus: corpus, now: () => now,
    keptOrigins: async () => endpointOrigins, perSiteIntervalMs: 0, timeoutMs: 1500,
  });
  return { browser, sources, corpus, changes: () => segments.counts.commits, endpointOrigins };
}

beforeAll(async () => {
  await site.start();
  serveNewsSites(site);
  // A section that moved: its old address redirects to the RSS section page.
  site.routes.set('/world', { status: 301, headers: { location: '/news/world' } });
  site.routes.set('/slow.xml', { delayMs: 4000, headers: { 'content-type': 'application/rss+xml' }, body: '<rss/>' });
  site.routes.set('/elsewhere.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>Port strike</title><link>https://wire.example/port-strike</link><pubDate>Thu, 03 Dec 2026 08:30:00 GMT</pubDate></item>
      </channel></rss>`,
  });
  // 6 MB of items: more than a feed is read for.
  const item = `<item><title>Filler</title><link>${site.base}/filler</link><pubDate>Thu, 03 Dec 2026 08:30:00 GMT</pubDate></item>`;
  site.routes.set('/huge.xml', { headers: { 'content-type': 'application/rss+xml' }, body: `<rss version="2.0"><channel><title>Huge</title>${item.repeat(Math.ceil(6e6 / item.length))}</channel></rss>` });
});
afterAll(() => site.close());

describe('following a source', () => {
  test('is refused in words, with nothing fetched, while its site is not allowed', async () => {
    const w = world([]);
    const before = site.requests.length;
    const answer = await w.sources.follow(`${site.base}/news/world`);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/may not read 127\.0\.0\.1:\d+: the browser's request for access was refused or dismissed/) });
    expect(site.requests.length).toBe(before);
    expect(await w.sources.list()).toEqual([]);
    expect(w.browser.alarmsSet.size).toBe(0);
  });

  test('plain http is refused (https only, 127.0.0.1 aside), and says so', async () => {
    const answer = await world().sources.follow('http://news.example/feed.xml');
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/only https addresses are followed/) });
  });

  test('a feed whose articles live on another site asks for that site too, and is not followed yet', async () => {
    const w = world();
    const answer = await w.sources.follow(`${site.base}/elsewhere.xml`);
    expect(answer).toMatchObject({ ok: false, needs: [LOCAL, 'https://wire.example/*'], message: expect.stringMatching(/also on wire\.example/) });
    expect(await w.sources.list()).toEqual([]);
    w.browser.granted.add('https://wire.example/*');
    expect(await w.sources.follow(`${site.base}/elsewhere.xml`)).toMatchObject({ ok: true, source: { origins: [LOCAL, 'https://wire.example/*'] } });
  });

  test('follows a redirected site address, its feed found; the alarm runs every 30 minutes only while a source is followed', async () => {
    const w = world();
    const answer = await w.sources.follow(`${site.base}/world`);
    expect(answer).toMatchObject({ ok: true, source: { feeds: [`${site.base}/feeds/world/rss.xml`], origins: [LOCAL], status: { lastFetched: null } } });
    expect(w.browser.alarmsSet.get(FOLLOW_ALARM)).toEqual({ delayInMinutes: 1, periodInMinutes: FOLLOW_PERIOD_MINUTES });
    await w.sources.unfollow(`${site.base}/world`);
    expect(w.browser.alarmsSet.has(FOLLOW_ALARM)).toBe(false);
    // Released: no other source, and no report endpoint, needs the site.
    expect(w.browser.granted.has(LOCAL)).toBe(false);
  });

  test('removing a source keeps the permissions another source or the report endpoint still needs', async () => {
    const w = world();
    await w.sources.follow(`${site.base}/news/world`);
    await w.sources.follow(`${site.base}/atom.xml`);
    await w.sources.unfollow(`${site.base}/news/world`);
    expect(w.browser.granted.has(LOCAL)).toBe(true);
    w.endpointOrigins.push(LOCAL);
    await w.sources.unfollow(`${site.base}/atom.xml`);
    expect(w.browser.granted.has(LOCAL)).toBe(true);
    expect(w.browser.alarmsSet.has(FOLLOW_ALARM)).toBe(false);
  });
});

describe('a run', () => {
  const w = world();
  let firstRun: Awaited<ReturnType<FollowedSources['run']>>;
  beforeAll(async () => {
    for (const path of ['/news/world', '/atom.xml', '/feed.json', '/plains']) {
      expect(await w.sources.follow(`${site.base}${path}`)).toMatchObject({ ok: true });
    }
    firstRun = await w.sources.run();
  });

  test('adds the new articles to the reader\'s corpus with title, outlet, publication instant and address', async () => {
    expect(firstRun).toMatchObject({ sources: 4, added: STORED_PAGES.length, replaced: 0 });
    const stored = await w.corpus.articles();
    expect(stored.map((r) => new URL(r.url).pathname).sort()).toEqual([...STORED_PAGES].sort());
    const port = stored.find((r) => r.url.includes('/news/world/port-strike'))!;
    expect(port).toMatchObject({ origin: 'followed', outlet: 'Meridian News', published: '2026-12-03T08:30:00.000Z', firstSeen: NOW.toISOString() });
    expect(port.text.startsWith(port.title)).toBe(true);
    expect(await w.corpus.summary()).toMatchObject({ articles: stored.length, byOrigin: { followed: stored.length, read: 0, added: 0 } });
  });

  test('each source\'s status says when it was fetched, how many articles it added, and its errors in words', async () => {
    const list = Object.fromEntries((await w.sources.list()).map((s) => [s.address.replace(site.base, ''), s.status]));
    expect(list['/atom.xml']).toMatchObject({ lastFetched: NOW.toISOString(), lastError: null });
    const added = Object.values(list).reduce((n, s) => n + s.articlesAdded, 0);
    expect(added).toBe(STORED_PAGES.length);
    // The JSON Feed lists a page on a failing server: named with the server's answer.
    expect(list['/feed.json']!.lastError).toMatch(/the server failed \(500\)/);
  });

  test('a scraper\'s copy of a followed article is a copy of it, found in the segments the run appended', async () => {
    const segments = await w.corpus.segments();
    // as a check does: the texts of the candidates read from the store first (articles() reads them all)
    const original = (await w.corpus.articles()).find((r) => r.url.includes('/news/world/port-strike'))!;
    const verdict = attribute({ text: original.text, url: 'https://scraper.example/port-strike' }, segments.map((s) => s.corpus));
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(original.id);
  });

  test('the next run asks conditionally, gets 304s and adds nothing; the corpus is not rebuilt', async () => {
    const before = site.requests.length;
    const changes = w.changes();
    const second = await w.sources.run();
    expect(second.added).toBe(0);
    const feedRequests = site.requests.slice(before).filter((r) => /\.(xml|json)$/.test(r.path));
    expect(feedRequests.length).toBeGreaterThan(0);
    expect(feedRequests.every((r) => r.headers['if-none-match'] !== undefined || r.headers['if-modified-since'] !== undefined)).toBe(true);
    expect(w.changes()).toBe(changes);
  });

  test('a site whose permission was taken back (in the browser\'s settings) fails in words, not as a network error', async () => {
    const v = world();
    await v.sources.follow(`${site.base}/atom.xml`);
    v.browser.granted.clear();
    await v.sources.run();
    const [source] = await v.sources.list();
    expect(source!.status.lastError).toMatch(/no permission to read 127\.0\.0\.1:\d+; remove the source and follow it again/);
  });
});

describe('servers that misbehave', () => {
  test('a slow server, a malformed feed and a huge feed are errors of their source, in words; the others still arrive', async () => {
    const w = world();
    for (const path of ['/atom.xml', '/slow.xml', '/huge.xml']) {
      // Discovery reads the address first: the slow and huge ones cannot be followed.
      const answer = await w.sources.follow(`${site.base}${path}`);
      if (path === '/atom.xml') expect(answer).toMatchObject({ ok: true });
      else expect(answer).toEqual({ ok: false, error: path === '/slow.xml' ? expect.stringMatching(/no answer within 1\.5 s/) : expect.stringMatching(/larger than 5 MB/) });
    }
    const run = await w.sources.run();
    expect(run.added).toBeGreaterThan(0);
  }, 20_000);

  test('a feed that is an error page can be followed only once it is a feed', async () => {
    const answer = await world().sources.follow(`${site.base}/broken.xml`);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/broken\.xml/) });
  });

  test('an article page on the followed site is read as the content script reads it: a non-article is not stored', async () => {
    expect(page('no-article.html')).toContain('<html');
    const w = world();
    await w.sources.follow(`${site.base}/news/world`);
    await w.sources.run();
    const urls = (await w.corpus.articles()).map((r) => new URL(r.url).pathname);
    expect(urls).toEqual(['/news/world/port-strike']);
  });
});
