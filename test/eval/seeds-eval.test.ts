/**
 * Regression guard: the seeds evaluation against the hand-made labels. (The issue-2 assertions on
 * the seeds live with the engine's tests; this guards the evaluation's reading of the labels and
 * the direct and independent pairs.)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/engine/index.js';
import { LEXICON_PATH, loadEvalEngine } from '../../src/eval/engine-adapter.js';
import { articleWordSpans, loadSeedLabels, SEED_PAIRS_DATASET } from '../../src/eval/seeds/load-seed-labels.js';
import { articleCoverage, inLabelledRange, seedPairResults } from '../../src/eval/seeds/seeds-eval.js';
import { locateDataset, SHARED_DIR } from '../../src/eval/shared-data.js';
import { shingleWordCoverage, wordSeq } from '../../src/eval/word-shingles.js';

describe('articleCoverage', () => {
  it('counts article words inside passages, leaving boilerplate lines out', () => {
    const text = 'Photo: AP\nOne two three four\nfive six';
    // passage covers "two three"; article words: one two three four five six
    expect(articleCoverage(text, ['Photo: AP'], [{ page: [14, 23] }])).toBeCloseTo(2 / 6);
    expect(articleCoverage('only boilerplate', ['only boilerplate'], [])).toBe(0);
  });
  it('accepts the labelled range widened by the tolerance', () => {
    expect(inLabelledRange(0.08, [0.122, 0.196])).toBe(true);
    expect(inLabelledRange(0.06, [0.122, 0.196])).toBe(false);
    expect(inLabelledRange(0.25, [0.122, 0.196])).toBe(false);
  });
});

const located = locateDataset(SEED_PAIRS_DATASET);
// vitest runs a skipped describe's body too (to collect its tests): read the data only when it is there.
const seedData = 'dir' in located ? readSeedData(located.dir) : null;
function readSeedData(dir: string) {
  const labels = loadSeedLabels(dir);
  const texts = new Map(
    [...labels.seeds.values()].map((s) => [s.label, readFileSync(path.join(SHARED_DIR, 'seeds', s.file), 'utf8')]),
  );
  return { labels, texts };
}

describe.skipIf(seedData === null)('the seeds against their labels', () => {
  const { labels, texts } = seedData ?? { labels: null!, texts: new Map<string, string>() };

  it('counts article words exactly as the labels do', () => {
    for (const s of labels.seeds.values()) {
      expect(articleWordSpans(texts.get(s.label)!, s.boilerplate), s.label).toHaveLength(s.articleWords);
    }
  });

  it('reproduces the plain 5-gram shingling figure for 001 by 000 (~0.46)', () => {
    const cov = shingleWordCoverage(wordSeq(texts.get('001')!).words, wordSeq(texts.get('000')!).words, 5);
    expect(cov).toBeGreaterThan(0.44);
    expect(cov).toBeLessThan(0.48);
  });

  it.skipIf(!existsSync(LEXICON_PATH))('keeps every direct and independent pair within its labelled range', async () => {
    const engine = await loadEvalEngine();
    if ('skip' in engine) throw new Error(engine.skip);
    const seeds = [...labels.seeds.values()];
    const corpus = engine.corpus(
      seeds.map((s) => ({ id: s.id, title: s.titleLines[0] ?? s.id, outlet: s.outlet, published: s.published, url: null, text: texts.get(s.label)! })),
    );
    const verdicts = new Map<string, Verdict>(
      seeds.map((s) => [s.label, engine.check({ text: texts.get(s.label)!, published: s.published }, [corpus])]),
    );
    const results = seedPairResults(labels, texts, verdicts);
    const direct = results.filter((r) => !labels.pairs.find((p) => p.a === r.a && p.b === r.b)!.transitive);
    expect(direct.length).toBeGreaterThanOrEqual(18);
    const outside = direct.filter((r) => !r.inRange).map((r) => `${r.a} by ${r.b}: ${r.articleCoverage.toFixed(3)} vs ${r.labelled.join('–')}`);
    expect(outside).toEqual([]);
    const wrongRelation = direct
      .filter((r) => r.expectedRelation !== null && r.expectedRelation !== r.relation_)
      .map((r) => `${r.a} by ${r.b}: ${r.relation_ ?? 'none'} instead of ${r.expectedRelation}`);
    expect(wrongRelation).toEqual([]);
  });
});
