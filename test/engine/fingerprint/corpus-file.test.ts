import { describe, expect, test } from 'vitest';
import { BUCKETS, CORPUS_FORMAT_VERSION } from '../../../src/engine/fingerprint/corpus-file.js';
import { buildCorpusIndex, CorpusFormatError, loadCorpus, splitCorpusFile, type ArticleInput } from '../../../src/engine/index.js';
import { findCandidates } from '../../../src/engine/retrieve/candidates.js';
import { segmentSentences } from '../../../src/engine/text/segment.js';
import { tokenize } from '../../../src/engine/text/tokenize.js';
import { seedArticles } from '../../helpers/seed-corpus.js';

const articles = (): ArticleInput[] => seedArticles();

describe('the corpus file', () => {
  test('round trip: metadata and texts come back exactly, looked up through the index', () => {
    const input = articles();
    const corpus = loadCorpus(buildCorpusIndex(input));
    expect(corpus.size).toBe(input.length);
    input.forEach((a, i) => {
      expect(corpus.article(i)).toEqual({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, text: a.text, boilerplate: [] });
    });
    expect(corpus.indexBytes).toBeGreaterThan(BUCKETS * 4);
  });

  test('loads from a buffer at an odd offset (a pooled Node Buffer) without copying errors', () => {
    const bytes = buildCorpusIndex(articles());
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(loadCorpus(padded.subarray(1)).size).toBe(5);
  });

  test('loads from Node Buffers, whose slice() is a view, not a copy: a whole file read, and one at an odd offset', () => {
    const bytes = buildCorpusIndex(articles());
    const whole = Buffer.alloc(bytes.length + 3); // a length that is no multiple of 4, as a file's may be
    whole.set(bytes);
    expect(loadCorpus(whole.subarray(0, bytes.length)).size).toBe(5);
    const odd = Buffer.alloc(bytes.length + 1);
    odd.set(bytes, 1);
    expect(loadCorpus(odd.subarray(1)).article(4).text).toBe(articles()[4]!.text);
    expect(splitCorpusFile(odd.subarray(1)).size).toBe(5);
  });

  test.each([
    ['empty', () => new Uint8Array(0), /too short/],
    ['not a corpus', () => new TextEncoder().encode('x'.repeat(500)), /signature/],
    ['truncated', (b: Uint8Array) => b.subarray(0, b.length - 10), /truncated/],
    ['extra bytes', (b: Uint8Array) => Uint8Array.from([...b, 0, 0, 0, 0]), /after the end/],
    ['a flipped byte in the index', (b: Uint8Array) => { const c = b.slice(); c[70_000] = c[70_000]! ^ 1; return c; }, /checksum/],
    ['another format version', (b: Uint8Array) => { const c = b.slice(); c[4] = CORPUS_FORMAT_VERSION + 1; return c; }, /format version/],
  ])('%s → CorpusFormatError', (_, damage, message) => {
    const bytes = (damage as (b: Uint8Array) => Uint8Array)(buildCorpusIndex(articles()));
    expect(() => loadCorpus(bytes)).toThrow(CorpusFormatError);
    expect(() => loadCorpus(bytes)).toThrow(message as RegExp);
  });

  test('a damaged article text is refused when that article is read', () => {
    const bytes = buildCorpusIndex(articles());
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x20;
    const corpus = loadCorpus(bytes);
    expect(() => corpus.article(corpus.size - 1)).toThrow(/damaged/);
    expect(corpus.article(0).text.length).toBeGreaterThan(0);
  });

  test('duplicate ids are refused at build time', () => {
    const a = articles();
    expect(() => buildCorpusIndex([a[0]!, { ...a[1]!, id: a[0]!.id }])).toThrow(/duplicate/);
  });

  test('every article is retrieved, first, by its own text', () => {
    const corpus = loadCorpus(buildCorpusIndex(articles()));
    articles().forEach((a, doc) => {
      const tokens = tokenize(a.text);
      const found = findCandidates(tokens, segmentSentences(tokens), [corpus]);
      expect(found[0]?.doc).toBe(doc);
      expect(found[0]!.sharedFingerprints).toBeGreaterThan(10);
    });
  });
});
