/**
 * Made-up but realistic popup data, for component tests and screenshots
 * (Dark Reader's getMockData habit): the content-farm rewrite of the seeds'
 * Biden–Zelenskyy report, as the background would describe it.
 */
import type { Analysis, SourceView } from '../src/extension/analysis.js';
import { buildReport } from '../src/extension/build-report.js';
import type { Report } from '../src/extension/report.js';

export const MOCK_ORIGINAL: SourceView = {
  id: '000_e2d132a4a4c45b33',
  title: 'Biden speaks to Ukraine’s president amid Russia tensions',
  outlet: 'Al Jazeera',
  published: '2021-12-09',
  url: 'https://www.aljazeera.com/news/2021/12/9/biden-speaks-to-ukraines-president-amid-russia-tensions',
  relation: 'source',
  coverage: 0.97,
  passages: [
    {
      kind: 'paraphrase',
      pageText: 'US President Joe Biden has talked with his Ukrainian counterpart Volodymyr Zelenskyy amid continuing efforts to defuse tensions.',
      sourceText: 'US President Joe Biden has spoken with his Ukrainian counterpart Volodymyr Zelenskyy amid ongoing efforts to defuse tensions.',
      page: [0, 128],
      source: [0, 125],
      similarity: 0.82,
    },
    {
      kind: 'verbatim',
      pageText: 'US intelligence agencies have warned that Putin could be in position to launch a large-scale offensive.',
      sourceText: 'US intelligence agencies have warned that Putin could be in position to launch a large-scale offensive.',
      page: [130, 233],
      source: [412, 515],
      similarity: 1,
    },
    {
      kind: 'quote',
      pageText: 'The President of the United States informed me of the content of his negotiations with Putin',
      sourceText: 'The President of the United States informed me of the content of his negotiations with Putin',
      page: [240, 333],
      source: [830, 923],
      similarity: 1,
    },
  ],
};

export function mockAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    url: 'https://content-farm.example/biden-talks-with-ukrainian-president',
    page: { title: 'Biden talks with Ukrainian President over Russian tensions', extractor: 'readability', words: 420 },
    status: 'copy',
    overlap: 0.97,
    derived: { verbatim: 150, 'near-verbatim': 60, paraphrase: 197 },
    likelyOriginal: {
      id: MOCK_ORIGINAL.id,
      title: MOCK_ORIGINAL.title,
      outlet: MOCK_ORIGINAL.outlet,
      published: MOCK_ORIGINAL.published,
      url: MOCK_ORIGINAL.url,
    },
    sources: [MOCK_ORIGINAL],
    corpusArticles: 5,
    elapsedMs: 42,
    ...overrides,
  };
}

export function mockReport(overrides: Partial<Report> = {}): Report {
  const report = buildReport(mockAnalysis(), {
    id: '6f1c1f8e-2b7e-4c1a-9f5e-1d2c3b4a5e6f',
    createdAt: new Date('2026-05-04T10:20:30.000Z'),
    textSha256: 'a'.repeat(64),
    extensionVersion: '0.1.0',
    comment: '',
    keepFullUrl: false,
  });
  return { ...report, ...overrides };
}
