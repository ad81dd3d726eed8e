/** `firsthand extract`: one JSON line per file, failures as lines, exit codes, output that arrives whole. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExtractCommand } from '../../src/cli/extract-command.js';
import { collapse, PAGES_DIR, seedParts } from './seed-fixtures.js';

const page = (name: string) => path.join(PAGES_DIR, name);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runExtractCommand(args, { stdout, stderr });
  return { code, stdout: out, stderr: err };
}

const jsonLines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'firsthand-extract-'));
  writeFileSync(path.join(dir, 'photo.html'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(path.join(dir, 'empty.html'), '');
});

describe('firsthand extract --json', () => {
  it('writes one object per file; a failing file gets an error line and the others still run', async () => {
    const files = [page('wire-000.html'), path.join(dir, 'missing.html'), path.join(dir, 'photo.html'), page('no-article.html'), page('jsonld-004.html'), page('cp1252-003.txt')];
    const { code, stdout, stderr } = await run([...files, '--json']);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l['file'])).toEqual(files);
    expect(lines[0]).toMatchObject({ extractor: 'readability', title: seedParts.seeds[0]!.title });
    expect(String(lines[0]!['text'])).toContain(collapse(seedParts.seeds[0]!.body[0]!));
    expect(lines[1]!['error']).toMatchObject({ code: 'unreadable' });
    expect(lines[2]!['error']).toMatchObject({ code: 'binary' });
    expect(lines[3]!['error']).toMatchObject({ code: 'no-article' });
    expect(lines[4]).toMatchObject({ extractor: 'json-ld', published: '2021-12-30T09:15:00Z' });
    expect(lines[5]).toMatchObject({ extractor: 'text', title: 'Biden, Putin speak as Russian leader demands NATO rebuff Ukraine' });
    expect(String(lines[5]!['text'])).toContain('next month’s talks in Geneva'); // cp1252 0x92 decoded
    expect(code).toBe(3); // unreadable outranks no-article
    expect(stderr.trimEnd().split('\n')).toHaveLength(3);
  });

  it('exits 4 when the only problem is a page without an article, 0 when all succeed', async () => {
    expect((await run([page('no-article.html'), page('wp-001.html'), '--json'])).code).toBe(4);
    expect((await run([path.join(dir, 'empty.html')])).code).toBe(4);
    const ok = await run([page('wp-001.html'), page('foreign-es.html'), '--json']);
    expect(ok.code).toBe(0);
    expect(jsonLines(ok.stdout).map((l) => l['lang'])).toEqual(['en-US', 'es']);
  });

  it('handles hundreds of files in one run', async () => {
    const files = Array.from({ length: 150 }, (_, i) => page(['wire-003.html', 'modern-004.html', 'wp-002.html'][i % 3]!));
    const { code, stdout } = await run(['--json', ...files]);
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(150);
    expect(lines.every((l) => l['extractor'] === 'readability' && String(l['text']).length > 1000)).toBe(true);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run([])).code).toBe(2);
    const bad = await run(['--jsn', page('wire-000.html')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --jsn');
  });

  it('prints a readable report without --json', async () => {
    const { code, stdout } = await run([page('modern-002.html')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`== ${page('modern-002.html')}`);
    expect(stdout).toContain(seedParts.seeds[2]!.title);
    expect(stdout).toContain('extractor: readability');
  });

  it('resolves only after a slow reader has received every byte', async () => {
    let received = 0;
    let finishedWhenResolved = -1;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _enc, callback) {
        setTimeout(() => {
          received += chunk.length;
          callback();
        }, 2);
      },
    });
    const files = Array.from({ length: 12 }, () => page('wire-002.html'));
    const code = await runExtractCommand(['--json', ...files], { stdout: slow, stderr: new PassThrough() });
    finishedWhenResolved = received;
    expect(code).toBe(0);
    expect(slow.writableLength).toBe(0);
    expect(finishedWhenResolved).toBeGreaterThan(12 * 5000);
  });
});
