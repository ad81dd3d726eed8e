/**
 * `self` means the page *is* a corpus article. Identical words are not enough
 * when the page says otherwise: a verbatim scrape at another address is a copy.
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type PageInput } from '../../src/engine/index.js';
import { lexicon, seedArticles, seedId, seedText } from '../helpers/seed-corpus.js';

const ORIGINAL_URL = 'https://www.aljazeera.com/news/2021/12/9/biden-speaks-to-ukraines-president';
const corpus = loadCorpus(buildCorpusIndex(seedArticles().map((a) => (a.id === seedId('000') ? { ...a, url: ORIGINAL_URL } : a))));
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

  test('an article stored without an address is judged by the words', () => {
    // 001 has no address in the catalog: a page's address says nothing about it.
    const verdict = check({ text: seedText('001'), url: 'https://anything.example/page' });
    expect(verdict.self).toBe(seedId('001'));
    expect(verdict.likelyOriginal).toBe(seedId('000'));
  });
});
