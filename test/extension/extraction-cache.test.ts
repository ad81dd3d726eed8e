// @vitest-environment jsdom
/**
 * Issue 13 item 6: a second click on an unchanged page is answered from the content script's last
 * extraction; any change to the page, its address or the reader's selection makes it read the page again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PageExtraction } from '../../src/extension/content-api.js';
import { createContentApi, installContentApi } from '../../src/extension/content-script.js';

const para = (i: number) =>
  `Paragraph ${i}: the harbour ferry will resume its crossings on Monday after three weeks of repairs to the old pier, the council said, and engineers replaced every pile.`;

/** The story page at its first address. */
function layPage(): void {
  history.replaceState(null, '', '/story');
  document.body.innerHTML = `<article><h1>Ferry to resume</h1>${Array.from({ length: 8 }, (_, i) => `<p id="p${i}">${para(i)}</p>`).join('')}</article>`;
}

beforeEach(layPage);

const textOf = (extraction: PageExtraction): string => ('article' in extraction ? extraction.article.text : `error: ${extraction.error.code}`);

describe('the content script remembers its last extraction until the page changes', () => {
  it('gives an unchanged page the same article again without reading it', () => {
    const api = createContentApi(document);
    const first = api.extract();
    expect(first.cached).toBeUndefined();
    const second = api.extract();
    expect(second.cached).toBe(true);
    expect(textOf(second)).toBe(textOf(first));
    expect(second.url).toBe(first.url);
  });

  it.each([
    ['a text node changes', () => void (document.querySelector('#p3')!.firstChild!.nodeValue = 'Paragraph 3 now says the ferry stays in port until spring, after the engineers found more rot in the piles of the pier.'), /stays in port/],
    ['a paragraph is added', () => document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>A late paragraph: the mayor thanked the crews who worked through the storms to finish the new pier on time.</p>'), /late paragraph/],
    ['a paragraph is removed', () => document.querySelector('#p5')!.remove(), null],
    ['an attribute changes', () => document.querySelector('#p2')!.setAttribute('hidden', ''), null],
  ])('reads the page again when %s, in a later task or the same one', async (_, change, expected) => {
    for (const sameTask of [false, true]) {
      const api = createContentApi(document);
      const before = textOf(api.extract());
      change();
      if (!sameTask) await Promise.resolve(); // the observer's callback runs as a microtask
      const after = api.extract();
      expect(after.cached).toBeUndefined();
      if (expected) expect(textOf(after)).toMatch(expected);
      else expect(textOf(after)).not.toBe(before);
      // a later click on the unchanged page is cached again
      expect(api.extract().cached).toBe(true);
      layPage();
    }
  });

  it('reads the page again at another address (a single-page site navigating)', () => {
    const api = createContentApi(document);
    api.extract();
    history.pushState(null, '', '/another-story');
    const after = api.extract();
    expect(after.cached).toBeUndefined();
    expect(after.url).toMatch(/\/another-story$/);
  });

  it('reads the page again when the reader selects other text', () => {
    const api = createContentApi(document);
    api.extract();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#p1')!);
    document.getSelection()!.addRange(range);
    expect(api.extract().cached).toBeUndefined();
    document.getSelection()!.removeAllRanges();
    expect(api.extract().cached).toBeUndefined();
  });

  it("reads the page again after the extension's own highlights", () => {
    const api = createContentApi(document);
    const before = textOf(api.extract());
    expect(api.highlight([{ text: para(4), kind: 'verbatim' }])).toBe(1);
    const after = api.extract();
    expect(after.cached).toBeUndefined();
    expect(textOf(after)).toBe(before);
  });
});

// content.js and the check's content-extract.js (content.js's code ending with an extraction) both install the API this way.
describe('the content script injected again: content.js, or content-extract.js on the next check', () => {
  it('keeps the installed API (and what it remembers) when the build is the same', () => {
    const slot: Record<string, unknown> = {};
    const first = installContentApi(slot, 'api', document, 'build-1');
    first.extract();
    const again = installContentApi(slot, 'api', document, 'build-1');
    expect(again).toBe(first);
    expect(again.extract().cached).toBe(true);
  });

  it('replaces an API left by another build, which stops watching the page', () => {
    const slot: Record<string, unknown> = {};
    const old = installContentApi(slot, 'api', document, 'build-1');
    old.extract();
    const fresh = installContentApi(slot, 'api', document, 'build-2');
    expect(fresh).not.toBe(old);
    expect(slot.api).toBe(fresh);
    expect(fresh.extract().cached).toBeUndefined();
    // the old one forgot its copy rather than keep a page it no longer watches
    expect(old.extract().cached).toBeUndefined();
  });

  it('always replaces without a build id (a development bundle)', () => {
    const slot: Record<string, unknown> = {};
    const first = installContentApi(slot, 'api', document, null);
    expect(installContentApi(slot, 'api', document, null)).not.toBe(first);
  });
});
