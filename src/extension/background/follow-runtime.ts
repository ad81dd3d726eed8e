/**
 * What following needs that checks do not: a document parser (linkedom; Chrome's worker has no
 * DOM) and the content script's extraction over it. Loaded by a dynamic import, which the bundle
 * keeps uninitialised until the first follow or run: a worker woken by a toolbar click does not
 * pay for evaluating ~500 KB it will not use (measured: the check started 200–500 ms later on a
 * fresh worker of the loaded test machine when this code ran at start-up).
 */
import { extractFromHtml } from '../../extract/node-html.js';
import { pageText } from '../../extract/page-text.js';
import { isExtractionFailure } from '../../extract/types.js';
import type { PageArticle } from '../../follow/follow-run.js';

export { parseWithLinkedom } from '../../follow/linkedom-documents.js';

/** The extraction the content script makes (extractArticle), on a fetched page parsed by linkedom. */
export function readArticle(html: string, url: string): PageArticle | { error: string } {
  const article = extractFromHtml(html, url);
  if (isExtractionFailure(article)) return { error: article.error.message };
  return { title: article.title, text: pageText(article), published: article.published, url: article.url, siteName: article.siteName };
}
