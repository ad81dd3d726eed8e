// @vitest-environment jsdom
/** The content script's highlight: marks placed, the page scrolled to the first of them. */
import { afterEach, expect, test, vi } from 'vitest';
import { createContentApi } from '../../src/extension/content-script.js';

afterEach(() => {
  delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView;
});

test('scrolls to the mark that comes first on the page, whatever order the passages were given in', () => {
  document.body.innerHTML = `<article><h1>Ferry to resume</h1><p>The harbour ferry will resume on Monday after repairs.</p>
    <p>Engineers replaced every pile of the old pier.</p></article>`;
  const scrolled: Element[] = [];
  HTMLElement.prototype.scrollIntoView = vi.fn(function (this: HTMLElement) {
    scrolled.push(this);
  });
  const placed = createContentApi(document).highlight([
    { text: 'Engineers replaced every pile of the old pier.', kind: 'paraphrase' },
    { text: 'The harbour ferry will resume on Monday after repairs.', kind: 'verbatim' },
  ]);
  expect(placed).toBe(2);
  expect(scrolled).toHaveLength(1);
  expect(scrolled[0]!.textContent).toBe('The harbour ferry will resume on Monday after repairs.');
});
