/**
 * `firsthand follow` as cron runs it: the built dist/cli.js in a child process, following news
 * sites served by a real local HTTP server; then the proof that matters: a scraper's copy of a
 * followed article, checked against the followed corpus, is called a copy of it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_FILE, ROOT, SEEDS_CORPUS_FILE } from '../../src/build/paths.js';
import { hasShared, requireShared, sharedPath } from '../helpers/shared-data.js';
import { LocalSite } from '../helpers/local-site.js';
import { page } from '../follow/follow-site.js';

const PAGES = path.join(ROOT, 'test/fixtures/pages');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'firsthand-follow-'));
const site = new LocalSite();

interface Ran { code: number; stdout: string; stderr: string }

/** Asynchronous, so the test's own server keeps answering while the CLI runs. */
function run(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_FILE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(tmp, name);
  writeFileSync(target, content);
  return target;
}

/** Up to two Zyte benchmark pages (real news pages) with their annotated article text, when the shared data is there. */
function zytePages(): Array<{ id: string; html: string; body: string }> {
  const dir = sharedPath('eval', 'article-extraction-benchmark');
  if (!existsSync(dir)) {
    if (requireShared) throw new Error(`${dir} missing and FIRSTHAND_REQUIRE_SHARED=1`);
    return [];
  }
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  // Two English news pages of ordinary length, chosen by id so the choice is stable.
  const ids = Object.keys(truth).sort().filter((id) => {
    const words = truth[id]!.articleBody.split(/\s+/).length;
    return words > 300 && words < 1500 && /\b(the|and)\b/.test(truth[id]!.articleBody);
  }).slice(0, 2);
  return ids.map((id) => ({ id, html: gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8'), body: truth[id]!.articleBody }));
}

const zyte = hasShared || requireShared ? zytePages() : [];
const html = { 'content-type': 'text/html; charset=utf-8' };

function rss(base: string, items: Array<{ path: string; title: string; date?: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Meridian News</title><link>${base}/</link><atom:link href="${base}/rss.xml" rel="self" type="application/rss+xml"/>
${items.map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

let feeds: string;
let corpus: string;
let first: Ran;

beforeAll(async () => {
  await site.start();
  const base = site.base;
  site.routes.set('/', { headers: html, body: `<!doctype html><html><head><title>Meridian News</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><h1>Meridian News</h1></body></html>` });
  site.routes.set('/rss.xml', {
    headers: { 'content-type': 'application/rss+xml' }, etag: '"rss-1"',
    body: rss(base, [
      { path: '/2021/12/09/biden-putin-call', title: 'Biden speaks to Ukraine’s president', date: 'Thu, 09 Dec 2021 14:32:00 GMT' },
      { path: '/2021/12/07/other-story', title: 'Another story', date: 'Tue, 07 Dec 2021 10:00:00 GMT' },
      { path: '/subscribe', title: 'Subscribe to Meridian News' },
      // dated by the feed: an undated followed article and an undated scraper's copy are an unknown order (same text)
      ...zyte.map((z, i) => ({ path: `/zyte/${i}`, title: `Zyte page ${i}`, date: 'Wed, 08 Dec 2021 09:00:00 GMT' })),
    ]),
  });
  site.routes.set('/2021/12/09/biden-putin-call', { headers: html, body: page('modern-000.html') });
  site.routes.set('/2021/12/07/other-story', { headers: html, body: page('modern-002.html') });
  site.routes.set('/subscribe', { headers: html, body: page('login.html') });
  zyte.forEach((z, i) => site.routes.set(`/zyte/${i}`, { headers: html, body: z.html }));
  site.routes.set('/down/atom.xml', { status: 500, body: 'Internal Server Error' });
  feeds = file('feeds.txt', `# followed by cron\n${base}/\n\n${base}/down/atom.xml\n`);
  corpus = path.join(tmp, 'followed.fhc');
  first = await run(['follow', feeds, '--corpus', corpus, '--max-age-days', '36500', '--pause-ms', '0']);
});
afterAll(() => site.close());

describe('firsthand follow', () => {
  test('exits 0 with a one-line summary; a failing source gets its own line on stderr', () => {
    expect(first.code).toBe(0);
    const articles = 2 + zyte.length;
    expect(first.stdout).toBe(`firsthand follow: 2 source(s), 1 with errors, ${articles} article(s) added, 1 not article(s); ${corpus} updated: ${articles} article(s) in 1 segment(s)\n`);
    expect(first.stderr).toBe(`firsthand follow: ${site.base}/down/atom.xml: the server failed (500)\n`);
  });

  test('the sidecar keeps each article\'s first-seen time and publication instant, and each source\'s status', () => {
    const state = JSON.parse(readFileSync(`${corpus}.follow.json`, 'utf8')) as {
      articles: Record<string, { url: string; firstSeen: string; published: string | null }>;
      sources: Record<string, { status: { articlesAdded: number; lastError: string | null; nextTryAt: string | null } }>;
    };
    const biden = Object.values(state.articles).find((a) => a.url.endsWith('/biden-putin-call'))!;
    expect(biden.published).toBe('2021-12-09T14:32:00.000Z');
    expect(Math.abs(Date.parse(biden.firstSeen) - Date.now())).toBeLessThan(60_000);
    expect(state.sources[`${site.base}/`]!.status).toMatchObject({ articlesAdded: 2 + zyte.length, lastError: null });
    expect(state.sources[`${site.base}/down/atom.xml`]!.status.lastError).toBe('the server failed (500)');
    expect(state.sources[`${site.base}/down/atom.xml`]!.status.nextTryAt).not.toBeNull();
  });

  test('running it again adds nothing and leaves the corpus file alone (the feed answers 304)', async () => {
    const before = statSync(corpus).mtimeMs;
    const started = Date.now();
    const again = await run(['follow', feeds, '--corpus', corpus, '--max-age-days', '36500', '--pause-ms', '0']);
    expect(again.code).toBe(0);
    // No request's timeout timer outlives its answer (one did, and kept the process 20 s after a 304).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(again.stdout).toMatch(/0 article\(s\) added.*unchanged: \d+ article\(s\)/);
    expect(statSync(corpus).mtimeMs).toBe(before);
    expect(site.hits('/rss.xml').at(-1)!.headers['if-none-match']).toBe('"rss-1"');
  });

  test('a scraper\'s copy of a followed article is a copy of it (check --corpus on the followed corpus)', async () => {
    const checked = await run(['check', path.join(PAGES, 'wire-001.html'), '--corpus', corpus, '--json']);
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout) as { status: string; likelyOriginal: string; sources: Array<{ id: string; url: string; outlet: string; published: string }> };
    expect(report.status).toBe('copy');
    const original = report.sources.find((s) => s.id === report.likelyOriginal)!;
    expect(original).toMatchObject({ url: `${site.base}/2021/12/09/biden-putin-call`, outlet: 'Meridian News', published: '2021-12-09' });
  });

  test.skipIf(zyte.length === 0)('a scraper\'s copy of a followed real news page (Zyte benchmark) is a copy of it', async () => {
    const z = zyte[0]!;
    const paragraphs = z.body.split(/\n+/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
    const scraped = file('scraped.html', `<!doctype html><html><head><title>Trending now</title><link rel="canonical" href="https://scraper.example/trending/1"></head><body><article>${paragraphs}</article></body></html>`);
    const checked = await run(['check', scraped, '--corpus', corpus, '--json']);
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout) as { status: string; likelyOriginal: string; sources: Array<{ id: string; url: string }> };
    expect(report.status).toBe('copy');
    expect(report.sources.find((s) => s.id === report.likelyOriginal)!.url).toBe(`${site.base}/zyte/0`);
  });
});

describe('adding to a corpus that was built before', () => {
  test('its articles are kept, and a followed article with the same text as one of them is not stored twice', async () => {
    // A newsroom's archive holding the same article (the same page) at its syndication partner's address.
    const folder = path.join(tmp, 'archive');
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(PAGES, 'modern-000.html'), path.join(folder, 'partner-copy.html'));
    writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify([{ id: 'partner-copy', outlet: 'Partner Wire', url: 'https://partner.example/biden-call' }]));
    const archive = path.join(tmp, 'archive.fhc');
    expect((await run(['build-corpus', folder, '--out', archive])).code).toBe(0);
    const ran = await run(['follow', feeds, '--corpus', archive, '--max-age-days', '36500', '--pause-ms', '0']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`${1 + zyte.length} article\\(s\\) added, 1 already stored under another address.*updated: ${2 + zyte.length} article\\(s\\)`));
    const checked = await run(['check', path.join(PAGES, 'wire-001.html'), '--corpus', archive, '--json']);
    const report = JSON.parse(checked.stdout) as { status: string; likelyOriginal: string };
    expect(report).toMatchObject({ status: 'copy', likelyOriginal: 'partner-copy' });
  });
});

describe('a run that finds new articles', () => {
  test('appends them as a segment: the segments already written are not rewritten', async () => {
    site.routes.set('/one.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(site.base, [
      { path: '/2021/12/09/biden-putin-call', title: 'Biden speaks to Ukraine’s president', date: 'Thu, 09 Dec 2021 14:32:00 GMT' },
    ]) });
    site.routes.set('/two.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(site.base, [
      { path: '/2021/12/07/other-story', title: 'Another story', date: 'Tue, 07 Dec 2021 10:00:00 GMT' },
    ]) });
    const appended = path.join(tmp, 'appended.fhc');
    expect((await run(['follow', file('one.txt', `${site.base}/one.xml\n`), '--corpus', appended, '--max-age-days', '36500', '--pause-ms', '0'])).code).toBe(0);
    const firstSegment = path.join(`${appended}.segments`, 'seg-000001.fhc');
    const written = readFileSync(firstSegment);
    const writtenAt = statSync(firstSegment).mtimeMs;
    const second = await run(['follow', file('two.txt', `${site.base}/one.xml\n${site.base}/two.xml\n`), '--corpus', appended, '--max-age-days', '36500', '--pause-ms', '0']);
    expect(second.stdout).toMatch(/1 article\(s\) added.*updated: 2 article\(s\) in 2 segment\(s\)/);
    expect(readFileSync(firstSegment)).toEqual(written);
    expect(statSync(firstSegment).mtimeMs).toBe(writtenAt);
    const checked = await run(['check', path.join(PAGES, 'wire-001.html'), '--corpus', appended, '--json']);
    expect(JSON.parse(checked.stdout)).toMatchObject({ status: 'copy' });
  });
});

describe('retention', () => {
  test('--max-articles keeps the newest followed articles', async () => {
    const small = path.join(tmp, 'small.fhc');
    const ran = await run(['follow', feeds, '--corpus', small, '--max-age-days', '36500', '--max-articles', '1', '--pause-ms', '0']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(new RegExp(`${2 + zyte.length} article\\(s\\) added.*${1 + zyte.length} removed by retention.*updated: 1 article\\(s\\)`));
  });

  test('a corpus whose every article expired is removed (a corpus file cannot be empty)', async () => {
    site.routes.set('/dated.xml', { headers: { 'content-type': 'application/rss+xml' }, body: rss(site.base, [
      { path: '/2021/12/09/biden-putin-call', title: 'Biden speaks to Ukraine’s president', date: 'Thu, 09 Dec 2021 14:32:00 GMT' },
    ]) });
    const dated = file('dated.txt', `${site.base}/dated.xml\n`);
    const expiring = path.join(tmp, 'expiring.fhc');
    expect((await run(['follow', dated, '--corpus', expiring, '--max-age-days', '36500', '--pause-ms', '0'])).code).toBe(0);
    expect(existsSync(expiring)).toBe(true);
    const ran = await run(['follow', dated, '--corpus', expiring, '--max-age-days', '1', '--pause-ms', '0']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/removed by retention; .*expiring\.fhc removed: retention left no article in it\n$/);
    expect(existsSync(expiring)).toBe(false);
  });

  test('the default 90 days: articles from 2021 are not even fetched', async () => {
    const before = site.hits('/2021/12/09/biden-putin-call').length;
    const recent = path.join(tmp, 'recent.fhc');
    const ran = await run(['follow', feeds, '--corpus', recent, '--pause-ms', '0']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).not.toMatch(/removed by retention/);
    if (zyte.length === 0) {
      expect(ran.stdout).toMatch(/0 article\(s\) added, 1 not article\(s\); .*recent\.fhc not written: no article to store yet\n$/);
      expect(existsSync(recent)).toBe(false);
    }
    expect(site.hits('/2021/12/09/biden-putin-call').length).toBe(before);
  });
});

describe('two runs at once', () => {
  test('the second finds the lock, does nothing and exits 0; a lock left by a crashed run is taken over after two hours', async () => {
    const locked = path.join(tmp, 'locked.fhc');
    const lock = file('locked.fhc.follow.lock', '12345 2026-12-03T12:00:00.000Z\n');
    const requests = site.requests.length;
    const busy = await run(['follow', feeds, '--corpus', locked, '--pause-ms', '0']);
    expect(busy.code).toBe(0);
    expect(busy.stdout).toMatch(/another run holds .*locked\.fhc\.follow\.lock .*nothing done/);
    expect(site.requests.length).toBe(requests);
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    utimesSync(lock, threeHoursAgo, threeHoursAgo);
    const taken = await run(['follow', feeds, '--corpus', locked, '--pause-ms', '0', '--max-age-days', '36500']);
    expect(taken.stdout).toMatch(/article\(s\) added/);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('errors have their exit code and one line', () => {
  test('usage: no --corpus, a bad number (2)', async () => {
    expect((await run(['follow', feeds])).code).toBe(2);
    const bad = await run(['follow', feeds, '--corpus', corpus, '--max-new', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-new takes a whole number of at least 1, not "many"/);
  });

  test('a missing feeds file, one with no address, one with an http address (3)', async () => {
    expect((await run(['follow', path.join(tmp, 'nope.txt'), '--corpus', corpus])).code).toBe(3);
    expect((await run(['follow', file('empty.txt', '# nothing\n\n'), '--corpus', corpus])).stderr).toMatch(/no site or feed address in it/);
    const http = await run(['follow', file('http.txt', `${site.base}/\nhttp://news.example/rss\n`), '--corpus', corpus]);
    expect(http.code).toBe(3);
    expect(http.stderr).toMatch(/http\.txt line 2: http:\/\/news\.example\/rss: only https addresses are followed/);
  });

  test('a corrupt corpus or sidecar (5): refused before fetching, and left as it was', async () => {
    const damaged = file('damaged.fhc', new Uint8Array(readFileSync(SEEDS_CORPUS_FILE)).subarray(0, 4000));
    const requests = site.requests.length;
    const ran = await run(['follow', feeds, '--corpus', damaged]);
    expect(ran.code).toBe(5);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(damaged).length).toBe(4000);
    expect(site.requests.length).toBe(requests);
    const sidecarCorpus = path.join(tmp, 'with-bad-sidecar.fhc');
    file('with-bad-sidecar.fhc.follow.json', '{"version": 1, "sources": ');
    const sidecar = await run(['follow', feeds, '--corpus', sidecarCorpus]);
    expect(sidecar.code).toBe(5);
    expect(sidecar.stderr).toMatch(/follow\.json: not valid JSON.*not replaced/);
  });
});
