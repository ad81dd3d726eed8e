/**
 * Pages in scripts that put no spaces between words: Thai (cut into words by a
 * dictionary) and Chinese (cut into characters). The fixtures are news reports
 * written for these tests: an original, a content-farm rewrite of it with a
 * word or two swapped per sentence, an independent report of the same event,
 * and an unrelated story.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../../src/build/paths.js';
import { attribute, buildCorpusIndex, loadCorpus, tokenize, type Corpus, type Lexicon, type Verdict } from '../../../src/engine/index.js';
import { wordSpans } from '../../../src/engine/align/prepared-text.js';
import { segmentSentences } from '../../../src/engine/text/segment.js';
import { lexicon as loadLexicon } from '../../helpers/seed-corpus.js';

const fixture = (language: string, name: string): string =>
  readFileSync(path.join(ROOT, 'test', 'fixtures', language, `${name}.txt`), 'utf8');
const paragraphs = (text: string): string[] => text.split('\n\n');
/** The same text with the spaces between clauses of Thai taken out: Thai writers place them freely. */
const withoutThaiSpaces = (text: string): string => text.replace(/(?<=\p{Script=Thai}) (?=\p{Script=Thai})/gu, '');
/** ...and with a space added after every fourth Thai word instead. */
const respaced = (text: string): string => {
  const tokens = tokenize(withoutThaiSpaces(text));
  let out = '';
  let last = 0;
  for (let t = 0; t < tokens.starts.length; t++) {
    out += tokens.text.slice(last, tokens.ends[t]);
    last = tokens.ends[t]!;
    if (t % 4 === 3 && /\p{Script=Thai}/u.test(tokens.text[last] ?? '')) out += ' ';
  }
  return out + tokens.text.slice(last);
};

const meta = (id: string) => ({ id, title: id, outlet: null, published: '2026-09-01', url: `https://news.example/${id}` });

let lexicon: Lexicon;
let corpus: Corpus;
beforeAll(() => {
  lexicon = loadLexicon();
  corpus = loadCorpus(buildCorpusIndex([
    { ...meta('th-original'), text: fixture('thai', 'original') },
    { ...meta('th-unrelated'), text: fixture('thai', 'unrelated') },
    { ...meta('zh-original'), text: fixture('chinese', 'original') },
  ]));
});

const check = (text: string, url = 'https://other.example/page'): Verdict =>
  attribute({ text, published: '2026-09-02', url }, [corpus], { lexicon });
const coverageBy = (v: Verdict, id: string): number => v.sources.find((s) => s.id === id)?.coverage ?? 0;

describe('Thai', () => {
  test('is cut into words, and coverage counts those words', () => {
    expect(tokenize('ผู้ว่าราชการจังหวัดเชียงใหม่กล่าวว่า').terms).toEqual(['ผู้', 'ว่า', 'ราชการ', 'จังหวัด', 'เชียงใหม่', 'กล่าว', 'ว่า']);
    const text = fixture('thai', 'original');
    expect(wordSpans(text).starts.length).toBe(tokenize(text).terms.length + 1); // "–" is a word with no token
  });

  test('in unspaced text each whitespace-separated chunk counts as its own tokens, also where a token joins across a line break', () => {
    const chunkTokens = (text: string): number[][] =>
      [...text.matchAll(/\S+/g)].flatMap((m) => {
        if (!/[\p{Script=Thai}\p{Script=Han}]/u.test(m[0])) return [[m.index, m.index + m[0].length]];
        const own = tokenize(m[0]);
        return Array.from(own.starts, (s, i) => [m.index + s, m.index + own.ends[i]!]);
      });
    const texts = ['original', 'edited-copy', 'independent'].map((name) => fixture('thai', name));
    for (const text of [...texts, 'ภาษาไทย-\n1,000 คน', 'ไทย-\nไทย 日本-\n語']) {
      const expected = chunkTokens(text);
      for (const words of [wordSpans(text), wordSpans(text, tokenize(text))]) {
        expect(Array.from(words.starts, (s, i) => [s, words.ends[i]!])).toEqual(expected);
      }
    }
  });

  test('a rewrite with a word or two swapped per sentence is a copy of the original', () => {
    const v = check(fixture('thai', 'edited-copy'));
    expect(v.status).toBe('copy');
    expect(v.likelyOriginal).toBe('th-original');
    expect(coverageBy(v, 'th-original')).toBeGreaterThan(0.85);
  });

  test('moving the spaces between clauses changes neither the verdict nor the coverage', () => {
    const independent = paragraphs(fixture('thai', 'independent'));
    const lifted = [...independent.slice(0, 3), ...paragraphs(fixture('thai', 'original')).slice(2, 4), ...independent.slice(3)].join('\n\n');
    for (const page of [fixture('thai', 'edited-copy'), lifted]) {
      const as = check(page);
      expect(as.status).not.toBe('no-match');
      for (const variant of [withoutThaiSpaces(page), respaced(page)]) {
        const v = check(variant);
        expect(v.status).toBe(as.status);
        expect(v.likelyOriginal).toBe(as.likelyOriginal);
        expect(Math.abs(coverageBy(v, 'th-original') - coverageBy(as, 'th-original'))).toBeLessThan(0.03);
      }
    }
  });

  test('two paragraphs lifted into an independent report: partial, and the passages are those paragraphs', () => {
    const independent = paragraphs(fixture('thai', 'independent'));
    const taken = paragraphs(fixture('thai', 'original')).slice(2, 4);
    const before = [...independent.slice(0, 3), ''].join('\n\n');
    const page = before + taken.join('\n\n') + '\n\n' + independent.slice(3).join('\n\n');
    const v = check(page);
    expect(v.status).toBe('partial');
    expect(v.likelyOriginal).toBe('th-original');
    const liftedSpan = [before.length, before.length + taken.join('\n\n').length];
    const passages = v.sources.find((s) => s.id === 'th-original')!.passages;
    for (const p of passages) expect(p.page[0] >= liftedSpan[0]! - 1 && p.page[1] <= liftedSpan[1]! + 1).toBe(true);
    const liftedWords = tokenize(taken.join(' ')).terms.length;
    expect(coverageBy(v, 'th-original')).toBeCloseTo(liftedWords / wordSpans(page).starts.length, 1);
  });

  test('an independent report of the same flood is not a copy, though it shares the hotline sentence', () => {
    const v = check(fixture('thai', 'independent'));
    expect(['copy', 'partial']).not.toContain(v.status);
  });

  test('the original at its own address is itself', () => {
    const v = check(fixture('thai', 'original'), 'https://news.example/th-original');
    expect(v.self).toBe('th-original');
  });
});

describe('Chinese', () => {
  test('one paragraph lifted into another report counts as its characters, not as one word', () => {
    const own = paragraphs(fixture('chinese', 'independent'));
    const taken = paragraphs(fixture('chinese', 'original'))[2]!;
    const page = [...own.slice(0, 2), taken, ...own.slice(2)].join('\n\n');
    const v = check(page);
    expect(v.status).toBe('partial');
    expect(v.likelyOriginal).toBe('zh-original');
    const share = tokenize(taken).terms.length / wordSpans(page).starts.length;
    expect(share).toBeGreaterThan(0.15);
    expect(coverageBy(v, 'zh-original')).toBeCloseTo(share, 1);
  });

  test('an independent report of the same floods is not a copy', () => {
    const v = check(fixture('chinese', 'independent'));
    expect(['copy', 'partial']).not.toContain(v.status);
  });

  test('sentences end at 。！？ with no space after them', () => {
    for (const text of paragraphs(fixture('chinese', 'original').trim()).slice(1)) {
      const sentences = segmentSentences(tokenize(text)).map((s) => text.slice(s.start, s.end));
      expect(sentences).toEqual(text.split(/(?<=[。！？])/));
    }
  });
});
