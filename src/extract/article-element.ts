/** The third fallback: the text of the page's <article> or <main> element, cleaned like Readability's output. */
import { blockParagraphs } from './block-text.js';
import { linkDensity } from './article-quality.js';
import { cleanArticleContent } from './boilerplate.js';
import { withoutFurniture } from './furniture-text.js';

const CONTAINERS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];

export function articleElementText(doc: Document): { paragraphs: string[]; linkDensity: number } | null {
  for (const selector of CONTAINERS) {
    const candidates = Array.from(doc.querySelectorAll(selector));
    if (!candidates.length) continue;
    // The longest one: a page may mark up teasers as <article> too.
    const best = candidates.reduce((a, b) => ((b.textContent ?? '').length > (a.textContent ?? '').length ? b : a));
    const copy = best.cloneNode(true) as Element;
    cleanArticleContent(copy);
    const paragraphs = withoutFurniture(blockParagraphs(copy));
    if (paragraphs.length) return { paragraphs, linkDensity: linkDensity(copy) };
  }
  return null;
}
