/** Turns the engine's verdict into what the popup shows: passages cut out of both texts, metadata resolved. */
import type { ArticleMeta } from '../engine/index.js';
import type { ExtractedArticle } from '../extract/types.js';
import type { Analysis, ArticleView, PassageView, SourceView } from './analysis.js';
import type { AttributedVerdict, SourceWithText } from './engine-port.js';

export interface AnalysisContext {
  article: ExtractedArticle;
  /** The page's address at extraction time. */
  url: string;
  /** Articles in all corpora checked. */
  corpusArticles: number;
  elapsedMs: number;
  /** Metadata of a corpus article by id (for the page's own entry, which is not among the sources). */
  lookup(id: string): ArticleMeta | null;
}

/** Words as the engine counts them: whitespace-separated. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

export function buildAnalysis(verdict: AttributedVerdict, context: AnalysisContext): Analysis {
  const pageText = context.article.text;
  const sources = verdict.sources.map((source) => sourceView(source, pageText));
  const original = verdict.likelyOriginal;
  const likelyOriginal =
    original === null
      ? null
      : (sources.find((source) => source.id === original) ?? articleView(context.lookup(original)) ?? null);
  return {
    url: context.url,
    page: {
      title: context.article.title,
      extractor: context.article.extractor,
      words: verdict.pageWords,
      truncatedFrom: verdict.truncatedFrom,
    },
    status: verdict.status,
    overlap: verdict.overlap,
    derived: { ...verdict.derived },
    likelyOriginal: likelyOriginal === null ? null : articleView(likelyOriginal),
    wire: verdict.wire === null ? null : { ...verdict.wire },
    listing: verdict.listing === null ? null : { ...verdict.listing },
    sameText: articleView(sources.find((source) => source.id === verdict.sameText) ?? null),
    sources,
    corpusArticles: context.corpusArticles,
    elapsedMs: context.elapsedMs,
  };
}

function articleView(meta: ArticleMeta | null): ArticleView | null {
  if (meta === null) return null;
  return { id: meta.id, title: meta.title, outlet: meta.outlet, published: meta.published, url: meta.url };
}

function sourceView(source: SourceWithText, pageText: string): SourceView {
  const sourceText = source.text ?? '';
  const passages: PassageView[] = source.passages.map((p) => ({
    kind: p.kind,
    pageText: pageText.slice(p.page[0], p.page[1]),
    sourceText: sourceText.slice(p.source[0], p.source[1]),
    page: [p.page[0], p.page[1]],
    source: [p.source[0], p.source[1]],
    similarity: p.similarity,
  }));
  for (const q of source.quotes) {
    passages.push({
      kind: 'quote',
      pageText: pageText.slice(q.page[0], q.page[1]),
      sourceText: sourceText.slice(q.source[0], q.source[1]),
      page: [q.page[0], q.page[1]],
      source: [q.source[0], q.source[1]],
      similarity: 1,
    });
  }
  passages.sort((a, b) => a.page[0] - b.page[0]);
  return { ...articleView(source)!, relation: source.relation, evidence: source.evidence.map((e) => ({ ...e })), coverage: source.coverage, passages };
}
