/** The polite fetcher against a real local HTTP server. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PoliteFetcher, retryAfterMs, type FetchOutcome } from '../../src/follow/polite-fetcher.js';
import { LocalSite } from '../helpers/local-site.js';

const site = new LocalSite();
beforeAll(async () => {
  await site.start();
  site.routes.set('/feed.xml', { headers: { 'content-type': 'application/rss+xml', 'last-modified': 'Thu, 03 Dec 2026 08:00:00 GMT' }, etag: '"v1"', body: '<rss/>' });
  site.routes.set('/moved', { status: 301, headers: { location: '/feed.xml' } });
  site.routes.set('/moved-twice', { status: 302, headers: { location: '/moved' } });
  site.routes.set('/loop', { status: 302, headers: { location: '/loop' } });
  site.routes.set('/to-http', { status: 302, headers: { location: 'http://news.example/feed.xml' } });
  site.routes.set('/to-file', { status: 307, headers: { location: 'file:///etc/passwd' } });
  site.routes.set('/no-location', { status: 302 });
  site.routes.set('/broken', { status: 500, body: 'boom' });
  site.routes.set('/busy', { status: 503, headers: { 'retry-after': '120' } });
  site.routes.set('/slow', { delayMs: 1500, body: 'late' });
  site.routes.set('/trickle', { trickle: 10 });
  site.routes.set('/huge', { body: new Uint8Array(300_000).fill(0x61) });
  site.routes.set('/huge-declared', { headers: { 'content-length': '999999999' }, trickle: 10 });
});
afterAll(() => site.close());

const fetcher = (options: Partial<ConstructorParameters<typeof PoliteFetcher>[0]> = {}): PoliteFetcher =>
  new PoliteFetcher({ fetch: globalThis.fetch, perSiteIntervalMs: 0, timeoutMs: 800, maxBytes: 100_000, ...options });

function failure(outcome: FetchOutcome): string {
  expect(outcome.kind).toBe('failed');
  return outcome.kind === 'failed' ? outcome.message : '';
}

describe('conditional requests', () => {
  test('the validators of a first answer make the second a 304', async () => {
    const f = fetcher();
    const first = await f.get(`${site.base}/feed.xml`);
    expect(first.kind).toBe('body');
    if (first.kind !== 'body') return;
    expect(new TextDecoder().decode(first.bytes)).toBe('<rss/>');
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: 'Thu, 03 Dec 2026 08:00:00 GMT' });
    const second = await f.get(`${site.base}/feed.xml`, first.validators);
    expect(second.kind).toBe('not-modified');
    const sent = site.hits('/feed.xml').at(-1)!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Thu, 03 Dec 2026 08:00:00 GMT');
  });
});

describe('redirects', () => {
  test('followed within allowed addresses, the final address reported', async () => {
    const outcome = await fetcher().get(`${site.base}/moved-twice`);
    expect(outcome).toMatchObject({ kind: 'body', url: `${site.base}/feed.xml` });
  });

  test('never to plain http elsewhere, nor to another scheme', async () => {
    expect(failure(await fetcher().get(`${site.base}/to-http`))).toMatch(/redirected to an address that is not followed: .*only https/);
    expect(failure(await fetcher().get(`${site.base}/to-file`))).toMatch(/only https addresses are followed, not file/);
  });

  test('when the browser follows redirects itself (an extension worker), the address it lands on is checked', async () => {
    const port = new URL(site.base).port;
    site.routes.set('/to-localhost', { status: 302, headers: { location: `http://localhost:${port}/feed.xml` } });
    const browserLike = fetcher({ redirects: 'after' });
    expect(await browserLike.get(`${site.base}/moved-twice`)).toMatchObject({ kind: 'body', url: `${site.base}/feed.xml` });
    expect(failure(await browserLike.get(`${site.base}/to-localhost`))).toMatch(/redirected to an address that is not followed: http:\/\/localhost:\d+\/feed\.xml: only https/);
  });

  test('a loop ends, and a redirect without a Location is reported', async () => {
    expect(failure(await fetcher({ maxRedirects: 3 }).get(`${site.base}/loop`))).toMatch(/more than 3 redirects/);
    expect(failure(await fetcher().get(`${site.base}/no-location`))).toMatch(/without saying where/);
  });

  test('an address it may not fetch is refused before any request', async () => {
    const before = site.requests.length;
    expect(failure(await fetcher().get('http://news.example/feed.xml'))).toMatch(/only https/);
    expect(failure(await fetcher().get('ftp://news.example/feed.xml'))).toMatch(/not ftp/);
    expect(site.requests.length).toBe(before);
  });
});

describe('errors in words', () => {
  test('404, 500 and a 503 with Retry-After', async () => {
    expect(failure(await fetcher().get(`${site.base}/nothing-here`))).toBe('not found (404)');
    expect(failure(await fetcher().get(`${site.base}/broken`))).toBe('the server failed (500)');
    const busy = await fetcher().get(`${site.base}/busy`);
    expect(busy).toMatchObject({ kind: 'failed', status: 503, retryAfterMs: 120_000 });
  });

  test('a server that does not answer in time, and one that never finishes its body, are cut off', async () => {
    const started = Date.now();
    expect(failure(await fetcher().get(`${site.base}/slow`))).toMatch(/no answer within 0\.8 s/);
    expect(failure(await fetcher().get(`${site.base}/trickle`))).toMatch(/no complete answer within 0\.8 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a body over the cap is refused, whether it says its length or not', async () => {
    expect(failure(await fetcher().get(`${site.base}/huge`))).toMatch(/larger than 0\.1 MB/);
    expect(failure(await fetcher().get(`${site.base}/huge-declared`))).toMatch(/larger than 0\.1 MB \(953\.7 MB\)/);
  });

  test('nobody listening', async () => {
    const closed = new LocalSite();
    await closed.start();
    await closed.close();
    expect(failure(await fetcher().get(`${closed.base}/feed.xml`))).toMatch(/could not connect \(ECONNREFUSED\)/);
  });

  test('Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 08:01:00 GMT', Date.parse('2026-12-03T08:00:00Z'))).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('one site at a time', () => {
  test('requests to one host start at least the interval apart', async () => {
    const f = fetcher({ perSiteIntervalMs: 150 });
    const before = site.requests.length;
    await Promise.all([1, 2, 3].map(() => f.get(`${site.base}/feed.xml`)));
    const times = site.requests.slice(before).map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
    expect(f.requests.get(new URL(site.base).host)).toBe(3);
  });
});
