/**
 * The hand-written scanner in src/engine/text/tokenize.ts must cut and flag every
 * text exactly as the regex tokenizer it replaced, kept verbatim in
 * tokenize-reference.ts: same terms, starts, ends and flags, on generated
 * strings that crowd the edge cases together and on real texts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../../src/build/paths.js';
import { tokenize } from '../../../src/engine/text/tokenize.js';
import { hasShared, requireShared, sharedPath } from '../../helpers/shared-data.js';
import { referenceTokenize } from './tokenize-reference.js';

interface Plain { terms: string[]; starts: number[]; ends: number[]; flags: number[] }

function plain(t: ReturnType<typeof tokenize>): Plain {
  return { terms: [...t.terms], starts: Array.from(t.starts), ends: Array.from(t.ends), flags: Array.from(t.flags) };
}

/** Cheap comparison first; the structural diff only when something differs, so a failure says where. */
function expectSame(text: string): void {
  const actual = tokenize(text);
  const expected = referenceTokenize(text);
  expect(actual.text).toBe(text);
  expect(actual.starts).toBeInstanceOf(Int32Array);
  expect(actual.ends).toBeInstanceOf(Int32Array);
  expect(actual.flags).toBeInstanceOf(Uint8Array);
  // Each array owns a buffer of its exact length, as Int32Array.from gave.
  expect(actual.starts.buffer.byteLength).toBe(actual.starts.byteLength);
  expect(actual.flags.buffer.byteLength).toBe(actual.flags.byteLength);
  const n = expected.terms.length;
  let same = actual.terms.length === n && actual.starts.length === n && actual.ends.length === n && actual.flags.length === n;
  for (let i = 0; same && i < n; i++) {
    same = actual.terms[i] === expected.terms[i] && actual.starts[i] === expected.starts[i]
      && actual.ends[i] === expected.ends[i] && actual.flags[i] === expected.flags[i];
  }
  if (!same) expect(plain(actual)).toEqual(plain(expected));
}

/**
 * Pieces that stress the token rules: joiners of every kind, digit-group
 * separators, initialisms, marks, letters and digits outside ASCII (upper case,
 * title case, numbers that are letters), unspaced scripts on both sides of
 * U+2E80, astral letters and digits, lone surrogates, emoji.
 */
const PIECES = [
  'a', 'b', 'e', 's', 'S', 'x', 'Z', 'U', 'K', 'the', 'The', 'kiev', 'talked', 'running', 'Russia', 'ies', 'ly',
  '0', '1', '5', '9', '1990', '94',
  '.', ',', "'", '’', 'ʼ', '-', '‐', '‑', '\n', '\u00AD', ' ', ' ', '\t', '\u00A0', '"', '(', '/', '—', '–', '…',
  "'s", '’S', 'ʼs', '-\n', '‐\n', '\n\n', '..', ',,',
  'U.S.', 'U.K.', 'a.b.', 'e.g.', 'U.S.A', 'U.S.5', '1,000', '3.14', '1.5x', '2,5,', '.5',
  '\u0301', '\u0308', '\u3099', '\u0E31', 'é', 'É', 'e\u0301', 'ß', 'ﬁ', 'İ', 'ı', 'ſ', 'ǅ', 'K', 'Ⅻ', 'ⅻ', 'ª', 'µ',
  '²', '½', '٣', '٤', '〇', '々', 'ー', '๑', '໒', '១', '၃', '𝟎', '𝟗',
  'Москва', 'м', 'Ё', 'Ελλάδα', 'Σ', 'ς', 'नमस्ते', 'عربي', 'שלום', '한국어', '한',
  '日', '本', '語', 'の', 'テ', 'キ', 'ス', 'ト', 'ラーメン', 'ก', 'สวัสดี', 'ລາວ', 'ខ្មែរ', 'မြန်မာ', '⺀', '㐀',
  'ภาษาไทย', 'ครับ', 'นี้', 'ไป', 'เชียงใหม่', '\u0E48', 'ๆ', 'ฯ', 'ພາສາ', 'ចូលចិត្ត', 'နိုင်ငံ', '。', '「', '」',
  '𝐀', '𝐚', '𝒜', '𠀀', '𪚥', '𛀁', '😀', '👍🏽', '👩‍👩‍👧', '🇺🇸',
  '\uD835', '\uDC00', '\uD800', '\uDFFF', '\uFFFF', '\u0000', '\u200D', '\u200B', '\u2028',
];

const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
const piecesText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('tokenize equals the regex tokenizer it replaced', () => {
  test('on texts built from edge-case pieces', () => {
    fc.assert(fc.property(piecesText, (text) => expectSame(text)), { numRuns: 20_000 });
  });

  test('on arbitrary strings (code units, code points, graphemes)', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
      fc.string({ unit: 'binary-ascii', maxLength: 60 }),
    );
    fc.assert(fc.property(anyString, (text) => expectSame(text)), { numRuns: 10_000 });
  });

  test('on the unit examples of tokenize.test.ts and a few more', () => {
    for (const text of [
      '', ' ', '94,000 troops', 'a build-up and a buildup', 'escal-\nated tensions', 'Russia’s and Russia\'s',
      'the U.S. and the US', 'don’t', '日本語のテキスト', 'The 50 Kremlin said', 'U.S.-based', 'U.S.A.', 'a.b.c',
      '1,000abc', '1,000.50,5', 'a1,000', 'x-', '-x', 'x--y', 'x-\n\ny', 'x-\n', "rock'n'roll", 'a\u00ADb',
      '𝐀.𝐁.', '𝐀.𝐁.𝐂', '日.本.', '𝟎,𝟎', '𝟎.5', '5.𝟎', '〇,〇', '๑,๐๐๐ บาท日', 'Thai ภาษาไทย only', 'ภาษา日本',
      'สวัสดีครับวันนี้อากาศดีมาก', 'ไทย-English', 'ไทย’s', 'ภาษา1,000ไทย', 'ພາສາລາວ ແມ່ນພາສາ', 'ខ្ញុំចូលចិត្តភាសាខ្មែរ', 'မြန်မာနိုင်ငံသည်',
      '\uD835.\uD835.', 'a\uD835b', '\uDC00a', 'a-日', '日-a', 'a’日', '日\u0301本', 'ラーメン',
    ]) expectSame(text);
  });

  test('on long tokens and on texts with many tokens', () => {
    const long = 'a'.repeat(300);
    expectSame(`${long} ${long} ${long.toUpperCase()}-${long} 日${long}本 ${'1,000'.repeat(100)}`);
    expectSame('x'.repeat(70_000));
    expectSame(Array.from({ length: 20_000 }, (_, i) => `w${i % 5000}`).join(' '));
    expectSame('日本語'.repeat(5000));
  });

  test('on the seed articles, and on them upper-cased, decomposed and with typographic apostrophes', () => {
    const dir = path.join(ROOT, 'seeds');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expectSame(text);
      expectSame(text.toUpperCase());
      expectSame(text.normalize('NFD'));
      expectSame(text.replace(/'/g, '’').replace(/ /g, '\u00AD'));
    }
  });

  const evalSets = [
    'eval/pan13-text-alignment-subset',
    'eval/clough-stevenson-short-answers/corpus-20090418',
  ];
  test.skipIf(!hasShared && !requireShared).each(evalSets)('on the files of ../shared/%s', (set) => {
    const files = listFiles(sharedPath(...set.split('/')));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expectSame(readFileSync(file, 'utf8'));
  });
});

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.(txt|xml)$/.test(name)) out.push(p);
  }
  return out;
}
