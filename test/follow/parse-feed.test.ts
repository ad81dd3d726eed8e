import { describe, expect, test } from 'vitest';
import { parseFeed } from '../../src/follow/parse-feed.js';
import { parseWithLinkedom } from '../../src/follow/linkedom-documents.js';
import { isFeedError, type FeedError, type ParsedFeed } from '../../src/follow/types.js';
import { feedFixture } from './feed-fixtures.js';

const BASE = 'https://news.example';

function parsed(name: string, url = `${BASE}/feed`, contentType: string | null = null): ParsedFeed {
  const feed = parseFeed({ text: feedFixture(name, BASE), url, contentType }, parseWithLinkedom);
  if (isFeedError(feed)) throw new Error(feed.error);
  return feed;
}

function failure(text: string, contentType: string | null = null): string {
  const result = parseFeed({ text, url: `${BASE}/feed`, contentType }, parseWithLinkedom);
  expect(isFeedError(result)).toBe(true);
  return (result as FeedError).error;
}

describe('RSS 2.0', () => {
  const feed = parsed('rss.xml');

  test('items keep their link (not the atom:link of the channel), title, instant and the channel as outlet', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.items[0]).toEqual({
      url: `${BASE}/news/world/port-strike?at_medium=RSS&at_campaign=rss`,
      title: 'Port workers strike over automation plans',
      published: '2026-12-03T08:30:00.000Z',
      updated: null,
      outlet: 'Harbour Gazette - World',
    });
  });

  test('a permalink guid stands in for a missing link; an RFC 822 offset is applied', () => {
    expect(feed.items[1]!.url).toBe(`${BASE}/news/local/ferry-timetable`);
    expect(feed.items[1]!.published).toBe('2026-12-02T16:05:00.000Z');
  });

  test('an http item is refused with the reason, an item without an address is skipped', () => {
    expect(feed.items).toHaveLength(2);
    expect(feed.refused).toEqual([expect.stringMatching(/http:\/\/insecure\.example\/pictures: only https/)]);
  });
});

describe('Atom', () => {
  const feed = parsed('atom.xml', `${BASE}/atom.xml`);

  test('the alternate link (not replies), resolved against the feed address; published and updated both kept', () => {
    expect(feed.kind).toBe('atom');
    expect(feed.items[0]).toEqual({
      url: `${BASE}/2026/12/council-budget`,
      title: 'Council approves <em>new</em> budget',
      published: '2026-12-02T23:15:00.000Z',
      updated: '2026-12-03T07:40:00.000Z',
      outlet: 'The Northern Ledger',
    });
  });

  test('a link without rel is the alternate; an entry with only <updated> has no publication instant', () => {
    expect(feed.items[1]).toMatchObject({ url: `${BASE}/2026/12/snow-pass`, published: null, updated: '2026-12-01T06:00:00.000Z' });
  });
});

describe('JSON Feed', () => {
  const feed = parsed('feed.json', `${BASE}/feed.json`, 'application/feed+json');

  test('url, else external_url; date_published and date_modified; junk items skipped', () => {
    expect(feed.kind).toBe('json-feed');
    expect(feed.items.map((i) => [i.url, i.published, i.updated, i.outlet])).toEqual([
      [`${BASE}/stories/bridge-reopens`, '2026-12-03T06:00:00.000Z', '2026-12-03T08:00:00.000Z', 'Valley Courier'],
      [`${BASE}/stories/market-day`, '2026-12-02T09:30:00.000Z', null, 'Valley Courier'],
      [`${BASE}/stories/gone`, '2026-12-01T12:00:00.000Z', null, 'Valley Courier'],
      [`${BASE}/stories/report.pdf`, '2026-12-01T11:00:00.000Z', null, 'Valley Courier'],
      [`${BASE}/stories/flaky`, '2026-12-01T10:00:00.000Z', null, 'Valley Courier'],
    ]);
  });

  test('JSON that is not a JSON Feed, or broken JSON, is refused in words', () => {
    expect(failure('{"hello": "world"}')).toMatch(/not a JSON Feed/);
    expect(failure('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toMatch(/not valid JSON/);
  });
});

describe('sitemaps', () => {
  test('a news sitemap gives the publication date, title and publication name', () => {
    const feed = parsed('news-sitemap.xml');
    expect(feed.kind).toBe('news-sitemap');
    expect(feed.items).toEqual([
      { url: `${BASE}/business/2026/12/03/grain-prices`, title: 'Grain prices rise for a third week', published: '2026-12-03T09:00:00.000Z', updated: '2026-12-03T10:02:11.000Z', outlet: 'The Plains Record' },
      { url: `${BASE}/sport/2026/12/02/cup-final`, title: 'Cup final: Rovers & United draw', published: '2026-12-02', updated: null, outlet: 'The Plains Record' },
    ]);
  });

  test('a plain sitemap\'s lastmod is a change date, never a publication date', () => {
    const feed = parsed('sitemap.xml');
    expect(feed.kind).toBe('sitemap');
    expect(feed.items.map((i) => i.published)).toEqual([null, null, null]);
    expect(feed.items[2]!.updated).toBe('2026-12-03');
  });

  test('a sitemap index lists news sitemaps first, then the newest; other schemes refused', () => {
    const feed = parsed('sitemap-index.xml');
    expect(feed.kind).toBe('sitemap-index');
    expect(feed.sitemaps).toEqual([`${BASE}/sitemaps/news.xml`, `${BASE}/sitemaps/pages.xml`, `${BASE}/sitemaps/archive-2019.xml`]);
    expect(feed.refused).toHaveLength(1);
  });
});

describe('what is not a feed gets an answer in words', () => {
  test.each([
    ['an error page served as XML', feedFixture('malformed.xml', BASE), /web page, not a feed/],
    ['an unknown XML vocabulary', '<?xml version="1.0"?><kml><Document/></kml>', /not a feed.*<kml>/],
    ['plain text', 'Service Unavailable', /neither XML nor JSON/],
    ['an empty body', '', /neither XML nor JSON/],
  ])('%s', (_name, text, message) => {
    expect(failure(text)).toMatch(message);
  });

  test('a feed cut off half-way yields the items that are whole, never a crash', () => {
    const whole = feedFixture('rss.xml', BASE);
    const cut = whole.slice(0, whole.indexOf('<item>', whole.indexOf('ferry-timetable')));
    const feed = parseFeed({ text: cut, url: `${BASE}/feed`, contentType: 'application/rss+xml' }, parseWithLinkedom);
    expect(isFeedError(feed) ? [] : feed.items.map((i) => i.url)).toEqual([
      `${BASE}/news/world/port-strike?at_medium=RSS&at_campaign=rss`, `${BASE}/news/local/ferry-timetable`,
    ]);
  });

  test('a browser DOMParser\'s <parsererror> is reported as malformed XML', () => {
    const withError = (): Document => parseWithLinkedom('<root><parsererror>line 1: mismatched tag</parsererror></root>', 'text/xml');
    expect(isFeedError(parseFeed({ text: '<rss><channel></rss>', url: BASE }, withError))).toBe(true);
  });
});
