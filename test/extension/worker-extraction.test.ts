/**
 * Following extracts fetched article pages with a DOMParser (the extension: domPageReader in
 * Chrome's offscreen document or Firefox's event page) or linkedom (the CLI's `firsthand follow`);
 * a check extracts the live page in the content script. All must store and check the same text, or
 * a followed article would not match the page it came from. On the Zyte benchmark's real news
 * pages (skipped without the shared data), both are compared with the content script's over jsdom,
 * a standards DOM like the browser's (jsdom's DOMParser stands in for the browser's).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { createContentApi } from '../../src/extension/content-script.js';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { pageText } from '../../src/extract/page-text.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import type { PageArticle } from '../../src/follow/follow-run.js';
import { benchmarkMissingReason, loadBenchmarkHtml, loadBenchmarkPages } from '../../src/eval/extraction/benchmark-data.js';
import { requireShared } from '../helpers/shared-data.js';
import { jsdomPageReader } from './support/dom-reader.js';

/** The CLI's extraction of a fetched page (follow-command.ts): linkedom. */
function readWithLinkedom(html: string, url: string): PageArticle | { error: string } {
  const article = extractFromHtml(html, url);
  if (isExtractionFailure(article)) return { error: article.error.message };
  return { title: article.title, text: pageText(article), published: article.published, url: article.url, siteName: article.siteName };
}

const missing = benchmarkMissingReason();

describe.skipIf(missing !== null && !requireShared)('following\'s extraction and the content script\'s, on the Zyte pages', () => {
  test('give the same title, text, date, address and outlet', async () => {
    // Every sixth page (30 of 181): jsdom takes ~2 s a page on the loaded test machine.
    const pages = loadBenchmarkPages().filter((_, i) => i % 6 === 0);
    const differ: string[] = [];
    const jsdomFailed: string[] = [];
    let articles = 0;
    for (const p of pages) {
      const html = loadBenchmarkHtml(p.id);
      const followed = [['DOMParser', await jsdomPageReader.readArticle(html, p.url)], ['linkedom', readWithLinkedom(html, p.url)]] as const;
      let content: ReturnType<ReturnType<typeof createContentApi>['extract']>;
      try {
        const dom = new JSDOM(html, { url: p.url });
        content = createContentApi(dom.window.document).extract();
        dom.window.close();
      } catch (error) {
        // jsdom's own CSS parser rejects some real stylesheets; a browser does not. Not the extraction's difference.
        jsdomFailed.push(`${p.id}: ${(error as Error).message}`);
        continue;
      }
      for (const [how, worker] of followed) {
        if ('error' in worker || 'error' in content) {
          if ('error' in worker !== 'error' in content) differ.push(`${p.id} (${how}): one side found no article`);
          continue;
        }
        if (how === 'DOMParser') articles++;
        const a = content.article;
        const fromContent = { title: a.title, text: pageText(a), published: a.published, url: a.url, siteName: a.siteName };
        if (JSON.stringify(worker) !== JSON.stringify(fromContent)) {
          const field = (Object.keys(fromContent) as Array<keyof typeof fromContent>).filter((k) => worker[k] !== fromContent[k]);
          differ.push(`${p.id} (${how}): ${field.join(', ')}`);
        }
      }
    }
    console.log(`following vs content script extraction: ${articles} articles of ${pages.length} pages, ${differ.length} differ, ${jsdomFailed.length} jsdom could not load`);
    expect(pages.length).toBe(31);
    expect(jsdomFailed.length).toBeLessThanOrEqual(3);
    expect(differ).toEqual([]);
  }, 600_000);
});
