/**
 * The content side, as a factory over a Document so tests can run it on a
 * jsdom page. Extraction reads the live DOM at the moment it is called, so
 * articles built by JavaScript and SPA navigations are seen as they are now.
 */
import { extractArticle } from '../extract/extract-article.js';
import { isExtractionFailure } from '../extract/types.js';
import type { ContentApi, PageExtraction } from './content-api.js';
import { clearPassageHighlights, firstInDocument, highlightPassages } from './highlight-page.js';

export function createContentApi(doc: Document): ContentApi {
  const root = (): Element => doc.body ?? doc.documentElement;
  return {
    extract(): PageExtraction {
      const started = performance.now();
      const url = doc.location?.href ?? doc.URL;
      const selection = doc.getSelection?.()?.toString().trim() ?? '';
      const result = extractArticle(doc, selection === '' ? { url } : { url, selection });
      const readMs = performance.now() - started;
      return isExtractionFailure(result) ? { url, error: result.error, readMs } : { url, article: result, readMs };
    },
    highlight(marks) {
      const placed = highlightPassages(root(), marks);
      firstInDocument(placed)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      return placed.length;
    },
    clearHighlights() {
      return clearPassageHighlights(root());
    },
  };
}
