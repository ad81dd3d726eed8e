/**
 * Node-only: parses HTML with linkedom so that the DOM-only extractor runs outside a browser.
 * The only file under src/extract that may import a Node-side package.
 */
import { parseHTML } from 'linkedom';
import { extractArticle } from './extract-article.js';
import { markupSizeProblem, TOO_LARGE_MESSAGE } from './page-limits.js';
import type { ExtractedArticle, ExtractionFailure } from './types.js';

/** A DOM `Document` for an HTML string; a fragment is wrapped in a document first. */
export function parseHtmlDocument(html: string): Document {
  const isDocument = /<(?:!doctype|html|head|body)\b/i.test(html.slice(0, 4096));
  const wrapped = (): string => `<!doctype html><html><head></head><body>${html.replace(/^\s*<!doctype[^>]*>?/i, '')}</body></html>`;
  const doc = parseHTML(isDocument ? html : wrapped()).document as unknown as Document;
  // linkedom leaves a page that is only a doctype (or one cut off inside its first tag) without a root
  // element, and its document then throws on `.body`; browsers make an empty html/head/body for it.
  return doc.documentElement ? doc : (parseHTML(wrapped()).document as unknown as Document);
}

/** `extractArticle` on an HTML string: the CLI's and the evaluation's entry point. */
export function extractFromHtml(html: string, url?: string): ExtractedArticle | ExtractionFailure {
  const tooLarge = markupSizeProblem(html);
  if (tooLarge) return { error: { code: 'too-large', message: TOO_LARGE_MESSAGE(tooLarge) } };
  return extractArticle(parseHtmlDocument(html), url === undefined ? {} : { url });
}
