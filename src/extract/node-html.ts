/**
 * Node-only: parses HTML with linkedom so that the DOM-only extractor runs outside a browser.
 * The only file under src/extract that may import a Node-side package.
 */
import { parseHTML } from 'linkedom';
import { extractArticle } from './extract-article.js';
import type { ExtractedArticle, ExtractionFailure } from './types.js';

/** A DOM `Document` for an HTML string; a fragment is wrapped in a document first. */
export function parseHtmlDocument(html: string): Document {
  const isDocument = /<(?:!doctype|html|head|body)\b/i.test(html.slice(0, 4096));
  const source = isDocument ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Document;
}

/** `extractArticle` on an HTML string: the CLI's and the evaluation's entry point. */
export function extractFromHtml(html: string, url?: string): ExtractedArticle | ExtractionFailure {
  return extractArticle(parseHtmlDocument(html), url === undefined ? {} : { url });
}
