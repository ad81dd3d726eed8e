/**
 * `build-corpus --add` grows a corpus file into a segment list and segments; checks against it
 * answer as against the corpus built at once; older corpus files still load; a change that dies
 * between two of its steps leaves the corpus as it was.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_FILE, ROOT, SEEDS_CORPUS_FILE, SEEDS_DIR } from '../../src/build/paths.js';
import { attribute, loadCorpus, type ArticleInput } from '../../src/engine/index.js';
import { growCorpusFile, loadCorpusSegments, segmentsDir } from '../../src/cli/segment-files.js';
import { seedArticles } from '../helpers/seed-corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'firsthand-growing-'));
const PAGES = path.join(ROOT, 'test/fixtures/pages');
const FIXTURES = path.join(ROOT, 'test/fixtures/corpus');

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_FILE, ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A folder holding some of the seed articles, with their catalog entries. */
function seedFolder(name: string, prefixes: readonly string[]): string {
  const folder = path.join(tmp, name);
  mkdirSync(folder, { recursive: true });
  const catalog = (JSON.parse(readFileSync(path.join(SEEDS_DIR, 'catalog.json'), 'utf8')) as { articles: Array<{ id: string }> }).articles;
  const entries = catalog.filter((a) => prefixes.some((p) => a.id.startsWith(`${p}_`)));
  for (const entry of entries) copyFileSync(path.join(SEEDS_DIR, `${entry.id}.txt`), path.join(folder, `${entry.id}.txt`));
  writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify({ articles: entries }));
  return folder;
}

const verdictOf = (corpus: string, page: string): unknown => {
  const r = run(['check', page, '--corpus', corpus, '--json']);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { status: string; likelyOriginal: string | null; overlap: number; sources: Array<{ id: string; relation: string; coverage: number }> };
  return { status: report.status, likelyOriginal: report.likelyOriginal, overlap: report.overlap, sources: report.sources.map((s) => [s.id, s.relation, s.coverage]) };
};

describe('build-corpus --add', () => {
  test('grows a corpus in batches that checks answer as the seeds corpus built at once; the same articles again add nothing', () => {
    const corpus = path.join(tmp, 'grown.fhc');
    expect(run(['build-corpus', seedFolder('first', ['000', '001']), '--out', corpus]).code).toBe(0);
    const added = run(['build-corpus', seedFolder('second', ['002', '003', '004']), '--out', corpus, '--add']);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/3 added, 0 updated, 0 already stored; .*grown\.fhc holds 5 article\(s\) in 2 segment\(s\)/);
    expect(readdirSync(segmentsDir(corpus)).sort()).toEqual(['seg-000000.fhc', 'seg-000001.fhc']);
    for (const page of ['wire-001.html', 'modern-003.html', 'wp-000.html']) {
      expect(verdictOf(corpus, path.join(PAGES, page))).toEqual(verdictOf(SEEDS_CORPUS_FILE, path.join(PAGES, page)));
    }
    const again = run(['build-corpus', seedFolder('second', ['002', '003', '004']), '--out', corpus, '--add']);
    expect(again.stderr).toMatch(/0 added, 0 updated, 3 already stored; .*holds 5 article\(s\)/);
    const compacted = run(['build-corpus', seedFolder('second', ['002', '003', '004']), '--out', corpus, '--add', '--compact']);
    expect(compacted.stderr).toMatch(/holds 5 article\(s\) in 1 segment\(s\)/);
    expect(verdictOf(corpus, path.join(PAGES, 'wire-001.html'))).toEqual(verdictOf(SEEDS_CORPUS_FILE, path.join(PAGES, 'wire-001.html')));
  }, 120_000);

  test('--compact without --add is a usage error', () => {
    expect(run(['build-corpus', SEEDS_DIR, '--out', path.join(tmp, 'x.fhc'), '--compact']).code).toBe(2);
  });
});

describe('corpus files of older formats', () => {
  test.each(['v1-synthetic.fhc', 'v2-synthetic.fhc'])('check --corpus %s works, and --add takes it in as a segment', (name) => {
    const file = path.join(tmp, name);
    copyFileSync(path.join(FIXTURES, name), file);
    const page = path.join(tmp, `${name}.txt`);
    const { text } = loadFirstArticle(file);
    writeFileSync(page, text);
    const before = run(['check', page, '--corpus', file, '--json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ status: 'original', self: 'bench_000000' });
    expect(run(['build-corpus', seedFolder('one', ['000']), '--out', file, '--add']).code).toBe(0);
    const after = run(['check', page, '--corpus', file, '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ status: 'original', self: 'bench_000000' });
  });
});

function loadFirstArticle(file: string): ArticleInput {
  return loadCorpus(new Uint8Array(readFileSync(file))).article(0);
}

describe('a change that dies between two steps', () => {
  test.each([0, 1, 2])('after %i write(s): the corpus is as it was, readable, and the next change completes and clears what was left', async (writes) => {
    const corpus = path.join(tmp, `crash-${writes}.fhc`);
    const seeds = seedArticles();
    await growCorpusFile(corpus, seeds.slice(0, 2), { now: '2026-12-01T00:00:00.000Z', retention: { maxAgeDays: Infinity, maxBytes: Infinity } });
    await growCorpusFile(corpus, seeds.slice(2, 3), { now: '2026-12-02T00:00:00.000Z', retention: { maxAgeDays: Infinity, maxBytes: Infinity } });
    const list = readFileSync(corpus);
    const segments = readdirSync(segmentsDir(corpus)).sort();
    const check = async (): Promise<unknown> => attribute({ text: seeds[3]!.text }, await loadCorpusSegments(corpus)).status;
    const answer = await check();
    // the third change writes a segment, then (with --compact) the merged one, then the list
    await expect(growCorpusFile(corpus, seeds.slice(3, 5), { now: '2026-12-03T00:00:00.000Z', retention: { maxAgeDays: Infinity, maxBytes: Infinity }, merge: 'all' }, { crashAfterWrites: writes }))
      .rejects.toThrow(/not changed \(simulated crash\)/);
    expect(readFileSync(corpus)).toEqual(list);
    expect(readdirSync(segmentsDir(corpus)).filter((n) => segments.includes(n)).sort()).toEqual(segments);
    expect(await check()).toBe(answer);
    const done = await growCorpusFile(corpus, seeds.slice(3, 5), { now: '2026-12-04T00:00:00.000Z', retention: { maxAgeDays: Infinity, maxBytes: Infinity }, merge: 'all' });
    expect(done.total).toBe(5);
    expect(readdirSync(segmentsDir(corpus))).toEqual([done.manifest.segments[0]!.name]);
    expect(attribute({ text: seeds[3]!.text }, await loadCorpusSegments(corpus)).self).toBe(seeds[3]!.id);
  });
});

describe('addresses in a grown corpus', () => {
  test('articles numbered in the query are two articles; a tracking parameter does not make a third', async () => {
    const corpus = path.join(tmp, 'numbered.fhc');
    const [a, b] = seedArticles();
    const at = (article: ArticleInput, url: string, id: string): ArticleInput => ({ ...article, id, url });
    const options = { now: '2026-12-04T03:00:00Z', retention: { maxAgeDays: Infinity, maxBytes: Infinity } };
    await growCorpusFile(corpus, [at(a!, 'https://news.example/story.php?id=123', 'first')], options);
    await growCorpusFile(corpus, [at(b!, 'https://news.example/story.php?id=124', 'second')], options);
    const report = await growCorpusFile(corpus, [at(b!, 'https://news.example/story.php?id=124&utm_source=rss', 'again')], options);
    expect(report.added).toBe(0);
    const segments = await loadCorpusSegments(corpus);
    const urls = segments.flatMap((c) => [...Array(c.size).keys()].filter((d) => !c.isRemoved(d)).map((d) => c.meta(d).url)).sort();
    expect(urls).toEqual(['https://news.example/story.php?id=123', 'https://news.example/story.php?id=124']);
  });
});

