/**
 * A corpus whose structure is wrong under a recomputed, valid checksum is a
 * corrupt corpus to the command too (issue 15, item 9): exit 5 and one line,
 * whether the load finds it (a duplicate id, offsets out of order) or the
 * check does (an article number past the count, read by a lookup).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_FILE, SEEDS_CORPUS_FILE, SEEDS_DIR } from '../../src/build/paths.js';
import { reseal, sections } from '../helpers/corpus-surgery.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'firsthand-structure-'));
const seedsCorpus = (): Uint8Array => new Uint8Array(readFileSync(SEEDS_CORPUS_FILE));

function forged(name: string, change: (bytes: Uint8Array) => void): string {
  const bytes = seedsCorpus();
  change(bytes);
  const file = path.join(tmp, name);
  writeFileSync(file, reseal(bytes));
  return file;
}

/** A seed article's text as the page: every posting of its text is looked up. */
const seedPage = (): string => path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith('000_'))!);

describe('a corpus with a wrong structure under a valid checksum', () => {
  test.each([
    ['text offsets out of order', (b: Uint8Array) => { const o = sections(b).textOffsets; [o[1], o[2]] = [o[2]!, o[1]!]; }, /text offsets are out of order/],
    ['a duplicate id', (b: Uint8Array) => {
      const { metaOffsets, metaBlob } = sections(b);
      // article 1's id made article 0's, byte for byte, where their lengths agree
      const idOf = (doc: number) => metaBlob.subarray(metaOffsets[doc]! + 7, metaBlob.indexOf(0x22, metaOffsets[doc]! + 7));
      expect(idOf(1).length).toBe(idOf(0).length);
      idOf(1).set(idOf(0));
    }, /have the same id/],
    ['article numbers past the count', (b: Uint8Array) => { const { docs, articles } = sections(b); for (let at = 0; at < docs.length; at += 3) docs.set([articles, 0, 0], at); }, /past the 5 articles/],
  ])('%s: exit 5 and one line', (name, change, message) => {
    const file = forged(`${name.replace(/ /g, '-')}.fhc`, change);
    const r = spawnSync(process.execPath, [CLI_FILE, 'check', seedPage(), '--corpus', file], { encoding: 'utf8' });
    expect(r.status).toBe(5);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
