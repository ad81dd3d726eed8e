// @vitest-environment jsdom
/**
 * How the verdict reads (issue 13): the report action sits with the verdict, long passage
 * lists are collapsed, the explanation names the kind of copying and says how much of a
 * long page was checked, with numbers in the reader's locale, and a page without an
 * article is a notice, not an error.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import type { Analysis, PassageView } from '../../src/extension/analysis.js';
import { MOCK_ORIGINAL, mockAnalysis } from '../../popup/mock.js';
import { PopupApp } from '../../popup/popup-app.js';
import type { PopupActions, PopupState } from '../../popup/popup-state.js';
import { renderContainer } from '../helpers/render-container.js';

const mounted = renderContainer();

const noActions: PopupActions = { toggleHighlight() {}, saveReport() {}, openReports() {}, openOptions() {} };
const show = (analysis: Analysis): void => {
  const state: PopupState = { phase: 'verdict', analysis, highlight: 'off', highlightNote: null, report: { step: 'idle' }, evidence: 'shown' };
  act(() => render(<PopupApp state={state} actions={noActions} />, mounted.element));
};
const $ = (selector: string) => mounted.element.querySelector(selector);
const $$ = (selector: string) => [...mounted.element.querySelectorAll(selector)];
const explanation = (): string => $('[data-testid=explanation]')!.textContent!;
const number = (n: number): string => new Intl.NumberFormat().format(n);

/** `count` passages, alternating kinds, at increasing page offsets. */
function passages(count: number): PassageView[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 2 === 0 ? ('verbatim' as const) : ('paraphrase' as const),
    pageText: `Passage number ${i} of the page, long enough to be a sentence.`,
    sourceText: `Passage number ${i} of the source, long enough to be a sentence.`,
    page: [i * 100, i * 100 + 60] as const,
    similarity: 0.9,
  }));
}

describe('the report action sits with the verdict', () => {
  test('it comes before the matching articles and their passages, right after the explanation', () => {
    const source = { ...MOCK_ORIGINAL, passages: passages(29) };
    show(mockAnalysis({ sources: [source], likelyOriginal: source }));
    const report = $('[data-testid=report]')!;
    const list = $('[data-testid=source]')!;
    // DOCUMENT_POSITION_FOLLOWING: the source list comes after the report button.
    expect(report.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect($('[data-testid=explanation]')!.compareDocumentPosition(report) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('a long passage list shows its first few and a "show all" button that shows the rest', () => {
    const source = { ...MOCK_ORIGINAL, passages: passages(29) };
    show(mockAnalysis({ sources: [source], likelyOriginal: source }));
    const visible = () => $$('[data-testid=passage]').filter((p) => !(p as HTMLElement).closest('[hidden]'));
    expect(visible()).toHaveLength(3);
    // All are in the document (a report and the tests read them), the rest hidden.
    expect($$('[data-testid=passage]')).toHaveLength(29);
    const more = $('[data-testid=show-all-passages]') as HTMLButtonElement;
    expect(more.textContent).toBe('Show all 29 passages');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    act(() => more.click());
    expect(visible()).toHaveLength(29);
    expect($('[data-testid=show-all-passages]')).toBeNull();
  });

  test('a short passage list is shown whole, without a button', () => {
    show(mockAnalysis());
    expect($$('[data-testid=passage]').filter((p) => !(p as HTMLElement).closest('[hidden]'))).toHaveLength(3);
    expect($('[data-testid=show-all-passages]')).toBeNull();
  });
});

describe('the explanation names the kind of copying', () => {
  test('a copy that is 92% word for word is "copied word for word", not "a rewrite"', () => {
    show(mockAnalysis({ overlap: 0.97, derived: { verbatim: 350, 'near-verbatim': 25, paraphrase: 32 } }));
    expect(explanation()).toContain('copied word for word');
    expect(explanation()).not.toMatch(/rewrite/);
    expect($('[data-testid=verdict]')!.textContent).toBe('Copied word for word from an earlier article');
  });

  test('a copy that is mostly reworded is a rewrite', () => {
    show(mockAnalysis({ overlap: 0.97, derived: { verbatim: 20, 'near-verbatim': 10, paraphrase: 377 } }));
    expect(explanation()).toContain('a rewrite of the likely original');
    expect($('[data-testid=verdict]')!.textContent).toBe('Reworded from an earlier article');
  });

  test('a copy with both kinds says both', () => {
    show(mockAnalysis({ overlap: 0.97, derived: { verbatim: 150, 'near-verbatim': 60, paraphrase: 197 } }));
    expect(explanation()).toContain('partly copied word for word and partly reworded');
    expect($('[data-testid=verdict]')!.textContent).toBe('Copied and reworded from an earlier article');
  });
});

describe('a page past the word limit says what was checked', () => {
  const long = { title: 'A very long page', extractor: 'readability' as const, words: 50_000, truncatedFrom: 61_168 };

  test('a partial match names the first 50,000 of 61,168 words, in the reader’s number format', () => {
    show(mockAnalysis({ status: 'partial', overlap: 0.02, derived: { verbatim: 600, 'near-verbatim': 100, paraphrase: 300 }, page: long }));
    expect(explanation()).toContain(`the first ${number(50_000)} of this page’s ${number(61_168)} words`);
    expect($('[data-testid=overlap-row]')!.textContent).toContain(`of the first ${number(50_000)} words`);
  });

  test('with nothing found in the checked part, it never says the page matches nothing', () => {
    show(mockAnalysis({ status: 'no-match', overlap: 0, likelyOriginal: null, sources: [], derived: { verbatim: 0, 'near-verbatim': 0, paraphrase: 0 }, page: long }));
    expect(explanation()).not.toContain('None of this page’s passages match');
    expect(explanation()).toContain(`None of the first ${number(50_000)} of this page’s ${number(61_168)} words match`);
    expect(explanation()).toContain(`the other ${number(11_168)} words were not checked`);
  });

  test('a page within the limit reads as before', () => {
    show(mockAnalysis({ status: 'no-match', overlap: 0, likelyOriginal: null, sources: [] }));
    expect(explanation()).toMatch(/^None of this page’s passages match the 5 articles Firsthand knows/);
  });
});

describe('errors and notices', () => {
  test('no article on the page is a notice: not an alert, not styled as an error', () => {
    act(() => render(<PopupApp state={{ phase: 'error', error: { code: 'no-article', message: 'No article found.' } }} actions={noActions} />, mounted.element));
    const panel = $('[data-testid=error]')!;
    expect(panel.getAttribute('role')).toBe('status');
    expect(panel.classList.contains('notice')).toBe(true);
    expect(panel.classList.contains('error')).toBe(false);
  });

  test('a failed check is still an alert', () => {
    act(() => render(<PopupApp state={{ phase: 'error', error: { code: 'failed', message: 'Broken.' } }} actions={noActions} />, mounted.element));
    const panel = $('[data-testid=error]')!;
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.classList.contains('error')).toBe(true);
  });
});

test('with highlights on, a legend says what the colours on the page mean, in those colours', () => {
  const state: PopupState = { phase: 'verdict', analysis: mockAnalysis(), highlight: 'on', highlightNote: null, report: { step: 'idle' }, evidence: 'shown' };
  act(() => render(<PopupApp state={state} actions={noActions} />, mounted.element));
  const legend = $('[data-testid=page-legend]')!;
  const swatches = [...legend.querySelectorAll<HTMLElement>('.swatch')];
  expect(swatches.map((s) => s.textContent)).toEqual(['same words', 'reworded', 'shared quote']);
  expect(new Set(swatches.map((s) => s.style.backgroundColor)).size).toBe(3);
  act(() => render(<PopupApp state={{ ...state, highlight: 'off' }} actions={noActions} />, mounted.element));
  expect($('[data-testid=page-legend]')).toBeNull();
});
