/**
 * Issue 13 item 6: extraction on a 60,000-word page skips work that cannot change its answer. Each
 * shortcut must give exactly the answer of the longer way it replaces, whatever the page.
 */
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { linkDensity } from '../../src/extract/article-quality.js';
import { CREDIT_END, CREDIT_MARK } from '../../src/extract/furniture-templates.js';
import { PAGE_LIMITS, pageSizeProblem } from '../../src/extract/page-limits.js';
import { withCheapBylineTest } from '../../src/extract/readability-pass.js';

/** Pieces of captions and of running text, so that generated paragraphs come near every credit template. */
const PIECES = [
  'AP', 'AFP', 'EPA', 'EPA-EFE', 'Reuters', 'Pool', 'Getty Images', 'Photo', 'photo', 'PHOTO', 'Photos', 'Photo by', 'Photo credit should read',
  'orig file id:', 'ORIG FILE ID:', 'AFP_17J9SP', 'Pool photo by', 'Pool Photo via', 'Photo via', 'via', 'File', 'Evan Vucci', 'Brendan Smialowski',
  'Jorge Silva', 'the minister said', 'on Tuesday',
  '/', ' / ', '(', ')', '.', ',', ' ', '  ', '-', '’', 'file', 'id', 'orig', 'pho', 'to',
];
const paragraph = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(' '));

describe('the credit templates are only tried on paragraphs that could hold one', () => {
  it('every paragraph ending in a credit template holds a slash, "photo" or "orig file id"', () => {
    fc.assert(fc.property(paragraph, (text) => {
      if (CREDIT_END.test(text)) expect(CREDIT_MARK.test(text)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('the templates still match the captions they are for', () => {
    for (const caption of [
      'A man waves a flag. (AP Photo/Evan Vucci)', 'Crowds gather. BRENDAN SMIALOWSKI/AFP/Getty Images', 'Smoke rises. ORIG FILE ID: AFP_17J9SP',
      'Leaders meet in Brasilia. (Jorge Silva/Pool Photo via AP, File)',
    ]) {
      expect(CREDIT_END.test(caption)).toBe(true);
      expect(CREDIT_MARK.test(caption)).toBe(true);
    }
  });
});

describe("Readability's byline test, cheap conditions first", () => {
  const doc = new JSDOM('<!doctype html><html><body><p>x</p></body></html>').window.document;
  const reader = new Readability(doc);
  const internals = reader as unknown as { _isValidByline: (node: Element, matchString: string) => boolean };
  const own = internals._isValidByline.bind(reader);

  it('applies to the Readability installed (an upgrade that renames the test fails here, not silently)', () => {
    expect(typeof own).toBe('function');
    const patched = withCheapBylineTest(new Readability(doc)) as unknown as { _isValidByline: unknown };
    expect(patched._isValidByline).not.toBe(Object.getPrototypeOf(reader)._isValidByline);
  });

  it('answers as Readability does, for any element', () => {
    const cheap = (withCheapBylineTest(new Readability(doc)) as unknown as typeof internals)._isValidByline;
    const element = fc.record({
      tag: fc.constantFrom('p', 'div', 'span', 'a', 'address'),
      rel: fc.option(fc.constantFrom('author', 'nofollow', 'Author'), { nil: undefined }),
      itemprop: fc.option(fc.constantFrom('author', 'author name', 'name', 'headline'), { nil: undefined }),
      className: fc.constantFrom('', 'byline', 'post-author', 'dateline', 'story', 'writtenby', 'p-author', 'content'),
      text: fc.constantFrom('', '   ', 'By Jane Doe', 'x'.repeat(99), 'y'.repeat(100), 'A long paragraph. '.repeat(20)),
    });
    fc.assert(fc.property(element, ({ tag, rel, itemprop, className, text }) => {
      const node = doc.createElement(tag);
      if (rel !== undefined) node.setAttribute('rel', rel);
      if (itemprop !== undefined) node.setAttribute('itemprop', itemprop);
      node.className = className;
      node.textContent = text;
      const matchString = `${className} ${node.id}`;
      expect(cheap.call(reader, node, matchString)).toBe(own(node, matchString));
    }), { numRuns: 500 });
  });
});

describe('text counted node by node, as over textContent', () => {
  const block = fc.array(fc.constantFrom('<p>', '</p>', '<a href="/x">', '</a>', 'word ', ' \n\t ', '\u00a0', 'é', '<b>', '</b>', '<!-- note -->', '<script>var a = 1;</script>'), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('link density is the share of non-space characters inside links', () => {
    const root = new JSDOM('<!doctype html><body><div id="root"></div></body>').window.document.getElementById('root')!;
    fc.assert(fc.property(block, (html) => {
      root.innerHTML = html;
      const total = (root.textContent ?? '').replace(/\s+/g, '').length;
      const linked = Array.from(root.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
      expect(linkDensity(root)).toBe(total ? Math.min(1, linked / total) : 0);
    }), { numRuns: 200 });
  });

  it("a page's text limit counts the body's text (scripts included), not the head's", () => {
    const page = (headChars: number, bodyChars: number) => new JSDOM(
      `<!doctype html><html><head><title>${'t'.repeat(headChars)}</title></head><body><p>${'a'.repeat(bodyChars - 10)}</p><script>${'s'.repeat(10)}</script></body></html>`,
    ).window.document;
    expect(pageSizeProblem(page(5_000, PAGE_LIMITS.textChars))).toBeNull();
    expect(pageSizeProblem(page(0, PAGE_LIMITS.textChars + 1))).toMatch(/characters of text/);
  });
});
