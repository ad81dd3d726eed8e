/** Which step of the extraction produced the text, in the order they are tried. */
export type Extractor = 'readability' | 'json-ld' | 'article' | 'text';

/** An article found on a page. */
export interface ExtractedArticle {
  /** Headline; falls back to the document title, may be '' when the page has none. */
  title: string;
  /** Article body: paragraphs separated by one blank line ("\n\n"), whitespace collapsed inside each. */
  text: string;
  extractor: Extractor;
  byline: string | null;
  siteName: string | null;
  /** ISO date (YYYY-MM-DD) or date-time from meta tags, JSON-LD or a <time> element; null when unknown. */
  published: string | null;
  /** BCP 47 language tag from the page (e.g. "en", "pt-BR"), null when the page does not say. */
  lang: string | null;
  /** The address the page gives itself (`<link rel="canonical">`, else `og:url`), absolute; null when it gives none. */
  url: string | null;
  /** Addresses the page declares it is based on (JSON-LD `isBasedOn`, `original-source`, `syndication-source`). */
  basedOn: string[];
  /** Absolute addresses the article's body links to (Readability's content only). */
  links: string[];
}

/** `too-large`: the page is past PAGE_LIMITS (page-limits.ts). */
export type ExtractionErrorCode = 'no-article' | 'empty-page' | 'too-large';

/** The page holds no article text that any step could find. */
export interface ExtractionFailure {
  error: { code: ExtractionErrorCode; message: string };
}

export interface ExtractOptions {
  /** The page's address, used to resolve relative links and for messages. */
  url?: string;
  /** Text the user selected on the page; the last resort when nothing else yields an article. */
  selection?: string;
}

export function isExtractionFailure(result: ExtractedArticle | ExtractionFailure): result is ExtractionFailure {
  return 'error' in result;
}
