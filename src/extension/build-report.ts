/** A report made from a page's analysis: bounded, self-contained, its address cleaned (see report.ts). */
import type { Analysis, ArticleView, PassageView } from './analysis.js';
import {
  bounded,
  excerpt,
  MAX_EXCERPT_CHARS,
  MAX_REPORT_PASSAGES,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  REPORT_FORMAT_VERSION,
  type Report,
  type ReportPassage,
} from './report.js';
import { reportUrl } from './report-url.js';

/** Longest report comment kept, characters. */
export const MAX_COMMENT = 2000;

export interface ReportContext {
  id: string;
  createdAt: Date;
  /** SHA-256 of the extracted article body. */
  textSha256: string;
  extensionVersion: string;
  comment: string;
  /** The reader chose to send the page's full address (fragment and tracking parameters included). */
  keepFullUrl: boolean;
}

export function buildReport(analysis: Analysis, context: ReportContext): Report {
  const found = analysis.sources.flatMap((source) => source.passages.map((passage) => ({ sourceId: source.id, passage })));
  const passages = keptPassages(found).map(({ sourceId, passage }) => reportPassage(sourceId, passage));
  const referenced = new Set(passages.map((p) => p.sourceId));
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    id: context.id,
    createdAt: context.createdAt.toISOString(),
    pageUrl: bounded(reportUrl(analysis.url, context.keepFullUrl), MAX_URL_CHARS),
    pageTitle: bounded(analysis.page.title, MAX_TITLE_CHARS),
    pageWords: analysis.page.words,
    textSha256: context.textSha256,
    status: analysis.status,
    overlap: analysis.overlap,
    likelyOriginal: analysis.likelyOriginal === null ? null : articleDetails(analysis.likelyOriginal),
    sources: analysis.sources.filter((s) => referenced.has(s.id)).map(articleDetails),
    passages,
    passagesTotal: found.length,
    limits: { maxPassages: MAX_REPORT_PASSAGES, maxExcerptChars: MAX_EXCERPT_CHARS },
    extensionVersion: context.extensionVersion,
    comment: bounded(String(context.comment), MAX_COMMENT),
    delivery: { status: 'saved', attempts: 0, lastError: null, sentAt: null },
  };
}

/**
 * The passages a report carries: all of them when they fit, else the longest (shared quotes last,
 * as they do not count as borrowing), back in page order.
 */
function keptPassages<T extends { passage: PassageView }>(found: T[]): T[] {
  if (found.length <= MAX_REPORT_PASSAGES) return found;
  const length = ({ passage }: T): number => (passage.kind === 'quote' ? -1 : passage.page[1] - passage.page[0]);
  return [...found]
    .sort((a, b) => length(b) - length(a))
    .slice(0, MAX_REPORT_PASSAGES)
    .sort((a, b) => a.passage.page[0] - b.passage.page[0]);
}

function reportPassage(sourceId: string, passage: PassageView): ReportPassage {
  return {
    kind: passage.kind,
    sourceId,
    similarity: passage.similarity,
    page: excerpt(passage.pageText, passage.page),
    source: excerpt(passage.sourceText, passage.source ?? null),
  };
}

/** Only what identifies an article (a SourceView also carries its passages). */
function articleDetails(article: ArticleView): ArticleView {
  return {
    id: article.id,
    title: bounded(article.title, MAX_TITLE_CHARS),
    outlet: article.outlet === null ? null : bounded(article.outlet, MAX_TITLE_CHARS),
    published: article.published === null ? null : bounded(article.published, 100),
    url: article.url === null ? null : bounded(article.url, MAX_URL_CHARS),
  };
}
