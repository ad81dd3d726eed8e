/**
 * Finds the article on a page: Readability on a clone of the document, with clean-up around it,
 * then the fallbacks in order — JSON-LD `articleBody`, the `<article>`/`<main>` element's text, the
 * user's selection. DOM only, so the same code runs in the extension's content script and in Node
 * over linkedom.
 */
import { paragraphsFromPlainText } from './block-text.js';
import { jsonLdArticles, type JsonLdArticle } from './json-ld.js';
import { canonicalUrl, cleanTitle, declaredSources, documentTitle, pageLanguage, publishedDate, siteName } from './page-meta.js';
import { readabilityArticle } from './readability-pass.js';
import { articleElementText } from './article-element.js';
import { isArticleText } from './article-quality.js';
import { pageSizeProblem, TOO_LARGE_MESSAGE } from './page-limits.js';
import type { ExtractedArticle, ExtractionFailure, ExtractOptions, Extractor } from './types.js';

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | ExtractionFailure {
  if (!doc.body && !doc.documentElement) {
    return { error: { code: 'empty-page', message: 'The page has no content.' } };
  }
  const tooLarge = pageSizeProblem(doc);
  if (tooLarge) return { error: { code: 'too-large', message: TOO_LARGE_MESSAGE(tooLarge) } };
  const ld = jsonLdArticles(doc)[0];
  const base = {
    published: publishedDate(doc, ld),
    lang: pageLanguage(doc, ld),
    siteName: siteName(doc, ld),
    url: canonicalUrl(doc, options.url),
    basedOn: declaredSources(doc, ld, options.url),
  };
  const found = readabilityArticle(doc);
  if (found && isArticleText(found.paragraphs, found.linkDensity)) {
    return {
      ...base,
      title: found.title ? cleanTitle(found.title, doc, ld) : documentTitle(doc, ld),
      text: found.paragraphs.join('\n\n'),
      extractor: 'readability',
      byline: found.byline ?? ld?.author ?? null,
      siteName: base.siteName ?? found.siteName,
      links: absoluteAddresses(found.links, options.url),
    };
  }
  const fallback = fallbackText(doc, ld, options.selection);
  if (fallback) {
    return { ...base, title: documentTitle(doc, ld), text: fallback.text, extractor: fallback.extractor, byline: ld?.author ?? null, links: [] };
  }
  const where = options.url ? ` at ${options.url}` : '';
  return {
    error: {
      code: 'no-article',
      message: `No article found on the page${where}: it looks like an index, login or empty page.`,
    },
  };
}

function fallbackText(
  doc: Document,
  ld: JsonLdArticle | undefined,
  selection: string | undefined,
): { text: string; extractor: Extractor } | null {
  if (ld?.articleBody) {
    const text = paragraphsFromPlainText(stripTags(ld.articleBody));
    if (isArticleText(text.split('\n\n'), 0)) return { text, extractor: 'json-ld' };
  }
  const element = articleElementText(doc);
  if (element && isArticleText(element.paragraphs, element.linkDensity)) {
    return { text: element.paragraphs.join('\n\n'), extractor: 'article' };
  }
  if (selection) {
    const text = paragraphsFromPlainText(selection);
    // The user chose this text; any non-empty selection is their answer to "which article?".
    if (text) return { text, extractor: 'text' };
  }
  return null;
}

/** Some CMSs put HTML inside articleBody; it is text to us, never markup to render. */
function stripTags(text: string): string {
  return /<\/?[a-z][^>]*>/i.test(text)
    ? text.replace(/<\/?(?:p|br|div|h\d|li)\b[^>]*>/gi, '\n\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    : text;
}



/** http(s) addresses, made absolute against the page's address; others (mailto:, javascript:, unresolvable) dropped. */
function absoluteAddresses(hrefs: readonly string[], pageUrl: string | undefined): string[] {
  const out: string[] = [];
  for (const href of hrefs) {
    try {
      const url = pageUrl ? new URL(href, pageUrl) : new URL(href);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !out.includes(url.href)) out.push(url.href);
    } catch {
      // a relative address with nothing to resolve it against, or a malformed one
    }
  }
  return out;
}
