import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadVocabulary, FUNCTION_WORDS } from '../../src/bench/vocabulary.js';
import { NewsGenerator, countWords, renderParagraph } from '../../src/bench/news-generator.js';
import { buildQueryPage, buildQueryPages, SPIN_RATE } from '../../src/bench/query-pages.js';
import { spinDraft } from '../../src/bench/spin.js';
import { renderArticle } from '../../src/bench/news-generator.js';

const vocabulary = loadVocabulary();

function corpusHash(seed: number, count: number): string {
  const hash = createHash('sha256');
  for (const a of new NewsGenerator(vocabulary, seed).corpus(count)) hash.update(JSON.stringify(a));
  return hash.digest('hex');
}

/** Multiset of lower-cased content words (no function words, names or numbers). */
function contentBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  const functionWords = new Set(FUNCTION_WORDS);
  for (const raw of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/^[A-Z0-9]/.test(raw) && !/^[A-Z][a-z]+$/.test(raw)) continue;
    const w = raw.toLowerCase();
    if (functionWords.has(w) || !/^[a-z]+$/.test(w)) continue;
    bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  return bag;
}

/** Share of `source`'s bag missing from `page`'s bag. */
function bagLoss(source: Map<string, number>, page: Map<string, number>): number {
  let total = 0;
  let kept = 0;
  for (const [w, n] of source) {
    total += n;
    kept += Math.min(n, page.get(w) ?? 0);
  }
  return 1 - kept / total;
}

describe('news generator', () => {
  it('gives the same corpus for the same seed and a different one for another seed', () => {
    const a = corpusHash(7, 200);
    expect(corpusHash(7, 200)).toBe(a);
    expect(corpusHash(8, 200)).not.toBe(a);
  });

  it('makes a smaller corpus a prefix of a larger one', () => {
    const g = new NewsGenerator(vocabulary, 11);
    const small = g.corpus(50);
    const large = new NewsGenerator(vocabulary, 11).corpus(120);
    expect(large.slice(0, 50)).toEqual(small);
  });

  it('writes articles of 600-900 words with English-like word frequencies and sentence structure', () => {
    const corpus = new NewsGenerator(vocabulary, 3).corpus(300);
    let words = 0;
    let the = 0;
    for (const a of corpus) {
      const n = countWords(a.text);
      expect(n).toBeGreaterThanOrEqual(600);
      expect(n).toBeLessThanOrEqual(900);
      words += n;
      the += (a.text.match(/\bthe\b/gi) ?? []).length;
      // Real structure for sentence segmentation: several paragraphs, capitalised sentence starts.
      expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
      expect(a.text).toMatch(/\. [A-Z“]/);
    }
    expect(the / words).toBeGreaterThan(0.035);
    expect(the / words).toBeLessThan(0.07);
    expect(new Set(corpus.map((a) => a.id)).size).toBe(corpus.length);
  });
});

describe('query pages', () => {
  const generator = new NewsGenerator(vocabulary, 5);

  it('builds the same pages for the same seed and size', () => {
    expect(buildQueryPages(generator, 1000, 3)).toEqual(buildQueryPages(new NewsGenerator(vocabulary, 5), 1000, 3));
  });

  it('spins about the intended share of content words, mostly into real synonyms', () => {
    let loss = 0;
    let synonymSwaps = 0;
    let swaps = 0;
    const n = 12;
    for (let j = 0; j < n; j++) {
      const page = buildQueryPage(generator, 1000, 'spun', j);
      const source = generator.corpusArticle(page.sourceIndex!);
      expect(page.text).not.toBe(source.text);
      loss += bagLoss(contentBag(source.text), contentBag(page.text));
      synonymSwaps += page.spin!.synonymSwaps;
      swaps += page.spin!.synonymSwaps + page.spin!.randomSwaps;
    }
    // Measured from the texts, not the spinner's own counters: a replaced word is
    // sometimes replaced by a word that the source also has, so slightly under the rate.
    expect(loss / n).toBeGreaterThan(SPIN_RATE - 0.07);
    expect(loss / n).toBeLessThan(SPIN_RATE + 0.03);
    expect(synonymSwaps / swaps).toBeGreaterThan(0.35);
  });

  it('reorders sentences and clauses even when no word is swapped', () => {
    const draft = generator.corpusDraft(17);
    const source = renderArticle(draft);
    const spun = renderArticle(spinDraft(generator, draft, 0, 99).draft);
    expect(bagLoss(contentBag(source), contentBag(spun))).toBe(0);
    const sourceParagraphs = source.split('\n\n');
    const spunParagraphs = spun.split('\n\n');
    expect(spunParagraphs.length).toBe(sourceParagraphs.length);
    const unchanged = spunParagraphs.filter((p, i) => p === sourceParagraphs[i]).length;
    expect(unchanged / spunParagraphs.length).toBeLessThan(0.3);
  });

  it.each([['embedded', 3, 0.1, 0.45], ['paragraph', 1, 0.01, 0.15]] as const)('%s: embeds exactly %i consecutive source paragraph(s) inside new text', (kind, count, minShare, maxShare) => {
    for (let j = 0; j < 10; j++) {
      const page = buildQueryPage(generator, 1000, kind, j);
      const draft = generator.corpusDraft(page.sourceIndex!);
      const [start, end] = page.copiedSpan!;
      const copied = page.text.slice(start, end);
      const sourceParagraphs = draft.paragraphs.map(renderParagraph);
      const copiedParagraphs = copied.split('\n\n');
      expect(copiedParagraphs).toHaveLength(count);
      const at = sourceParagraphs.indexOf(copiedParagraphs[0]!);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(sourceParagraphs.slice(at, at + count)).toEqual(copiedParagraphs);
      // New text on both sides, none of it from the source.
      const outside = [page.text.slice(0, start), page.text.slice(end)];
      for (const part of outside) {
        expect(countWords(part)).toBeGreaterThan(20);
        for (const p of part.split('\n\n').filter((x) => x.length > 0)) expect(sourceParagraphs).not.toContain(p);
      }
      expect(page.words).toBeGreaterThan(900);
      expect(page.words).toBeLessThan(1150);
      expect(page.copiedShare).toBeGreaterThan(minShare);
      expect(page.copiedShare).toBeLessThan(maxShare);
    }
  });

  it('makes unrelated pages of ~1,000 words that share no paragraph with the corpus', () => {
    const corpus = generator.corpus(1000);
    const known = new Set(corpus.flatMap((a) => a.text.split('\n\n')));
    for (let j = 0; j < 5; j++) {
      const page = buildQueryPage(generator, 1000, 'unrelated', j);
      expect(page.sourceIndex).toBeNull();
      expect(page.words).toBeGreaterThanOrEqual(950);
      expect(page.words).toBeLessThanOrEqual(1090);
      for (const p of page.text.split('\n\n')) expect(known.has(p)).toBe(false);
    }
  });

  it('copies a corpus article whole for verbatim pages', () => {
    const page = buildQueryPage(generator, 1000, 'verbatim', 2);
    expect(page.text).toBe(generator.corpusArticle(page.sourceIndex!).text);
  });
});
