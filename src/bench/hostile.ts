/**
 * The adversarial part of `npm run bench` (issue 15): each hostile input of
 * hostile-inputs.ts at growing sizes through the engine's stages (tokenize,
 * segment, prepare, attribute against the seeds corpus), with the growth of
 * each stage's time from one size to the next. A linear stage grows about as
 * its input (×10 for 10× the characters); a quadratic one about ×100.
 *
 * Runs in this process, a few seconds at the default sizes (10k and 100k
 * characters); `--full` adds 1M. Uses engine internals on purpose, as
 * firsthand-stages.ts does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LEXICON_FILE, SEEDS_CORPUS_FILE } from '../build/paths.js';
import { attribute, EMPTY_LEXICON, loadCorpus, loadLexicon, tokenize, type Corpus, type Lexicon } from '../engine/index.js';
import { prepareText } from '../engine/align/prepared-text.js';
import { segmentSentences } from '../engine/text/segment.js';
import { TermIds } from '../engine/text/term-ids.js';
import { HOSTILE_INPUTS } from './hostile-inputs.js';

export const HOSTILE_SIZES = [10_000, 100_000] as const;
export const HOSTILE_FULL_SIZES = [10_000, 100_000, 1_000_000] as const;

const STAGES = ['tokenize', 'segment', 'prepare', 'attribute'] as const;
type Stage = (typeof STAGES)[number];

export interface HostileRow {
  readonly input: string;
  readonly shape: string;
  readonly stage: Stage;
  /** Milliseconds at each size, in the order of `sizes`. */
  readonly ms: readonly number[];
}

export interface HostileReport {
  readonly sizes: readonly number[];
  readonly rows: readonly HostileRow[];
  readonly note: string;
}

/**
 * Least time of each run over a few rounds, the sizes taken in turn in each round so that a burst of other
 * work on the machine does not fall on one size only (noise only adds time): 5 rounds, fewer past 2 s.
 */
function bestMs(runs: ReadonlyArray<(() => void) | null>): number[] {
  const best = runs.map((run) => (run ? Infinity : NaN));
  const begun = performance.now();
  for (let round = 0; round < 5 && (round < 2 || performance.now() - begun < 2000); round++) {
    runs.forEach((run, i) => {
      if (!run) return;
      const t0 = performance.now();
      run();
      best[i] = Math.min(best[i]!, performance.now() - t0);
    });
  }
  return best;
}

function loadSeeds(): { corpus: Corpus | null; lexicon: Lexicon; note: string } {
  if (!existsSync(SEEDS_CORPUS_FILE)) return { corpus: null, lexicon: EMPTY_LEXICON, note: 'no seeds corpus (run `npm run build`): attribute not timed' };
  const corpus = loadCorpus(readFileSync(SEEDS_CORPUS_FILE));
  const lexicon = existsSync(LEXICON_FILE) ? loadLexicon(readFileSync(LEXICON_FILE)) : EMPTY_LEXICON;
  return { corpus, lexicon, note: `attribute against the seeds corpus (${corpus.size} articles)${lexicon === EMPTY_LEXICON ? ', no lexicon' : ', with the lexicon'}` };
}

export function runHostileBench(sizes: readonly number[], log: (line: string) => void = () => {}): HostileReport {
  const { corpus, lexicon, note } = loadSeeds();
  const stageRun = (stage: Stage, text: string): (() => void) | null => {
    switch (stage) {
      case 'tokenize': return () => tokenize(text);
      case 'segment': {
        const tokens = tokenize(text);
        return () => segmentSentences(tokens);
      }
      case 'prepare': return () => prepareText(text, new TermIds());
      case 'attribute': return corpus ? () => attribute({ text }, [corpus], { lexicon }) : null;
    }
  };
  const rows: HostileRow[] = [];
  for (const input of HOSTILE_INPUTS) {
    const texts = sizes.map((n) => input.make(n));
    for (const stage of STAGES) {
      const ms = bestMs(texts.map((text) => stageRun(stage, text)));
      rows.push({ input: input.name, shape: input.shape, stage, ms });
      log(`hostile: ${input.name} ${stage}: ${ms.map((m) => m.toFixed(2)).join(' / ')} ms`);
    }
  }
  return { sizes, rows, note };
}

const fmtMs = (ms: number): string => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const fmtSize = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/**
 * The table: one row per input and stage, the time at each size and the
 * growth from each size to the next. A growth is shown only where the
 * smaller time is at least 0.05 ms, below which timer noise rules.
 */
export function renderHostileReport(report: HostileReport): string {
  const { sizes, rows } = report;
  const growthHeads = sizes.slice(1).map((n, i) => `×${fmtSize(sizes[i]!)}→${fmtSize(n)}`);
  const lines = [
    `| input | stage | ${sizes.map((n) => `ms at ${fmtSize(n)} chars`).join(' | ')} | ${growthHeads.join(' | ')} |`,
    `|---|---|${sizes.map(() => '--:').join('|')}|${growthHeads.map(() => '--:').join('|')}|`,
  ];
  for (const row of rows) {
    const growth = row.ms.slice(1).map((ms, i) => {
      const before = row.ms[i]!;
      return Number.isNaN(ms) || before < 0.05 ? '–' : (ms / before).toFixed(1);
    });
    lines.push(`| ${row.input} | ${row.stage} | ${row.ms.map(fmtMs).join(' | ')} | ${growth.join(' | ')} |`);
  }
  const worst = Math.max(...rows.flatMap((r) => r.ms.slice(1).map((ms, i) => (r.ms[i]! >= 0.05 ? ms / r.ms[i]! : 0))));
  const shapes = [...new Map(rows.map((r) => [r.input, r.shape])).entries()].map(([name, shape]) => `${name}: ${shape}`).join('; ');
  return [
    lines.join('\n'),
    '',
    `Inputs: ${shapes}. Best of 2 to 5 rounds over the sizes in turn; ${report.note}. Largest growth over one 10× step: ×${worst.toFixed(1)} ` +
      '(linear: about ×10; quadratic: about ×100). `attribute` checks at most 50,000 words of a page, so it flattens ' +
      'once a page passes that.',
  ].join('\n');
}
