/**
 * Issue 17 on real pages (the Zyte benchmark's 181): a corpus of the pages at their own addresses.
 * No page is accused at its own address; each page's text at another address, undated, is a copy of
 * that article when the article is dated, and the same text, order unknown, when it is not (unless
 * the text's own credit line names the article's outlet: then a copy of it).
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type Verdict } from '../../src/engine/index.js';
import { benchmarkMissingReason, loadBenchmarkHtml, loadBenchmarkPages } from '../../src/eval/extraction/benchmark-data.js';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { pageText } from '../../src/extract/page-text.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { lexicon } from '../helpers/seed-corpus.js';
import { requireShared } from '../helpers/shared-data.js';

const missing = benchmarkMissingReason();

describe.skipIf(missing !== null && !requireShared)('identity and direction on the Zyte pages', () => {
  // vitest runs a skipped describe's body to collect its tests: read the pages only when a test runs.
  let loaded: ReturnType<typeof readPages> | null = null;
  const readPages = () => ({
    synonyms: lexicon(),
    pages: loadBenchmarkPages().flatMap((p) => {
      const article = extractFromHtml(loadBenchmarkHtml(p.id), p.url);
      return isExtractionFailure(article) ? [] : [{ id: p.id, url: p.url, article, text: pageText(article) }];
    }),
  });
  const corpusOf = (pages: ReturnType<typeof readPages>['pages'], dated: boolean) => loadCorpus(buildCorpusIndex(pages.map((p) => ({
    id: p.id, title: p.article.title, outlet: p.article.siteName, published: dated ? p.article.published : null, url: p.url, text: p.text,
  }))));
  const named = (v: Verdict) => v.likelyOriginal ?? v.sameText;

  test.each([['dated', true], ['undated', false]])('with the catalog %s', (_, dated) => {
    loaded ??= readPages();
    const { synonyms, pages } = loaded;
    const corpus = corpusOf(pages, dated);
    const accused: string[] = [];
    const wrong: string[] = [];
    for (const p of pages) {
      const a = p.article;
      const own = attribute({
        text: p.text, url: p.url, canonical: a.url, published: a.published, basedOn: a.basedOn, links: a.links, byline: a.byline, siteName: a.siteName,
      }, [corpus], { lexicon: synonyms });
      if (own.status === 'copy' || own.status === 'partial') accused.push(`${p.url}: ${own.status}`);
      const elsewhere = attribute({ text: p.text, url: `https://scraper.example/${p.id}` }, [corpus], { lexicon: synonyms });
      const credited = elsewhere.sources.find((s) => s.id === p.id)?.evidence.some((e) => e.kind === 'credit' && e.says === 'source');
      const want = (dated && a.published !== null) || credited ? 'copy' : 'same-text';
      if (elsewhere.status !== want || named(elsewhere) !== p.id) wrong.push(`${p.url}: ${elsewhere.status} ${named(elsewhere)}, want ${want}`);
    }
    expect(pages.length).toBeGreaterThan(170);
    expect(accused).toEqual([]);
    expect(wrong).toEqual([]);
  }, 300_000);
});
