/** The address a page gives itself, which decides whether it can be a corpus article (see engine/verdict/identity.ts). */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/node-html.js';
import { isExtractionFailure } from '../../src/extract/types.js';
import { readPage } from './seed-fixtures.js';

function addressOf(html: string, pageUrl?: string): string | null {
  const result = extractFromHtml(html, pageUrl);
  if (isExtractionFailure(result)) throw new Error(result.error.message);
  return result.url;
}

const page = readPage('wire-000.html').replace(/<link[^>]+rel="?canonical[^>]*>|<meta[^>]+og:url[^>]*>/gi, '');
const withHead = (head: string) => page.replace('</head>', `${head}</head>`);

describe('the page address', () => {
  it('is the canonical link', () => {
    expect(addressOf(withHead('<link rel="canonical" href="https://news.example/2021/12/09/biden-call">'))).toBe('https://news.example/2021/12/09/biden-call');
  });

  it('is og:url when there is no canonical link, and the canonical link wins over og:url', () => {
    expect(addressOf(withHead('<meta property="og:url" content="https://news.example/og">'))).toBe('https://news.example/og');
    expect(addressOf(withHead('<meta property="og:url" content="https://news.example/og"><link rel="Canonical" href="https://news.example/canon">')))
      .toBe('https://news.example/canon');
  });

  it('is made absolute against where the page was loaded', () => {
    expect(addressOf(withHead('<link rel="canonical" href="/world/biden-call">'), 'https://news.example/amp/world/biden-call?x=1'))
      .toBe('https://news.example/world/biden-call');
  });

  it('is null when the page names none, or names something that is not a web address', () => {
    expect(addressOf(page)).toBeNull();
    expect(addressOf(withHead('<link rel="canonical" href="/relative-with-no-base">'))).toBeNull();
    expect(addressOf(withHead('<link rel="canonical" href="javascript:alert(1)">'))).toBeNull();
  });
});
