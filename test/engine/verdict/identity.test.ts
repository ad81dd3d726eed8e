import { describe, expect, test } from 'vitest';
import { addressKey, sameAddress } from '../../../src/engine/index.js';
import { outletIsSite, sameHost, siteOf, sitesShareName } from '../../../src/engine/verdict/identity.js';

describe('sameAddress', () => {
  const article = 'https://www.example-news.com/world/2021/12/9/biden-call';

  test.each([
    'http://example-news.com/world/2021/12/9/biden-call',
    'https://m.example-news.com/world/2021/12/9/biden-call/',
    'https://amp.example-news.com/world/2021/12/9/biden-call/amp',
    'https://WWW.Example-News.com:443/world/2021/12/9/biden-call?utm_source=x#comments',
    'https://www.example-news.com/world/2021/12/9/biden%2Dcall',
  ])('the same page under a variation of its address: %s', (variant) => {
    expect(sameAddress(article, variant)).toBe(true);
  });

  test.each([
    'https://www.news-farm.example/world/2021/12/9/biden-call',
    'https://www.example-news.com/world/2021/12/9/biden-call-2',
    'https://www.example-news.com/world/2021/12/9',
    'https://example-news.com.evil.example/world/2021/12/9/biden-call',
  ])('another host or path is another page: %s', (other) => {
    expect(sameAddress(article, other)).toBe(false);
  });

  test('a local file is addressed by its path', () => {
    expect(sameAddress('file:///data/answers/g0pE_taska.txt', 'file://localhost/data/answers/g0pE%5Ftaska.txt')).toBe(true);
    expect(sameAddress('file:///data/answers/g0pE_taska.txt', 'file:///data/sources/orig_taska.txt')).toBe(false);
    expect(sameAddress('file:///news.example/story', 'https://news.example/story')).toBe(false);
  });

  test('only web and file addresses are comparable', () => {
    expect(addressKey('not an address')).toBeNull();
    expect(sameAddress('chrome://settings', 'chrome://settings')).toBe(false);
  });
});

describe('sites', () => {
  test.each([
    ['https://edition.cnn.com/2021/12/09/politics/story', 'cnn.com'],
    ['https://www.bbc.co.uk/news/world-1', 'bbc.co.uk'],
    ['http://localhost:8080/page', 'localhost'],
    ['file:///tmp/page.html', null],
  ])('%s is on %s', (address, site) => expect(siteOf(address)).toBe(site));

  test('an outlet is matched to its own site, never to another', () => {
    expect(outletIsSite('Al Jazeera', 'https://www.aljazeera.com/news/2021/12/9/x')).toBe(true);
    expect(outletIsSite('The Guardian', 'https://www.theguardian.com/world/x')).toBe(true);
    expect(outletIsSite('BBC News', 'https://www.bbc.co.uk/news/x')).toBe(true);
    expect(outletIsSite('New York Times', 'https://www.nytimes.com/2021/x')).toBe(true);
    expect(outletIsSite('Reuters', 'https://www.reuters.com/world/x')).toBe(true);
    expect(outletIsSite('Al Jazeera', 'https://daily-news-hub.example/2021/12/biden')).toBe(false);
    expect(outletIsSite('unknown content-farm site (WordPress autoblog)', 'https://anything.example/page')).toBe(false);
    expect(outletIsSite('Associated Press', 'https://apple.com/x')).toBe(false);
    expect(outletIsSite(null, 'https://www.aljazeera.com/x')).toBe(false);
  });
});

describe('sitesShareName', () => {
  test.each([
    ['https://www.bbc.co.uk/news/a', 'https://www.bbc.com/news/a', true],
    ['https://edition.cnn.com/a', 'https://cnn.co.jp/a', true],
    ['https://bbc.com/a', 'https://www.bbc.com/b', false], // one site
    ['https://bbc.com/a', 'https://bbcnews.com/a', false],
    ['https://ab.co.uk/a', 'https://ab.com/a', false], // a two-letter name is too short to tell one outlet
    ['https://news.example.org/a', 'https://example.com/a', false], // two generic domains: nothing says one outlet
    ['file:///tmp/a.html', 'https://bbc.com/a', false],
  ])('%s and %s: %s', (a, b, expected) => expect(sitesShareName(a, b)).toBe(expected));
});

describe('sameHost', () => {
  test.each([
    ['https://www.cnbc.com/2018/07/15/a.html', 'https://cnbc.com/2018/07/16/b.html', true],
    ['https://m.cnn.com/a', 'https://cnn.com/b', true],
    ['https://edition.cnn.com/a', 'https://cnn.com/a', false],
    ['https://a.blogspot.com/x', 'https://b.blogspot.com/x', false],
    ['file:///home/a.html', 'file:///home/b.html', false],
  ])('%s and %s: %s', (a, b, expected) => expect(sameHost(a, b)).toBe(expected));
});
