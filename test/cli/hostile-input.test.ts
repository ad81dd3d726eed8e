/**
 * Issue 15 items 5, 6, 7 and 11 through the built CLI: inputs that are not pages, inputs without end,
 * outputs that cannot be written, corpora damaged under valid checksums, and page text that would
 * drive the terminal. Each gets its documented exit code and one line, quickly.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_FILE, ROOT, SEEDS_CORPUS_FILE } from '../../src/build/paths.js';
import { MAX_INPUT_BYTES } from '../../src/cli/read-input.js';
import { withInvalidUtf8, withOffsetsOutOfOrder } from '../../src/fuzz/damage-corpus.js';
import { seedId } from '../helpers/seed-corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'firsthand-hostile-'));
const PAGES = path.join(ROOT, 'test/fixtures/pages');
const seedText = (n: string): string => path.join(ROOT, 'seeds', `${seedId(n)}.txt`);

function run(args: string[], input?: Uint8Array | string, timeout = 30_000): { code: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI_FILE, ...args], { input, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

function file(name: string, content: Uint8Array | string): string {
  const at = path.join(tmp, name);
  writeFileSync(at, content);
  return at;
}

function expectOneLine(stderr: string, message: RegExp): void {
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
}

describe('inputs that are not pages, or have no end (item 5)', () => {
  const fifo = path.join(tmp, 'page.fifo');
  spawnSync('mkfifo', [fifo]);
  const folder = path.join(tmp, 'a-folder');
  mkdirSync(folder);

  test.each([
    ['/dev/zero', ['check', '/dev/zero'], /not a regular file/],
    ['/dev/urandom', ['check', '/dev/urandom'], /not a regular file/],
    ['a named pipe nobody writes to', ['check', fifo], /not a regular file/],
    ['a folder', ['check', folder], /it is a folder/],
  ])('check %s → exit 3 at once', (_, args, message) => {
    const r = run(args, undefined, 10_000);
    expect(r.code).toBe(3);
    expectOneLine(r.stderr, message);
  });

  test('standard input is read up to the documented limit, then refused', () => {
    const r = run(['check', '-'], new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61));
    expect(r.code).toBe(3);
    expectOneLine(r.stderr, /larger than 16 MiB/);
  });

  test('a file past the limit is refused without being read', () => {
    const big = path.join(tmp, 'big.html');
    writeFileSync(big, '');
    spawnSync('truncate', ['-s', String(100 * 1024 * 1024), big]);
    const r = run(['check', big]);
    expect(r.code).toBe(3);
    expect(r.ms).toBeLessThan(10_000);
    expectOneLine(r.stderr, /larger than 16 MiB/);
  });

  test('a corpus named 5,000 times is loaded once', () => {
    const r = run(['check', seedText('001'), '--json', ...Array.from({ length: 5_000 }, (_, i) => ['--corpus', i % 2 ? SEEDS_CORPUS_FILE : path.relative(process.cwd(), SEEDS_CORPUS_FILE)]).flat()]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { status: string; sources: unknown[]; timings: { load_ms: number } };
    expect(report.status).toBe('copy');
    // Loaded 5,000 times the same sources came back 5,000 times over.
    expect(report.sources.length).toBeLessThanOrEqual(4);
    expect(report.timings.load_ms).toBeLessThan(2_000);
  });

  test('a named pipe as corpus is refused, not waited on', () => {
    const r = run(['check', seedText('001'), '--corpus', fifo], undefined, 10_000);
    expect(r.code).toBe(5);
    expectOneLine(r.stderr, /not a corpus file/);
  });
});

describe('a page that is only a doctype, or cut off in its first tag (item 6)', () => {
  const doctype = file('doctype.html', '<!doctype html>');
  const cut = file('cut.html', '<!DOCTYPE html>\n<htm');

  test('extract gives each its error line and goes on with the other files', () => {
    const good = path.join(PAGES, 'wire-000.html');
    const r = run(['extract', doctype, cut, good, '--json']);
    expect(r.code).toBe(4);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; error?: { code: string }; extractor?: string });
    expect(lines.map((l) => l.error?.code ?? l.extractor)).toEqual(['no-article', 'no-article', 'readability']);
    expect(r.stderr).not.toMatch(/internal/);
  });

  test('check says there is no article', () => {
    for (const page of [doctype, cut]) {
      const r = run(['check', page]);
      expect(r.code).toBe(4);
      expectOneLine(r.stderr, /No article found/);
    }
  });
});

describe('corpus folders and outputs that cannot be used (item 7)', () => {
  const folder = path.join(tmp, 'archive');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'council.txt'), readFileSync(seedText('000')));
  mkdirSync(path.join(folder, 'folder.txt'));
  symlinkSync(path.join(tmp, 'gone.txt'), path.join(folder, 'dangling.txt'));

  test('a folder named *.txt and a dangling link are skipped with a line each; the rest is indexed', () => {
    const r = run(['build-corpus', folder, '--out', path.join(tmp, 'archive.fhc')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipping .*dangling\.txt: cannot read the file \(no such file\)/);
    expect(r.stderr).toMatch(/skipping .*folder\.txt: cannot read the file \(it is a folder\)/);
    expect(r.stderr).toMatch(/indexed 1 article/);
  });

  test('a folder of nothing but unreadable entries is no corpus: exit 5', () => {
    const empty = path.join(tmp, 'unreadable-archive');
    mkdirSync(empty);
    mkdirSync(path.join(empty, 'folder.txt'));
    const r = run(['check', seedText('001'), '--corpus', empty]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/no article files/);
  });

  test.each([
    ['a missing folder', path.join(tmp, 'no-such-folder', 'out.fhc'), /its folder does not exist/],
    ['a folder', tmp, /it is a folder/],
    ['a full disk', '/dev/full', /the disk is full/],
  ])('build-corpus --out at %s → exit 6', (_, out, message) => {
    const r = run(['build-corpus', folder, '--out', out]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test.each([
    ['holds invalid UTF-8 in a text', withInvalidUtf8],
    ['has its text offsets out of order', withOffsetsOutOfOrder],
  ])('a corpus that %s under valid checksums → exit 5 for every page that reaches it', (name, damage) => {
    const corpus = file(`${name.replace(/\W+/g, '-')}.fhc`, damage(new Uint8Array(readFileSync(SEEDS_CORPUS_FILE))));
    for (const seed of ['000', '001', '002']) {
      const r = run(['check', seedText(seed), '--corpus', corpus]);
      expect(r.code === 0 || r.code === 5).toBe(true);
      if (r.code === 5) expectOneLine(r.stderr, /corrupt corpus/);
    }
    expect(run(['check', seedText('001'), '--corpus', corpus]).code).toBe(5);
  });
});

describe('terminal escape sequences in a page (item 11)', () => {
  const hostileTitle = 'Budget vote \x1b]0;owned\x07delayed \x1b[2J\x1b[31magain\x9b1m\u202e';
  const page = file('escapes.txt', `${hostileTitle}\n\n${readFileSync(seedText('001'), 'utf8')}`);

  test('check prints the title without control characters; --json keeps it exact', () => {
    const human = run(['check', page]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Budget vote delayed again');
    expect(human.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    const json = JSON.parse(run(['check', page, '--json']).stdout) as { page: { title: string } };
    expect(json.page.title).toBe(hostileTitle);
  });

  test('extract prints the text without control characters', () => {
    const r = run(['extract', page]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Budget vote delayed again');
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
  });
});
