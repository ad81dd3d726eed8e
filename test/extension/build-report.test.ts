/**
 * The report format (15.13, 15.14): built reports conform to src/extension/report.schema.json, are
 * bounded however long the page, self-contained (both sides of each passage with offsets, the
 * sources described), and carry the page address without fragment and tracking parameters.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Analysis, PassageView, SourceView } from '../../src/extension/analysis.js';
import { buildReport, type ReportContext } from '../../src/extension/build-report.js';
import { MAX_EXCERPT_CHARS, MAX_REPORT_PASSAGES, reportBody } from '../../src/extension/report.js';
import { MOCK_ORIGINAL, mockAnalysis, mockReport } from '../../popup/mock.js';
import { schemaErrors } from '../helpers/json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../src/extension/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const context = (overrides: Partial<ReportContext> = {}): ReportContext => ({
  id: '6f1c1f8e-2b7e-4c1a-9f5e-1d2c3b4a5e6f',
  createdAt: new Date('2026-05-04T10:20:30Z'),
  textSha256: 'c'.repeat(64),
  extensionVersion: '0.2.0',
  comment: '',
  keepFullUrl: false,
  ...overrides,
});

/** A long page's analysis: `count` passages of `chars` characters each, over two sources. */
function longAnalysis(count: number, chars: number): Analysis {
  const passage = (i: number): PassageView => ({
    kind: i % 7 === 0 ? 'quote' : 'paraphrase',
    pageText: `p${i} `.padEnd(chars + (i % 50), 'x'),
    sourceText: `s${i} `.padEnd(chars, 'y'),
    page: [i * 3000, i * 3000 + chars + (i % 50)],
    source: [i * 2000, i * 2000 + chars],
    similarity: 0.8,
  });
  const sources: SourceView[] = [
    { ...MOCK_ORIGINAL, passages: Array.from({ length: count / 2 }, (_, i) => passage(2 * i)) },
    { ...MOCK_ORIGINAL, id: 'other', title: 'Another outlet', passages: Array.from({ length: count / 2 }, (_, i) => passage(2 * i + 1)) },
  ];
  return mockAnalysis({ sources });
}

describe('the report format', () => {
  test('a report is self-contained: each passage with both sides, offsets and similarity; the sources it refers to described', () => {
    const report = buildReport(mockAnalysis(), context({ comment: 'spun' }));
    expect(schemaErrors(schema, reportBody(report))).toEqual([]);
    expect(report).toMatchObject({ formatVersion: 2, pageWords: 420, passagesTotal: 3, comment: 'spun' });
    expect(report.sources).toEqual([
      { id: MOCK_ORIGINAL.id, title: MOCK_ORIGINAL.title, outlet: 'Al Jazeera', published: '2021-12-09', url: MOCK_ORIGINAL.url },
    ]);
    expect(report.passages[0]).toEqual({
      kind: 'paraphrase',
      sourceId: MOCK_ORIGINAL.id,
      similarity: 0.82,
      page: { start: 0, end: 128, text: MOCK_ORIGINAL.passages[0]!.pageText, cut: false },
      source: { start: 0, end: 125, text: MOCK_ORIGINAL.passages[0]!.sourceText, cut: false },
    });
  });

  test('a long page\'s report is bounded: the 100 longest passages in page order, excerpts cut at 500 characters, and it says so', () => {
    const analysis = longAnalysis(400, 2000);
    const report = buildReport(analysis, context());
    expect(schemaErrors(schema, reportBody(report))).toEqual([]);
    expect(report.passagesTotal).toBe(400);
    expect(report.passages).toHaveLength(MAX_REPORT_PASSAGES);
    expect(report.limits).toEqual({ maxPassages: 100, maxExcerptChars: 500 });
    expect(report.passages.every((p) => p.kind !== 'quote')).toBe(true);
    const starts = report.passages.map((p) => p.page.start!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(report.passages.every((p) => p.page.cut && p.page.text.length === MAX_EXCERPT_CHARS && p.page.end! - p.page.start! >= 2000)).toBe(true);
    // The old format carried ~700 KB for such a page; this one stays far below.
    const bytes = new TextEncoder().encode(JSON.stringify(report)).length;
    expect(bytes).toBeLessThan(150_000);
    expect(new TextEncoder().encode(JSON.stringify(analysis)).length).toBeGreaterThan(1_000_000);
  });

  test('any analysis gives a report the schema accepts, within its bounds (property)', () => {
    // fc.webUrl is slow (~200 ms a sample); addresses with tracking and other parameters and fragments do here.
    const pageAddress = fc
      .tuple(
        fc.constantFrom('https://news.example/a', 'http://127.0.0.1:8080/p/1', 'https://xn--bcher-kva.example/'),
        fc.array(fc.tuple(fc.constantFrom('utm_source', 'id', 'fbclid', 'p', '_ga'), fc.string({ maxLength: 20 })), { maxLength: 5 }),
        fc.option(fc.string({ maxLength: 30 })),
      )
      .map(([base, params, fragment]) => {
        const url = new URL(base);
        for (const [name, value] of params) url.searchParams.append(name, value);
        if (fragment !== null) url.hash = fragment;
        return url.href;
      });
    const span = fc.tuple(fc.nat(1e6), fc.nat(1e4)).map(([s, l]) => [s, s + l] as [number, number]);
    // Long strings by repetition: fc.string with a large maxLength takes seconds a sample.
    const text = (pieces: number) => fc.tuple(fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }), fc.nat(pieces)).map(([piece, n]) => piece.repeat(n));
    const passage = fc.record({
      kind: fc.constantFrom('verbatim', 'near-verbatim', 'paraphrase', 'quote') as fc.Arbitrary<PassageView['kind']>,
      pageText: text(100),
      sourceText: text(100),
      page: span,
      source: span,
      similarity: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const source = fc.record({
      id: fc.string({ maxLength: 30 }),
      title: text(60),
      // Imported corpora state what they like here: long outlets, dates that are not dates.
      outlet: fc.option(text(60)),
      published: fc.option(text(20)),
      passages: fc.array(passage, { maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(source, { maxLength: 3 }), text(300), pageAddress, (sources, title, url) => {
        const analysis = mockAnalysis({
          url,
          page: { title, extractor: 'readability', words: 10 },
          sources: sources.map((s) => ({ ...MOCK_ORIGINAL, ...s })),
        });
        const report = buildReport(analysis, context({ comment: title }));
        const errors = schemaErrors(schema, reportBody(report));
        expect(errors).toEqual([]);
        expect(report.passagesTotal).toBe(sources.reduce((n, s) => n + s.passages.length, 0));
        for (const p of report.passages) expect(report.sources.some((s) => s.id === p.sourceId)).toBe(true);
        expect(new URL(report.pageUrl).hash).toBe('');
        expect([...new URL(report.pageUrl).searchParams.keys()].filter((k) => !['id', 'p'].includes(k))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  test('the schema refuses what is not a report: a missing field, an excerpt past the cap, an unknown field, format 1', () => {
    const body = reportBody(mockReport());
    const { textSha256: _dropped, ...missing } = body;
    expect(schemaErrors(schema, missing)).toEqual(['$: textSha256 is missing']);
    const long = { ...body, passages: [{ ...body.passages[0]!, page: { ...body.passages[0]!.page, text: 'x'.repeat(501) } }] };
    expect(schemaErrors(schema, long)).toEqual(['$.passages[0].page.text: longer than 500']);
    expect(schemaErrors(schema, { ...body, secret: 1 })).toEqual(['$: secret is not allowed']);
    expect(schemaErrors(schema, { ...body, formatVersion: 1 })).toEqual(['$.formatVersion: is 1, expected 2']);
    // The JSON export's entries carry their delivery, and the schema allows it there.
    expect(schemaErrors(schema, mockReport())).toEqual([]);
  });
});

describe('the page address a report carries (15.14)', () => {
  test.each([
    ['https://news.example/story?utm_source=tw&utm_medium=social&id=42#comments', 'https://news.example/story?id=42'],
    ['https://news.example/a/b?fbclid=IwAR0x&gclid=abc&p=7&mc_cid=1&mc_eid=2&igshid=x&_ga=2.1&cmpid=rss', 'https://news.example/a/b?p=7'],
    ['https://news.example/a?UTM_Campaign=x&Story=Big+News', 'https://news.example/a?Story=Big+News'],
    ['https://news.example/a#section-2', 'https://news.example/a'],
    ['https://news.example/a?page=2&ref=home', 'https://news.example/a?page=2&ref=home'],
  ])('%s → %s', (address, expected) => {
    const report = buildReport(mockAnalysis({ url: address }), context());
    expect(report.pageUrl).toBe(expected);
  });

  test('the reader may keep the full address', () => {
    const address = 'https://news.example/story?utm_source=tw&id=42#comments';
    expect(buildReport(mockAnalysis({ url: address }), context({ keepFullUrl: true })).pageUrl).toBe(address);
  });
});
