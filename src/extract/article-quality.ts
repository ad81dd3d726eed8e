/** Decides whether extracted text is an article or something else (a login form, a list of links). */

/** Fewer words than this is a teaser, a form or a headline list, not an article to check. */
export const MIN_ARTICLE_WORDS = 60;
/** Above this share of characters inside links, the "article" is a navigation or index block. */
export const MAX_LINK_DENSITY = 0.5;

/**
 * True when the paragraphs read like an article body: enough words, and mostly running text rather
 * than links. Word count uses whitespace-separated tokens, as the CLI reports words; scripts without
 * spaces (Chinese, Japanese, Thai) count characters / 2 instead so that they are not refused.
 */
export function isArticleText(paragraphs: readonly string[], linkDensity: number): boolean {
  if (linkDensity > MAX_LINK_DENSITY) return false;
  let words = 0;
  let chars = 0;
  for (const p of paragraphs) {
    words += p.split(/\s+/).filter(Boolean).length;
    chars += p.length;
  }
  return Math.max(words, Math.floor(chars / 8)) >= MIN_ARTICLE_WORDS;
}

/** Share of `root`'s text characters that sit inside `<a>` elements; 0 for an empty element. */
export function linkDensity(root: Element): number {
  const total = visibleChars(root);
  if (!total) return 0;
  let linked = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return Math.min(1, linked / total);
}

/** NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION: the nodes whose data make up `textContent`. */
const TEXT_NODES = 0x4 | 0x8;

/**
 * Characters of `root`'s text other than whitespace, text node by text node: the same count as
 * over `textContent`, without building a long article's whole text as one string to count it.
 */
function visibleChars(root: Element): number {
  const doc = root.ownerDocument;
  if (!doc) return (root.textContent ?? '').replace(/\s+/g, '').length;
  const walker = doc.createTreeWalker(root, TEXT_NODES);
  let chars = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) chars += (node as CharacterData).data.replace(/\s+/g, '').length;
  return chars;
}
