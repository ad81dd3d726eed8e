/**
 * Invariants of the engine, checked on pages made by fast-check from real
 * news sentences (the seeds) mixed with invented ones.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { alignSource } from '../../../src/engine/align/align.js';
import { attribute, buildCorpusIndex, loadCorpus, type Corpus, type Lexicon, type Verdict } from '../../../src/engine/index.js';
import { markWords, prepareText } from '../../../src/engine/align/prepared-text.js';
import { TermMatcher } from '../../../src/engine/align/sentence-similarity.js';
import { TermIds } from '../../../src/engine/text/term-ids.js';
import { readArticleFolder } from '../../../src/cli/article-folder.js';
import { SEEDS_DIR } from '../../../src/build/paths.js';
import { lexicon as loadLexicon, seedArticles, seedCorpus, storedSeedText } from '../../helpers/seed-corpus.js';

let corpus: Corpus;
let lexicon: Lexicon;
let sentences: string[];
beforeAll(() => {
  corpus = seedCorpus();
  lexicon = loadLexicon();
  sentences = seedArticles().flatMap((a) => a.text.split(/(?<=[.!?”])\s+/).filter((s) => s.split(/\s+/).length >= 6));
});

const RUNS = { numRuns: 25 };
const invented = fc.array(fc.constantFrom('council', 'budget', 'river', 'school', 'mayor', 'voted', 'the', 'a', 'of', 'on', 'new', 'plan', 'said', 'year', 'rail'), { minLength: 5, maxLength: 18 })
  .map((words) => `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));
/** A page: a few paragraphs, each seed sentences (by index) or invented sentences. */
const pageArb = fc.array(fc.oneof(fc.nat(10_000).map((i) => ({ seed: i })), invented.map((text) => ({ text }))), { minLength: 1, maxLength: 14 });
const render = (parts: Array<{ seed: number } | { text: string }>): string =>
  parts.map((p) => ('seed' in p ? sentences[p.seed % sentences.length]! : p.text)).join(' ');

const check = (text: string): Verdict => attribute({ text }, [corpus], { lexicon });

describe('engine invariants', () => {
  test('a text aligned with itself is covered entirely, by verbatim passages', () => {
    fc.assert(fc.property(pageArb, (parts) => {
      const text = render(parts);
      const ids = new TermIds();
      const page = prepareText(text, ids);
      const alignment = alignSource(page, prepareText(text, ids), new TermMatcher(lexicon, ids));
      const verbatim = alignment.passages.filter((p) => p.kind === 'verbatim').map((p) => p.page);
      const marks = markWords(page.words, verbatim);
      const covered = marks.reduce((a, b) => a + b, 0);
      // words without any letter or digit ("—", "&") carry no token to align
      const wordy = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      expect(covered).toBeGreaterThanOrEqual(wordy);
    }), RUNS);
  });

  test('a corpus article checked as a page is itself (self) and its own original', () => {
    fc.assert(fc.property(fc.nat(4), (i) => {
      const article = seedArticles()[i]!;
      const v = check(article.text);
      expect(v.self).toBe(article.id);
      expect(v.sources.map((s) => s.id)).not.toContain(article.id);
    }), { numRuns: 5 });
  });

  test('coverage and overlap stay in [0, 1]; derived words never exceed the page', () => {
    fc.assert(fc.property(pageArb, (parts) => {
      const v = check(render(parts));
      expect(v.overlap).toBeGreaterThanOrEqual(0);
      expect(v.overlap).toBeLessThanOrEqual(1);
      for (const s of v.sources) {
        expect(s.coverage).toBeGreaterThanOrEqual(0);
        expect(s.coverage).toBeLessThanOrEqual(1);
      }
      const derived = v.derived.verbatim + v.derived['near-verbatim'] + v.derived.paraphrase;
      expect(derived).toBeLessThanOrEqual(v.pageWords);
      expect(derived / Math.max(1, v.pageWords)).toBeCloseTo(v.overlap, 3);
    }), RUNS);
  });

  const same = (a: Verdict, b: Verdict): void => {
    expect(b.status).toBe(a.status);
    expect(b.likelyOriginal).toBe(a.likelyOriginal);
    expect(b.self).toBe(a.self);
    expect(Math.abs(b.overlap - a.overlap)).toBeLessThanOrEqual(0.03);
  };

  test('case does not change the verdict', () => {
    fc.assert(fc.property(pageArb, fc.constantFrom('lower', 'upper'), (parts, mode) => {
      const text = render(parts);
      same(check(text), check(mode === 'lower' ? text.toLowerCase() : text.toUpperCase()));
    }), RUNS);
  });

  test('whitespace does not change the verdict', () => {
    fc.assert(fc.property(pageArb, fc.constantFrom('  ', '\t', ' \u00a0'), (parts, gap) => {
      const text = render(parts);
      same(check(text), check(text.replace(/ /g, gap)));
    }), RUNS);
  });

  /**
   * Sentences whose curly marks stand where their direction shows (“ after a
   * space and before a word, ” anywhere else): a mark typeset in the other's
   * place ("Ukraine, ”Stratford said", "movements“Against") says which it is
   * only by its shape, which a straight quote does not have.
   */
  const typesetAsTheyRead = (s: string): boolean => !/(^|[\s([{—–-])”\S|[^\s([{—–-]“|“(\s|$)/.test(s);

  test('quote style does not change the verdict', () => {
    fc.assert(fc.property(pageArb, (parts) => {
      const text = render(parts.filter((p) => !('seed' in p) || typesetAsTheyRead(sentences[p.seed % sentences.length]!)));
      const straight = text.replace(/[“”]/g, '"').replace(/[‘’]/g, '\'');
      same(check(text), check(straight));
    }), { numRuns: 100 });
  });

  test('copying more of a source never lowers its coverage', () => {
    // the text as the corpus stores it: a sentence the build dropped (a photo caption) is no longer the source's
    const source = { id: seedArticles()[0]!.id, text: storedSeedText(corpus, seedArticles()[0]!.id.slice(0, 3)) };
    const sourceSentences = source.text.split('\n').filter((l) => l.split(/\s+/).length > 12);
    fc.assert(fc.property(fc.array(invented, { minLength: 3, maxLength: 8 }), fc.nat(sourceSentences.length - 2), (own, k) => {
      const page = (n: number): string => [...own, ...sourceSentences.slice(0, n)].join('\n\n');
      const coverage = (n: number): number => {
        const v = check(page(n));
        // once the page holds nearly all of the source it *is* that article (self): full coverage
        if (v.self === source.id) return 1;
        return v.sources.find((s) => s.id === source.id)?.coverage ?? 0;
      };
      expect(coverage(k + 1)).toBeGreaterThanOrEqual(coverage(k) - 1e-9);
    }), { numRuns: 15 });
  });

  test('an empty page is no match, not an error', () => {
    const v = check('');
    expect(v.status).toBe('no-match');
    expect(v.pageWords).toBe(0);
    expect(v.overlap).toBe(0);
  });

  test('a corpus built from the same articles gives the same verdicts (builds are deterministic)', async () => {
    // read as the build reads them (its furniture clean-up included), so only the build itself can differ
    const rebuilt = loadCorpus(buildCorpusIndex(await readArticleFolder(SEEDS_DIR)));
    const text = render([{ seed: 3 }, { seed: 40 }, { seed: 41 }, { seed: 42 }]);
    expect(attribute({ text }, [rebuilt], { lexicon })).toEqual(check(text));
  });
});
