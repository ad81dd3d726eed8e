/**
 * Issue 17, part 1: a publication instant orders a same-day copy, and where nothing orders two
 * texts that share most of their words the verdict says so — never `no-match` or `original`.
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type PageInput } from '../../../src/engine/index.js';
import { lexicon, seedArticles, seedId, seedText } from '../../helpers/seed-corpus.js';

const ORIGINAL_URL = 'https://www.aljazeera.com/news/2021/12/9/biden-speaks-to-ukraines-president';
const SCRAPER_URL = 'https://daily-news-hub.example/2021/12/biden-ukraine';
const synonyms = lexicon();

function corpusWith000(published: string | null) {
  return loadCorpus(buildCorpusIndex(seedArticles().map((a) => (a.id === seedId('000') ? { ...a, url: ORIGINAL_URL, published } : a))));
}
const check = (page: PageInput, published: string | null) => attribute(page, [corpusWith000(published)], { lexicon: synonyms });
// 000 ends with "Source: Al Jazeera and news agencies", a credit that settles the order on its own (part 3): left out here
const uncredited = seedText('000').split('\n').filter((l) => !l.startsWith('Source:')).join('\n');

describe('the words of 000 at another address', () => {
  test('published hours after 000 the same day is a copy of it', () => {
    const verdict = check({ text: seedText('000'), url: SCRAPER_URL, published: '2021-12-09T16:00:00Z' }, '2021-12-09T09:30:00Z');
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
  });

  test('dated the same day as 000, neither with an hour: the same text, which came first unknown', () => {
    const verdict = check({ text: uncredited, url: SCRAPER_URL, published: '2021-12-09' }, '2021-12-09');
    expect(verdict.status).toBe('same-text');
    expect(verdict.sameText).toBe(seedId('000'));
    expect(verdict.likelyOriginal).toBeNull();
    const same = verdict.sources.find((s) => s.id === seedId('000'))!;
    expect(same.relation).toBe('unknown-order');
    expect(same.coverage).toBeGreaterThan(0.9);
  });

  test('a bare date beside an instant of that day is an unknown order', () => {
    expect(check({ text: uncredited, url: SCRAPER_URL, published: '2021-12-09T16:00:00Z' }, '2021-12-09').status).toBe('same-text');
  });

  test('both undated: the same text, which came first unknown, not a copy of it', () => {
    const verdict = check({ text: uncredited, url: SCRAPER_URL }, null);
    expect(verdict.status).toBe('same-text');
    expect(verdict.sameText).toBe(seedId('000'));
  });

  test('a dated page beside an article of unknown order that covers only a little of it keeps its own status', () => {
    const opening = seedText('000').split('\n').slice(0, 3).join('\n');
    // no address: the page is 004 by its words (004 dated as 000 here), and 000's few lines do not outweigh that
    const corpus = loadCorpus(buildCorpusIndex(seedArticles().map((a) => (a.id === seedId('000') || a.id === seedId('004') ? { ...a, published: '2021-12-09' } : a))));
    const verdict = attribute({ text: `${seedText('004')}\n\n${opening}`, published: '2021-12-09' }, [corpus], { lexicon: synonyms });
    expect(verdict.sources.find((s) => s.id === seedId('000'))?.relation).toBe('unknown-order');
    expect(verdict.status).toBe('original');
  });
});
