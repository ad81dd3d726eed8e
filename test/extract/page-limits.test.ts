/** Issue 15 item 4 and 6: pages past the documented limits get a quick "too large", broken pages a clean failure. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createContentApi } from '../../src/extension/content-script.js';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { PAGE_LIMITS } from '../../src/extract/page-limits.js';

const sentence = 'The council met again on Tuesday to discuss the budget for the coming year, and the mayor said the vote would wait until spring. ';
const article = `<article><h1>Budget vote delayed</h1>${`<p>${sentence.repeat(3)}</p>`.repeat(12)}</article>`;
const page = (body: string) => `<!doctype html><html><head><title>Budget</title></head><body>${body}</body></html>`;
const nested = (depth: number) => page(`${'<div>'.repeat(depth)}${article}${'</div>'.repeat(depth)}`);

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('pages past the limits are refused quickly, with a reason', () => {
  it.each([
    ['nesting depth 20,000', () => nested(20_000), /nest more than 512 deep|more than 20,000 elements/],
    ['1 million tiny paragraphs', () => page(`<article>${'<p>a</p>'.repeat(1_000_000)}</article>`), /more than 20,000 elements/],
    ['10 MB of article text', () => page(`<article>${`<p>${sentence.repeat(40)}</p>`.repeat(Math.ceil(10e6 / (sentence.length * 40)))}</article>`), /characters of text/],
  ])('%s', (_, make, reason) => {
    const { result, ms } = timed(() => extractFromHtml(make()));
    expect(result).toMatchObject({ error: { code: 'too-large', message: expect.stringMatching(/^This page is too large to check/) } });
    expect('error' in result && result.error.message).toMatch(reason);
    expect(ms).toBeLessThan(5_000);
  }, 30_000);

  it('a page just inside the depth limit is still extracted', () => {
    const result = extractFromHtml(nested(PAGE_LIMITS.depth - 10));
    expect(result).toMatchObject({ extractor: 'readability' });
    expect('text' in result && result.text).toContain('the vote would wait until spring');
  }, 30_000);

  it('the content script keeps the same limits on a live page', () => {
    const deep = new JSDOM(nested(PAGE_LIMITS.depth + 5)).window.document;
    expect(createContentApi(deep).extract()).toMatchObject({ error: { code: 'too-large' } });
    const wide = new JSDOM(page(`<article>${'<p>a</p>'.repeat(PAGE_LIMITS.elements)}</article>`)).window.document;
    expect(createContentApi(wide).extract()).toMatchObject({ error: { code: 'too-large' } });
    const fine = new JSDOM(page(article)).window.document;
    expect(createContentApi(fine).extract()).toMatchObject({ article: { extractor: 'readability' } });
  }, 30_000);
});

describe('pages cut short or without content fail cleanly', () => {
  it.each([['<!doctype html>'], ['<!DOCTYPE html>\n<htm'], ['<!DOCTYPE html>\n<html><bo'], ['<!doctype html><html></html>']])('%j has no article, and does not throw', (html) => {
    expect(extractFromHtml(html)).toMatchObject({ error: { code: expect.stringMatching(/^(no-article|empty-page)$/) } });
  });
});
