/**
 * Runs in-process fuzz cases [from, to) in a worker thread, so that the harness can stop a case that
 * hangs (terminate the worker) and go on with the next. Every `repeatEvery`-th case is run twice: the
 * two answers must be the same (determinism, caches included).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SEEDS_CORPUS_FILE } from '../build/paths.js';
import { loadBundledCorpus, loadBundledLexicon } from '../cli/assets.js';
import { damagedCorpus } from './damage-corpus.js';
import { runCorpusCase, runPageCase, type CaseOutcome, type FuzzContext } from './fuzz-cases.js';
import { hostilePage } from './hostile-pages.js';
import { caseSeed, Prng } from './prng.js';
import { seedMaterial } from './seed-material.js';

export interface WorkerInput {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  /** Which cases are corpus cases; the others are page cases. */
  readonly corpusEvery: number;
  readonly tmpDir: string;
  readonly repeatEvery: number;
}

export interface CaseReport {
  readonly index: number;
  readonly kind: string;
  readonly outcome: CaseOutcome;
  readonly deterministic: boolean;
  readonly ms: number;
}

const input = workerData as WorkerInput;
const context: FuzzContext = { seedsCorpus: await loadBundledCorpus(), lexicon: await loadBundledLexicon(), tmpDir: input.tmpDir };
const seeds = seedMaterial();
const corpusBytes = new Uint8Array(readFileSync(SEEDS_CORPUS_FILE));
const seedTexts = [...seeds.texts.values()];

/** Case `index`, made from its own seed: a damaged corpus (every corpusEvery-th case) or a hostile page. */
function makeCase(index: number): { kind: string; run: () => Promise<CaseOutcome> } {
  const prng = new Prng(caseSeed(input.seed, index));
  if (index % input.corpusEvery === input.corpusEvery - 1) {
    let damaged: ReturnType<typeof damagedCorpus>;
    try {
      damaged = damagedCorpus(prng, corpusBytes);
    } catch (error) {
      return { kind: 'corpus:generator', run: async () => ({ result: 'crash', message: `generator: ${(error as Error).message}` }) };
    }
    const pageText = prng.pick(seedTexts);
    return { kind: `corpus:${damaged.kind}`, run: () => runCorpusCase(damaged.bytes, pageText, `case-${index}`, context) };
  }
  const page = hostilePage(prng, seeds);
  return { kind: `page:${page.kind}`, run: async () => runPageCase(page, context) };
}

async function runCase(index: number, announce: boolean): Promise<{ kind: string; outcome: CaseOutcome }> {
  const made = makeCase(index);
  // The harness names the kind of a case that never answers.
  if (announce) parentPort!.postMessage({ started: index, kind: made.kind });
  return { kind: made.kind, outcome: await made.run() };
}

const fingerprintOf = (outcome: CaseOutcome): string => (outcome.result === 'crash' ? `crash:${outcome.message}` : outcome.fingerprint);

for (let index = input.from; index < input.to; index++) {
  const started = performance.now();
  let first;
  try {
    first = await runCase(index, true);
  } catch (error) {
    first = { kind: 'unknown', outcome: { result: 'crash', message: `harness: ${(error as Error).stack}` } as CaseOutcome };
  }
  const ms = performance.now() - started;
  let second: CaseOutcome = first.outcome;
  if (index % input.repeatEvery === 0) {
    try {
      second = (await runCase(index, false)).outcome;
    } catch (error) {
      second = { result: 'crash', message: `harness: ${(error as Error).message}` };
    }
  }
  const report: CaseReport = { index, kind: first.kind, outcome: first.outcome, deterministic: fingerprintOf(first.outcome) === fingerprintOf(second), ms };
  parentPort!.postMessage(report);
}
parentPort!.postMessage({ done: true });
