/**
 * Firsthand as a benchmark contender: builds the binary corpus, reloads it from
 * disk (timed as load), and answers pages with `attribute()`. Also times the
 * pipeline's stages where the engine exposes them, and the raw fused scan on the
 * same pages as the physical limit.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleInput, PageInput, Verdict } from '../engine/index.js';
import { LEXICON_FILE } from '../build/paths.js';
import type { QueryPage } from './query-pages.js';
import { PAGE_PUBLISHED } from './query-pages.js';
import type { QueryAnswer, Runner, RunnerSizes } from './runner.js';

interface LoadedCorpus {
  readonly size: number;
  readonly indexBytes?: number;
  readonly storeBytes?: number;
  meta(i: number): { readonly id: string };
}
/** The engine surface the bench needs; checked at run time because the engine lands in steps. */
export interface EngineSurface {
  buildCorpusIndex(articles: readonly ArticleInput[]): Uint8Array;
  loadCorpus(bytes: Uint8Array): LoadedCorpus;
  attribute(page: PageInput, corpora: readonly LoadedCorpus[], options?: { lexicon?: unknown }): Verdict;
  loadLexicon?(bytes: Uint8Array): unknown;
  tokenize?(text: string): unknown;
}

/** The engine, or the reason it cannot be benchmarked yet. */
export async function loadEngine(): Promise<EngineSurface | string> {
  const engine = (await import('../engine/index.js')) as Partial<EngineSurface>;
  const missing = (['buildCorpusIndex', 'loadCorpus', 'attribute'] as const).filter((name) => typeof engine[name] !== 'function');
  return missing.length > 0 ? `the engine does not export ${missing.join(', ')} yet` : (engine as EngineSurface);
}

export interface FirsthandLoadTimes {
  /** loadCorpus() on bytes already in memory (ms). */
  readonly loadMs: number;
  /** readFileSync + loadCorpus (ms). */
  readonly readAndLoadMs: number;
}

export function createFirsthandRunner(engine: EngineSurface): Runner & { loadTimes(): FirsthandLoadTimes; lexiconNote: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'firsthand-bench-'));
  const file = path.join(dir, 'corpus.fhc');
  let corpus: LoadedCorpus | null = null;
  let fileBytes = 0;
  let ids = new Map<string, number>();
  let times: FirsthandLoadTimes = { loadMs: NaN, readAndLoadMs: NaN };

  let lexicon: unknown;
  let lexiconNote = 'no lexicon (dist/data/lexicon.bin missing: run npm run build)';
  if (engine.loadLexicon && existsSync(LEXICON_FILE)) {
    lexicon = engine.loadLexicon(readFileSync(LEXICON_FILE));
    lexiconNote = `lexicon ${path.relative(process.cwd(), LEXICON_FILE)}`;
  }

  return {
    name: 'Firsthand',
    lexiconNote,
    build(articles: readonly ArticleInput[]) {
      const bytes = engine.buildCorpusIndex(articles);
      // Written inside build so the bytes can be dropped before the load is measured.
      writeFileSync(file, bytes);
      fileBytes = bytes.byteLength;
      ids = new Map(articles.map((a, i) => [a.id, i]));
    },
    load() {
      // Warm the file cache and the code paths once, then measure a fresh load.
      engine.loadCorpus(readFileSync(file));
      const t0 = performance.now();
      const bytes = readFileSync(file);
      const t1 = performance.now();
      corpus = engine.loadCorpus(bytes);
      const t2 = performance.now();
      times = { loadMs: t2 - t1, readAndLoadMs: t2 - t0 };
      rmSync(dir, { recursive: true, force: true });
    },
    query(page: QueryPage): QueryAnswer {
      if (corpus === null) throw new Error('Firsthand runner: query before load');
      const verdict = engine.attribute({ text: page.text, published: PAGE_PUBLISHED }, [corpus], lexicon === undefined ? {} : { lexicon });
      const best = verdict.sources[0];
      const top = verdict.likelyOriginal ?? best?.id ?? null;
      const source = verdict.sources.find((s) => s.id === top);
      return {
        top: top === null ? null : (ids.get(top) ?? null),
        score: source?.coverage ?? 0,
        status: verdict.status,
        coverage: source?.coverage ?? 0,
      };
    },
    sizes(): RunnerSizes {
      const indexBytes = corpus?.indexBytes ?? null;
      const storeBytes = corpus?.storeBytes ?? null;
      return {
        indexDiskBytes: indexBytes ?? fileBytes,
        storeDiskBytes: storeBytes ?? (indexBytes === null ? null : fileBytes - indexBytes),
      };
    },
    loadTimes: () => times,
  };
}
