/**
 * A corpus loaded from its head alone, its article texts read on demand: what the extension
 * does with imported corpora, so a woken worker reads megabytes of index, not the whole file.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import {
  ArticleTextMissingError, attribute, buildCorpusIndex, candidateArticles, CORPUS_HEADER_BYTES, corpusFileLengths, CorpusFormatError,
  loadCorpus, loadCorpusHead,
  splitCorpusFile, type ArticleTextSource, type Corpus, type Lexicon,
} from '../../../src/engine/index.js';
import { lexicon, seedArticles, seedText } from '../../helpers/seed-corpus.js';

/** A text source over the real text blob that serves only the ranges it was given, and logs every read. */
class PartialTexts implements ArticleTextSource {
  readonly reads: Array<readonly [number, number]> = [];
  readonly #allowed: Array<readonly [number, number]> = [];
  constructor(private readonly blob: Uint8Array) {}
  allow(range: readonly [number, number]): void {
    this.#allowed.push(range);
  }
  read(start: number, end: number): Uint8Array | undefined {
    this.reads.push([start, end]);
    return this.#allowed.some(([s, e]) => s <= start && end <= e) ? this.blob.subarray(start, end) : undefined;
  }
}

describe('a corpus loaded from its head', () => {
  let file: Uint8Array;
  let lex: Lexicon;
  beforeAll(() => {
    file = buildCorpusIndex(seedArticles());
    lex = lexicon();
  });

  test('the head is the file up to its text blob, and the texts are the rest', () => {
    const { head, text } = splitCorpusFile(file);
    expect(head.length + text.length).toBe(file.length);
    expect(new TextDecoder().decode(text)).toBe(seedArticles().map((a) => a.text).join(''));
  });

  test('the first CORPUS_HEADER_BYTES bytes tell how long the head and the texts are; other bytes are refused', () => {
    const { head, text } = splitCorpusFile(file);
    expect(corpusFileLengths(file.subarray(0, CORPUS_HEADER_BYTES))).toEqual({ head: head.length, text: text.length });
    expect(() => corpusFileLengths(new TextEncoder().encode('x'.repeat(CORPUS_HEADER_BYTES)))).toThrow(CorpusFormatError);
    expect(() => corpusFileLengths(file.subarray(0, 10))).toThrow(/too short/);
  });

  test('gives every article exactly as the whole file does, through its ranges of the text blob', () => {
    const whole = loadCorpus(file);
    const { head, text } = splitCorpusFile(file);
    const corpus = loadCorpusHead(head, { read: (start, end) => text.subarray(start, end) });
    expect(corpus.size).toBe(whole.size);
    for (let doc = 0; doc < corpus.size; doc++) {
      expect(corpus.textRange(doc)).toEqual(whole.textRange(doc));
      expect(corpus.article(doc)).toEqual(whole.article(doc));
    }
  });

  test('an article whose text was not read is an ArticleTextMissingError, metadata still available', () => {
    const { head, text } = splitCorpusFile(file);
    const corpus = loadCorpusHead(head, new PartialTexts(text));
    expect(() => corpus.article(0)).toThrow(ArticleTextMissingError);
    expect(corpus.meta(0).id).toBe(seedArticles()[0]!.id);
  });

  test('damaged text bytes from the host are refused as a corrupt corpus', () => {
    const { head, text } = splitCorpusFile(file);
    const damaged = text.slice();
    damaged[10] = damaged[10]! ^ 0x20;
    const corpus = loadCorpusHead(head, { read: (start, end) => damaged.subarray(start, end) });
    expect(() => corpus.article(0)).toThrow(CorpusFormatError);
    // A short read (the host's store lost a piece) is damage too, not a shorter article.
    const short = loadCorpusHead(head, { read: (start, end) => text.subarray(start, end - 1) });
    expect(() => short.article(1)).toThrow(/damaged/);
  });

  test.each([
    ['a whole file given as a head', (f: Uint8Array) => f, /after the end of the index/],
    ['a head cut short', (f: Uint8Array) => splitCorpusFile(f).head.subarray(0, 70_000), /truncated/],
    ['a head with a flipped byte', (f: Uint8Array) => { const h = splitCorpusFile(f).head.slice(); h[70_000] = h[70_000]! ^ 1; return h; }, /checksum/],
  ])('%s → CorpusFormatError', (_, headOf, message) => {
    const head = (headOf as (f: Uint8Array) => Uint8Array)(file);
    expect(() => loadCorpusHead(head, { read: () => undefined })).toThrow(CorpusFormatError);
    expect(() => loadCorpusHead(head, { read: () => undefined })).toThrow(message as RegExp);
  });

  test('candidateArticles names every text attribute reads: with only those read, the verdict is the whole file\'s', () => {
    const page = { text: seedText('001') };
    const whole = attribute(page, [loadCorpus(file)], { lexicon: lex });
    const { head, text } = splitCorpusFile(file);
    const texts = new PartialTexts(text);
    const corpus: Corpus = loadCorpusHead(head, texts);
    const wanted = candidateArticles(page, [corpus], { lexicon: lex });
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.every((c) => c.corpus === corpus)).toBe(true);
    for (const { doc } of wanted) texts.allow(corpus.textRange(doc));
    const fromHead = attribute(page, [corpus], { lexicon: lex });
    expect(fromHead).toEqual(whole);
    expect(fromHead.status).toBe('copy');
    // Only candidates were read: not every article of the corpus.
    const readDocs = new Set(texts.reads.map(([start]) => [...Array(corpus.size).keys()].find((d) => corpus.textRange(d)[0] === start)));
    expect([...readDocs].sort()).toEqual([...new Set(wanted.map((c) => c.doc))].sort());
  });
});
