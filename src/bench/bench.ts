/**
 * `npm run bench`: Firsthand and the npm peers on the same seeded corpora and
 * query pages, in one run. Default sizes 1k and 10k articles; `--full` (or
 * BENCH_100K=1) adds 100k. Other flags: `--sizes=1000,5000`, `--seed=N`,
 * `--only=firsthand,bloom-filters`, `--out=name` (dist/bench/<name>.md/.json),
 * `--render=dist/bench/bench.json` (re-render an earlier run). Writes dist/bench/bench.md and bench.json.
 *
 * Then the adversarial section (hostile.ts): hostile page texts at 10k and 100k characters through
 * the engine stages, 1M too with `--full`; a few seconds, in this process. `--only=hostile` runs it
 * alone (`--only=firsthand` and the like leave it out); it writes dist/bench/hostile.md and .json.
 * Then the wire section (wire-bench.ts): one story with many carriers, at 10k articles, 100k too
 * with `--full`; `--only=wire` runs it alone; it writes dist/bench/wire.md.
 *
 * And the growing corpus's section (growing.ts): checks at 1, 10 and 50 segments, an append of 100
 * articles, merges; `--only=growing` runs it alone; it writes dist/bench/growing.md and .json.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../build/paths.js';
import { renderGrowingReport, runGrowingBench } from './growing.js';
import { HOSTILE_FULL_SIZES, HOSTILE_SIZES, renderHostileReport, runHostileBench } from './hostile.js';
import { renderWireReport, runWireBench } from './wire-bench.js';
import { renderReport, type BenchReport } from './report.js';
import { RUNNER_KINDS, type ChildJob, type ChildResult, type RunnerKind } from './results.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-child.ts');
const OUT_DIR = path.join(DIST, 'bench');
const CHILD_TIMEOUT_MS = 40 * 60_000;

interface Plan {
  readonly perKind: number;
  readonly repeats: number;
}

/**
 * What each contender runs at each size, or why it does not (from the limits
 * measured in ../shared/docs/perf-anchors.md on this machine).
 */
function plan(runner: RunnerKind, size: number, full: boolean): Plan | string {
  const big = size > 20_000;
  // Peers whose verdict does not change with N and whose build alone takes minutes run at 10k only with --full.
  const slowAt10k = size > 2000 && !full;
  switch (runner) {
    case 'firsthand': return { perKind: 25, repeats: 3 };
    case 'bloom-filters': return big ? { perKind: 10, repeats: 1 } : { perKind: 25, repeats: 3 };
    case 'minhash':
      if (big) return 'build ~10-15 ms per article (rehashes each shingle 128×): ~20 min at 100k';
      return slowAt10k ? 'build ~2.5 min at 10k; same 0 % on (b)/(c) as at 1k; run with --full' : { perKind: 10, repeats: 1 };
    case 'dolos': return big ? '~330 KB of heap per article: ~33 GB at 100k, does not fit' : { perKind: 10, repeats: 1 };
    case 'simhash':
      if (big) return 'finds no partial or spun copy at any size; build ~7 min at 100k for nothing';
      return slowAt10k ? 'same 0 % on (b)/(c) as at 1k; run with --full' : { perKind: 25, repeats: 3 };
    case 'string-similarity':
      if (big) return 'O(N) pairwise bigram Dice: ~100 s per query at 100k';
      return size > 2000 ? { perKind: 1, repeats: 1 } : { perKind: 3, repeats: 1 };
    case 'diff-match-patch': return { perKind: 10, repeats: 1 };
    case 'limit': return { perKind: 10, repeats: 1 };
  }
}

function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [JSON.stringify(job)], {
      execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=16384'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ChildResult | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('message', (m) => {
      result = m as ChildResult;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(result ?? { job, status: 'failed', name: job.runner, note: `process ended (${signal ?? `exit ${code}`}) without a result` });
    });
  });
}

function flag(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}

async function main(): Promise<void> {
  // --render=<bench.json>: re-render the markdown of an earlier run without re-running it.
  const render = flag('render');
  if (render) {
    const report = JSON.parse(readFileSync(render, 'utf8')) as BenchReport;
    const markdown = renderReport(report);
    writeFileSync(render.replace(/\.json$/, '.md'), markdown + '\n');
    process.stdout.write(markdown + '\n');
    return;
  }
  const full = flag('full') !== undefined || process.env.BENCH_100K === '1';
  const sizes = (flag('sizes')?.split(',').map(Number) ?? (full ? [1000, 10_000, 100_000] : [1000, 10_000])).filter((n) => n > 0);
  const seed = Number(flag('seed') ?? 20261122);
  const only = flag('only')?.split(',');
  const runners = RUNNER_KINDS.filter((r) => only === undefined || only.includes(r));
  if (only === undefined || only.includes('hostile')) runHostile(full);
  if (only === undefined || only.includes('wire')) runWire(flag('sizes') !== undefined ? sizes.filter((n) => n >= 10_000) : full ? [10_000, 100_000] : [10_000], seed);
  if (only === undefined || only.includes('growing')) runGrowing(full, seed);
  if (runners.length === 0) return;
  const results: ChildResult[] = [];
  const skipped: BenchReport['skipped'][number][] = [];
  const started = performance.now();
  // Other work on this box skews timings; the report states the load it ran under.
  const loadBefore = os.loadavg()[0] ?? NaN;

  for (const size of sizes) {
    for (const runner of runners) {
      // Neither the alignment stage nor the limit depends on N: once, at the first size.
      if ((runner === 'diff-match-patch' || runner === 'limit') && size !== sizes[0]) continue;
      const p = plan(runner, size, full);
      if (typeof p === 'string') {
        skipped.push({ runner, size, reason: p });
        continue;
      }
      const t0 = performance.now();
      process.stderr.write(`bench: ${runner} at ${size} articles… `);
      const result = await runChild({ runner, size, seed, perKind: p.perKind, repeats: p.repeats });
      process.stderr.write(`${result.status}${result.note ? ` (${result.note})` : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      results.push(result);
    }
  }

  const loadAfter = os.loadavg()[0] ?? NaN;
  const cpus = os.cpus();
  const report: BenchReport = {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.versions.node,
      platform: `${os.platform()} ${os.arch()}`,
      date: new Date().toISOString().slice(0, 10),
      loadAverage: [loadBefore, loadAfter],
      minutes: (performance.now() - started) / 60_000,
    },
    seed,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    sizes,
    results,
    skipped,
  };
  const markdown = renderReport(report);
  mkdirSync(OUT_DIR, { recursive: true });
  const suffix = flag('out') ?? 'bench';
  writeFileSync(path.join(OUT_DIR, `${suffix}.md`), markdown + '\n');
  writeFileSync(path.join(OUT_DIR, `${suffix}.json`), JSON.stringify(report, null, 1) + '\n');
  process.stdout.write(markdown + '\n');
  process.stderr.write(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${path.relative(process.cwd(), OUT_DIR)}/${suffix}.md and .json\n`);
}

/** The adversarial section: its own table, dist/bench/hostile.md (README's "Hostile input" part). */
function runHostile(full: boolean): void {
  const started = performance.now();
  const report = runHostileBench(full ? HOSTILE_FULL_SIZES : HOSTILE_SIZES, (line) => process.stderr.write(line + '\n'));
  const markdown = renderHostileReport(report);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'hostile.md'), markdown + '\n');
  writeFileSync(path.join(OUT_DIR, 'hostile.json'), JSON.stringify(report, null, 1) + '\n');
  process.stdout.write(markdown + '\n\n');
  process.stderr.write(`bench: hostile inputs done in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote dist/bench/hostile.md and .json\n`);
}

/** One story with many carriers (issue 17): its own table, dist/bench/wire.md. */
function runWire(sizes: readonly number[], seed: number): void {
  const started = performance.now();
  const markdown = renderWireReport(runWireBench(sizes, seed, (line) => process.stderr.write(line + '\n')));
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'wire.md'), markdown + '\n');
  process.stdout.write(markdown + '\n\n');
  process.stderr.write(`bench: wire groups done in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote dist/bench/wire.md\n`);
}

/** The growing corpus's section: its own tables, dist/bench/growing.md (README's "A corpus that grows" part). */
function runGrowing(full: boolean, seed: number): void {
  const started = performance.now();
  const report = runGrowingBench(full ? 10_000 : 5_000, seed, (line) => process.stderr.write(line + '\n'));
  const markdown = renderGrowingReport(report);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'growing.md'), markdown + '\n');
  writeFileSync(path.join(OUT_DIR, 'growing.json'), JSON.stringify(report, null, 1) + '\n');
  process.stdout.write(markdown + '\n\n');
  process.stderr.write(`bench: growing corpus done in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote dist/bench/growing.md and .json\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
