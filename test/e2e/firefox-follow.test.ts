/**
 * Following a news site in Firefox ESR (the test build, whose 127.0.0.1 host permission stands in
 * for the reader's "Allow": a headless browser shows no prompt): follow it in the options page, the
 * follow alarm fires (set to fire now from the test), its articles arrive, and a scraper's copy of
 * one of them, served by another server, is a copy of the followed article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { LocalSite } from '../helpers/local-site.js';
import { FirefoxSession, settledFirefoxPopup } from './support/firefox.js';
import { firefoxGate, requireBuild, requireExecutable } from './support/gate.js';
import { FIREFOX_TEST_EXT_DIR, PAGES_DIR } from './support/paths.js';
import { pollFor } from './support/poll.js';

const gate = firefoxGate();
const ARTICLES = [['port-strike', 'modern-000.html'], ['council-budget', 'modern-002.html']] as const;

interface Api {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
    alarms: { create(name: string, info: object): void; get(name: string): Promise<unknown> };
  };
}

async function ask<T>(page: Page, name: string): Promise<T> {
  const reply = await page.evaluate((n) => (globalThis as unknown as Api).browser.runtime.sendMessage({ firsthand: 1, name: n, args: [] }), name);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

describe.skipIf(gate.skip)('Firefox ESR: following a news site', () => {
  let session: FirefoxSession;
  const site = new LocalSite();
  const scraper = new LocalSite();

  beforeAll(async () => {
    const executablePath = requireExecutable(gate);
    const extensionDir = requireBuild(FIREFOX_TEST_EXT_DIR, 'The Firefox test build');
    await site.start();
    await scraper.start();
    const html = { 'content-type': 'text/html; charset=utf-8' };
    const date = new Date(Date.now() - 3_600_000).toUTCString();
    const items = ARTICLES.map(([slug]) => `<item><title>${slug}</title><link>${site.base}/news/${slug}</link><pubDate>${date}</pubDate></item>`).join('');
    site.routes.set('/news/rss.xml', { headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>${items}</channel></rss>` });
    for (const [slug, file] of ARTICLES) site.routes.set(`/news/${slug}`, { headers: html, body: readFileSync(path.join(PAGES_DIR, file), 'utf8') });
    const article = extractFromHtml(readFileSync(path.join(PAGES_DIR, 'modern-002.html'), 'utf8'));
    if (isExtractionFailure(article)) throw new Error(article.error.message);
    const paragraphs = article.text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
    scraper.routes.set('/viral/budget', { headers: html, body: `<!doctype html><html><head><title>Viral</title></head><body><article><h1>${article.title.replace(/</g, '&lt;')}</h1>${paragraphs}</article></body></html>` });
    session = await FirefoxSession.launch(executablePath, extensionDir);
  });

  afterAll(async () => {
    await session?.close();
    await site.close();
    await scraper.close();
  });

  it('follows the feed, the alarm brings its articles, and a scraper\'s copy of one is a copy of it', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=follow-address]');
    await options.type('[data-testid=follow-address]', `${site.base}/news/rss.xml`);
    await options.click('[data-testid=follow-add]');
    const note = await pollFor(async () => {
      const text = await options.$eval('[data-testid=follow-note]', (el) => el.textContent ?? '');
      return /^(Following|Not followed|Firsthand may not)/.test(text) ? text : undefined;
    }, { what: 'the options page to follow the feed', timeoutMs: 30_000 });
    expect(note).toMatch(/^Following http:\/\/127\.0\.0\.1:\d+\/news\/rss\.xml: 1 feed found/);

    await options.evaluate(() => (globalThis as unknown as Api).browser.alarms.create('firsthand-follow', { when: Date.now() + 200, periodInMinutes: 30 }));
    const corpus = await pollFor(async () => {
      const view = await ask<{ articles: number }>(options, 'getReaderCorpus');
      return view.articles >= ARTICLES.length ? view : undefined;
    }, { what: 'the followed articles to arrive', timeoutMs: 60_000 });
    expect(corpus).toMatchObject({ articles: ARTICLES.length, byOrigin: { followed: ARTICLES.length } });

    const url = `${scraper.base}/viral/budget`;
    await session.openPage(url);
    const tabId = await session.tabIdOf(options, url);
    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    const snapshot = await settledFirefoxPopup(popup);
    const named = snapshot.sources.map((s) => `${s.id} ${s.relation}`);
    expect(snapshot.status, named.join('; ')).toBe('copy');
    expect(named.some((s) => /^followed-\S+ source$/.test(s)), named.join('; ')).toBe(true);
  }, 180_000);
});
