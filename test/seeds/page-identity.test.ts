/**
 * `self` means the page *is* a corpus article. Identical words are not enough
 * when the page says otherwise: a verbatim scrape at another address is a copy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../src/build/paths.js';
import { attribute, buildCorpusIndex, loadCorpus, type PageInput } from '../../src/engine/index.js';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { pageText } from '../../src/extract/page-text.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { lexicon, seedArticles, seedId, seedText } from '../helpers/seed-corpus.js';

const ORIGINAL_URL = 'https://www.aljazeera.com/news/2021/12/9/biden-speaks-to-ukraines-president';
const FURNISHED_URL = 'https://www.aljazeera.com/news/2021/12/7/biden-urges-putin-to-de-escalate-ukraine-tensions';
const addresses: Record<string, string> = { [seedId('000')]: ORIGINAL_URL, [seedId('002')]: FURNISHED_URL };
const corpus = loadCorpus(buildCorpusIndex(seedArticles().map((a) => ({ ...a, url: addresses[a.id] ?? a.url }))));
const synonyms = lexicon();
const check = (page: PageInput) => attribute(page, [corpus], { lexicon: synonyms });
const text = seedText('000');

describe('a page with the words of 000', () => {
  test('at 000’s own address (in another form) is 000', () => {
    const verdict = check({ text, url: 'http://aljazeera.com/news/2021/12/9/biden-speaks-to-ukraines-president/?utm_medium=social' });
    expect(verdict.self).toBe(seedId('000'));
    expect(verdict.status).toBe('original');
  });

  test('at another address is a copy of 000, all of it', () => {
    const verdict = check({ text, url: 'https://daily-news-hub.example/2021/12/biden-ukraine' });
    expect(verdict.self).toBeNull();
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
    expect(verdict.overlap).toBeGreaterThanOrEqual(0.95);
  });

  test('without an address is 000 by its words alone', () => {
    expect(check({ text }).self).toBe(seedId('000'));
  });

  test('an article stored without an address is not the page on its words alone', () => {
    // 001 has no address in the catalog and its outlet is not anything.example: the page has 001's
    // text, and is a copy of the earlier 000 either way.
    const verdict = check({ text: seedText('001'), url: 'https://anything.example/page' });
    expect(verdict.self).toBeNull();
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
    expect(verdict.sources.find((s) => s.id === seedId('001'))?.relation).toBe('unknown-order');
  });
});

describe('an article whose stored text carries its site\'s furniture', () => {
  // 002's text file ends with related stories, a footer and cookie text, and holds a standfirst and a
  // caption: 28% of its words, which the page's extracted article leaves out.
  const page = (): { text: string; published: string | null } => {
    const article = extractFromHtml(readFileSync(path.join(ROOT, 'test/fixtures/pages/wire-002.html'), 'utf8'));
    if (isExtractionFailure(article)) throw new Error(article.error.message);
    return { text: pageText(article), published: article.published };
  };

  test.each([['with', true], ['without', false]])('at its own address, %s a date in its metadata, the page is that article', (_, dated) => {
    const { text, published } = page();
    const verdict = check({ text, url: `${FURNISHED_URL}?ref=home`, published: dated ? published : null });
    expect(verdict.self).toBe(seedId('002'));
    expect(verdict.status).toBe('original');
    expect(verdict.sources.find((s) => s.id === seedId('002'))).toBeUndefined();
  });

  test('at another address the same text is a copy of it', () => {
    const verdict = check({ text: page().text, url: 'https://world-news-now.example/biden-putin-talks' });
    expect(verdict.self).toBeNull();
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('002'));
  });

  test('at its address, a page that now tells another story is not that article', () => {
    const opening = page().text.split('\n').slice(0, 4).join('\n');
    const verdict = check({ text: `${seedText('004')}\n\n${opening}`, url: FURNISHED_URL });
    expect(verdict.self).not.toBe(seedId('002'));
  });
});
