/**
 * Table 2 of `npm run eval`: Clough & Stevenson short answers through the real CLI. The five
 * Wikipedia sources become a corpus with `build-corpus`; every answer goes through
 * `check --json`, exactly as a user would run it.
 */
import { DATASET_SOURCES_PUBLISHED } from '../source-dates.js';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkWithCli, mapLimited, runCli, type CheckReport } from '../cli-runner.js';
import { skippedReport, type DatasetReport } from '../dataset-report.js';
import { CLI_PATH } from '../engine-adapter.js';
import { fmt, fmtCount, markdownTable } from '../markdown-table.js';
import { shareOfWordsIn, wordSpansOf } from '../span-overlap.js';
import { bestThreshold, accuracy, confusion } from '../metrics.js';
import { locateDataset } from '../shared-data.js';
import { containment, wordSeq } from '../word-shingles.js';
import { CLOUGH_CATEGORIES, CLOUGH_DATASET, CLOUGH_DEV_TASKS, cloughSourceId, loadClough, type CloughAnswer, type Split } from './load-clough.js';
import { isReused, scoreClough, type CloughOutcome } from './score-clough.js';

const TITLE = 'Reuse detection: Clough & Stevenson short answers';
/** The anchor: word 3-gram containment of the answer in its task's source. */
const ANCHOR_N = 3;

interface AnswerOutcome extends CloughOutcome {
  readonly split: Split;
  readonly status: string;
  readonly likelyOriginal: string | null;
  /** The corpus article the CLI says the answer is (a near-whole copy of a short source is judged `self`). */
  readonly self: string | null;
  readonly anchorScore: number;
  readonly error?: string;
}

export async function runCloughEval(): Promise<DatasetReport> {
  const located = locateDataset(CLOUGH_DATASET);
  if ('skip' in located) return skippedReport(TITLE, located.skip);
  if (!existsSync(CLI_PATH)) return skippedReport(TITLE, `${CLI_PATH} is missing: run \`npm run build\` first`);
  const data = loadClough(located.dir);

  const work = mkdtempSync(path.join(os.tmpdir(), 'firsthand-eval-clough-'));
  try {
    const sourceDir = path.join(work, 'sources');
    mkdirSync(sourceDir);
    for (const s of data.sources) copyFileSync(s.path, path.join(sourceDir, path.basename(s.path)));
    // Every document has an address, as a page in the browser does: the sources' are their files in the dataset.
    const catalog = data.sources.map((s) => ({ id: cloughSourceId(s.task), url: pathToFileURL(s.path).href, published: DATASET_SOURCES_PUBLISHED }));
    writeFileSync(path.join(sourceDir, 'catalog.json'), JSON.stringify(catalog));
    const corpusFile = path.join(work, 'clough.fhc');
    const built = await runCli(['build-corpus', sourceDir, '--out', corpusFile]);
    if (built.exitCode !== 0) {
      return skippedReport(TITLE, `build-corpus failed (exit ${built.exitCode}): ${built.stderr.trim()}`);
    }
    const sourceText = new Map(data.sources.map((s) => [s.task, wordSeq(s.text).words]));
    const outcomes = await mapLimited(data.answers, 2, async (answer): Promise<AnswerOutcome> => {
      const anchorScore = containment(wordSeq(answer.text).words, sourceText.get(answer.task) ?? [], ANCHOR_N);
      const report = await checkWithCli(answer.path, corpusFile, pathToFileURL(answer.path).href);
      const base = { file: answer.file, category: answer.category, split: answer.split, anchorScore };
      if ('error' in report) {
        return { ...base, detected: false, coverage: 0, verbatimCoverage: 0, status: 'error', likelyOriginal: null, self: null, error: report.error };
      }
      const own = cloughSourceId(answer.task);
      return {
        ...base,
        status: report.status,
        likelyOriginal: report.likelyOriginal,
        self: report.self ?? null,
        detected: (report.status === 'copy' || report.status === 'partial') && report.likelyOriginal === own,
        coverage: report.sources.find((s) => s.id === own)?.coverage ?? 0,
        verbatimCoverage: verbatimShare(report, own),
      };
    });
    return cloughReport(data.answers, outcomes);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function cloughReport(answers: readonly CloughAnswer[], outcomes: readonly AnswerOutcome[]): DatasetReport {
  const parts = { dev: outcomes.filter((o) => o.split === 'dev'), test: outcomes.filter((o) => o.split === 'test'), all: outcomes };
  const devAnchor = bestThreshold(parts.dev.map((o) => ({ truth: isReused(o.category), score: o.anchorScore })));
  const anchorAt = (items: readonly AnswerOutcome[], t: number) =>
    accuracy(confusion(items.map((o) => ({ truth: isReused(o.category), predicted: o.anchorScore >= t }))));
  const numbers = Object.fromEntries(
    Object.entries(parts).map(([name, items]) => {
      const score = scoreClough(items);
      const oracle = bestThreshold(items.map((o) => ({ truth: isReused(o.category), score: o.anchorScore })));
      return [name, { ...score, anchor: { bestThreshold: oracle, devThresholdAccuracy: anchorAt(items, devAnchor.threshold) } }];
    }),
  ) as Record<'dev' | 'test' | 'all', ReturnType<typeof scoreClough> & { anchor: { bestThreshold: { threshold: number; accuracy: number }; devThresholdAccuracy: number } }>;

  const rows = (['dev', 'test', 'all'] as const).map((name) => {
    const n = numbers[name];
    const c = n.confusion;
    return [
      name,
      String(n.answers),
      fmt(n.accuracy),
      `${c.tp} / ${c.fn} / ${c.fp} / ${c.tn}`,
      CLOUGH_CATEGORIES.map((k) => `${n.detectedByCategory[k].detected}/${n.detectedByCategory[k].total}`).join(' · '),
      CLOUGH_CATEGORIES.map((k) => fmt(n.meanCoverage[k], 2)).join(' > ') + (n.coverageOrdered ? '' : ' (not ordered)'),
      CLOUGH_CATEGORIES.map((k) => fmt(n.meanVerbatimCoverage[k], 2)).join(' > ') + (n.verbatimCoverageOrdered ? '' : ' (not ordered)'),
      fmt(n.auc),
      `${fmt(n.anchor.bestThreshold.accuracy)} (t=${fmt(n.anchor.bestThreshold.threshold, 2)})`,
      fmt(n.anchor.devThresholdAccuracy),
    ];
  });
  const errors = outcomes.filter((o) => o.error);
  const selves = outcomes.filter((o) => o.self !== null);
  const encodings = answers.filter((a) => a.encoding === 'windows-1252').length;
  const markdown = [
    markdownTable(
      ['part', 'answers', 'accuracy', 'TP / FN / FP / TN', 'detected cut · light · heavy · non', 'mean coverage cut > light > heavy > non', 'of it verbatim or near-verbatim', 'ROC AUC (coverage)', `anchor: word ${ANCHOR_N}-gram containment, best threshold`, `anchor, threshold fixed on dev (${fmt(devAnchor.threshold, 2)})`],
      rows,
    ),
    '',
    `Development part: tasks ${CLOUGH_DEV_TASKS.join(', ')} (${parts.dev.length} answers); test part: the other tasks (${parts.test.length} answers). ` +
      `Corpus built from the five \`orig_task*.txt\` sources with \`firsthand build-corpus\`; each answer checked with \`firsthand check <answer> --corpus <index> --json\` (one CLI process per answer). ` +
      `Detected = status \`copy\` or \`partial\` with the task's source as likely original; reused = cut, light or heavy. ` +
      `Coverage = coverage of the answer by its task's source; it counts paraphrased words as derived, so a light revision (the whole source, reworded) covers more than a cut answer (pasted parts beside the student's own sentences), and it is the verbatim part that falls from cut to heavy. ` +
      `Every document is given its address, as the browser gives a page's: the sources' catalog entries and each answer's \`--url\` are their files' \`file:\` URLs, so an answer that reproduces its source almost whole is a copy at another address, not the source itself. ${encodings} answers are Windows-1252 and are given to the CLI as they are. ` +
      `The anchor's "best threshold" is an oracle chosen on the very part it is scored on.` +
      (selves.length
        ? ` ${selves.length} answers are judged to *be* a corpus article (\`self\`, status \`original\`, coverage 0): ${selves.map((o) => `${o.file} (${o.category}) = ${o.self}`).join(', ')}.`
        : '') +
      (errors.length ? ` **${errors.length} checks failed**: ${errors.map((e) => `${e.file} (${e.error})`).join('; ')}.` : ''),
  ].join('\n');
  return { title: TITLE, markdown, devErrors: cloughDevErrors(parts.dev), numbers: { parts: numbers, outcomes } };
}

function cloughDevErrors(dev: readonly AnswerOutcome[]): string {
  const wrong = dev.filter((o) => o.detected !== isReused(o.category));
  const lines = wrong.map(
    (o) =>
      `- ${o.file} (${o.category}): status ${o.status}, self ${o.self ?? 'none'}, likely original ${o.likelyOriginal ?? 'none'}, coverage ${fmt(o.coverage)}, anchor 3-gram containment ${fmt(o.anchorScore)}${o.error ? `, error ${o.error}` : ''}`,
  );
  const heavy = dev.filter((o) => o.category === 'heavy');
  return [
    `Clough dev (tasks ${CLOUGH_DEV_TASKS.join(', ')}): ${fmtCount(dev.length - wrong.length, dev.length)} correct.`,
    ...(lines.length ? lines : ['- no misclassified answer']),
    `- heavy answers' coverage: ${heavy.map((o) => `${o.file} ${fmt(o.coverage, 2)}`).join(', ')}`,
  ].join('\n');
}

/** Share of the answer's words inside verbatim or near-verbatim passages against `source`. */
function verbatimShare(report: CheckReport, source: string): number {
  const spans = report.sources.find((s) => s.id === source)?.passages.filter((p) => p.kind !== 'paraphrase').map((p) => p.page) ?? [];
  return shareOfWordsIn(wordSpansOf(report.page.text), spans);
}
