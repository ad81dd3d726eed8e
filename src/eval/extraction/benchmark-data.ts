/**
 * The article-extraction benchmark in ../shared/eval (Zyte, 181 pages with hand-marked bodies) and
 * its fixed development/test split.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EVAL_DATA_DIR } from '../shared-data.js';

export const BENCHMARK_DIR = path.join(EVAL_DATA_DIR, 'article-extraction-benchmark');

export interface BenchmarkPage {
  id: string;
  url: string;
  /** The hand-marked article body (paragraphs separated by newlines). */
  truth: string;
}

export type Split = 'dev' | 'test';

/**
 * The split the clean-up rules were developed on: ids sorted by code point, the first ceil(n/2)
 * (91 of 181) are `dev`, the rest `test`. Ids are SHA-256 hashes, so sorting them shuffles the
 * sites without any choice of ours.
 */
export function splitOf(sortedIds: readonly string[], id: string): Split {
  const index = sortedIds.indexOf(id);
  if (index < 0) throw new Error(`unknown benchmark page ${id}`);
  return index < Math.ceil(sortedIds.length / 2) ? 'dev' : 'test';
}

/** Why the benchmark cannot be used here, or null when it can. */
export function benchmarkMissingReason(): string | null {
  return existsSync(path.join(BENCHMARK_DIR, 'ground-truth.json'))
    ? null
    : `article-extraction benchmark not found at ${BENCHMARK_DIR} (the shared data lives in ../shared beside the repo or in FIRSTHAND_SHARED_DIR)`;
}

/** All pages, sorted by id. */
export function loadBenchmarkPages(): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(path.join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) => ({ id, url: truth[id]?.url ?? '', truth: truth[id]?.articleBody ?? '' }));
}

/** The page's HTML; the benchmark stores pages gzip-compressed and UTF-8 encoded. */
export function loadBenchmarkHtml(id: string): string {
  return gunzipSync(readFileSync(path.join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).toString('utf8');
}

/** A shipped reference output (`readability_js`, `trafilatura`): id → predicted article body. */
export function loadReferenceOutput(name: string): { version: string; bodies: Map<string, string> } {
  const data = JSON.parse(readFileSync(path.join(BENCHMARK_DIR, 'output', `${name}.json`), 'utf8')) as {
    version?: string;
    output?: Record<string, { articleBody?: string }>;
  };
  const bodies = new Map<string, string>();
  for (const [id, item] of Object.entries(data.output ?? {})) bodies.set(id, item.articleBody ?? '');
  return { version: data.version ?? '?', bodies };
}
