/**
 * Article extraction: DOM-only, shared by the extension's content script and the CLI.
 * (The Node helper that parses HTML strings is src/extract/node-html.ts, imported separately.)
 */
export { extractArticle } from './extract-article.js';
export { decodeText, decodeWindows1252, sniffHtmlCharset, TextDecodeError, type DecodeOptions } from './decode-text.js';
export { blockText, blockParagraphs, collapseWhitespace, paragraphsFromPlainText } from './block-text.js';
export {
  isExtractionFailure,
  type ExtractedArticle,
  type ExtractionFailure,
  type ExtractionErrorCode,
  type ExtractOptions,
  type Extractor,
} from './types.js';
