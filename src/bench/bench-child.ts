/**
 * One contender at one corpus size, in a fresh process so its heap and peak RSS
 * are its own (and a peer that runs out of memory cannot take the bench down).
 * Run by bench.ts through child_process.fork with --expose-gc; answers with one
 * IPC message (a ChildResult).
 */
import { loadVocabulary } from './vocabulary.js';
import { NewsGenerator } from './news-generator.js';
import { buildQueryPage, QUERY_KINDS, type QueryKind, type QueryPage } from './query-pages.js';
import { collectGarbage, heapBytes, median } from './stats.js';
import type { Runner } from './runner.js';
import type { createFirsthandRunner } from './firsthand-runner.js';
import { measureLimit } from './limit.js';
import type { ChildJob, ChildResult, PageResult } from './results.js';

async function main(): Promise<ChildResult> {
  const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
  const generator = new NewsGenerator(loadVocabulary(), job.seed);
  const pages: QueryPage[] = [];
  for (const kind of QUERY_KINDS) for (let j = 0; j < job.perKind; j++) pages.push(buildQueryPage(generator, job.size, kind, j));

  if (job.runner === 'diff-match-patch') {
    const { alignWithDiffMatchPatch } = await import('./peers/diff-match-patch.js');
    return { job, status: 'ok', name: 'diff-match-patch (word mode)', alignment: alignWithDiffMatchPatch(generator, job.size, pages) };
  }

  const articles = generator.corpus(job.size);
  if (job.runner === 'limit') {
    return { job, status: 'ok', name: 'limit', limit: await measureLimit(articles, pages) };
  }

  let runner: Runner;
  let note: string | undefined;
  let firsthand: ReturnType<typeof createFirsthandRunner> | null = null;
  switch (job.runner) {
    case 'firsthand': {
      runner = firsthand = (await import('./firsthand-runner.js')).createFirsthandRunner();
      note = firsthand.lexiconNote;
      break;
    }
    // Imported on demand: one peer's loading problem must not stop the others.
    case 'bloom-filters': runner = (await import('./peers/bloom-minhash.js')).createBloomMinHashRunner(); break;
    case 'minhash': runner = (await import('./peers/minhash-lsh.js')).createMinhashLshRunner(); break;
    case 'dolos': runner = (await import('./peers/dolos-winnow.js')).createDolosRunner(); break;
    case 'simhash': runner = (await import('./peers/simhash.js')).createSimhashRunner(); break;
    case 'string-similarity': runner = (await import('./peers/string-similarity.js')).createStringSimilarityRunner(); break;
    default: throw new Error(`unknown runner ${String(job.runner)}`);
  }

  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, heapBytes());
  };
  const sampler = setInterval(sample, 50);

  collectGarbage();
  const beforeBuild = heapBytes();
  const t0 = performance.now();
  await runner.build(articles);
  const buildMs = performance.now() - t0;
  sample();
  collectGarbage();
  let beforeIndex = beforeBuild;
  let loadMs: number | undefined;
  if (runner.load) {
    // The index as a user gets it: reloaded from its file, nothing left over from building.
    collectGarbage();
    beforeIndex = heapBytes();
    await runner.load();
    loadMs = firsthand?.loadTimes().loadMs;
  }
  collectGarbage();
  const indexHeap = heapBytes() - beforeIndex;

  // Warm-up (JIT, caches) and an untimed first run per page, except for the slow
  // scanners (repeats = 1), where one query costs seconds and warming changes nothing.
  const warm = job.repeats > 1;
  if (warm) for (const page of pages.slice(0, 3)) runner.query(page);

  const results: PageResult[] = [];
  for (const page of pages) {
    const times: number[] = [];
    let answer = warm ? runner.query(page) : { top: null, score: 0 };
    for (let r = 0; r < job.repeats; r++) {
      const s = performance.now();
      answer = runner.query(page);
      times.push(performance.now() - s);
    }
    results.push({
      kind: page.kind,
      words: page.words,
      copiedShare: page.copiedShare,
      sourceIndex: page.sourceIndex,
      top: answer.top,
      score: answer.score,
      status: answer.status,
      coverage: answer.coverage,
      ms: median(times),
    });
    sample();
  }
  collectGarbage();
  const afterQueriesHeap = heapBytes() - beforeIndex;
  clearInterval(sampler);
  const extra = runner.extra ? await runner.extra(pages) : undefined;

  return {
    job,
    status: 'ok',
    name: runner.name,
    note,
    buildMs,
    loadMs,
    readAndLoadMs: firsthand?.loadTimes().readAndLoadMs,
    headLoadMs: firsthand?.loadTimes().headLoadMs,
    indexHeapBytes: indexHeap,
    afterQueriesHeapBytes: afterQueriesHeap,
    peakHeapBytes: peakHeap,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    sizes: runner.sizes(),
    pages: results,
    extra,
  };
}

main().then(
  (result) => {
    process.send?.(result);
    process.exitCode = 0;
  },
  (error: unknown) => {
    const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
    const result = { job, status: 'failed', name: job.runner, note: error instanceof Error ? error.message.split('\n')[0] : String(error) } satisfies ChildResult;
    // Exit once it is sent: timers the run left (the heap sampler) would keep the process, and the bench, waiting.
    if (process.send) process.send(result, () => process.exit(1));
    else process.exit(1);
  },
);

export type { QueryKind };
