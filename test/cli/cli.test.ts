/**
 * The `firsthand` command as a user runs it: the built dist/cli.js in a child
 * process, its exit codes, its one-line errors and its JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_FILE, ROOT, SEEDS_CORPUS_FILE, SEEDS_DIR } from '../../src/build/paths.js';
import { seedId } from '../helpers/seed-corpus.js';

const PAGES = path.join(ROOT, 'test/fixtures/pages');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'firsthand-cli-'));

function run(args: string[], input?: Uint8Array | string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_FILE, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tmpFile(name: string, content: Uint8Array | string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

interface Report {
  page: { title: string; words: number; extractor: string; text: string; truncatedFrom: number | null; url: string | null; urlFrom: string | null; canonical: string | null };
  status: string; likelyOriginal: string | null; self: string | null; sameText: string | null; overlap: number;
  derived: Record<string, number>;
  sources: Array<{ id: string; published: string | null; evidence: Array<{ kind: string; says: string; detail: string }>; relation: string; coverage: number; passages: Array<{ page: [number, number]; source: [number, number]; similarity: number; kind: string }>; quotes: unknown[] }>;
  timings: { extract_ms: number; load_ms: number; query_ms: number };
}

describe('firsthand check --json', () => {
  const r = run(['check', path.join(PAGES, 'wire-001.html'), '--json']);
  const report = JSON.parse(r.stdout) as Report;

  test('a spun copy in a news page is reported as a copy of 000', () => {
    expect(r.code).toBe(0);
    expect(report.page.extractor).toBe('readability');
    expect(report.status).toBe('copy');
    expect(report.self).toBe(seedId('001'));
    expect(report.likelyOriginal).toBe(seedId('000'));
    expect(report.overlap).toBeGreaterThanOrEqual(0.9);
  });

  test('words, overlap and derived counts agree with the page text', () => {
    expect(report.page.words).toBe(report.page.text.split(/\s+/).filter(Boolean).length);
    const derived = Object.values(report.derived).reduce((a, b) => a + b, 0);
    expect(derived / report.page.words).toBeCloseTo(report.overlap, 3);
  });

  test('every passage is a non-empty half-open span of the page text, in order, without overlap', () => {
    for (const source of report.sources) {
      let last = 0;
      for (const p of source.passages) {
        expect(p.page[0]).toBeGreaterThanOrEqual(last);
        expect(p.page[1]).toBeGreaterThan(p.page[0]);
        expect(p.page[1]).toBeLessThanOrEqual(report.page.text.length);
        expect(p.source[1]).toBeGreaterThan(p.source[0]);
        expect(['verbatim', 'near-verbatim', 'paraphrase']).toContain(p.kind);
        expect(p.similarity).toBeGreaterThan(0);
        expect(p.similarity).toBeLessThanOrEqual(1);
        last = p.page[1];
      }
    }
  });

  test('sources are sorted by coverage and timings are reported', () => {
    const coverages = report.sources.map((s) => s.coverage);
    expect(coverages).toEqual([...coverages].sort((a, b) => b - a));
    expect(report.timings.query_ms).toBeGreaterThan(0);
  });
});

describe('inputs', () => {
  test('a text page from standard input', () => {
    const r = run(['check', '-', '--json'], readFileSync(path.join(ROOT, 'seeds', `${seedId('000')}.txt`)));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).status).toBe('original');
  });

  test('a Windows-1252 text file is decoded, not rejected', () => {
    const r = run(['check', path.join(PAGES, 'cp1252-003.txt'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.page.text).toContain('’');
    expect(report.page.text).not.toContain('\uFFFD');
  });

  test('a non-English page is checked, not refused', () => {
    const r = run(['check', path.join(PAGES, 'foreign-es.html'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.status).toBe('no-match');
    expect(report.page.words).toBeGreaterThan(100);
  });

  test('a 10 MB page is checked on its first words, and says so', () => {
    const sentence = 'The council met again on Tuesday to discuss the budget for the coming year. ';
    const file = tmpFile('huge.txt', sentence.repeat(Math.ceil(10_000_000 / sentence.length)));
    const r = run(['check', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.page.truncatedFrom).toBeGreaterThan(report.page.words);
    expect(report.page.words).toBe(50_000);
    const human = run(['check', file]);
    expect(human.stdout).toMatch(/only the first 50000 were checked/);
  });
});

describe('bad input gets its exit code and one line, never a stack trace', () => {
  const corrupt = (() => {
    const bytes = new Uint8Array(readFileSync(SEEDS_CORPUS_FILE));
    bytes[200] = bytes[200]! ^ 0xff;
    return tmpFile('corrupt.fhc', bytes);
  })();
  const truncated = tmpFile('truncated.fhc', new Uint8Array(readFileSync(SEEDS_CORPUS_FILE)).subarray(0, 5000));
  // The index intact, the last article's text (seed 004's) damaged: found when a check reads that text.
  const damagedText = (() => {
    const bytes = new Uint8Array(readFileSync(SEEDS_CORPUS_FILE));
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x20;
    return tmpFile('damaged-text.fhc', bytes);
  })();
  const seed004 = path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith('004_'))!);
  const textCut = tmpFile('text-cut.fhc', new Uint8Array(readFileSync(SEEDS_CORPUS_FILE)).subarray(0, readFileSync(SEEDS_CORPUS_FILE).length - 1));
  const emptyFolder = path.join(tmp, 'empty-folder');
  mkdirSync(emptyFolder, { recursive: true });

  test.each([
    ['an empty file', 3, ['check', tmpFile('empty.txt', '')], /empty/],
    ['a binary file', 3, ['check', tmpFile('binary.txt', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 9]))], /binary/],
    ['a missing file', 3, ['check', path.join(tmp, 'nope.txt')], /cannot read/],
    ['a page with no article', 4, ['check', path.join(PAGES, 'no-article.html')], /article/i],
    ['a login page', 4, ['check', path.join(PAGES, 'login.html')], /article/i],
    ['a corrupt corpus', 5, ['check', path.join(PAGES, 'wire-001.html'), '--corpus', corrupt], /corrupt/],
    ['a truncated corpus', 5, ['check', path.join(PAGES, 'wire-001.html'), '--corpus', truncated], /truncated/],
    ['a corpus short of its last text byte', 5, ['check', path.join(PAGES, 'wire-001.html'), '--corpus', textCut], /truncated/],
    ['a corpus with a damaged article text', 5, ['check', seed004, '--corpus', damagedText], /text of article 4 is damaged/],
    ['a missing corpus', 5, ['check', path.join(PAGES, 'wire-001.html'), '--corpus', path.join(tmp, 'none.fhc')], /not found/],
    ['a folder with no articles', 5, ['check', path.join(PAGES, 'wire-001.html'), '--corpus', emptyFolder], /no article files/],
    ['a text file as corpus', 5, ['check', path.join(PAGES, 'wire-001.html'), '--corpus', path.join(PAGES, 'cp1252-003.txt')], /not a Firsthand corpus/],
    ['no command', 2, [], /no command/],
    ['an unknown option', 2, ['check', 'x.txt', '--frobnicate'], /frobnicate/],
    ['two pages', 2, ['check', 'a.txt', 'b.txt'], /exactly one page/],
    ['build-corpus without --out', 2, ['build-corpus', emptyFolder], /--out/],
  ])('%s → exit %i', (_, code, args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('with --json the error is also a JSON object on stdout', () => {
    const r = run(['check', path.join(PAGES, 'no-article.html'), '--json']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'no-article', message: expect.stringContaining('no-article.html') } });
  });
});

describe('firsthand build-corpus', () => {
  test('indexes a folder of text and HTML articles that check can then use', () => {
    const folder = path.join(tmp, 'newsroom');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'council.txt'), readFileSync(path.join(ROOT, 'seeds', `${seedId('000')}.txt`)));
    writeFileSync(path.join(folder, 'page.html'), readFileSync(path.join(PAGES, 'modern-003.html')));
    writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify([{ id: 'council', title: 'Our story', outlet: 'Our paper', published: '2021-12-08' }]));
    const out = path.join(tmp, 'newsroom.fhc');
    const built = run(['build-corpus', folder, '--out', out]);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/indexed 2 article/);
    const r = run(['check', path.join(ROOT, 'seeds', `${seedId('001')}.txt`), '--corpus', out, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.status).toBe('copy');
    expect(report.likelyOriginal).toBe('council');
  });
});

describe('check --url: where the page was found', () => {
  const folder = path.join(tmp, 'addressed');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'story.txt'), readFileSync(path.join(ROOT, 'seeds', `${seedId('000')}.txt`)));
  writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify([{ id: 'story', url: 'https://www.news.example/2021/12/09/story', published: '2021-12-09T09:30:00+00:00' }]));
  const page = path.join(ROOT, 'seeds', `${seedId('000')}.txt`);
  const undated = path.join(tmp, 'addressed-undated');
  mkdirSync(undated, { recursive: true });
  writeFileSync(path.join(undated, 'story.txt'), readFileSync(path.join(ROOT, 'seeds', `${seedId('000')}.txt`)));
  writeFileSync(path.join(undated, 'catalog.json'), JSON.stringify([{ id: 'story', url: 'https://www.news.example/2021/12/09/story' }]));

  test('the same words at the article’s address are the article', () => {
    const report = JSON.parse(run(['check', page, '--corpus', folder, '--url', 'https://news.example/2021/12/09/story/', '--json']).stdout) as Report;
    expect(report.self).toBe('story');
    expect(report.status).toBe('original');
  });

  test('the same words elsewhere are a copy of it', () => {
    const r = run(['check', page, '--corpus', folder, '--url', 'https://scraper.example/story', '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.self).toBeNull();
    expect(report.status).toBe('copy');
    expect(report.likelyOriginal).toBe('story');
    // the catalog's instant is kept, not only its day
    expect(report.sources[0]!.published).toBe('2021-12-09T09:30:00Z');
  });

  test('a page that dates itself before the article it has the words of is not its original', () => {
    const uncredited = path.join(tmp, 'backdated.html');
    const text = readFileSync(path.join(ROOT, 'seeds', `${seedId('000')}.txt`), 'utf8').split('\n').filter((l) => !l.startsWith('Source:'));
    writeFileSync(uncredited, `<html><head><meta property="article:published_time" content="2021-12-02T08:00:00Z"></head><body><article>${text.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`);
    const r = run(['check', uncredited, '--corpus', folder, '--url', 'https://scraper.example/story']);
    expect(r.stdout).toMatch(/SAME TEXT: \d+% of this page is the same text as .*\[story\]; which came first cannot be told\./);
    expect(r.stdout).toContain("only the page's own date puts it first");
  });

  test('the same words elsewhere, both undated, are the same text, which came first unknown', () => {
    const r = run(['check', page, '--corpus', undated, '--url', 'https://scraper.example/story']);
    expect(r.stdout).toMatch(/SAME TEXT: 100% of this page is the same text as .*\[story\]; which came first cannot be told\./);
    const report = JSON.parse(run(['check', page, '--corpus', undated, '--url', 'https://scraper.example/story', '--json']).stdout) as Report;
    expect(report.status).toBe('same-text');
    expect(report.sameText).toBe('story');
    expect(report.likelyOriginal).toBeNull();
    expect(report.sources[0]!.relation).toBe('unknown-order');
  });

  test('an HTML page with no --url is taken at its canonical link, and the report says so; --url outranks it', () => {
    const html = readFileSync(path.join(PAGES, 'wire-000.html'), 'utf8').replace('</head>', '<link rel="canonical" href="https://www.news.example/2021/12/09/story"></head>');
    const saved = path.join(tmp, 'saved-story.html');
    writeFileSync(saved, html);
    const bare = run(['check', saved, '--corpus', folder]);
    expect(bare.stdout).toContain("Address: <https://www.news.example/2021/12/09/story>, from the page's own canonical link (no --url given");
    const report = JSON.parse(run(['check', saved, '--corpus', folder, '--json']).stdout) as Report;
    expect(report.page).toMatchObject({ url: 'https://www.news.example/2021/12/09/story', urlFrom: 'canonical' });
    expect(report.self).toBe('story');
    // where the reader found it: a scraper; the canonical at another site says what it republishes
    const found = JSON.parse(run(['check', saved, '--corpus', folder, '--url', 'https://scraper.example/x', '--json']).stdout) as Report;
    expect(found.page).toMatchObject({ url: 'https://scraper.example/x', urlFrom: 'option', canonical: 'https://www.news.example/2021/12/09/story' });
    expect(found.status).toBe('copy');
    expect(found.sources[0]!.evidence.map((e) => e.kind)).toEqual(['canonical', 'dates']);
  });

  test('an address that is not a web address is a usage error', () => {
    const r = run(['check', page, '--corpus', folder, '--url', 'story.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--url takes a web \(http, https\) or file: address/);
  });
});

describe('a page no earlier article covers, whose text other corpus articles share', () => {
  test('says the page has the same text as a same-day article, never "no known source" beside it', () => {
    // seed 002's page, published 2021-12-07T14:32Z, 002 dated 2021-12-07: which came first cannot be told
    const r = run(['check', path.join(PAGES, 'wire-002.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('NO KNOWN SOURCE');
    expect(r.stdout).toMatch(/SAME TEXT: 100% of this page is the same text as Biden urges Putin .*, published the same day; which came first, or whether this page is that article, cannot be told\./);
    // 000 is dated later, but only by the page's own claim is the page earlier: not believed on its own
    expect(r.stdout).toMatch(/order unknown: Biden speaks to Ukraine.*\n\s+dates: page 2021-12-07, article 2021-12-09: only the page's own date puts it first/);
  });
});

describe('a page that declares its charset', () => {
  test('check and extract decode it the same way, by its declaration', () => {
    const words = 'Городской совет утвердил новый бюджет на следующий год после долгих споров. '.repeat(12);
    const html = `<!doctype html><html><head><meta charset="windows-1251"><title>Бюджет</title></head><body><article><h1>Бюджет</h1><p>${words}</p><p>${words}</p></article></body></html>`;
    const bytes = Uint8Array.from(encodeWindows1251(html));
    const file = tmpFile('cp1251.html', bytes);
    const checked = JSON.parse(run(['check', file, '--json']).stdout) as Report;
    expect(checked.page.text).toContain('Городской совет');
    const extracted = JSON.parse(run(['extract', file, '--json']).stdout.trim()) as { text: string };
    expect(extracted.text).toContain('Городской совет');
  });
});

/** Windows-1251 bytes of a string of Cyrillic and ASCII (А–я map to 0xC0–0xFF). */
function encodeWindows1251(text: string): number[] {
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    throw new Error(`not in this encoder: ${c}`);
  });
}

describe('a text several outlets carry, none credited', () => {
  test('the report calls it syndicated copy, names where it was first seen, and no author', () => {
    // one story at two newspapers' sites before the page's (real-news dev: a Tribune paper's uncredited AP story)
    const folder = path.join(tmp, 'syndicated');
    mkdirSync(folder, { recursive: true });
    const text = readFileSync(path.join(ROOT, 'seeds', `${seedId('003')}.txt`));
    writeFileSync(path.join(folder, 'miami.txt'), text);
    writeFileSync(path.join(folder, 'houston.txt'), text);
    writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify([
      { id: 'miami', title: 'Miami story', url: 'https://www.miami.example/news/story', published: '2021-12-09T09:00:00Z' },
      { id: 'houston', title: 'Houston story', url: 'https://www.houston.example/news/story', published: '2021-12-09T10:00:00Z' },
    ]));
    const page = path.join(ROOT, 'seeds', `${seedId('003')}.txt`);
    const r = run(['check', page, '--corpus', folder, '--url', 'https://www.charlotte.example/news/story']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Syndicated copy, no author credited; first seen at: .*Miami story/);
    expect(r.stdout).toContain('2 other outlet(s) in the corpus carry its text, none credited');
    expect(r.stdout).not.toContain('Likely original');
    const report = JSON.parse(run(['check', page, '--corpus', folder, '--url', 'https://www.charlotte.example/news/story', '--json']).stdout) as Report & { wire: unknown };
    expect(report.wire).toEqual({ name: null, carriers: 2, firstSeen: 'miami' });
  });
});
