/**
 * The content side, as a factory over a Document so tests can run it on a
 * jsdom page. Extraction reads the live DOM at the moment it is called, so
 * articles built by JavaScript and SPA navigations are seen as they are now.
 */
import { extractArticle } from '../extract/extract-article.js';
import { isExtractionFailure } from '../extract/types.js';
import type { ContentApi, PageExtraction } from './content-api.js';
import { ExtractionCache } from './extraction-cache.js';
import { clearPassageHighlights, firstInDocument, highlightPassages } from './highlight-page.js';

/**
 * Puts the content API at `slot[global]`. content.js's code runs on every check (as content-extract.js)
 * and before every other call into the page: a script of the same build keeps the API already there,
 * with the extraction it remembers; one of another build (the extension was updated while the page
 * stayed open) replaces it. Without a build id (tests, a development bundle) it always replaces.
 */
export function installContentApi(slot: Record<string, unknown>, global: string, doc: Document, build: string | null): ContentApi {
  const previous = slot[global] as Partial<ContentApi> | undefined;
  if (build !== null && previous?.build === build) return previous as ContentApi;
  if (typeof previous?.dispose === 'function') previous.dispose();
  const api = createContentApi(doc, build);
  slot[global] = api;
  return api;
}

export function createContentApi(doc: Document, build: string | null = null): ContentApi {
  const root = (): Element => doc.body ?? doc.documentElement;
  const cache = new ExtractionCache(doc);
  return {
    ...(build === null ? {} : { build }),
    extract(): PageExtraction {
      const started = performance.now();
      const url = doc.location?.href ?? doc.URL;
      const selection = doc.getSelection?.()?.toString().trim() ?? '';
      const cached = cache.get(url, selection);
      if (cached !== null) return { ...cached, readMs: performance.now() - started, cached: true };
      const result = extractArticle(doc, selection === '' ? { url } : { url, selection });
      const readMs = performance.now() - started;
      const extraction: PageExtraction = isExtractionFailure(result) ? { url, error: result.error, readMs } : { url, article: result, readMs };
      cache.set(url, selection, extraction);
      return extraction;
    },
    highlight(marks) {
      const placed = highlightPassages(root(), marks);
      firstInDocument(placed)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      return placed.length;
    },
    clearHighlights() {
      return clearPassageHighlights(root());
    },
    dispose() {
      cache.clear();
    },
  };
}
