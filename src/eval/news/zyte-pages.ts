/**
 * The second real-news test: natural pairs among the 181 real pages of the Zyte
 * article-extraction benchmark (different outlets on one event, found by the rare names they
 * share). The hand-marked article bodies are the texts; a page's id here is its position among
 * the benchmark's ids sorted by code point (the labels also record each page's benchmark id, so a
 * changed benchmark is caught rather than silently mislabelled). The benchmark has no dates.
 */
import type { ArticleInput, PageInput } from '../../engine/index.js';
import type { EvalEngine } from '../engine-adapter.js';
import { checkEach, type MethodRun } from './run-news.js';
import { benchmarkMissingReason, loadBenchmarkPages } from '../extraction/benchmark-data.js';
import type { NewsArticle } from './load-news.js';
import { skipOrFail } from '../shared-data.js';
import { pairKey } from './labels.js';
import { namesIn } from './sample-pairs.js';

export const ZYTE_LABELS = 'zyte-pairs';

export interface ZytePage extends NewsArticle {
  readonly benchmarkId: string;
  readonly url: string;
}

/** The pages, or why they cannot be loaded. */
export function loadZytePages(): ZytePage[] | { skip: string } {
  const missing = benchmarkMissingReason();
  if (missing) return { skip: skipOrFail(missing) };
  return loadBenchmarkPages().map((p, i) => {
    let publisher = '';
    try {
      publisher = new URL(p.url).hostname;
    } catch {
      publisher = 'unknown';
    }
    // the benchmark has no dates: scrapeTime is a placeholder, never read by the Zyte scores
    return { id: String(i), benchmarkId: p.id, url: p.url, publisher, scrapeTime: '1970-01-01T00:00:00Z', text: p.truth };
  });
}

export function zyteArticle(p: ZytePage): ArticleInput {
  return { id: p.id, title: p.text.split('\n', 1)[0]!.slice(0, 200), outlet: p.publisher, published: null, url: p.url, text: p.text };
}

export function zytePage(p: ZytePage): PageInput {
  return { text: p.text, url: p.url };
}

/** Rare names: capitalised words (not opening a sentence) in at most this many pages. */
export const ZYTE_RARE_PAGES = 3;
/** Pairs sharing at least this many rare names are candidates for reading. */
export const ZYTE_MIN_SHARED_NAMES = 4;

/** Pairs of pages that share ≥ ZYTE_MIN_SHARED_NAMES names found in ≤ ZYTE_RARE_PAGES pages. */
export function sharedNamePairs(pages: readonly { readonly id: string; readonly text: string }[]): string[] {
  const names = pages.map((p) => namesIn(p.text));
  const df = new Map<string, number>();
  for (const set of names) for (const n of set) df.set(n, (df.get(n) ?? 0) + 1);
  const rare = names.map((set) => [...set].filter((n) => df.get(n)! <= ZYTE_RARE_PAGES));
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const mine = new Set(rare[i]);
    for (let j = i + 1; j < pages.length; j++) {
      if (rare[j]!.filter((n) => mine.has(n)).length >= ZYTE_MIN_SHARED_NAMES) out.push(pairKey(pages[i]!.id, pages[j]!.id));
    }
  }
  return out;
}

/** The engine over the benchmark: one corpus of all pages, each page checked at its own address. */
export function runZyteEngine(engine: EvalEngine, pages: readonly ZytePage[]): MethodRun {
  const corpus = engine.corpus(pages.map(zyteArticle));
  return checkEach(engine, corpus, pages, zytePage);
}
