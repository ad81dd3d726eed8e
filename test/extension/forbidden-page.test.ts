import { describe, expect, test } from 'vitest';
import { classifyForbiddenPage, forbiddenPageMessage } from '../../src/extension/forbidden-page.js';

describe('pages the browser shields are refused before any injection', () => {
  test.each([
    ['chrome://settings/', 'a browser page'],
    ['chrome://newtab/', 'a browser page'],
    ['chrome-extension://abcdefghijklmnop/popup.html', 'an extension page'],
    ['edge://extensions/', 'a browser page'],
    ['about:addons', 'a browser page'],
    ['about:blank', 'a browser page'],
    ['moz-extension://0b1c2d3e/options.html', 'an extension page'],
    ['view-source:https://news.example/story', 'a page source view'],
    ['https://chromewebstore.google.com/detail/abc', 'the Chrome Web Store'],
    ['https://chrome.google.com/webstore/detail/abc', 'the Chrome Web Store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'Firefox Add-ons'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'the Edge Add-ons store'],
    ['https://news.example/report.pdf', 'the PDF viewer'],
    ['file:///home/me/paper.PDF', 'the PDF viewer'],
    ['file:///home/me/saved-article.html', 'a local file (allow file access for Firsthand to check it)'],
    ['data:text/html,<p>hi</p>', 'a data address'],
    ['not a url', 'a page without a web address'],
    ['ftp://files.example/story.txt', 'a ftp: page'],
  ])('%s → %s', (url, what) => {
    expect(classifyForbiddenPage(url)).toEqual({ what });
  });
});

describe('ordinary pages may be read', () => {
  test.each([
    'https://www.aljazeera.com/news/2021/12/9/biden-speaks',
    'http://127.0.0.1:8080/article',
    'https://chrome.google.com/search?q=webstore', // same host, not the store path
    'https://news.example/pdf-guide.html',
  ])('%s', (url) => {
    expect(classifyForbiddenPage(url)).toBeNull();
  });

  test('a local file is allowed once the user grants file access', () => {
    expect(classifyForbiddenPage('file:///home/me/saved-article.html', true)).toBeNull();
  });
});

test('the message names what the page is', () => {
  expect(forbiddenPageMessage({ what: 'the Chrome Web Store' })).toMatch(/cannot read the Chrome Web Store/);
});
