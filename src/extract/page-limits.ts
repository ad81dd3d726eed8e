/**
 * How large a page Firsthand extracts. Readability's work grows faster than the page on deep or wide
 * trees (over linkedom a 5,000-deep chain of <div>s took 15 s, 100,000 tiny <p>s 23 s), so a page past
 * these limits gets a clear "too large to check" instead of a busy tab or CLI. Measured on the 181 real
 * pages of the Zyte article-extraction benchmark: at most 1,596 elements, depth 51 and 416,321
 * characters of body text; none comes near a limit. The same limits hold in the browser's content
 * script and in the CLI, since both run extractArticle.
 */
export const PAGE_LIMITS = {
  /** Elements in the document: 12× the largest benchmark page (Lighthouse already calls 1,400 excessive). */
  elements: 20_000,
  /** Nesting depth: Chromium's HTML parser stops nesting at 512, so no parsed page goes deeper there. */
  depth: 512,
  /** Characters of the body's text (scripts included): 4.8× the largest benchmark page. */
  textChars: 2_000_000,
} as const;

const format = (n: number): string => n.toLocaleString('en-US');

/** Why a parsed page is past the limits, or null when it is within them. Linear, and stops at the first excess. */
export function pageSizeProblem(doc: Document): string | null {
  const root = doc.documentElement;
  if (!root) return null;
  let elements = 0;
  const stack: Array<{ element: Element; depth: number }> = [{ element: root, depth: 1 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    if (++elements > PAGE_LIMITS.elements) return `it has more than ${format(PAGE_LIMITS.elements)} elements`;
    if (depth > PAGE_LIMITS.depth) return `its elements nest more than ${format(PAGE_LIMITS.depth)} deep`;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push({ element: child, depth: depth + 1 });
  }
  if (doc.body && textChars(doc, doc.body) > PAGE_LIMITS.textChars) return `it holds more than ${format(PAGE_LIMITS.textChars)} characters of text`;
  return null;
}

/** NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION: the nodes whose data make up `textContent`. */
const TEXT_NODES = 0x4 | 0x8;

/**
 * The length of `root.textContent`, counted node by node and only up to the limit: building the
 * string itself to take its length cost 10 ms on a 60,000-word page.
 */
function textChars(doc: Document, root: Node): number {
  const walker = doc.createTreeWalker(root, TEXT_NODES);
  let chars = 0;
  for (let node = walker.nextNode(); node !== null && chars <= PAGE_LIMITS.textChars; node = walker.nextNode()) {
    chars += (node as CharacterData).data.length;
  }
  return chars;
}

/**
 * The same limits read off the markup before it is parsed, where parsing alone would cost seconds:
 * every `<` followed by a letter is counted as a start tag, an upper bound of the elements the
 * parser makes (bar the html, head and body it adds). Null when the markup is within them.
 */
export function markupSizeProblem(html: string): string | null {
  let tags = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a && ++tags > PAGE_LIMITS.elements + 3) {
      return `it has more than ${format(PAGE_LIMITS.elements)} elements`;
    }
  }
  return null;
}

export const TOO_LARGE_MESSAGE = (reason: string): string => `This page is too large to check: ${reason}.`;
