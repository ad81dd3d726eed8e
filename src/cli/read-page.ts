import { decodeText, sniffHtmlCharset } from '../extract/decode-text.js';
import { textFileArticle } from './text-file-article.js';
import { extractFromHtml } from '../extract/node-html.js';
import { pageText } from '../extract/page-text.js';
import { isExtractionFailure, type Extractor } from '../extract/types.js';
import { CliError, ExitCode } from './cli-error.js';

/** The page as the engine sees it: the extracted article text (headline first) and what is known about it. */
export interface PageText {
  readonly title: string;
  readonly text: string;
  readonly extractor: Extractor;
  readonly published: string | null;
  /**
   * Where the page is, as the check takes it: `--url` when given, else the address an HTML page gives
   * itself (its canonical link); null for text files.
   */
  readonly url: string | null;
  /** Where `url` came from: the `--url` option, the page's canonical link, or nowhere. */
  readonly urlFrom: 'option' | 'canonical' | null;
  /** The address the page declares for itself (`<link rel=canonical>`, else `og:url`); null when none. */
  readonly canonical: string | null;
  /** What the page says about its sources (direction evidence): see PageInput. */
  readonly basedOn: readonly string[];
  readonly links: readonly string[];
  readonly byline: string | null;
  readonly siteName: string | null;
}

/** A text file's title is its first line; a file that is one long line gets a readable prefix. */
const MAX_TITLE = 160;
const HTML_NAME = /\.x?html?$/i;
const TEXT_NAME = /\.(txt|text|md)$/i;
/** Markup near the start of a file without a telling extension: a page or a saved fragment of one. */
const HTML_SNIFF = /<(?:!doctype|html|head|body|p|div|article)\b/i;

/** Whether a file named `name` holding `text` is an HTML page: by extension, else by content. */
export function isHtml(name: string, text: string): boolean {
  if (HTML_NAME.test(name)) return true;
  if (TEXT_NAME.test(name)) return false;
  return HTML_SNIFF.test(text.slice(0, 8192));
}

/**
 * A page's bytes as text: UTF-8/UTF-16 by BOM or validity, else the charset
 * the page declares, else Windows-1252. Throws TextDecodeError for binary data.
 */
export function decodePage(bytes: Uint8Array): string {
  return decodeText(bytes, { declaredCharset: sniffHtmlCharset(bytes) });
}

/**
 * Reads a page from bytes: HTML goes through the same extraction the extension
 * uses (Readability and its fallbacks, over linkedom), a text file is taken whole.
 */
export function readPage(bytes: Uint8Array, name: string): PageText {
  if (bytes.length === 0) throw new CliError(ExitCode.Unreadable, `${name}: the file is empty`);
  let decoded: string;
  try {
    decoded = decodePage(bytes);
  } catch (error) {
    throw new CliError(ExitCode.Unreadable, `${name}: ${(error as Error).message}`);
  }
  if (!isHtml(name, decoded)) {
    // furniture lines (credited captions, leaked script, sharing prompts) go as they do from a page's blocks
    const text = textFileArticle(decoded.replace(/\r\n?/g, '\n'));
    if (text.trim().length === 0) throw new CliError(ExitCode.NoArticle, `${name}: the file holds no text`);
    const firstLine = text.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
    const title = firstLine.length > MAX_TITLE ? `${firstLine.slice(0, MAX_TITLE - 1)}…` : firstLine;
    return { title, text, extractor: 'text', published: null, url: null, urlFrom: null, canonical: null, basedOn: [], links: [], byline: null, siteName: null };
  }
  const article = extractFromHtml(decoded);
  if (isExtractionFailure(article)) {
    throw new CliError(article.error.code === 'too-large' ? ExitCode.Unreadable : ExitCode.NoArticle, `${name}: ${article.error.message}`);
  }
  return {
    title: article.title, text: pageText(article), extractor: article.extractor, published: article.published,
    url: article.url, urlFrom: article.url ? 'canonical' : null, canonical: article.url,
    basedOn: article.basedOn, links: article.links, byline: article.byline, siteName: article.siteName,
  };
}
