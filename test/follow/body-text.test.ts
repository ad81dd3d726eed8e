import { describe, expect, test } from 'vitest';
import { bodyText, looksLikeWebPage } from '../../src/follow/body-text.js';
import { parseWithLinkedom } from '../../src/follow/linkedom-documents.js';
import { parseFeed } from '../../src/follow/parse-feed.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('feed bytes to text', () => {
  test('a feed in ISO-8859-1, declared in its XML declaration, keeps its accents', () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Café</title><item><title>Été brûlant</title><link>https://news.example/ete</link></item></channel></rss>');
    const decoded = bodyText(bytes, 'application/rss+xml');
    expect('text' in decoded && decoded.text).toContain('Été brûlant');
    const feed = parseFeed({ text: 'text' in decoded ? decoded.text : '', url: 'https://news.example/rss' }, parseWithLinkedom);
    expect('items' in feed && feed.items[0]!.title).toBe('Été brûlant');
  });

  test('the charset of the Content-Type header is used when the bytes are not UTF-8', () => {
    const decoded = bodyText(latin1('<rss><channel><title>Caf\u00e9</title></channel></rss>'), 'text/xml; charset=iso-8859-1');
    expect('text' in decoded && decoded.text).toContain('Café');
  });

  test('binary data is an error in words, not text', () => {
    const decoded = bodyText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'image/png');
    expect('error' in decoded && decoded.error).toMatch(/binary/);
  });

  test('a web page by its content type, or without one by its first bytes', () => {
    expect(looksLikeWebPage('text/html; charset=utf-8', '')).toBe(true);
    expect(looksLikeWebPage('application/rss+xml', '<!doctype html>')).toBe(false);
    expect(looksLikeWebPage(null, '  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeWebPage(null, '<?xml version="1.0"?><rss/>')).toBe(false);
  });
});
