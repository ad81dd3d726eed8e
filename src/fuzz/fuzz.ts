/**
 * `npm run fuzz [-- --seed N --cases N --cli-runs N --case-timeout MS]`: the seeded fuzz harness of
 * issue 15. In process (a worker thread, restarted when a case hangs): hostile and mutated pages
 * checked against the bundled corpus, and damaged corpus files checked with seed pages. Then real
 * CLI runs with random arguments. Prints a summary; exits 1 when any case crashed, hung or answered
 * wrong. The same seed gives the same cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { runCliCases } from './cli-runs.js';
import type { CaseReport, WorkerInput } from './fuzz-worker.js';
import { seedMaterial } from './seed-material.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261203' },
    cases: { type: 'string', default: '2000' },
    'cli-runs': { type: 'string', default: '40' },
    'case-timeout': { type: 'string', default: '20000' },
    'corpus-every': { type: 'string', default: '5' },
    'repeat-every': { type: 'string', default: '4' },
  },
});
const seed = Number(values.seed);
const cases = Number(values.cases);
const cliRuns = Number(values['cli-runs']);
const caseTimeout = Number(values['case-timeout']);
const corpusEvery = Number(values['corpus-every']);
const repeatEvery = Number(values['repeat-every']);
const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'firsthand-fuzz-'));

/** The worker is TypeScript too: it registers tsx's loader before importing the worker module. */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./fuzz-worker.ts', import.meta.url).href)}); })`;

interface Problem { readonly index: number | string; readonly kind: string; readonly type: 'crash' | 'hang' | 'wrong'; readonly detail: string }

/** Runs cases [from, cases) in a worker; on a case that outlives the timeout, terminates and resumes after it. */
function runInProcess(from: number, reports: CaseReport[], problems: Problem[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const input: WorkerInput = { seed, from, to: cases, corpusEvery, tmpDir, repeatEvery };
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: input, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    let current = from;
    let currentKind = 'unknown';
    let startedAny = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        problems.push({ index: current, kind: currentKind, type: 'hang', detail: `stopped: no answer within ${caseTimeout * 2 + 5_000} ms` });
        stopped.push(currentKind);
        void worker.terminate().then(() => resolve(current + 1 < cases ? runInProcess(current + 1, reports, problems) : undefined));
      }, caseTimeout * 2 + 5_000); // a case may run twice
    };
    worker.on('message', (message: CaseReport | { started: number; kind: string } | { done: true }) => {
      if ('started' in message) {
        current = message.started;
        currentKind = message.kind;
        startedAny = true;
        arm();
      } else if ('done' in message) {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve());
      } else {
        reports.push(message);
        if (message.index % 250 === 0) process.stderr.write(`fuzz: case ${message.index}/${cases}\n`);
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      if (!startedAny) {
        reject(new Error(`the fuzz worker could not start: ${error.message}`));
        return;
      }
      problems.push({ index: current, kind: currentKind, type: 'crash', detail: `worker died: ${error.message}` });
      stopped.push(currentKind);
      resolve(current + 1 < cases ? runInProcess(current + 1, reports, problems) : undefined);
    });
    worker.on('exit', () => clearTimeout(timer));
  });
}

const started = performance.now();
/** Kinds of the cases stopped by the timeout, or whose worker died: they never reported. */
const stopped: string[] = [];
const reports: CaseReport[] = [];
const problems: Problem[] = [];
await runInProcess(0, reports, problems);
for (const r of reports) {
  if (r.outcome.result === 'crash') problems.push({ index: r.index, kind: r.kind, type: 'crash', detail: r.outcome.message });
  else if (r.outcome.wrong.length > 0) problems.push({ index: r.index, kind: r.kind, type: 'wrong', detail: r.outcome.wrong.slice(0, 3).join('; ') });
  if (!r.deterministic) problems.push({ index: r.index, kind: r.kind, type: 'wrong', detail: 'two runs gave different answers' });
  if (r.ms > caseTimeout) problems.push({ index: r.index, kind: r.kind, type: 'hang', detail: `${Math.round(r.ms)} ms` });
}
const inProcessMs = performance.now() - started;

const cliStarted = performance.now();
const cli = runCliCases(seed, cliRuns, tmpDir, seedMaterial(), caseTimeout);
for (const [i, r] of cli.entries()) if (r.problem) problems.push({ index: `cli ${i}`, kind: `cli ${r.args.join(' ')}`, type: r.problem, detail: r.detail });
const cliMs = performance.now() - cliStarted;
rmSync(tmpDir, { recursive: true, force: true });

// Summary
const byKind = new Map<string, { cases: number; answers: number; refused: Map<number, number>; slowest: number; total: number }>();
for (const r of reports) {
  const entry = byKind.get(r.kind) ?? { cases: 0, answers: 0, refused: new Map(), slowest: 0, total: 0 };
  entry.total += r.ms;
  entry.cases++;
  if (r.outcome.result === 'answer') entry.answers++;
  if (r.outcome.result === 'refused') entry.refused.set(r.outcome.exitCode, (entry.refused.get(r.outcome.exitCode) ?? 0) + 1);
  entry.slowest = Math.max(entry.slowest, r.ms);
  byKind.set(r.kind, entry);
}
for (const kind of stopped) {
  const entry = byKind.get(kind) ?? { cases: 0, answers: 0, refused: new Map(), slowest: 0, total: 0 };
  entry.cases++;
  entry.slowest = Infinity;
  byKind.set(kind, entry);
}
const times = new Map<string, number[]>();
for (const r of reports) times.set(r.kind, [...(times.get(r.kind) ?? []), r.ms]);
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
const count = (type: Problem['type']): number => problems.filter((p) => p.type === type).length;
const lines = [
  `firsthand fuzz: seed ${seed}, ${reports.length + stopped.length} in-process cases (every ${repeatEvery}th run twice) in ${(inProcessMs / 1000).toFixed(0)} s, ${cli.length} CLI runs in ${(cliMs / 1000).toFixed(0)} s`,
  '',
  '| kind | cases | answers | refused (exit code: cases) | median ms | slowest ms |',
  '| --- | --- | --- | --- | --- | --- |',
  ...[...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, e]) =>
    `| ${kind} | ${e.cases} | ${e.answers} | ${[...e.refused.entries()].sort().map(([code, n]) => `${code}: ${n}`).join(', ') || '–'} | ${Math.round(median(times.get(kind) ?? []))} | ${e.slowest === Infinity ? 'stopped' : Math.round(e.slowest)} |`),
  `| CLI runs | ${cli.length} | | | ${Math.round(median(cli.map((r) => r.ms)))} | ${Math.round(Math.max(0, ...cli.map((r) => r.ms)))} |`,
  '',
  `crashes: ${count('crash')}, hangs: ${count('hang')}, wrong answers: ${count('wrong')}`,
  ...problems.slice(0, 30).map((p) => `  ${p.type} #${p.index} ${p.kind}: ${p.detail.slice(0, 300)}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
