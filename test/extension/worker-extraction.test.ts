/**
 * Following extracts fetched article pages in the background with linkedom (readArticle in
 * followed-sources.ts); a check extracts the live page in the content script. Both must store and
 * check the same text, or a followed article would not match the page it came from. On the Zyte
 * benchmark's real news pages (skipped without the shared data), the worker's extraction is
 * compared with the content script's over jsdom, a standards DOM like the browser's.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { readArticle } from '../../src/extension/background/follow-runtime.js';
import { createContentApi } from '../../src/extension/content-script.js';
import { pageText } from '../../src/extract/page-text.js';
import { benchmarkMissingReason, loadBenchmarkHtml, loadBenchmarkPages } from '../../src/eval/extraction/benchmark-data.js';
import { requireShared } from '../helpers/shared-data.js';

const missing = benchmarkMissingReason();

describe.skipIf(missing !== null && !requireShared)('the worker\'s extraction and the content script\'s, on the Zyte pages', () => {
  test('give the same title, text, date, address and outlet', () => {
    // Every sixth page (30 of 181): jsdom takes ~2 s a page on the loaded test machine.
    const pages = loadBenchmarkPages().filter((_, i) => i % 6 === 0);
    const differ: string[] = [];
    const jsdomFailed: string[] = [];
    let articles = 0;
    for (const p of pages) {
      const html = loadBenchmarkHtml(p.id);
      const worker = readArticle(html, p.url);
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
      if ('error' in worker || 'error' in content) {
        if ('error' in worker !== 'error' in content) differ.push(`${p.id}: one side found no article`);
        continue;
      }
      articles++;
      const a = content.article;
      const fromContent = { title: a.title, text: pageText(a), published: a.published, url: a.url, siteName: a.siteName };
      if (JSON.stringify(worker) !== JSON.stringify(fromContent)) {
        const field = (Object.keys(fromContent) as Array<keyof typeof fromContent>).filter((k) => worker[k] !== fromContent[k]);
        differ.push(`${p.id}: ${field.join(', ')}`);
      }
    }
    console.log(`worker vs content script extraction: ${articles} articles of ${pages.length} pages, ${differ.length} differ, ${jsdomFailed.length} jsdom could not load`);
    expect(pages.length).toBe(31);
    expect(jsdomFailed.length).toBeLessThanOrEqual(3);
    expect(differ).toEqual([]);
  }, 600_000);
});
