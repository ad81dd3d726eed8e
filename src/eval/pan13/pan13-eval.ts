/**
 * Table 4 of `npm run eval`: verbatim reuse at scale (PAN13 02-no-obfuscation). All 478 sources
 * go into one corpus; each of the 153 suspicious documents is checked against it in-process
 * through the engine functions behind `firsthand check` (a process per document would time Node
 * start-up and index loading, not the engine).
 */
import { DATASET_SOURCES_PUBLISHED } from '../source-dates.js';
import { skippedReport, type DatasetReport } from '../dataset-report.js';
import { loadEvalEngine } from '../engine-adapter.js';
import { fmt, fmtCount, markdownTable } from '../markdown-table.js';
import { locateDataset } from '../shared-data.js';
import type { CharSpan } from '../span-overlap.js';
import { ngrams, sharedSegments, wordSeq, type WordSeq } from '../word-shingles.js';
import type { Split } from '../clough/load-clough.js';
import { loadPan13, PAN13_DATASET, PAN13_SPLIT_RULE, type Pan13Suspicious } from './load-pan13.js';
import { relocatePassages } from './relocate-passages.js';
import {
  addCounts, EMPTY_COUNTS, joinDetections, pan13Rates, scorePan13Document, UNLABELLED_COPY_WORDS,
  type LabelledPassage, type Pan13Counts, type Pan13DocumentInput, type ReportedPassage,
} from './score-pan13.js';
import { coveredLength, overlapLength, spanLength } from '../span-overlap.js';

const TITLE = 'Verbatim reuse at scale: PAN13 text alignment (02-no-obfuscation)';
/** Plain shingling anchor: word 5-grams, runs of shared 5-grams as detections. */
const ANCHOR = { n: 5, maxGap: 0, minWords: 5 } as const;

interface DocumentRun {
  readonly file: string;
  readonly split: Split;
  readonly firsthand: Pan13DocumentInput;
  readonly anchor: Pan13DocumentInput;
  /** Spans the engine reported as shared quotes (not counted as reuse), for the error analysis. */
  readonly quotes: readonly ReportedPassage[];
  readonly queryMs: number;
  readonly error?: string;
}

export async function runPan13Eval(): Promise<DatasetReport> {
  const located = locateDataset(PAN13_DATASET);
  if ('skip' in located) return skippedReport(TITLE, located.skip);
  const engine = await loadEvalEngine();
  if ('skip' in engine) return skippedReport(TITLE, engine.skip);
  const data = loadPan13(located.dir);

  const buildStart = performance.now();
  const corpus = engine.corpus(
    [...data.sources].map(([id, text]) => ({ id, title: id, outlet: null, published: DATASET_SOURCES_PUBLISHED, url: null, text })),
  );
  const buildMs = performance.now() - buildStart;
  const sourceSeqs = new Map([...data.sources].map(([id, text]) => [id, wordSeq(text)]));
  const anchorIndex = gramIndex(sourceSeqs);

  const runs: DocumentRun[] = [];
  for (const doc of data.suspicious) {
    const seq = wordSeq(doc.text);
    const labelled = relocateAll(doc, seq, sourceSeqs);
    const start = performance.now();
    let reported: ReportedPassage[] = [];
    let ranking: string[] = [];
    let quotes: ReportedPassage[] = [];
    let error: string | undefined;
    try {
      const v = engine.check({ text: doc.text }, [corpus]);
      reported = v.sources.flatMap((s) => s.passages.map((p) => ({ source: s.id, span: p.page, verbatim: p.kind === 'verbatim' })));
      ranking = v.sources.map((s) => s.id);
      quotes = v.sources.flatMap((s) => s.quotes.map((q) => ({ source: s.id, span: q.page, verbatim: false })));
    } catch (e) {
      error = String(e);
    }
    const queryMs = performance.now() - start;
    runs.push({
      file: doc.file,
      split: doc.split,
      firsthand: { text: doc.text, labelled, reported, ranking },
      anchor: { text: doc.text, labelled, ...anchorDetect(seq, sourceSeqs, anchorIndex) },
      quotes,
      queryMs,
      ...(error ? { error } : {}),
    });
  }
  return pan13Report(runs, { buildMs, corpusBytes: corpus.bytes, sources: corpus.size });
}

function relocateAll(doc: Pan13Suspicious, seq: WordSeq, sources: ReadonlyMap<string, WordSeq>): LabelledPassage[] {
  return [...doc.labelled].flatMap(([source, features]) =>
    relocatePassages(seq, sources.get(source)!, features).map((p) => ({ source, span: p.page })),
  );
}

function gramIndex(sources: ReadonlyMap<string, WordSeq>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [id, seq] of sources) {
    for (const g of new Set(ngrams(seq.words, ANCHOR.n))) {
      const list = index.get(g);
      if (list) list.push(id);
      else index.set(g, [id]);
    }
  }
  return index;
}

/** The anchor: rank sources by shared 5-grams, report each run of shared 5-grams as a passage. */
function anchorDetect(
  seq: WordSeq,
  sources: ReadonlyMap<string, WordSeq>,
  index: ReadonlyMap<string, readonly string[]>,
): { reported: ReportedPassage[]; ranking: string[] } {
  const shared = new Map<string, number>();
  for (const g of new Set(ngrams(seq.words, ANCHOR.n))) {
    for (const id of index.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  const ranking = [...shared].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const reported = ranking.flatMap((id) =>
    sharedSegments(seq, sources.get(id)!, ANCHOR).map((s) => ({ source: id, span: s.aChars, verbatim: true })),
  );
  return { reported, ranking };
}

function pan13Report(runs: readonly DocumentRun[], build: { buildMs: number; corpusBytes: number; sources: number }): DatasetReport {
  const parts = { dev: runs.filter((r) => r.split === 'dev'), test: runs.filter((r) => r.split === 'test'), all: runs };
  const sum = (items: readonly DocumentRun[], pick: (r: DocumentRun) => Pan13DocumentInput) =>
    items.reduce<Pan13Counts>((acc, r) => addCounts(acc, scorePan13Document(pick(r))), EMPTY_COUNTS);
  const numbers: Record<string, { firsthand: Pan13Counts; anchor: Pan13Counts }> = {};
  const rows: string[][] = [];
  for (const [name, items] of Object.entries(parts)) {
    const firsthand = sum(items, (r) => r.firsthand);
    const anchor = sum(items, (r) => r.anchor);
    numbers[name] = { firsthand, anchor };
    for (const [method, c] of [['Firsthand', firsthand], [`anchor: plain word ${ANCHOR.n}-gram shingling`, anchor]] as const) {
      const rates = pan13Rates(c);
      rows.push([
        name, method, String(c.documents),
        fmtCount(c.found, c.passages),
        fmtCount(c.correctDetections, c.detections),
        fmt(rates.charRecall),
        fmt(rates.granularity, 2),
        String(c.mergedDetections),
        fmtCount(c.retrievedSources, c.trueSources),
        fmtCount(c.retrievedSourcesBesideUnlabelledCopies, c.trueSources),
        `${c.unlabelledDetections} in ${c.documentsWithUnlabelled} docs`,
      ]);
    }
  }
  const all = numbers['all']!.firsthand;
  const times = runs.map((r) => r.queryMs).sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  const errors = runs.filter((r) => r.error);
  const relocatedLengths = runs.flatMap((r) => r.firsthand.labelled).filter((p) => p.span).length;
  const markdown = [
    markdownTable(
      ['part', 'method', 'docs', 'passage recall', 'precision', 'char recall', 'granularity', 'merged detections', 'source retrieval (top max(5, n))', `same, unlabelled copies set aside`, 'detections vs unlabelled sources'],
      rows,
    ),
    '',
    `Development part: ${PAN13_SPLIT_RULE} (${parts.dev.length} documents); test part: the other ${parts.test.length}. ` +
      `One corpus of all ${build.sources} sources (${(build.corpusBytes / 1024).toFixed(0)} KiB, built in ${(build.buildMs / 1000).toFixed(1)} s); each suspicious document checked with \`attribute\` in-process (the engine behind \`firsthand check\`): p50 ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms, max ${pct(1).toFixed(0)} ms per document. ` +
      `Labelled passages are relocated first (the XML offsets drift): each takes the stretch the document shares verbatim, in order, with its labelled source (word 4-grams) nearest to the stated offsets; ${relocatedLengths} of ${all.passages + all.unrelocated} relocated. ` +
      `A passage is found when one detection against its source overlaps at least half of it; a detection is a run of reported passages against one source with no word between them (sentence-by-sentence reports count as one; granularity = detections per found passage). ` +
      `Precision = detections against a labelled source lying at least half inside its labelled passages / all detections against labelled sources. ` +
      `Detections against sources with no label for the document are listed apart: the subset's labels are incomplete. ` +
      `Retrieval counts a labelled source missed when sources with no label outrank it, though most of those are real copies the labels lack; the next column sets aside, before ranking, every unlabelled source the method shows a verbatim passage of ${UNLABELLED_COPY_WORDS} or more words from. ` +
      `With single reported passages instead of detections, Firsthand's recall would be ${fmt(pan13Rates(all).singlePassageRecall)}.` +
      (errors.length ? ` **${errors.length} checks threw**: ${errors.slice(0, 3).map((e) => `${e.file}: ${e.error}`).join('; ')}.` : ''),
  ].join('\n');
  return {
    title: TITLE,
    markdown,
    devErrors: pan13DevErrors(parts.dev),
    numbers: {
      build,
      queryMs: { p50: pct(0.5), p95: pct(0.95), max: pct(1) },
      parts: Object.fromEntries(
        Object.entries(numbers).map(([k, v]) => [k, { firsthand: { ...v.firsthand, ...pan13Rates(v.firsthand) }, anchor: { ...v.anchor, ...pan13Rates(v.anchor) } }]),
      ),
    },
  };
}

function snippet(text: string, span: CharSpan): string {
  const s = text.slice(span[0], Math.min(span[1], span[0] + 70)).replace(/\s+/g, ' ');
  return JSON.stringify(s + (span[1] - span[0] > 70 ? '…' : ''));
}

function pan13DevErrors(dev: readonly DocumentRun[]): string {
  const lines: string[] = [];
  let missed = 0;
  let wrong = 0;
  let merged = 0;
  const causes = { notListed: 0, quoted: 0, partlyFound: 0, other: 0 };
  const unlabelled: string[] = [];
  for (const run of dev) {
    const doc = run.firsthand;
    const detections = joinDetections(doc.text, doc.reported);
    const labelledSources = new Set(doc.labelled.map((p) => p.source));
    for (const p of doc.labelled) {
      if (!p.span) continue;
      const mine = detections.filter((d) => d.source === p.source);
      const best = Math.max(0, ...mine.map((d) => overlapLength(d.span, p.span!)));
      if (best >= spanLength(p.span) / 2) continue;
      missed++;
      const rank = doc.ranking.indexOf(p.source);
      const quoted = coveredLength(p.span, run.quotes.filter((q) => q.source === p.source).map((q) => q.span));
      const cause =
        rank < 0 ? 'notListed' : quoted >= spanLength(p.span) / 2 ? 'quoted' : best > 0 ? 'partlyFound' : 'other';
      causes[cause]++;
      lines.push(
        `- missed ${run.file} ← ${p.source} [${p.span[0]}, ${p.span[1]}) ${spanLength(p.span)} chars: best detection covers ${fmt(best / spanLength(p.span), 2)}, ` +
          `${mine.length} detections vs this source, source rank ${rank < 0 ? 'not listed' : rank + 1}, ${fmt(quoted / spanLength(p.span), 2)} reported as shared quotes; ${snippet(doc.text, p.span)}`,
      );
    }
    for (const d of detections) {
      if (!labelledSources.has(d.source)) {
        unlabelled.push(`${run.file} ← ${d.source} ${spanLength(d.span)} chars ${snippet(doc.text, d.span)}`);
        continue;
      }
      const truth = doc.labelled.filter((p) => p.source === d.source && p.span).map((p) => p.span!);
      const inside = truth.reduce((s, t) => s + overlapLength(d.span, t), 0);
      if (inside < spanLength(d.span) / 2) {
        wrong++;
        lines.push(`- wrong detection ${run.file} ← ${d.source} [${d.span[0]}, ${d.span[1]}) ${spanLength(d.span)} chars, ${fmt(inside / spanLength(d.span), 2)} inside the labels; ${snippet(doc.text, d.span)}`);
      }
      const covers = truth.filter((t) => overlapLength(d.span, t) >= spanLength(t) / 2);
      if (covers.length >= 2) {
        merged++;
        lines.push(`- merged detection ${run.file} ← ${d.source} [${d.span[0]}, ${d.span[1]}) covers ${covers.length} labelled passages`);
      }
    }
    if (run.error) lines.push(`- ${run.file}: check threw ${run.error}`);
  }
  return [
    `PAN13 dev (${PAN13_SPLIT_RULE}, ${dev.length} documents): ${missed} passages missed, ${wrong} wrong detections, ${merged} merged detections, ${unlabelled.length} detections against unlabelled sources.`,
    `Missed passages by cause: source not among the verdict's sources ${causes.notListed}; at least half reported as shared quotes ${causes.quoted}; partly detected (< half) ${causes.partlyFound}; source listed but nothing aligned there ${causes.other}.`,
    ...lines,
    ...(unlabelled.length ? ['', 'Detections against unlabelled sources (first 15):', ...unlabelled.slice(0, 15).map((u) => `- ${u}`)] : []),
  ].join('\n');
}
