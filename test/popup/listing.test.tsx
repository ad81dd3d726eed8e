// @vitest-environment jsdom
/** A listing says what it is (issue 18): "This page lists N articles", not whom it copied. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test } from 'vitest';
import { mockAnalysis } from '../../popup/mock.js';
import { PopupApp } from '../../popup/popup-app.js';
import type { PopupActions } from '../../popup/popup-state.js';
import { renderContainer } from '../helpers/render-container.js';

const mounted = renderContainer();

const noActions: PopupActions = { toggleHighlight() {}, saveReport() {}, openReports() {}, openOptions() {} };

test('a listing page says how many articles it lists, and no borrowed share or likely original', () => {
  const analysis = { ...mockAnalysis(), status: 'partial' as const, listing: { stories: 7 } };
  act(() => render(<PopupApp state={{ phase: 'verdict', analysis, highlight: 'off', highlightNote: null, report: { step: 'idle' }, evidence: 'shown' }} actions={noActions} />, mounted.element));
  const headline = mounted.element.querySelector('[data-testid=verdict]')!;
  expect(headline.textContent).toBe('This page lists 7 articles');
  expect(headline.getAttribute('data-listing')).toBe('7');
  expect(mounted.element.querySelector('[data-testid=listing]')!.textContent).toMatch(/open one of them/);
  expect(mounted.element.querySelector('[data-testid=overlap-row]')).toBeNull();
  expect(mounted.element.querySelector('[data-testid=likely-original]')).toBeNull();
  expect(mounted.element.textContent).toMatch(/A listing is no article/);
});

test('an article (no listing, or an older analysis without the field) keeps its verdict', () => {
  const analysis = mockAnalysis();
  act(() => render(<PopupApp state={{ phase: 'verdict', analysis, highlight: 'off', highlightNote: null, report: { step: 'idle' }, evidence: 'shown' }} actions={noActions} />, mounted.element));
  expect(mounted.element.querySelector('[data-testid=verdict]')!.textContent).not.toMatch(/lists/);
  expect(mounted.element.querySelector('[data-testid=listing]')).toBeNull();
});
