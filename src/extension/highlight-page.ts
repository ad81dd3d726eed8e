/**
 * Marks passages of the extracted text in the live page. Extracted text and
 * the DOM differ in whitespace (paragraph breaks, collapsed runs, text split
 * across nodes), so matching ignores whitespace entirely: the page's text
 * nodes are read as one whitespace-free string with a map back to
 * (node, offset), and each passage is searched in it the same way.
 */
import type { HighlightMark } from './content-api.js';

/** The attribute on our `<mark>` elements; its value is the passage kind. */
export const MARK_ATTRIBUTE = 'data-firsthand';

/**
 * How each passage kind looks on the page and what its marks say on hover: the same words
 * (verbatim and nearly so) apart from reworded text, as in the popup. Inline styles, since
 * the page's own CSS decides how a bare <mark> looks; light backgrounds with dark text stay
 * readable on dark pages too.
 */
export const MARK_LOOKS: Readonly<Record<string, { background: string; title: string; decoration?: string }>> = {
  verbatim: { background: '#ffe566', title: 'Firsthand: the same words as the source' },
  'near-verbatim': { background: '#ffe566', title: 'Firsthand: nearly the same words as the source' },
  paraphrase: { background: '#ffc8a3', title: 'Firsthand: reworded from the source', decoration: 'underline dotted #a0410d' },
  quote: { background: '#e3d5fb', title: 'Firsthand: a quotation the source shares (not counted)' },
};

/** Passages shorter than this (whitespace-free characters) are too common to place reliably. */
const MIN_PIECE = 12;

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

interface TextMap {
  /** The page's visible text without any whitespace. */
  text: string;
  nodes: Text[];
  /** For each character of `text`: index into `nodes`… */
  node: Uint32Array;
  /** …and its UTF-16 offset in that node. */
  offset: Uint32Array;
}

function readText(root: Element): TextMap {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode(node) {
      for (let el = node.parentElement; el !== null && el !== root; el = el.parentElement) {
        if (SKIPPED.has(el.tagName.toUpperCase()) || el.hidden) return 2; /* FILTER_REJECT */
      }
      return 1; /* FILTER_ACCEPT */
    },
  });
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeIndex: number[] = [];
  const offsets: number[] = [];
  for (let current = walker.nextNode(); current !== null; current = walker.nextNode()) {
    const value = (current as Text).data;
    const index = nodes.length;
    nodes.push(current as Text);
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (/\s/u.test(ch)) continue;
      chars.push(ch);
      nodeIndex.push(index);
      offsets.push(i);
    }
  }
  return { text: chars.join(''), nodes, node: Uint32Array.from(nodeIndex), offset: Uint32Array.from(offsets) };
}

const squeeze = (text: string): string => text.replace(/\s+/gu, '');

/** Pieces to look for: the whole passage, else its sentences (a passage may cross a block the DOM orders differently). */
function pieces(text: string): string[] {
  const whole = squeeze(text);
  if (whole.length < MIN_PIECE) return [];
  return [whole];
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…"”])\s+/u)
    .map(squeeze)
    .filter((s) => s.length >= MIN_PIECE);
}

/** Wrap map characters [from, to) in marks, one per text node touched. Returns the marks in document order. */
function wrap(map: TextMap, from: number, to: number, kind: string): HTMLElement[] {
  const doc = map.nodes[0]!.ownerDocument;
  const segments: { node: Text; start: number; end: number }[] = [];
  for (let i = from; i < to; i++) {
    const node = map.nodes[map.node[i]!]!;
    const offset = map.offset[i]!;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.node === node) last.end = offset + 1;
    else segments.push({ node, start: offset, end: offset + 1 });
  }
  const marks: HTMLElement[] = [];
  for (const { node, start, end } of segments) {
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, kind);
    const look = MARK_LOOKS[kind];
    if (look !== undefined) {
      mark.title = look.title;
      // Important inline declarations: a site's own `mark { … !important }` must not hide the kinds.
      mark.style.setProperty('background-color', look.background, 'important');
      mark.style.setProperty('color', '#1f1f1f', 'important');
      if (look.decoration !== undefined) mark.style.setProperty('text-decoration', look.decoration, 'important');
    }
    range.surroundContents(mark);
    marks.push(mark);
  }
  return marks;
}

/**
 * Remove earlier marks, then mark each passage found in `root`.
 * Returns the marks placed, in the order placed (first passage first).
 */
export function highlightPassages(root: Element, passages: readonly HighlightMark[]): HTMLElement[] {
  clearPassageHighlights(root);
  const placed: HTMLElement[] = [];
  for (const passage of passages) {
    const whole = pieces(passage.text);
    const tries = whole.length > 0 ? [whole, sentences(passage.text)] : [];
    for (const attempt of tries) {
      let found = false;
      for (const piece of attempt) {
        // Re-read after every wrap: wrapping splits text nodes and stales the map.
        const map = readText(root);
        const at = map.text.indexOf(piece);
        if (at < 0) continue;
        placed.push(...wrap(map, at, at + piece.length, passage.kind));
        found = true;
      }
      if (found) break;
    }
  }
  return placed;
}

/** The mark that comes first in the document (passages need not be given in document order). */
export function firstInDocument(marks: readonly HTMLElement[]): HTMLElement | undefined {
  let first = marks[0];
  for (const mark of marks) {
    // DOCUMENT_POSITION_PRECEDING (2): `mark` comes before `first`.
    if (first !== undefined && first.compareDocumentPosition(mark) & 2) first = mark;
  }
  return first;
}

/** Remove every mark we placed, restoring the text nodes. Returns how many were removed. */
export function clearPassageHighlights(root: Element): number {
  const marks = root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`);
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (parent === null) continue;
    while (mark.firstChild !== null) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
  return marks.length;
}
