// @vitest-environment jsdom
import { beforeEach, expect, test } from 'vitest';
import { clearPassageHighlights, highlightPassages } from '../../src/extension/highlight-page.js';

const PAGE = `<nav>Home · World · Sport</nav>
<article>
  <h1>Ferry to resume</h1>
  <p>The harbour ferry   will <b>resume on Monday</b> after
     three months of repairs.</p><p>Engineers replaced the piles.</p>
  <script>var ferry = "The harbour ferry will resume";</script>
</article>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

test('a passage is found across whitespace differences, elements and paragraph breaks, and marked with its kind', () => {
  const before = document.body.textContent;
  const marks = highlightPassages(document.body, [
    { text: 'The harbour ferry will resume on Monday after three months of repairs.\n\nEngineers replaced the piles.', kind: 'paraphrase' },
  ]);
  expect(marks.length).toBeGreaterThan(1); // one per text node touched
  const marked = marks.map((m) => m.textContent).join(' ').replace(/\s+/g, ' ');
  expect(marked).toBe('The harbour ferry will resume on Monday after three months of repairs. Engineers replaced the piles.');
  expect(marks.every((m) => m.tagName === 'MARK' && m.getAttribute('data-firsthand') === 'paraphrase')).toBe(true);
  expect(document.querySelector('script mark, nav mark')).toBeNull();
  expect(document.body.textContent).toBe(before);
});

test('clearing restores the page exactly', () => {
  const html = document.body.innerHTML;
  highlightPassages(document.body, [{ text: 'Engineers replaced the piles.', kind: 'verbatim' }]);
  expect(document.body.innerHTML).not.toBe(html);
  expect(clearPassageHighlights(document.body)).toBe(1);
  expect(document.body.innerHTML).toBe(html);
});

test('marking again replaces earlier marks instead of nesting them', () => {
  highlightPassages(document.body, [{ text: 'Engineers replaced the piles.', kind: 'verbatim' }]);
  highlightPassages(document.body, [{ text: 'Engineers replaced the piles.', kind: 'verbatim' }]);
  expect(document.querySelectorAll('mark mark').length).toBe(0);
  expect(document.querySelectorAll('mark').length).toBe(1);
});

test('text that is not on the page marks nothing; when only some sentences are, those are marked', () => {
  expect(highlightPassages(document.body, [{ text: 'Nothing like this appears anywhere.', kind: 'verbatim' }])).toEqual([]);
  const marks = highlightPassages(document.body, [
    { text: 'A sentence the page never had in it. Engineers replaced the piles.', kind: 'near-verbatim' },
  ]);
  expect(marks.map((m) => m.textContent).join('')).toBe('Engineers replaced the piles.');
});

test('the kinds look different on the page and say what they are: same words, reworded, shared quote', () => {
  document.body.innerHTML = `<article><p>The harbour ferry will resume on Monday.</p><p>Engineers replaced every pile of the old pier.</p>
    <p>Repairs took three months in all.</p><p>“We are glad to be back,” the captain said.</p></article>`;
  const marks = highlightPassages(document.body, [
    { text: 'The harbour ferry will resume on Monday.', kind: 'verbatim' },
    { text: 'Engineers replaced every pile of the old pier.', kind: 'near-verbatim' },
    { text: 'Repairs took three months in all.', kind: 'paraphrase' },
    { text: '“We are glad to be back,” the captain said.', kind: 'quote' },
  ]);
  const byKind = new Map(marks.map((m) => [m.getAttribute('data-firsthand'), m]));
  const look = (kind: string) => byKind.get(kind)!.style.backgroundColor;
  // Inline styles: the page's own CSS cannot be relied on to colour our marks.
  expect(look('verbatim')).not.toBe('');
  expect(look('near-verbatim')).toBe(look('verbatim'));
  expect(look('paraphrase')).not.toBe(look('verbatim'));
  expect(look('quote')).not.toBe(look('verbatim'));
  expect(look('quote')).not.toBe(look('paraphrase'));
  expect(byKind.get('verbatim')!.title).toMatch(/same words/i);
  expect(byKind.get('near-verbatim')!.title).toMatch(/same words/i);
  expect(byKind.get('paraphrase')!.title).toMatch(/reworded/i);
  expect(byKind.get('quote')!.title).toMatch(/quot/i);
  // Clearing still restores the page exactly, styles and titles included.
  clearPassageHighlights(document.body);
  expect(document.querySelector('mark, [title]')).toBeNull();
});

test('a site’s own !important style for <mark> does not hide the kinds', () => {
  document.head.innerHTML = '<style>mark { background-color: rgb(0, 0, 255) !important; }</style>';
  document.body.innerHTML = '<article><p>The harbour ferry will resume on Monday.</p><p>Repairs took three months in all.</p></article>';
  const [same, reworded] = highlightPassages(document.body, [
    { text: 'The harbour ferry will resume on Monday.', kind: 'verbatim' },
    { text: 'Repairs took three months in all.', kind: 'paraphrase' },
  ]);
  const painted = (mark: HTMLElement) => getComputedStyle(mark).backgroundColor;
  expect(painted(same!)).not.toBe('rgb(0, 0, 255)');
  expect(painted(reworded!)).not.toBe(painted(same!));
  document.head.innerHTML = '';
});
