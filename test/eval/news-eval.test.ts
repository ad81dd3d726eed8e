import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv } from '../../src/eval/news/csv.js';
import { labelledPairs, pairLabelOf, validateLabels, type NewsLabels } from '../../src/eval/news/labels.js';
import { articleAddress, loadNewsFiles, NEWS_DATASET, NewsFormatError, parseNewsCsv, toPageInput } from '../../src/eval/news/load-news.js';
import { locateDataset } from '../../src/eval/shared-data.js';
import { referenceFlags, referencePairs } from '../../src/eval/news/reference.js';
import { coveredShare, runAnchor, type MethodRun } from '../../src/eval/news/run-news.js';
import { bandOf, namesIn, sameEventPairs, sampleByBand, seededSample } from '../../src/eval/news/sample-pairs.js';
import { scoreNews } from '../../src/eval/news/score-news.js';
import { pairKey } from '../../src/eval/news/labels.js';
import { ngrams, shingleWordCoverage, wordSeq } from '../../src/eval/word-shingles.js';
import { sharedNamePairs } from '../../src/eval/news/zyte-pages.js';

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('id,text\r\n1,"a, ""b""\nc"\n2,plain\n')).toEqual([['id', 'text'], ['1', 'a, "b"\nc'], ['2', 'plain']]);
  });
  it('reads empty fields and a last row without a line break', () => {
    expect(parseCsv('a,,c\n,"",x')).toEqual([['a', '', 'c'], ['', '', 'x']]);
  });
  it('rejects an unterminated quoted field, text after a closing quote and a stray quote', () => {
    expect(() => parseCsv('a,"open\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('a,"x"y\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('a,b"c\n')).toThrow(CsvFormatError);
  });
  it('round-trips any table written the RFC 4180 way', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const csv = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(csv)).toEqual(rows);
      }),
    );
  });
});

describe('parseNewsCsv', () => {
  const csv = 'id,publisher,scrape_time,text\n7,yahoo.com/news,2018-07-15T06:13:59-04:00,"Headline ### First, para. ###  Second "\n';
  it('turns ### into paragraph breaks and keeps the scrape instant with its zone', () => {
    const [a] = parseNewsCsv(csv);
    expect(a).toEqual({ id: '7', publisher: 'yahoo.com/news', scrapeTime: '2018-07-15T06:13:59-04:00', text: 'Headline\n\nFirst, para.\n\nSecond' });
    expect(articleAddress(a!)).toBe('https://yahoo.com/news/7');
    expect(toPageInput(a!)).toEqual({ text: a!.text, url: 'https://yahoo.com/news/7', published: '2018-07-15T06:13:59-04:00' });
  });
  it('rejects a time without zone, a duplicate id and a missing column', () => {
    expect(() => parseNewsCsv(csv.replace('-04:00', ''))).toThrow(NewsFormatError);
    expect(() => parseNewsCsv(`${csv}7,x.com,2018-07-15T06:13:59Z,t\n`)).toThrow(/twice/);
    expect(() => parseNewsCsv('id,publisher,text\n1,x.com,t\n')).toThrow(/scrape_time/);
  });
});

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');

describe('reference (word 8-gram containment)', () => {
  it('flags a short copy inside a long page by containment either way', () => {
    const lifted = words(40, 'w');
    const pairs = referencePairs([
      { id: '1', text: lifted },
      { id: '2', text: `${words(200, 'x')} ${lifted}` },
      { id: '3', text: words(100, 'y') },
    ]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: '1', b: '2', aInB: 1 });
    expect(pairs[0]!.bInA).toBeCloseTo(33 / 233);
    expect(referenceFlags(pairs)).toHaveLength(1);
  });
  it('does not flag texts sharing only seven words in a row', () => {
    const seven = words(7, 'q');
    expect(referencePairs([{ id: '1', text: `${seven} ${words(20, 'a')}` }, { id: '2', text: `${words(20, 'b')} ${seven}` }])).toEqual([]);
  });
});

describe('coveredShare', () => {
  it('equals shingleWordCoverage', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 30 }), (a, b) => {
        expect(coveredShare(ngrams(a, 3), new Set(ngrams(b, 3)), 3)).toBeCloseTo(shingleWordCoverage(a, b, 3));
      }),
    );
  });
});

describe('sampler', () => {
  it('draws the same seeded sample whatever the input order, without repeats', () => {
    const items = Array.from({ length: 50 }, (_, i) => `k${i}`);
    const s = seededSample(items, 20, 7);
    expect(new Set(s).size).toBe(20);
    expect(seededSample([...items].reverse(), 20, 7)).toEqual(s);
    expect(seededSample(items, 20, 8)).not.toEqual(s);
    expect(seededSample(items.slice(0, 5), 20, 7).sort()).toEqual(items.slice(0, 5).sort());
  });
  it('samples per coverage band and counts each band', () => {
    expect([0.04, 0.05, 0.2, 0.5, 0.9, 1].map(bandOf)).toEqual([-1, 0, 1, 2, 3, 3]);
    const cov = new Map([['1-2', 0.1], ['1-3', 0.12], ['2-3', 0.95], ['3-4', 0.01]]);
    const bands = sampleByBand(cov, 1, 1);
    expect(bands.map((b) => b.flags)).toEqual([2, 0, 0, 1]);
    expect(bands[0]!.sample).toHaveLength(1);
    expect(bands[3]!.sample).toEqual(['2-3']);
  });
  it('finds names that do not open a sentence, and same-event pairs by rare shared names', () => {
    expect([...namesIn('The man met Vladimir Putin in Helsinki. Then he left.\n\nBy Reuters')]).toEqual(['Vladimir', 'Putin', 'Helsinki', 'Reuters']);
    const arts = [
      { id: '1', text: 'A report on Hofeller Lizon Ross files.' },
      { id: '2', text: 'Another on Hofeller Lizon Ross today.' },
      { id: '3', text: 'Nothing about them.' },
      ...Array.from({ length: 10 }, (_, i) => ({ id: `${10 + i}`, text: 'filler text' })),
    ];
    expect(sameEventPairs(arts, new Set(), pairKey)).toEqual(['1-2']);
    expect(sameEventPairs(arts, new Set(['1-2']), pairKey)).toEqual([]);
  });
});

const labels = (over: Partial<NewsLabels>): NewsLabels => ({
  file: 't', split: 'test', labelledOn: '2026-12-03', method: 'm',
  selection: { seed: 1, perBand: 20, strata: [] }, sameArticle: [], texts: [], articles: {}, pairs: {}, ...over,
});

describe('labels', () => {
  it('derives pair labels from shared-text groups; explicit labels win', () => {
    const l = labels({
      texts: [{ name: 'AP story', source: 'AP', members: ['1', '2', '3'], reason: 'r' }, { name: 'CNN', source: 'CNN', original: '5', members: ['5', '6'], reason: 'r' }],
      articles: { '6': { label: 'wire-carrier', wire: 'CNN', reason: 'r' } },
      pairs: { '2-3': { label: 'independent', reason: 'r' } },
      sameArticle: [['8', '9']],
    });
    expect(pairLabelOf(l, '1-2')?.label).toBe('common-source');
    expect(pairLabelOf(l, '2-3')?.label).toBe('independent');
    expect(pairLabelOf(l, '5-6')).toMatchObject({ label: 'original-and-copy', kind: 'credited-wire-carrier', original: '5' });
    expect(pairLabelOf(l, '8-9')?.label).toBe('same-article');
    expect(pairLabelOf(l, '1-5')).toBeUndefined();
    expect([...labelledPairs(l).keys()].sort()).toEqual(['1-2', '1-3', '2-3', '5-6', '8-9']);
  });
  it('reports unknown ids, labels and malformed pair keys', () => {
    const l = labels({ articles: { '99': { label: 'copy', reason: 'r' } }, pairs: { '3-1': { label: 'independent', reason: 'r' } } });
    expect(validateLabels(l, new Set(['1', '3']))).toEqual([expect.stringMatching(/unknown article id 99/), expect.stringMatching(/pair key "3-1"/)]);
  });
});

describe('scoreNews', () => {
  const articles = ['1', '2', '3', '4'].map((id, i) => ({ id, publisher: 'p.com', scrapeTime: `2018-07-15T0${i}:00:00Z`, text: '' }));
  const l = labels({
    texts: [{ name: 'AP', source: 'AP', members: ['1', '2'], reason: 'r' }],
    articles: {
      '1': { label: 'wire-carrier', wire: 'AP', reason: 'r' },
      '2': { label: 'wire-carrier', wire: 'AP', reason: 'r' },
      '3': { label: 'independent-report', reason: 'r' },
      '4': { label: 'listing', reason: 'r' },
    },
    pairs: { '3-4': { label: 'independent', reason: 'r' } },
    selection: { seed: 1, perBand: 20, strata: [{ name: 'engine 0.05–0.2', population: 2, pairs: ['3-4', '1-3'] }] },
  });
  it('finds a republication called copy of its earlier carrier, and leaves the first carrier alone', () => {
    const run: MethodRun = {
      calls: [
        { id: '1', status: 'original', likelyOriginal: null },
        { id: '2', status: 'copy', likelyOriginal: '1' },
        { id: '3', status: 'partial', likelyOriginal: '4' },
        { id: '4', status: 'partial', likelyOriginal: '3' },
      ],
      pairs: new Map([['1-2', 0.95], ['3-4', 0.1]]),
    };
    const s = scoreNews([{ articles, labels: l, run, method: 'engine' }]);
    expect(s.republications).toEqual({ hit: 1, total: 1 });
    expect(s.firstCarriers).toBe(1);
    expect(s.leftAlone).toEqual({ hit: 0, total: 1 });
    // 1 (first carrier, original) right, 2 right, 3 wrong (flagged), 4 right (a listing may be partial)
    expect(s.readerStatus).toEqual({ hit: 3, total: 4 });
    expect(s.pairRecall).toEqual({ hit: 1, total: 1 });
    // 1-3 is no flag now (coverage 0) and unlabelled: it is not counted
    expect(s.bands[0]).toEqual({ band: '0.05–0.2', reuse: 0, sampled: 1, flags: 1 });
    expect(s.bands[3]).toEqual({ band: '≥ 0.9', reuse: 0, sampled: 0, flags: 1 });
  });
  it('does not credit a copy naming a partner scraped later, nor a partial for a wire carrier\'s reader status', () => {
    const run: MethodRun = {
      calls: [
        { id: '1', status: 'copy', likelyOriginal: '2' },
        { id: '2', status: 'partial', likelyOriginal: '1' },
        { id: '3', status: 'original', likelyOriginal: null },
        { id: '4', status: 'copy', likelyOriginal: '1' },
      ],
      pairs: new Map(),
    };
    const s = scoreNews([{ articles, labels: l, run, method: 'engine' }]);
    expect(s.republications).toEqual({ hit: 1, total: 1 });
    expect(s.readerStatus).toEqual({ hit: 1, total: 4 });
    expect(s.pairRecall).toEqual({ hit: 0, total: 1 });
  });
  it('counts a common-source partner named as likely original as its author unless a wire is named', () => {
    const run = (wire: boolean): MethodRun => ({
      calls: [{ id: '1', status: 'original', likelyOriginal: null }, { id: '2', status: 'copy', likelyOriginal: '1', wire }],
      pairs: new Map(),
    });
    expect(scoreNews([{ articles, labels: l, run: run(false), method: 'engine' }]).commonSourceAuthor).toEqual({ hit: 1, total: 1 });
    expect(scoreNews([{ articles, labels: l, run: run(true), method: 'engine' }]).commonSourceAuthor).toEqual({ hit: 0, total: 1 });
  });
});

describe('runAnchor', () => {
  it('calls the later of two identical texts a copy of the earlier', () => {
    const text = words(60, 'z');
    const arts = [
      { id: '1', publisher: 'a.com', scrapeTime: '2018-07-15T10:00:00-04:00', text },
      { id: '2', publisher: 'b.com', scrapeTime: '2018-07-15T09:00:00-04:00', text },
      { id: '3', publisher: 'c.com', scrapeTime: '2018-07-15T08:00:00-04:00', text: words(60, 'other') },
    ];
    const run = runAnchor(arts);
    expect(run.calls.map((c) => [c.status, c.likelyOriginal])).toEqual([['copy', '2'], ['original', null], ['original', null]]);
    expect(run.pairs.get('1-2')).toBe(1);
    expect(wordSeq(text).words).toHaveLength(60);
  });
});

describe('sharedNamePairs (Zyte same-event pairs)', () => {
  it('pairs pages sharing four names found in at most three pages', () => {
    const story = 'A note on Hofeller Lizon Ross Furman today.';
    const pages = [
      { id: '0', text: story },
      { id: '1', text: `Another: ${story}` },
      { id: '2', text: 'Only Hofeller Lizon Ross here.' },
      { id: '3', text: 'Nothing.' },
    ];
    expect(sharedNamePairs(pages)).toEqual(['0-1']);
    // a name in four pages is not rare: the pair no longer shares four rare names
    expect(sharedNamePairs([...pages, { id: '4', text: 'And Furman again.' }, { id: '5', text: 'Also Furman.' }])).toEqual([]);
  });
});

const news = locateDataset(NEWS_DATASET);
describe.skipIf('skip' in news)('news-scrape-2018 loader on the real files', () => {
  const files = 'dir' in news ? loadNewsFiles(news.dir) : [];
  it('reads the three files as SOURCE.md describes them', () => {
    expect(files.map((f) => [f.name, f.split, f.articles.length])).toEqual([
      ['helsinki-2018-07-15', 'dev', 331],
      ['census', 'test', 32],
      ['spotify', 'test', 36],
    ]);
    const helsinki = files[0]!.articles;
    expect(new Set(helsinki.map((a) => a.publisher)).size).toBe(65);
    expect(helsinki.every((a) => a.scrapeTime.startsWith('2018-07-15T') && !a.text.includes('###'))).toBe(true);
  });
  it('finds the seven groups of identical rows from one publisher in the Helsinki file', () => {
    const groups = new Map<string, number>();
    for (const a of files[0]!.articles) groups.set(`${a.publisher}\u0000${a.text}`, (groups.get(`${a.publisher}\u0000${a.text}`) ?? 0) + 1);
    expect([...groups.values()].filter((n) => n > 1)).toHaveLength(7);
  });
});
