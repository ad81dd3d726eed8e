/** What the popup is told about a page past the engine's word limit. */
import { expect, test } from 'vitest';
import { buildAnalysis } from '../../src/extension/build-analysis.js';
import type { AttributedVerdict } from '../../src/extension/engine-port.js';

const verdict = (truncatedFrom: number | null): AttributedVerdict => ({
  status: 'no-match',
  likelyOriginal: null,
  self: null,
  overlap: 0,
  derived: { verbatim: 0, 'near-verbatim': 0, paraphrase: 0 },
  sources: [],
  pageWords: truncatedFrom === null ? 1200 : 50_000,
  truncatedFrom,
  selfBy: null,
  listing: null,
  sameText: null,
  wire: null,
});
const context = {
  article: { title: 'Long read', text: 'words '.repeat(10), extractor: 'readability' as const, byline: null, published: null, url: null, siteName: null, lang: null, basedOn: [], links: [] },
  url: 'https://news.example/long',
  corpusArticles: 5,
  elapsedMs: 1,
  lookup: () => null,
};

test('the page carries its whole word count when only its first part was checked, so the popup can say so', () => {
  expect(buildAnalysis(verdict(61_168), context).page).toMatchObject({ words: 50_000, truncatedFrom: 61_168 });
  expect(buildAnalysis(verdict(null), context).page).toMatchObject({ words: 1200, truncatedFrom: null });
});
