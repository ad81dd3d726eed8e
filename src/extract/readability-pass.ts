/** Readability on a clone of the page, with Firsthand's clean-up before and after it. */
import { Readability } from '@mozilla/readability';
import { blockParagraphs } from './block-text.js';
import { linkDensity } from './article-quality.js';
import { cleanArticleContent, prepareDocument } from './boilerplate.js';
import { withoutFurniture } from './furniture-text.js';

export interface ReadabilityResult {
  title: string;
  paragraphs: string[];
  byline: string | null;
  siteName: string | null;
  /** Share of the content's characters inside links, in [0, 1]. */
  linkDensity: number;
  /** The addresses the article's body links to, as written (resolve against the page's address). */
  links: string[];
}

/** Readability's element cap; 0 = no limit (a 10 MB page is still one article). */
const MAX_ELEMENTS = 0;

export function readabilityArticle(doc: Document): ReadabilityResult | null {
  // Readability rewrites the tree it is given; the live page must stay untouched.
  const clone = doc.cloneNode(true) as Document;
  prepareDocument(clone);
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(clone, {
      keepClasses: true, // the clean-up after Readability reads class names
      serializer: (node) => node,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
  } catch {
    return null; // a page that trips Readability gets the fallbacks
  }
  const content = parsed?.content;
  if (!parsed || !content || content.nodeType !== 1) return null;
  const root = content as Element;
  cleanArticleContent(root);
  return {
    title: (parsed.title ?? '').trim(),
    paragraphs: withoutFurniture(blockParagraphs(root)),
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    linkDensity: linkDensity(root),
    links: bodyLinks(root),
  };
}


/** At most this many body links are kept: a story's sources are among its first few. */
const MAX_LINKS = 50;

function bodyLinks(root: Element): string[] {
  const links: string[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href')?.trim() ?? '';
    if (href && !href.startsWith('#') && !links.includes(href)) links.push(href);
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}
