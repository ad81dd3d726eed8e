/**
 * Clean-up around Readability: the parts of a news page that sit inside the article container but
 * are not the article (captions, bylines, related stories, newsletter boxes, share widgets,
 * "read more" lines, ad slots). The rules were developed on the development half of the extraction
 * benchmark only (src/eval/extraction, sorted ids, first 91) and are reported on the other half.
 */
import { classWords, hasFurnitureName } from './furniture-names.js';
import { isBoilerplateLine } from './boilerplate-lines.js';
import { collapseWhitespace } from './block-text.js';
import { normalizeEmbeddedPosts } from './embedded-posts.js';

export { isBoilerplateLine };

/** Page chrome that never holds article text, removed before Readability scores the page. */
const CHROME_SELECTOR = 'nav, [role="navigation"], figcaption, button, select, textarea, [hidden]';

/** Runs on the clone before Readability scores it. */
export function prepareDocument(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(CHROME_SELECTOR))) el.remove();
  normalizeEmbeddedPosts(doc);
}

/**
 * An element named like furniture is removed only when it holds less than this share of the
 * content's text: a site that calls its whole article body "story-share-wrapper" keeps its article.
 */
const MAX_FURNITURE_SHARE = 0.25;

/** Runs on Readability's content element (or the fallback container) before the text is taken. */
export function cleanArticleContent(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(CHROME_SELECTOR))) el.remove();
  normalizeEmbeddedPosts(root); // the fallbacks' container has not been through prepareDocument
  // The content's text length, taken before anything is removed, only if a box named like furniture asks:
  // each reading of a long article's whole text costs tens of milliseconds.
  let total: number | null = null;
  // Outermost first, so a removed box takes its children with it.
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!root.contains(el)) continue; // inside a box removed earlier
    if (!hasFurnitureName(classWords(el))) continue;
    // An embedded post (tweet, Instagram) sits in a "social-media-embed" box but is quoted article content.
    if (el.tagName === 'BLOCKQUOTE' || el.querySelector('blockquote')) continue;
    total ??= textLength(root);
    if (textLength(el) <= total * MAX_FURNITURE_SHARE) el.remove();
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (isLinkList(list)) list.remove();
  }
  for (const block of Array.from(root.querySelectorAll(LEAF_BLOCKS))) {
    if (isHeadlineLink(block)) block.remove();
  }
}

const LEAF_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, div';

/** Longest link-only block taken as a teaser headline; longer ones are linked sentences. */
const MAX_TEASER_WORDS = 25;

/**
 * A short block whose text is all link: a teaser for another story ("Who will make the Rock Hall
 * in 2020?"). Inline links in a real paragraph cover a small part of its text.
 */
function isHeadlineLink(block: Element): boolean {
  // Without a link nothing is linked (most of a long article's paragraphs): no need to read the text.
  if (block.querySelector('a') === null) return false;
  if (block.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote')) return false;
  const text = collapseWhitespace(block.textContent ?? '');
  if (!text || text.split(' ').length > MAX_TEASER_WORDS) return false;
  // A printed address is content (a source list, a shop link); a teaser shows a headline.
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(text)) return false;
  let linked = 0;
  for (const a of Array.from(block.querySelectorAll('a'))) linked += textLength(a);
  return linked / text.length >= 0.9;
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
