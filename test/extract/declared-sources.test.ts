/** What a page says about its sources, read for the direction rules (issue 17, part 3). */
import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { isExtractionFailure, type ExtractedArticle } from '../../src/extract/types.js';

const BODY = Array.from({ length: 6 }, (_, i) =>
  `<p>Paragraph ${i + 1} of the report on the harbour ferry, which resumes on Monday after three months of winter repairs to its landing stages and piers.</p>`).join('\n');

function extract(head: string, body = BODY): ExtractedArticle {
  const html = `<!doctype html><html><head><title>Ferry resumes</title>${head}</head><body><article><h1>Ferry resumes</h1>${body}</article></body></html>`;
  const result = extractFromHtml(html, 'https://carrier.example/news/ferry');
  if (isExtractionFailure(result)) throw new Error(result.error.message);
  return result;
}

describe('declared sources', () => {
  test('original-source and syndication-source tags, absolute', () => {
    const article = extract('<meta name="syndication-source" content="https://coast.example/ferry"><meta name="original-source" content="/orig/ferry">');
    expect(article.basedOn).toEqual(['https://coast.example/ferry', 'https://carrier.example/orig/ferry']);
  });

  test('JSON-LD isBasedOn, as a string or an object', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Ferry resumes', isBasedOn: [{ '@type': 'NewsArticle', url: 'https://coast.example/ferry' }, 'https://wire.example/1'] };
    expect(extract(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`).basedOn).toEqual(['https://coast.example/ferry', 'https://wire.example/1']);
  });

  test('a page that declares none has none', () => {
    expect(extract('').basedOn).toEqual([]);
  });
});

describe('links in the article body', () => {
  test('are kept as absolute addresses', () => {
    const body = `${BODY}<p>Read more at <a href="https://coast.example/ferry">the Coast Courier</a> and <a href="/local/more">our local page</a>.</p>`;
    expect(extract('', body).links).toEqual(['https://coast.example/ferry', 'https://carrier.example/local/more']);
  });
});
