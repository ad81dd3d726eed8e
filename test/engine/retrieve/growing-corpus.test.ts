/**
 * A corpus grown by appends and merges answers checks as the corpus built at once from the same
 * articles: the boilerplate cut is shared across segments, document frequencies add up, and a
 * merge of everything is the build at once, byte for byte.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { NewsGenerator } from '../../../src/bench/news-generator.js';
import { loadVocabulary } from '../../../src/bench/vocabulary.js';
import {
  attribute, buildCorpusIndex, candidateArticles, DEFAULT_INDEX_PARAMS, legacyArticles, loadCorpus, type ArticleInput, type Corpus, type IndexParams, type Retention,
  type Verdict,
} from '../../../src/engine/index.js';
import { MemorySegments } from '../../helpers/memory-segments.js';

const KEEP_ALL: Retention = { maxAgeDays: 100_000, maxBytes: Number.MAX_SAFE_INTEGER };
/** A low cut, so the generated articles' stock phrases are boilerplate and the shared cut is exercised. */
const LOW_CUT: IndexParams = { ...DEFAULT_INDEX_PARAMS, maxDocFrequency: 3 };
const day = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

let pool: ArticleInput[];
beforeAll(() => {
  pool = new NewsGenerator(loadVocabulary(), 1919).corpus(36);
});

/** Pages whose verdicts must not depend on how the corpus was grown: corpus articles at home and elsewhere, and a page of two halves. */
function pagesFor(articles: readonly ArticleInput[]): Array<{ text: string; url: string }> {
  const pages: Array<{ text: string; url: string }> = [];
  for (let i = 0; i < articles.length; i += 3) {
    const a = articles[i]!;
    const b = articles[(i + 1) % articles.length]!;
    pages.push({ text: a.text, url: a.url! });
    pages.push({ text: a.text, url: `https://scraper.example/${a.id}` });
    pages.push({ text: `${a.text.slice(0, a.text.length / 2)}\n\n${b.text.slice(b.text.length / 2)}`, url: 'https://mixer.example/story' });
  }
  return pages;
}

/** What a verdict says, without the float noise of summing coverage in another order. */
function answer(v: Verdict): unknown {
  return {
    status: v.status, likelyOriginal: v.likelyOriginal, self: v.self, sameText: v.sameText, overlap: v.overlap.toFixed(9),
    sources: v.sources.map((s) => [s.id, s.relation, s.coverage.toFixed(9), s.passages.length]),
  };
}

const checks = (corpora: readonly Corpus[], pages: ReadonlyArray<{ text: string; url: string }>): unknown[] => pages.map((p) => answer(attribute(p, corpora)));
/** Every article retrieval finds plausible for each page (no limit, so ties cannot cut differently). */
const candidates = (corpora: readonly Corpus[], pages: ReadonlyArray<{ text: string; url: string }>): string[][] =>
  pages.map((p) => candidateArticles(p, corpora, { maxCandidates: 10_000 }).map((c) => c.corpus.meta(c.doc).id).sort());

describe('a growing corpus', () => {
  test('appends and tiered merges answer every check as the corpus built at once; merging everything is that corpus byte for byte', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 9 }),
      async (batchSizes) => {
        const host = new MemorySegments();
        let at = 0;
        for (const [n, size] of batchSizes.entries()) {
          if (at >= pool.length) break;
          await host.grow(pool.slice(at, at + size), { now: day(n), retention: KEEP_ALL, params: LOW_CUT });
          at += size;
        }
        const stored = host.articles();
        expect(stored.map((a) => a.id)).toEqual(pool.slice(0, at).map((a) => a.id));
        const atOnce = loadCorpus(buildCorpusIndex(stored, LOW_CUT));
        const pages = pagesFor(stored);
        expect(checks(host.corpora(), pages)).toEqual(checks([atOnce], pages));

        await host.grow([], { now: day(50), retention: KEEP_ALL, merge: 'all' });
        expect(host.manifest.segments).toHaveLength(1);
        expect(host.files.get(host.manifest.segments[0]!.name)).toEqual(buildCorpusIndex(stored, LOW_CUT));
      },
    ), { numRuns: 12 });
  }, 240_000);

  test('with fingerprints alone (no term statistics to lag), appends and merges retrieve exactly the candidates of the corpus built at once', async () => {
    // Distinctive terms and anchors of an article are chosen with the frequencies known when its
    // segment was written; fingerprints and the shared boilerplate cut are exact at every step.
    const fingerprintsOnly: IndexParams = { ...LOW_CUT, signatureTerms: 0, anchorPairs: 0 };
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 9 }),
      async (batchSizes) => {
        const host = new MemorySegments();
        let at = 0;
        for (const [n, size] of batchSizes.entries()) {
          if (at >= pool.length) break;
          await host.grow(pool.slice(at, at + size), { now: day(n), retention: KEEP_ALL, params: fingerprintsOnly });
          at += size;
        }
        const stored = host.articles();
        const pages = pagesFor(stored);
        expect(candidates(host.corpora(), pages)).toEqual(candidates([loadCorpus(buildCorpusIndex(stored, fingerprintsOnly))], pages));
      },
    ), { numRuns: 12 });
  }, 240_000);

  test('a phrase common to the corpus but rare in each segment is cut as boilerplate, as in the corpus built at once', async () => {
    const boilerplate = [
      "Sign up for our morning newsletter to get the day's top stories delivered straight to your inbox every single weekday.",
      'Our journalists work around the clock to bring you accurate reporting from the region and from around the world.',
      'If you value independent local journalism, please consider supporting our newsroom with a monthly subscription today.',
      'Comments on this article are moderated and may take several hours to appear once a member of staff has reviewed them.',
      'Photographs and video in this report are the property of their owners and may not be reproduced without written consent.',
    ].join(' ');
    const withFooter = pool.slice(0, 6).map((a) => ({ ...a, text: `${a.text}\n\n${boilerplate}` }));
    const params: IndexParams = { ...DEFAULT_INDEX_PARAMS, maxDocFrequency: 4 };
    const host = new MemorySegments();
    await host.grow(withFooter.slice(0, 3), { now: day(0), retention: KEEP_ALL, params });
    await host.grow(withFooter.slice(3), { now: day(1), retention: KEEP_ALL, params });
    expect(host.manifest.segments).toHaveLength(2);
    const page = [{ text: `${boilerplate} ${boilerplate}`, url: 'https://elsewhere.example/' }];
    expect(candidates([loadCorpus(buildCorpusIndex(withFooter, params))], page)).toEqual([[]]);
    expect(candidates(host.corpora(), page)).toEqual([[]]);
    // each segment alone holds the phrase in 3 articles, under the cut
    expect(candidates(host.corpora().slice(0, 1).map((c) => loadCorpus(host.files.get(host.manifest.segments[0]!.name)!)), page)[0]).toHaveLength(3);
  });

  test('tiered merges keep the number of segments logarithmic in the batches', async () => {
    const host = new MemorySegments();
    for (let n = 0; n < 36; n++) await host.grow([pool[n]!], { now: day(n), retention: KEEP_ALL });
    // 36 one-article batches: 2 of 16, 1 of 4, 0 of 1 after the due merges (base-4 digits of 36 = 210)
    expect(host.manifest.segments.map((e) => e.articles)).toEqual([16, 16, 4]);
    expect(host.articles()).toHaveLength(36);
  }, 60_000);

  test('each article keeps the time this corpus first saw it through merges; a page cannot set it', async () => {
    const host = new MemorySegments();
    const claimed = { ...pool[0]!, firstSeen: '2001-01-01T00:00:00.000Z' };
    await host.grow([claimed], { now: day(1), retention: KEEP_ALL });
    await host.grow(pool.slice(1, 4), { now: day(2), retention: KEEP_ALL });
    await host.grow([], { now: day(3), retention: KEEP_ALL, merge: 'all' });
    const seen = host.articles().map((a) => a.firstSeen);
    expect(seen).toEqual([day(1), day(2), day(2), day(2)]);
  });

  test('the same text is stored once; the same address with a new text replaces the older version and keeps its id and first-seen time', async () => {
    const host = new MemorySegments();
    const [a, b] = [pool[0]!, pool[1]!];
    await host.grow([a, b], { now: day(1), retention: KEEP_ALL });
    const elsewhere = { ...a, id: 'scraped', url: 'https://scraper.example/a' };
    const spaced = { ...b, id: 'b-again' };
    const updated = { ...a, id: 'a-v2', text: `${a.text}\n\nUpdate: officials confirmed the figures on Tuesday evening.` };
    const report = await host.grow([elsewhere, spaced, updated], { now: day(5), retention: KEEP_ALL });
    expect({ added: report.added, replaced: report.replaced, duplicates: report.duplicates }).toEqual({ added: 0, replaced: 1, duplicates: 2 });
    const stored = host.articles();
    expect(stored.map((x) => [x.id, x.firstSeen])).toEqual([[b.id, day(1)], [a.id, day(1)]]);
    expect(stored[1]!.text).toBe(updated.text);
    // the older version is gone from checks as well as from the list
    const verdict = attribute({ text: a.text, url: a.url }, host.corpora());
    expect(verdict.self).toBe(a.id);
    // the first segment lost half its articles: it was merged at once, without the older version
    expect(host.corpora().reduce((n, c) => n + c.size, 0)).toBe(2);
  });

  test('retention at merge: articles first seen too long ago expire, then the oldest until the size fits; articles built at once never do', async () => {
    const host = new MemorySegments();
    await host.files.set('seg-000000.fhc', buildCorpusIndex(pool.slice(0, 2)));
    host.manifest = { ...host.manifest, segments: [{ name: 'seg-000000.fhc', articles: 2, removed: [] }] };
    await host.grow(pool.slice(2, 5), { now: day(0), retention: KEEP_ALL });
    await host.grow(pool.slice(5, 8), { now: day(60), retention: KEEP_ALL });
    const report = await host.grow(pool.slice(8, 10), { now: day(100), retention: { maxAgeDays: 90, maxBytes: Number.MAX_SAFE_INTEGER }, merge: 'all' });
    expect(report.expired).toBe(3);
    expect(host.articles().map((a) => a.id)).toEqual([...pool.slice(0, 2), ...pool.slice(5, 10)].map((a) => a.id));

    const textBytes = (a: ArticleInput): number => new TextEncoder().encode(a.text).length;
    // room for the two imported articles and the two newest, with their metadata (under 300 bytes each)
    const maxBytes = [pool[0]!, pool[1]!, pool[8]!, pool[9]!].reduce((n, a) => n + textBytes(a) + 300, 0);
    const sized = await host.grow([], { now: day(101), retention: { maxAgeDays: 90, maxBytes }, merge: 'all' });
    expect(sized.expired).toBe(3);
    expect(host.articles().map((a) => a.id)).toEqual([pool[0]!, pool[1]!, pool[8]!, pool[9]!].map((a) => a.id));
  });

  test('a crash between any two steps of a change loses nothing: the list still names every segment it named, all readable', async () => {
    // the change writes two segments (the batch, then the merge of four it completes) and commits
    for (let failAt = 0; failAt < 2; failAt++) {
      const host = new MemorySegments();
      for (let n = 0; n < 3; n++) await host.grow(pool.slice(n * 2, n * 2 + 2), { now: day(n), retention: KEEP_ALL });
      const before = host.manifest;
      const pages = pagesFor(host.articles());
      const answers = checks(host.corpora(), pages);
      host.crashAfterWrites(failAt);
      await expect(host.grow(pool.slice(6, 8), { now: day(9), retention: KEEP_ALL })).rejects.toThrow('simulated crash');
      expect(host.manifest).toBe(before);
      expect(checks(host.corpora(), pages)).toEqual(answers);
      host.crashAfterWrites(null);
      const report = await host.grow(pool.slice(6, 8), { now: day(10), retention: KEEP_ALL });
      expect(report.merges).toBe(1);
      expect(host.articles()).toHaveLength(8);
    }
  });
});

describe('corpora of older formats', () => {
  const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url)));

  test.each([['v1-synthetic.fhc', 12], ['v2-synthetic.fhc', 24]])('%s loads, and answers checks as a corpus built today from its articles', (name, size) => {
    const bytes = fixture(name);
    const corpus = loadCorpus(bytes);
    expect(corpus.size).toBe(size);
    const articles = legacyArticles(bytes);
    const rebuilt = loadCorpus(buildCorpusIndex(articles));
    const pages = pagesFor(articles);
    expect(checks([corpus], pages)).toEqual(checks([rebuilt], pages));
    expect(articles[0]!.id).toBe('bench_000000');
  });

  test.each(['v1-synthetic.fhc', 'v2-synthetic.fhc'])('a growing corpus started from %s keeps every article it held', async (name) => {
    const host = new MemorySegments();
    const bytes = fixture(name);
    const held = legacyArticles(bytes);
    host.files.set('seg-000000.fhc', bytes);
    host.manifest = { ...host.manifest, segments: [{ name: 'seg-000000.fhc', articles: held.length, removed: [] }] };
    const report = await host.grow(pool.slice(30, 32), { now: day(1), retention: { maxAgeDays: 1, maxBytes: 1 }, merge: 'all' });
    expect(report.migrated).toBe(1);
    // retention removed the two new ones (too big), never the imported articles
    expect(host.articles().map((a) => a.id)).toEqual(held.map((a) => a.id));
  });
});
