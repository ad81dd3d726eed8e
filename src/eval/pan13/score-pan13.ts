/**
 * PAN text-alignment scoring, per suspicious document, over relocated passages.
 *
 * A detection is a maximal run of reported passages against one source with nothing but spaces
 * and punctuation between them on the page: an aligner that reports sentence by sentence has still
 * found one passage (PAN measures that as granularity, not as a miss).
 * - A labelled passage is found when one detection against its source overlaps at least half of it
 *   (PAN's "detects", with the half threshold of the spec).
 * - A detection against a labelled source is correct when at least half of it lies inside that
 *   source's labelled passages; precision = correct / detections against labelled sources.
 * - Detections against sources with no label for the document are counted apart: the subset's
 *   labels are known to be incomplete, so they are neither right nor wrong here.
 * - Retrieval: of a document's n labelled sources, the share ranked in its top max(5, n). Because
 *   the labels are incomplete, it is also given with "unlabelled copies" set aside: sources with no
 *   label for the document that the checker shows a verbatim passage of UNLABELLED_COPY_WORDS or
 *   more words from (the same test of real reuse the precision figure leaves them out by).
 */
import { coveredLength, overlapLength, spanLength, unionOfSpans, type CharSpan } from '../span-overlap.js';

export interface LabelledPassage {
  readonly source: string;
  /** Relocated span in the suspicious document; null when it could not be relocated (not scored). */
  readonly span: CharSpan | null;
}

export interface ReportedPassage {
  readonly source: string;
  readonly span: CharSpan;
  /** Whether the checker calls the passage verbatim. */
  readonly verbatim: boolean;
}

/** A verbatim passage this long from a source with no label is reuse the labels missed. */
export const UNLABELLED_COPY_WORDS = 15;

export interface Pan13DocumentInput {
  readonly text: string;
  readonly labelled: readonly LabelledPassage[];
  readonly reported: readonly ReportedPassage[];
  /** Source ids as the checker ranks them, best first. */
  readonly ranking: readonly string[];
}

export interface Pan13Counts {
  readonly passages: number;
  readonly unrelocated: number;
  readonly found: number;
  /** Found by a single reported passage (the spec's literal reading, before joining). */
  readonly foundSinglePassage: number;
  /** Labelled characters inside detections against the right source / labelled characters. */
  readonly charsCovered: number;
  readonly charsLabelled: number;
  readonly detections: number;
  readonly correctDetections: number;
  /** Detections covering at least half of two or more labelled passages. */
  readonly mergedDetections: number;
  /** Sum over found passages of the detections touching them (granularity numerator). */
  readonly detectionsPerFound: number;
  readonly unlabelledDetections: number;
  readonly unlabelledSources: number;
  readonly documentsWithUnlabelled: number;
  readonly trueSources: number;
  readonly retrievedSources: number;
  /** Retrieved with unlabelled copies set aside from the ranking. */
  readonly retrievedSourcesBesideUnlabelledCopies: number;
  readonly documents: number;
}

export const EMPTY_COUNTS: Pan13Counts = {
  passages: 0, unrelocated: 0, found: 0, foundSinglePassage: 0, charsCovered: 0, charsLabelled: 0,
  detections: 0, correctDetections: 0, mergedDetections: 0, detectionsPerFound: 0,
  unlabelledDetections: 0, unlabelledSources: 0, documentsWithUnlabelled: 0,
  trueSources: 0, retrievedSources: 0, retrievedSourcesBesideUnlabelledCopies: 0, documents: 0,
};

/** Joins reported passages against one source across gaps with no word character. */
export function joinDetections(text: string, reported: readonly ReportedPassage[]): ReportedPassage[] {
  const bySource = new Map<string, CharSpan[]>();
  for (const r of reported) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r.span]);
  const out: ReportedPassage[] = [];
  for (const [source, spans] of bySource) {
    for (const span of unionOfSpans(spans)) {
      const last = out[out.length - 1];
      const verbatim = reported.some((r) => r.source === source && r.verbatim && r.span[0] < span[1] && r.span[1] > span[0]);
      if (last && last.source === source && !/[\p{L}\p{N}]/u.test(text.slice(last.span[1], span[0]))) {
        out[out.length - 1] = { source, span: [last.span[0], span[1]], verbatim: last.verbatim || verbatim };
      } else {
        out.push({ source, span, verbatim });
      }
    }
  }
  return out;
}

export function scorePan13Document(doc: Pan13DocumentInput): Pan13Counts {
  const labelledSources = new Set(doc.labelled.map((p) => p.source));
  const relocated = doc.labelled.filter((p): p is LabelledPassage & { span: CharSpan } => p.span !== null);
  const detections = joinDetections(doc.text, doc.reported);
  const against = (source: string) => detections.filter((d) => d.source === source);

  let found = 0;
  let foundSinglePassage = 0;
  let charsCovered = 0;
  let charsLabelled = 0;
  let detectionsPerFound = 0;
  for (const p of relocated) {
    const half = spanLength(p.span) / 2;
    const mine = against(p.source);
    const hit = mine.some((d) => overlapLength(d.span, p.span) >= half);
    if (hit) {
      found++;
      detectionsPerFound += mine.filter((d) => overlapLength(d.span, p.span) > 0).length;
    }
    if (doc.reported.some((r) => r.source === p.source && overlapLength(r.span, p.span) >= half)) foundSinglePassage++;
    charsCovered += coveredLength(p.span, mine.map((d) => d.span));
    charsLabelled += spanLength(p.span);
  }

  let labelledDetections = 0;
  let correctDetections = 0;
  let mergedDetections = 0;
  for (const d of detections) {
    if (!labelledSources.has(d.source)) continue;
    labelledDetections++;
    const truth = relocated.filter((p) => p.source === d.source).map((p) => p.span);
    if (coveredLength(d.span, truth) >= spanLength(d.span) / 2) correctDetections++;
    if (truth.filter((s) => overlapLength(d.span, s) >= spanLength(s) / 2).length >= 2) mergedDetections++;
  }
  const unlabelled = detections.filter((d) => !labelledSources.has(d.source));
  const k = Math.max(5, labelledSources.size);
  const top = new Set(doc.ranking.slice(0, k));
  const unlabelledCopies = new Set(
    doc.reported
      .filter((r) => r.verbatim && !labelledSources.has(r.source) && wordCount(doc.text.slice(r.span[0], r.span[1])) >= UNLABELLED_COPY_WORDS)
      .map((r) => r.source),
  );
  const topBeside = new Set(doc.ranking.filter((s) => !unlabelledCopies.has(s)).slice(0, k));
  return {
    passages: relocated.length,
    unrelocated: doc.labelled.length - relocated.length,
    found,
    foundSinglePassage,
    charsCovered,
    charsLabelled,
    detections: labelledDetections,
    correctDetections,
    mergedDetections,
    detectionsPerFound,
    unlabelledDetections: unlabelled.length,
    unlabelledSources: new Set(unlabelled.map((d) => d.source)).size,
    documentsWithUnlabelled: unlabelled.length > 0 ? 1 : 0,
    trueSources: labelledSources.size,
    retrievedSources: [...labelledSources].filter((s) => top.has(s)).length,
    retrievedSourcesBesideUnlabelledCopies: [...labelledSources].filter((s) => topBeside.has(s)).length,
    documents: 1,
  };
}

export function addCounts(a: Pan13Counts, b: Pan13Counts): Pan13Counts {
  const out = { ...a } as Record<keyof Pan13Counts, number>;
  for (const key of Object.keys(b) as (keyof Pan13Counts)[]) out[key] += b[key];
  return out;
}

/** The rates shown in the table. */
export function pan13Rates(c: Pan13Counts): {
  recall: number; precision: number; charRecall: number; granularity: number; retrieval: number; singlePassageRecall: number;
  retrievalBesideUnlabelledCopies: number;
} {
  const r = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  return {
    recall: r(c.found, c.passages),
    singlePassageRecall: r(c.foundSinglePassage, c.passages),
    precision: r(c.correctDetections, c.detections),
    charRecall: r(c.charsCovered, c.charsLabelled),
    granularity: r(c.detectionsPerFound, c.found),
    retrieval: r(c.retrievedSources, c.trueSources),
    retrievalBesideUnlabelledCopies: r(c.retrievedSourcesBesideUnlabelledCopies, c.trueSources),
  };
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
