/**
 * Turns an element's content into plain text that keeps its paragraph structure. Readability's
 * `textContent` glues paragraphs together; passages and highlights need to know where one ends.
 */

/** Elements that start a new paragraph. Anything else is inline and joins the current paragraph. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH',
  'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Never text, even when present in the content. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);

const NODE_ELEMENT = 1;
const NODE_TEXT = 3;

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Paragraphs of `root`, in document order, each whitespace-collapsed and non-empty. */
export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = collapseWhitespace(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === NODE_TEXT) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === NODE_ELEMENT) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED_TAGS.has(tag)) continue;
        if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

/** `blockParagraphs` joined by one blank line: the shape of `ExtractedArticle.text`. */
export function blockText(root: Node): string {
  return blockParagraphs(root).join('\n\n');
}

/** Normalizes free text (JSON-LD articleBody, a selection) to the same paragraph shape. */
export function paragraphsFromPlainText(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map(collapseWhitespace)
    .filter(Boolean)
    .join('\n\n');
}
