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
    parsed = withCheapBylineTest(new Readability<Node>(clone, {
      keepClasses: true, // the clean-up after Readability reads class names
      serializer: (node) => node,
      maxElemsToParse: MAX_ELEMENTS,
    })).parse();
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

/** The parts of Readability 0.6's internals that withCheapBylineTest reorders. */
interface BylineInternals {
  _isValidByline?: (this: unknown, node: Element, matchString: string) => boolean;
  REGEXPS?: { byline?: RegExp };
}

/**
 * Readability asks of every element it walks, until it finds a byline, whether it is one; its test
 * takes the element's whole text before looking at its name, which on a 60,000-word page builds the
 * article's text again for each of its containers (about 70 ms). The same test with its cheap
 * conditions first (rel="author", itemprop, a class or id naming a byline) gives the same answers:
 * an element failing them is no byline whatever its text. A Readability without that internal
 * keeps its own test.
 */
export function withCheapBylineTest<T>(reader: Readability<T>): Readability<T> {
  const internals = reader as unknown as BylineInternals;
  const test = internals._isValidByline;
  const byline = internals.REGEXPS?.byline;
  if (typeof test !== 'function' || !(byline instanceof RegExp) || byline.global || byline.sticky) return reader;
  internals._isValidByline = function (node, matchString) {
    const itemprop = node.getAttribute('itemprop');
    if (node.getAttribute('rel') !== 'author' && !itemprop?.includes('author') && !byline.test(matchString)) return false;
    return test.call(this, node, matchString);
  };
  return reader;
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
