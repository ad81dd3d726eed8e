/**
 * The growing corpus's section of `npm run bench` (`--only=growing` runs it alone; `--full`
 * doubles the corpus): what a check costs as the corpus is split into more segments (1, 10 and 50
 * of equal size, each written as an append would write it, with no merge), what appending 100
 * articles costs, and what merges cost (one tier: four segments of 100; and all of it). In memory,
 * this process: the engine's work, not the disk's.
 */
import {
  appendArticles, attribute, backgroundOf, buildSegment, DEFAULT_INDEX_PARAMS, EMPTY_MANIFEST, groupSegments, loadCorpus, mergeSegments,
  segmentName, type ArticleInput, type Corpus, type GrowingCorpusManifest, type LoadedSegment,
} from '../engine/index.js';
import os from 'node:os';
import { NewsGenerator } from './news-generator.js';
import { buildQueryPages } from './query-pages.js';
import { quantile } from './stats.js';
import { loadVocabulary } from './vocabulary.js';

export interface GrowingReport {
  readonly articles: number;
  readonly pages: number;
  readonly checks: ReadonlyArray<{ segments: number; p50: number; p95: number; correct: number }>;
  readonly appendMs: number;
  readonly tierMergeMs: number;
  readonly fullMergeMs: number;
  readonly loadAverage: number;
}

interface Grown {
  readonly manifest: GrowingCorpusManifest;
  readonly segments: LoadedSegment[];
}

/** `articles` split into `count` segments, each built beside the ones before it, as appends build them. */
function grownIn(articles: readonly ArticleInput[], count: number): Grown {
  const segments: LoadedSegment[] = [];
  const per = Math.ceil(articles.length / count);
  for (let i = 0; i < count; i++) {
    const batch = articles.slice(i * per, (i + 1) * per).map((a) => ({ ...a, firstSeen: '2026-12-01T00:00:00.000Z' }));
    segments.push({ name: segmentName(i + 1), corpus: loadCorpus(buildSegment(batch, DEFAULT_INDEX_PARAMS, backgroundOf(segments.map((s) => s.corpus)))) });
  }
  const manifest = { ...EMPTY_MANIFEST, segments: segments.map((s) => ({ name: s.name, articles: s.corpus.size, removed: [] })), nextSegment: count + 1 };
  groupSegments(manifest, segments);
  return { manifest, segments };
}

const timed = (act: () => void): number => {
  const t = performance.now();
  act();
  return performance.now() - t;
};

export function runGrowingBench(articles: number, seed: number, log: (line: string) => void): GrowingReport {
  const generator = new NewsGenerator(loadVocabulary(), seed);
  const corpus = generator.corpus(articles + 400);
  const base = corpus.slice(0, articles);
  const pages = buildQueryPages(generator, articles, 8);
  const checks: Array<{ segments: number; p50: number; p95: number; correct: number }> = [];
  let ten: Grown | null = null;
  for (const count of [1, 10, 50]) {
    const started = performance.now();
    const grown = grownIn(base, count);
    if (count === 10) ten = grown;
    const corpora: Corpus[] = grown.segments.map((s) => s.corpus);
    for (const page of pages.slice(0, 5)) attribute({ text: page.text }, corpora); // warm-up
    const times: number[] = [];
    let correct = 0;
    for (const page of pages) {
      const t = performance.now();
      const verdict = attribute({ text: page.text, published: '2026-06-01' }, corpora);
      times.push(performance.now() - t);
      const source = page.sourceIndex === null ? null : base[page.sourceIndex]!.id;
      if (source === null ? verdict.sources.length === 0 : verdict.sources.some((s) => s.id === source)) correct++;
    }
    checks.push({ segments: count, p50: quantile(times, 0.5), p95: quantile(times, 0.95), correct });
    log(`bench: growing corpus, ${articles} articles in ${count} segment(s): built in ${((performance.now() - started) / 1000).toFixed(1)} s, check p50 ${quantile(times, 0.5).toFixed(1)} ms`);
  }

  const { manifest, segments } = ten!;
  const fresh = corpus.slice(articles, articles + 100);
  const appendMs = timed(() => appendArticles(manifest, segments, fresh, '2026-12-02T00:00:00.000Z', DEFAULT_INDEX_PARAMS));

  // one tier: four segments of 100 articles appended after the ten
  const tier: LoadedSegment[] = [...segments];
  let tierManifest = manifest;
  for (let i = 0; i < 4; i++) {
    const batch = corpus.slice(articles + i * 100, articles + (i + 1) * 100);
    const added = appendArticles(tierManifest, tier, batch, '2026-12-02T00:00:00.000Z', DEFAULT_INDEX_PARAMS);
    tierManifest = added.manifest;
    tier.push({ name: added.name, corpus: loadCorpus(added.segment!) });
    groupSegments(tierManifest, tier);
  }
  const lastFour = tierManifest.segments.slice(-4).map((e) => e.name);
  const tierMergeMs = timed(() => mergeSegments(tierManifest, tier, lastFour, DEFAULT_INDEX_PARAMS));
  const fullMergeMs = timed(() => mergeSegments(manifest, segments, manifest.segments.map((e) => e.name), DEFAULT_INDEX_PARAMS));
  return { articles, pages: pages.length, checks, appendMs, tierMergeMs, fullMergeMs, loadAverage: os.loadavg()[0] ?? NaN };
}

export function renderGrowingReport(r: GrowingReport): string {
  const ms = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`);
  return [
    `Growing corpus (\`npm run bench -- --only=growing\`): ${r.articles.toLocaleString('en-US')} generated articles, ${r.pages} query pages (verbatim, spun, embedded, unrelated, paragraph); load average ${r.loadAverage.toFixed(1)}.`,
    '',
    '| segments | check p50 | check p95 | source found (unrelated: none) |',
    '|---:|---:|---:|---:|',
    ...r.checks.map((c) => `| ${c.segments} | ${ms(c.p50)} | ${ms(c.p95)} | ${c.correct}/${r.pages} |`),
    '',
    '| operation | time |',
    '|---|---:|',
    `| append 100 articles (a new segment beside 10; dedup by address and text) | ${ms(r.appendMs)} |`,
    `| merge one tier (4 segments of 100 articles) | ${ms(r.tierMergeMs)} |`,
    `| merge everything (${r.articles.toLocaleString('en-US')} articles into one segment) | ${ms(r.fullMergeMs)} |`,
  ].join('\n');
}
