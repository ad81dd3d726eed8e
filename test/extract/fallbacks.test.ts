/** The extraction steps fire in order: Readability, JSON-LD articleBody, <article>/<main>, the selection. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.js';
import { extractFromHtml, parseHtmlDocument } from '../../src/extract/node-html.js';
import { isExtractionFailure, type ExtractedArticle, type ExtractionFailure } from '../../src/extract/types.js';
import { collapse, readPage, seedParts } from './seed-fixtures.js';

const seed = (prefix: string) => seedParts.seeds.find((s) => s.prefix === prefix)!;

function article(result: ExtractedArticle | ExtractionFailure): ExtractedArticle {
  if (isExtractionFailure(result)) throw new Error(result.error.message);
  return result;
}

/** JSON-LD with an articleBody, to put into a page's head. */
function ldScript(body: string): string {
  return `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'LD headline', articleBody: body })}</script>`;
}

const otherBody = seed('003').body.join('\n');

describe('extraction fallbacks', () => {
  it('uses Readability when the page shows its article, even if JSON-LD has a body too', () => {
    const html = readPage('wire-000.html').replace('</head>', `${ldScript(otherBody)}</head>`);
    const result = article(extractFromHtml(html));
    expect(result.extractor).toBe('readability');
    expect(result.text).toContain(collapse(seed('000').body[0]!));
  });

  it('falls back to JSON-LD articleBody when the served page has no article text', () => {
    const result = article(extractFromHtml(readPage('jsonld-004.html')));
    expect(result.extractor).toBe('json-ld');
    expect(result.text.split('\n\n')).toEqual(seed('004').body.map(collapse));
    expect(result.published).toBe('2021-12-30T09:15:00Z');
    expect(result.byline).toBe('PA Media');
  });

  it('falls back to the <main>/<article> text when Readability sees nothing visible and there is no JSON-LD', () => {
    const result = article(extractFromHtml(readPage('consent-wall-002.html')));
    expect(result.extractor).toBe('article');
    for (const p of seed('002').body) expect(result.text).toContain(collapse(p));
    expect(result.text).not.toContain('We value your privacy');
  });

  it('prefers JSON-LD over the <article> text when both exist', () => {
    const html = readPage('consent-wall-002.html').replace('</head>', `${ldScript(otherBody)}</head>`);
    const result = article(extractFromHtml(html));
    expect(result.extractor).toBe('json-ld');
    expect(result.text).toContain(collapse(seed('003').body[0]!));
  });

  it('uses the reader’s selection as the last resort, and only then', () => {
    const selection = seed('001').body.slice(0, 4).join('\n\n');
    const withSelection = article(extractArticle(parseHtmlDocument(readPage('login.html')), { selection }));
    expect(withSelection.extractor).toBe('text');
    expect(withSelection.text).toBe(seed('001').body.slice(0, 4).map(collapse).join('\n\n'));
    // A page with an article ignores the selection.
    const onArticle = article(extractArticle(parseHtmlDocument(readPage('wire-000.html')), { selection }));
    expect(onArticle.extractor).toBe('readability');
  });

  it('fails with no-article when no step finds anything', () => {
    const result = extractArticle(parseHtmlDocument(readPage('login.html')), { url: 'https://gazette.example/login' });
    expect(isExtractionFailure(result) && result.error.code).toBe('no-article');
    expect(isExtractionFailure(result) && result.error.message).toContain('https://gazette.example/login');
  });

  it('leaves the live document untouched', () => {
    const doc = parseHtmlDocument(readPage('wire-002.html'));
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('gives the same text on a second DOM implementation (jsdom, as in a browser)', () => {
    const html = readPage('modern-000.html');
    const viaJsdom = article(extractArticle(new JSDOM(html).window.document));
    const viaLinkedom = article(extractFromHtml(html));
    expect(viaJsdom.text).toBe(viaLinkedom.text);
    expect(viaJsdom.extractor).toBe('readability');
  });

  it('turns HTML inside articleBody into text, never markup', () => {
    const body = seed('004').body.map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('');
    const html = `<!doctype html><html><head>${ldScript(body)}</head><body><div id="app"></div></body></html>`;
    const result = article(extractFromHtml(html));
    expect(result.extractor).toBe('json-ld');
    expect(result.text).not.toMatch(/<\/?p>/);
    expect(result.text.split('\n\n')).toEqual(seed('004').body.map(collapse));
  });
});
