/**
 * Issue 17, part 2: identity is where the reader is, and a page's declared date is a claim that
 * never on its own makes a copy the original.
 */
import { describe, expect, test } from 'vitest';
import { attribute, buildCorpusIndex, loadCorpus, type ArticleInput, type PageInput } from '../../../src/engine/index.js';
import { lexicon, seedArticles, seedId, seedText } from '../../helpers/seed-corpus.js';

const ORIGINAL_URL = 'https://www.aljazeera.com/news/2021/12/9/biden-speaks-to-ukraines-president';
const SCRAPER_URL = 'https://daily-news-hub.example/2021/12/biden-ukraine';
const synonyms = lexicon();
const seeds = seedArticles();
const withOriginalAt = (extra: ArticleInput[] = []) =>
  loadCorpus(buildCorpusIndex([...seeds.map((a) => (a.id === seedId('000') ? { ...a, url: ORIGINAL_URL, published: '2021-12-09T09:30:00Z' } : a)), ...extra]));
const check = (page: PageInput, corpus = withOriginalAt()) => attribute(page, [corpus], { lexicon: synonyms });

describe('a scraper that backdates its copy', () => {
  // 000 ends with "Source: Al Jazeera and news agencies"; a scraper that keeps that line credits Al Jazeera
  const uncredited = seedText('000').split('\n').filter((l) => !l.startsWith('Source:')).join('\n');

  test('is not the original: the pair’s order is unknown and the verdict says the same text', () => {
    // Before: `no-match`, with the real original listed as a later copy of the scraper.
    const verdict = check({ text: uncredited, url: SCRAPER_URL, published: '2021-12-02T08:00:00Z' });
    expect(verdict.status).toBe('same-text');
    expect(verdict.sameText).toBe(seedId('000'));
    const original = verdict.sources.find((s) => s.id === seedId('000'))!;
    expect(original.relation).toBe('unknown-order');
    expect(original.evidence.find((e) => e.kind === 'dates')?.detail).toMatch(/only the page's own date puts it first/);
  });

  test('that keeps the original’s credit line is a copy of it, whatever date it declares', () => {
    const verdict = check({ text: seedText('000'), url: SCRAPER_URL, published: '2021-12-02T08:00:00Z' });
    expect(verdict.status).toBe('copy');
    expect(verdict.sources.find((s) => s.id === seedId('000'))?.evidence[0]?.kind).toBe('credit');
  });

  test('whose canonical names the original is a copy of it, whatever date it declares', () => {
    const verdict = check({ text: uncredited, url: SCRAPER_URL, canonical: ORIGINAL_URL, published: '2021-12-02T08:00:00Z' });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
    expect(verdict.self).toBeNull();
  });

  test('a date that makes the page later is believed', () => {
    const verdict = check({ text: seedText('000'), url: SCRAPER_URL, published: '2021-12-10' });
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
  });
});

describe('the real original checked against a scraper in the corpus', () => {
  const scraper: ArticleInput = { id: 'scraper-copy', title: 'Biden Ukraine', outlet: 'Daily News Hub', published: '2021-12-10', url: SCRAPER_URL, text: seedText('000') };

  test('stays original, with the later scraper listed as a later copy', () => {
    const verdict = check({ text: seedText('000'), url: ORIGINAL_URL }, withOriginalAt([scraper]));
    expect(verdict.status).toBe('original');
    expect(verdict.selfBy).toBe('address');
    expect(verdict.sources.find((s) => s.id === 'scraper-copy')?.relation).toBe('copy');
  });
});

describe('a corpus article without an address', () => {
  const unaddressed = () => loadCorpus(buildCorpusIndex(seeds));

  test('is the page when its outlet is the page’s site', () => {
    const verdict = check({ text: seedText('000'), url: ORIGINAL_URL }, unaddressed());
    expect(verdict.self).toBe(seedId('000'));
    expect(verdict.selfBy).toBe('outlet');
    expect(verdict.status).toBe('original');
  });

  test('is not taken to be the page on its words alone: the same text, whether it is that article untold', () => {
    // Before: any page with 000's words, anywhere, was 000 itself.
    const verdict = check({ text: seedText('000'), url: SCRAPER_URL }, unaddressed());
    expect(verdict.self).toBeNull();
    expect(verdict.status).toBe('same-text');
    expect(verdict.sameText).toBe(seedId('000'));
    expect(verdict.sources.find((s) => s.id === seedId('000'))?.evidence.map((e) => e.kind)).toContain('identity');
  });

  test('without any address on either side, the words tell, and the verdict says so', () => {
    const verdict = check({ text: seedText('000') }, unaddressed());
    expect(verdict.self).toBe(seedId('000'));
    expect(verdict.selfBy).toBe('words');
  });
});

describe('evidence beyond dates, in a check', () => {
  test('a same-day copy that credits the original’s outlet is a copy of it', () => {
    const corpus = loadCorpus(buildCorpusIndex(seeds.map((a) => (a.id === seedId('000') ? { ...a, url: ORIGINAL_URL } : a))));
    const verdict = check({ text: `${seedText('000')}\n\nSource: Al Jazeera`, url: SCRAPER_URL, published: '2021-12-09' }, corpus);
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
    expect(verdict.sources.find((s) => s.id === seedId('000'))?.evidence.map((e) => e.kind)).toEqual(['credit', 'dates']);
  });

  test('a backdated scraper in the corpus does not make the original a copy: the pair’s order is unknown', () => {
    const scraper: ArticleInput = {
      id: 'backdated-scraper', title: 'Biden Ukraine', outlet: 'Daily News Hub', published: '2021-12-02', url: SCRAPER_URL,
      text: `[ad_1]\n${seedText('000')}\n[ad_2]\nSource link`,
    };
    const verdict = check({ text: seedText('000'), url: ORIGINAL_URL }, withOriginalAt([scraper]));
    expect(verdict.self).toBe(seedId('000'));
    expect(verdict.status).not.toBe('copy');
    expect(verdict.sources.find((s) => s.id === 'backdated-scraper')?.relation).toBe('unknown-order');
  });

  test('a teaser of an undated article derives from it', () => {
    const corpus = loadCorpus(buildCorpusIndex(seeds.map((a) => (a.id === seedId('000') ? { ...a, url: ORIGINAL_URL, published: null } : a))));
    const teaser = seedText('000').split('\n').filter((l) => l.trim()).slice(0, 4).join('\n\n');
    const verdict = check({ text: teaser, url: SCRAPER_URL }, corpus);
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
    expect(verdict.sources.find((s) => s.id === seedId('000'))?.evidence[0]?.kind).toBe('containment');
  });
});

describe("the same article on another of its outlet's sites", () => {
  // real-news dev #8543: one BBC article scraped at bbc.com, then at bbc.co.uk, was called a copy of itself
  const atCom = (extra: ArticleInput[] = []) => loadCorpus(buildCorpusIndex([
    ...seeds.map((a) => (a.id === seedId('000') ? { ...a, url: 'https://www.bbc.com/news/world-europe-59590000', published: '2021-12-09T09:30:00Z' } : a)),
    ...extra,
  ]));

  test('is neither the article nor a copy of it: the same text, which is the article cannot be told', () => {
    const verdict = check({ text: seedText('000'), url: 'https://www.bbc.co.uk/news/world-europe-59590000', published: '2021-12-09T10:00:00Z' }, atCom());
    expect(verdict.status).toBe('same-text');
    expect(verdict.sameText).toBe(seedId('000'));
    const identity = verdict.sources.find((s) => s.id === seedId('000'))?.evidence.find((e) => e.kind === 'identity');
    expect(identity?.detail).toMatch(/bbc\.com, a site of the same name/);
  });

  test('while the same words on a site of another name stay a copy', () => {
    const verdict = check({ text: seedText('000'), url: 'https://bbcnews-daily.example/world-europe-59590000', published: '2021-12-09T10:00:00Z' }, atCom());
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
  });
});

describe('the same article at another address on its own site', () => {
  // real-news dev: cnbc.com #3350/#4482, cnn.com #5649/#9882, one article scraped twice, the later called a copy of the earlier
  const at = (url: string) => loadCorpus(buildCorpusIndex(
    seeds.map((a) => (a.id === seedId('000') ? { ...a, url, published: '2021-12-09T09:30:00Z' } : a)),
  ));

  test('is no copy of it: the same text, which is the article cannot be told', () => {
    const verdict = check({ text: seedText('000'), url: 'https://www.news.example/europe/summit-59590000', published: '2021-12-09T10:00:00Z' }, at('https://news.example/world/summit-59590000'));
    expect(verdict.status).toBe('same-text');
    expect(verdict.sameText).toBe(seedId('000'));
    const identity = verdict.sources.find((s) => s.id === seedId('000'))?.evidence.find((e) => e.kind === 'identity');
    expect(identity?.detail).toMatch(/page's own site, news\.example/);
  });

  test("while another blog on the same platform's domain is another publisher: a copy", () => {
    const verdict = check({ text: seedText('000'), url: 'https://scraper.blogspot.com/2021/12/summit.html', published: '2021-12-09T10:00:00Z' }, at('https://reporter.blogspot.com/2021/12/summit.html'));
    expect(verdict.status).toBe('copy');
    expect(verdict.likelyOriginal).toBe(seedId('000'));
  });
});
