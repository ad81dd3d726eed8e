/**
 * Following's reading of feeds and article pages over a standards DOMParser: the offscreen
 * document's in Chrome, the event page's in Firefox (a test passes jsdom's). Article pages go
 * through the content script's own extraction (extractArticle), so a followed article is stored
 * as a click on its page would have read it.
 */
import { extractArticle } from '../extract/extract-article.js';
import { pageText } from '../extract/page-text.js';
import { markupSizeProblem, TOO_LARGE_MESSAGE } from '../extract/page-limits.js';
import { isExtractionFailure } from '../extract/types.js';
import { pageReaderOver, type PageReader } from '../follow/page-reader.js';

/** The part of DOMParser used here. */
export interface DomParser {
  parseFromString(text: string, type: 'text/xml' | 'text/html'): Document;
}

export function domPageReader(parser: DomParser): PageReader {
  return pageReaderOver(
    (text, type) => parser.parseFromString(text, type),
    (html, url) => {
      // The same limit the CLI applies before parsing: a huge page is refused, not parsed for seconds.
      const tooLarge = markupSizeProblem(html);
      if (tooLarge) return { error: TOO_LARGE_MESSAGE(tooLarge) };
      const article = extractArticle(parser.parseFromString(html, 'text/html'), { url });
      if (isExtractionFailure(article)) return { error: article.error.message };
      return { title: article.title, text: pageText(article), published: article.published, url: article.url, siteName: article.siteName };
    },
  );
}
