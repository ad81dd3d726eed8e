/**
 * Following a news site in Chromium: the reader adds it in the options page (the browser asks for
 * the site), the follow alarm fires (set to fire now from the test), the site's articles arrive in
 * the reader's own corpus, and a scraper's copy of one of them, on another host, is called a copy
 * of it by a toolbar click. The corpus survives a browser restart and an extension update (the new
 * build's worker really runs, and migrates what an older build stored).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { LocalSite } from '../helpers/local-site.js';
import { ChromiumSession } from './support/chromium.js';
import { chromiumGate, requireBuild, requireExecutable } from './support/gate.js';
import { ARTIFACTS_DIR, CHROME_EXT_DIR, PAGES_DIR, REFRESH_README_SCREENSHOTS, SCREENSHOTS_DIR } from './support/paths.js';
import { pollFor } from './support/poll.js';

const gate = chromiumGate();

/** The followed site's articles: fixture pages under /news/<slug>, listed by its RSS feed. */
const ARTICLES = [
  ['port-strike', 'modern-000.html'],
  ['council-budget', 'modern-002.html'],
  ['market-day', 'modern-004.html'],
] as const;

function serveNewsSite(site: LocalSite): void {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  // Dated an hour ago: within the age limit whenever the test runs.
  const date = new Date(Date.now() - 3_600_000).toUTCString();
  const items = ARTICLES.map(([slug]) => `<item><title>${slug}</title><link>${site.base}/news/${slug}</link><pubDate>${date}</pubDate></item>`).join('');
  site.routes.set('/news', { headers: html, body: `<!doctype html><html><head><title>Harbour Gazette</title>
    <link rel="alternate" type="application/rss+xml" href="/news/rss.xml"></head><body><h1>News</h1></body></html>` });
  site.routes.set('/news/rss.xml', { headers: { 'content-type': 'application/rss+xml' }, etag: '"rss-1"', body: `<?xml version="1.0"?>
    <rss version="2.0"><channel><title>Harbour Gazette</title><link>${site.base}/news</link>${items}</channel></rss>` });
  for (const [slug, file] of ARTICLES) site.routes.set(`/news/${slug}`, { headers: html, body: readFileSync(path.join(PAGES_DIR, file), 'utf8') });
}

/** A scraper's page: the article's words under its own template, no date, no canonical link. */
function scraperPage(file: string): string {
  const article = extractFromHtml(readFileSync(path.join(PAGES_DIR, file), 'utf8'));
  if (isExtractionFailure(article)) throw new Error(`${file}: ${article.error.message}`);
  const paragraphs = article.text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html><head><title>Viral News Hub</title></head><body><nav><a href="/">Home</a></nav>
    <article><h1>${article.title.replace(/</g, '&lt;')}</h1>${paragraphs}</article><footer>© Viral News Hub</footer></body></html>`;
}

/** Asks the background, from an extension page, as the options page does. */
async function ask<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  const reply = (await page.evaluate(([n, a]) => chrome.runtime.sendMessage({ firsthand: 1, name: n, args: a }), [name, args] as const)) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

/** The reader's corpus's committed segment list, read from the extension's IndexedDB as the background keeps it. */
function segmentList(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('firsthand-reader');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const get = request.result.transaction(['segment-list']).objectStore('segment-list').get('list');
      get.onsuccess = () => {
        request.result.close();
        resolve(get.result === undefined ? null : JSON.parse(new TextDecoder().decode(get.result as Uint8Array)));
      };
      get.onerror = () => reject(get.error);
    };
  }));
}

/**
 * Turns the reader's stored corpus back into what version 1 of the store kept (one record per
 * article, no segment list), as an older build would have left it: only a build that migrates
 * it finds the articles again.
 */
async function storeAsVersion1(page: Page, articles: readonly { id: string; url: string; title: string; text: string }[]): Promise<void> {
  const firstSeen = new Date(Date.now() - 3_600_000).toISOString();
  const records = articles.map((a) => ({ ...a, outlet: 'Harbour Gazette', published: null, origin: 'followed', firstSeen }));
  await page.evaluate((rows) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('firsthand-reader');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const t = db.transaction(['segment-list', 'segments', 'segment-texts', 'articles'], 'readwrite');
      for (const name of ['segment-list', 'segments', 'segment-texts', 'articles']) t.objectStore(name).clear();
      for (const row of rows) t.objectStore('articles').put(row);
      t.oncomplete = () => { db.close(); resolve(); };
      t.onerror = () => reject(t.error);
    };
  }), records);
}

/**
 * A new build of the extension in place (same folder, so the same id): a higher version, and a
 * build marker of its own in every script (FIRSTHAND_BUILD, inlined by the bundler), so the test
 * can tell which script answers.
 */
function writeNewBuild(extensionDir: string, oldBuild: string, newBuild: string): string {
  const manifestFile = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
  const version = `${manifest.version}.1`;
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, version }));
  let marked = 0;
  for (const file of readdirSync(extensionDir).filter((name) => name.endsWith('.js'))) {
    const script = readFileSync(path.join(extensionDir, file), 'utf8');
    if (!script.includes(JSON.stringify(oldBuild))) continue;
    writeFileSync(path.join(extensionDir, file), script.split(JSON.stringify(oldBuild)).join(JSON.stringify(newBuild)));
    marked++;
  }
  if (marked === 0) throw new Error(`no script of the build holds its marker ${oldBuild}`);
  return version;
}

/** How many of version 1's records the reader's store still holds. */
function version1Records(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve, reject) => {
    const request = indexedDB.open('firsthand-reader');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const count = request.result.transaction(['articles']).objectStore('articles').count();
      count.onsuccess = () => { request.result.close(); resolve(count.result); };
      count.onerror = () => reject(count.error);
    };
  }));
}


describe.skipIf(gate.skip)('Chromium: following a news site', () => {
  let executablePath: string;
  let workDir: string;
  let extensionDir: string;
  const site = new LocalSite();
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    executablePath = requireExecutable(gate);
    const built = requireBuild(CHROME_EXT_DIR, 'The Chrome build');
    workDir = mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-follow-'));
    // A copy of the build, so the test can "update" the extension in place (same path, same id).
    extensionDir = path.join(workDir, 'extension');
    cpSync(built, extensionDir, { recursive: true });
    await site.start();
    serveNewsSite(site);
    // The scraper lives on another host name: "localhost" is another site than 127.0.0.1.
    site.routes.set('/viral/port-strike', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: scraperPage('modern-000.html') });
  });

  afterAll(async () => {
    await session?.close();
    await site.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('follows the site, the alarm brings its articles, and a scraper\'s copy of one is a copy of it; the corpus survives a restart and an update', async () => {
    const profile = path.join(workDir, 'profile');
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const options = await session.observer();

    // Nothing asked at install: no host permission is held before the reader follows a site.
    expect(await options.evaluate(() => chrome.permissions.getAll())).toMatchObject({ origins: [] });
    expect(await options.evaluate(() => chrome.alarms.get('firsthand-follow'))).toBeUndefined();

    // A headless browser shows no permission prompt: the reader's "Allow" is given where a reader can also give it,
    // the site access of chrome://extensions. The options page's request then finds it granted.
    const extensions = await session.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate((id) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } })
      .chrome.developerPrivate.addHostPermission(id, 'http://127.0.0.1/*'), session.extensionId);
    await extensions.close();

    await options.locator('[data-testid=follow-address]').fill(`${site.base}/news`);
    await options.click('[data-testid=follow-add]');
    const note = await pollFor(async () => {
      const text = (await options.locator('[data-testid=follow-note]').textContent()) ?? '';
      return /^(Following|Not followed|Firsthand may not)/.test(text) ? text : undefined;
    }, { what: 'the options page to follow the site', timeoutMs: 30_000 });
    expect(note).toMatch(/^Following http:\/\/127\.0\.0\.1:\d+\/news: 1 feed found/);
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
    const alarm = await options.evaluate(() => chrome.alarms.get('firsthand-follow'));
    expect(alarm).toMatchObject({ periodInMinutes: 30 });

    // The alarm fires now (set from the test), as it would within a minute and then every half hour.
    await options.evaluate(() => chrome.alarms.create('firsthand-follow', { when: Date.now() + 200, periodInMinutes: 30 }));
    const corpus = await pollFor(async () => {
      const view = await ask<{ articles: number }>(options, 'getReaderCorpus');
      return view.articles >= ARTICLES.length ? view : undefined;
    }, { what: 'the followed articles to arrive', timeoutMs: 60_000 });
    expect(corpus).toMatchObject({ articles: ARTICLES.length, byOrigin: { followed: ARTICLES.length, read: 0, added: 0 }, rememberReading: false });
    await options.reload();
    const status = await pollFor(async () => {
      const text = (await options.locator('[data-testid=source-status]').first().textContent()) ?? '';
      return /articles added/.test(text) ? text : undefined;
    }, { what: 'the source\'s status in the options page' });
    expect(status).toMatch(/last fetched .+, 3 articles added/);

    // A scraper's copy, met on another host: a copy of the followed article.
    const scraperUrl = `${site.base.replace('127.0.0.1', 'localhost')}/viral/port-strike`;
    const checkScraper = async (active: ChromiumSession) => {
      const tab = await active.openTab(scraperUrl);
      const snapshot = await active.checkWithToolbar(tab.page);
      const named = snapshot.sources.map((s) => `${s.id} ${s.relation}`);
      expect(snapshot.state, String(snapshot.state)).toBe('verdict');
      expect(snapshot.status, named.join('; ')).toBe('copy');
      // The page is also a seed of the bundled corpus (Al Jazeera, 2021): the followed article is named beside it.
      expect(named.some((s) => /^followed-\S+ source$/.test(s)), named.join('; ')).toBe(true);
      return tab;
    };
    const tab = await checkScraper(session);

    if (REFRESH_README_SCREENSHOTS || process.env['CI'] !== 'true') {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await options.setViewportSize({ width: 900, height: 900 });
      await options.screenshot({ path: path.join(ARTIFACTS_DIR, 'options-follow.png'), fullPage: false });
      const popup = await session.openPopupTab(tab.tabId);
      await popup.locator('[data-testid=keep-page]').waitFor();
      await popup.screenshot({ path: path.join(ARTIFACTS_DIR, 'popup-follow-copy.png'), fullPage: true });
      await popup.close();
      if (REFRESH_README_SCREENSHOTS) {
        mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        for (const file of ['options-follow.png', 'popup-follow-copy.png']) copyFileSync(path.join(ARTIFACTS_DIR, file), path.join(SCREENSHOTS_DIR, file));
      }
    }

    // A browser restart on the same profile: the articles are still there, and still used.
    await session.close();
    session = await ChromiumSession.launch({ executablePath, extensionDir, userDataDir: profile });
    const restarted = await session.observer();
    expect(await ask<{ articles: number }>(restarted, 'getReaderCorpus')).toMatchObject({ articles: ARTICLES.length });
    // kept as a growing corpus: a committed segment list naming whole segments
    expect(await segmentList(restarted)).toMatchObject({ format: 'firsthand-growing-corpus', segments: [{ articles: ARTICLES.length, removed: [] }] });
    // closed: the check after the update opens the page again
    await (await checkScraper(session)).page.close();

    // Retention, shown with the count and size and set in the options page, is kept across the update below.
    await restarted.goto(`chrome-extension://${session.extensionId}/options.html`);
    await pollFor(async () => (/^3 articles \(\d+ KB\)/.test((await restarted.locator('[data-testid=reader-count]').textContent()) ?? '') ? true : undefined), { what: 'the count and size' });
    expect(await restarted.locator('[data-testid=retention-days]').inputValue()).toBe('90');
    await restarted.locator('[data-testid=retention-days]').fill('30');
    await restarted.click('[data-testid=retention-save]');
    await pollFor(async () => (/^Kept for 30 days, at most 200 MB\.$/.test((await restarted.locator('[data-testid=reader-note]').textContent()) ?? '') ? true : undefined), { what: 'the retention to be applied' });

    // An extension update: a new build in place, which must be the script that runs afterwards and migrates what
    // an older build stored. The stored corpus is put back as version 1 of the store kept it (one record per
    // article); the old build would migrate it too, so it is not let near it: the update follows at once.
    const oldBuild = await ask<string>(restarted, 'build');
    expect(oldBuild).toMatch(/^\d+\.\d+\.\d+\+\w+$/);
    const newBuild = `${oldBuild}-update`;
    await storeAsVersion1(restarted, ARTICLES.map(([slug, file]) => {
      const article = extractFromHtml(readFileSync(path.join(PAGES_DIR, file), 'utf8'));
      if (isExtractionFailure(article)) throw new Error(`${file}: ${article.error.message}`);
      return { id: `followed-v1-${slug}`, url: `${site.base}/news/${slug}`, title: article.title, text: article.text };
    }));
    const version = writeNewBuild(extensionDir, oldBuild, newBuild);
    const updated = await session.reloadExtension(extensionDir);
    expect(await updated.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
    expect(await ask<string>(updated, 'build')).toBe(newBuild);
    // migrated by the new build: one segment of the three records, which are gone, and the settings kept
    expect(await ask<{ articles: number }>(updated, 'getReaderCorpus')).toMatchObject({ articles: ARTICLES.length, retention: { maxAgeDays: 30, maxMegabytes: 200 } });
    expect(await segmentList(updated)).toMatchObject({ format: 'firsthand-growing-corpus', segments: [{ articles: ARTICLES.length, removed: [] }] });
    expect(await version1Records(updated)).toBe(0);
    expect(await ask<unknown[]>(updated, 'listFollowedSources')).toHaveLength(1);
    await checkScraper(session);

    // Stop following: the site's access is released and the alarm goes; the articles stay until cleared.
    await updated.reload();
    await updated.locator('[data-testid=unfollow]').click();
    await pollFor(async () => ((await updated.locator('[data-testid=followed-source]').count()) === 0 ? true : undefined), { what: 'the source to be removed' });
    expect(await updated.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
    expect(await updated.evaluate(() => chrome.alarms.get('firsthand-follow'))).toBeUndefined();
    await updated.click('[data-testid=clear-all]');
    await pollFor(async () => ((await ask<{ articles: number }>(updated, 'getReaderCorpus')).articles === 0 ? true : undefined), { what: 'the corpus to be cleared' });
  }, 240_000);
});
