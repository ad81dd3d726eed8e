/**
 * Reads schema.org article data from a page's JSON-LD blocks. Publishers put the full body in
 * `articleBody` more often than in visible markup when the page is built by JavaScript.
 */

/** The fields of a schema.org Article (or subtype) that extraction uses. */
export interface JsonLdArticle {
  headline: string | null;
  articleBody: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
  inLanguage: string | null;
  /** Addresses the article says it is based on (`isBasedOn`, `isBasedOnUrl`). */
  isBasedOn: string[];
}

/** schema.org types whose `articleBody` is an article's text. */
const ARTICLE_TYPE = /^(?:\w+:)?(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|SatiricalArticle|AdvertiserContentArticle|WebPage)$/;

/** Every article object in the page's JSON-LD, in document order, most complete first within a block. */
export function jsonLdArticles(doc: Document): JsonLdArticle[] {
  const found: JsonLdArticle[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^application\/ld\+json/i.test(script.getAttribute('type')?.trim() ?? '')) continue;
    let data: unknown;
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments.
      data = JSON.parse((script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, ''));
    } catch {
      continue; // a malformed block is the publisher's bug, not a reason to fail the page
    }
    for (const node of flatten(data)) {
      if (!isArticleNode(node)) continue;
      found.push({
        headline: stringOf(node['headline']) ?? stringOf(node['name']),
        articleBody: stringOf(node['articleBody']) ?? stringOf(node['text']),
        datePublished: stringOf(node['datePublished']) ?? stringOf(node['dateCreated']),
        author: nameOf(node['author']),
        publisher: nameOf(node['publisher']),
        inLanguage: stringOf(node['inLanguage']),
        isBasedOn: addressesOf(node['isBasedOn']).concat(addressesOf(node['isBasedOnUrl'])),
      });
    }
  }
  // An article node with a body beats a bare WebPage node.
  return found.sort((a, b) => Number(b.articleBody !== null) - Number(a.articleBody !== null));
}

type JsonObject = Record<string, unknown>;

function flatten(data: unknown, out: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 6 || data === null || typeof data !== 'object') return out;
  if (Array.isArray(data)) {
    for (const item of data) flatten(item, out, depth + 1);
    return out;
  }
  const node = data as JsonObject;
  out.push(node);
  if (node['@graph']) flatten(node['@graph'], out, depth + 1);
  if (node['mainEntity']) flatten(node['mainEntity'], out, depth + 1);
  if (node['mainEntityOfPage'] && typeof node['mainEntityOfPage'] === 'object') flatten(node['mainEntityOfPage'], out, depth + 1);
  return out;
}

function isArticleNode(node: JsonObject): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t.trim()));
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return stringOf(value[0]);
  return null;
}

/** Addresses in a schema.org value: a URL string, an object with `url`/`@id`, or a list of them. */
function addressesOf(value: unknown, depth = 0): string[] {
  if (depth > 3) return [];
  if (typeof value === 'string') return /^https?:\/\//i.test(value.trim()) ? [value.trim()] : [];
  if (Array.isArray(value)) return value.slice(0, 20).flatMap((v) => addressesOf(v, depth + 1));
  if (value && typeof value === 'object') {
    const node = value as JsonObject;
    return addressesOf(node['url'], depth + 1).concat(addressesOf(node['@id'], depth + 1));
  }
  return [];
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return stringOf((value as JsonObject)['name']);
  return null;
}
