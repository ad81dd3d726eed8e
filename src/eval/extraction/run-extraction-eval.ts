/**
 * Evaluation 1 of `npm run eval`: Firsthand's extraction on the article-extraction benchmark,
 * beside the two reference outputs shipped with it, on the dev split, the test split and all pages.
 */
import { extractFromHtml } from '../../extract/node-html.js';
import { benchmarkMissingReason, loadBenchmarkHtml, loadBenchmarkPages, loadReferenceOutput, splitOf, type Split } from './benchmark-data.js';
import { scorePages, type ExtractionScore } from './shingle-score.js';
import { skipOrFail } from '../shared-data.js';

export interface ExtractionEvalRow extends ExtractionScore {
  system: string;
  split: Split | 'all';
}

export interface ExtractionEvalResult {
  rows: ExtractionEvalRow[];
  markdown: string;
  /** Set when the benchmark is absent and the evaluation was skipped (never under CI=true). */
  skipped?: string;
  /** Which extraction step Firsthand used, per page count. */
  extractors?: Record<string, number>;
}

const REFERENCES = [
  { name: 'readability_js', label: 'Readability.js' },
  { name: 'trafilatura', label: 'trafilatura' },
];

export async function runExtractionEval(): Promise<ExtractionEvalResult> {
  const missing = benchmarkMissingReason();
  if (missing) {
    skipOrFail(missing);
    return { rows: [], skipped: missing, markdown: `_Article extraction: skipped — ${missing}._\n` };
  }
  const pages = loadBenchmarkPages();
  const ids = pages.map((p) => p.id);
  const predictions = new Map<string, Map<string, string>>();
  const extractors: Record<string, number> = {};
  const ours = new Map<string, string>();
  for (const page of pages) {
    const result = extractFromHtml(loadBenchmarkHtml(page.id), page.url);
    const key = 'error' in result ? `failed: ${result.error.code}` : result.extractor;
    extractors[key] = (extractors[key] ?? 0) + 1;
    ours.set(page.id, 'error' in result ? '' : result.text);
    // Yield between pages so that a caller's timers and progress output keep running.
    if (ours.size % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  predictions.set('Firsthand', ours);
  for (const ref of REFERENCES) {
    const { version, bodies } = loadReferenceOutput(ref.name);
    predictions.set(`${ref.label} ${version} (shipped output)`, bodies);
  }
  const rows: ExtractionEvalRow[] = [];
  for (const [system, bodies] of predictions) {
    for (const split of ['dev', 'test', 'all'] as const) {
      const selected = pages.filter((p) => split === 'all' || splitOf(ids, p.id) === split);
      const score = scorePages(selected.map((p) => ({ truth: p.truth, prediction: bodies.get(p.id) ?? '' })));
      rows.push({ system, split, ...score });
    }
  }
  return { rows, extractors, markdown: renderMarkdown(rows, extractors, pages.length) };
}

function renderMarkdown(rows: readonly ExtractionEvalRow[], extractors: Record<string, number>, pages: number): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    `### Article extraction (${pages} pages, Zyte article-extraction-benchmark)`,
    '',
    'Macro precision / recall over 4-token shingle multisets, F1 = 2PR/(P+R), accuracy = exact token match.',
    'dev = the first 91 page ids in sorted order (clean-up rules were developed on these only); test = the other 90.',
    '',
    '| system | split | pages | precision | recall | F1 | accuracy |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.system} | ${r.split} | ${r.pages} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.accuracy)} |`),
    '',
    `Firsthand's extraction step per page: ${Object.entries(extractors)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}
