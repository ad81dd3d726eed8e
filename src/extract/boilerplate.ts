/**
 * Clean-up around Readability: the parts of a news page that sit inside the article container but
 * are not the article (captions, bylines, related stories, newsletter boxes, share widgets,
 * "read more" lines, ad slots). The rules were developed on the development half of the extraction
 * benchmark only (src/eval/extraction, sorted ids, first 91) and are reported on the other half.
 */
import { classWords, hasFurnitureName } from './furniture-names.js';
import { isBoilerplateLine } from './boilerplate-lines.js';
import { collapseWhitespace } from './block-text.js';

export { isBoilerplateLine };

/** Page chrome that never holds article text, removed before Readability scores the page. */
const CHROME_SELECTOR = 'nav, [role="navigation"], figcaption, button, select, textarea, [hidden]';

/** Runs on the clone before Readability scores it. */
export function prepareDocument(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(CHROME_SELECTOR))) el.remove();
}

/**
 * An element named like furniture is removed only when it holds less than this share of the
 * content's text: a site that calls its whole article body "story-share-wrapper" keeps its article.
 */
const MAX_FURNITURE_SHARE = 0.25;

/** Runs on Readability's content element (or the fallback container) before the text is taken. */
export function cleanArticleContent(root: Element, _title: string): void {
  for (const el of Array.from(root.querySelectorAll(CHROME_SELECTOR))) el.remove();
  const total = textLength(root);
  // Outermost first, so a removed box takes its children with it.
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected && !root.contains(el)) continue;
    if (!hasFurnitureName(classWords(el))) continue;
    if (textLength(el) <= total * MAX_FURNITURE_SHARE) el.remove();
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (isLinkList(list)) list.remove();
  }
}

/** A list whose items are nearly all links: a related-stories or navigation list. */
function isLinkList(list: Element): boolean {
  const items = list.querySelectorAll('li');
  if (items.length < 2) return false;
  const text = textLength(list);
  if (!text) return true;
  let linked = 0;
  for (const a of Array.from(list.querySelectorAll('a'))) linked += textLength(a);
  return linked / text >= 0.8;
}

function textLength(el: Element): number {
  return collapseWhitespace(el.textContent ?? '').length;
}
