/// <reference types="chrome" />
/**
 * Reads what a person sees in the popup, by the DOM contract's data-testid hooks.
 * `snapshotPopup` runs INSIDE the browser (Playwright/Puppeteer serialise it with
 * toString), so it is one self-contained function: no imports, no named inner
 * functions (tsx would wrap those in a `__name` helper the page does not have).
 */

export interface PopupSnapshot {
  /** `#app[data-state]`: loading | verdict | error; null before the app mounted. */
  state: string | null;
  /** `#app[data-evidence]` with a verdict: pending (first frame: verdict only) | shown (passages listed). */
  evidence: string | null;
  errorCode: string | null;
  errorText: string | null;
  /** `[data-testid=verdict][data-status]`: copy | partial | original | no-match. */
  status: string | null;
  headline: string | null;
  overlapText: string | null;
  /** The overlap percentage parsed from `overlapText`, e.g. 97 for "97%". */
  overlapPercent: number | null;
  likelyOriginalText: string | null;
  likelyOriginalHref: string | null;
  sources: { id: string | null; relation: string | null; text: string }[];
  /** Each passage with the corpus id of the source it is listed under. */
  passages: { sourceId: string | null; kind: string | null; pageText: string; sourceText: string }[];
  explanation: string | null;
  highlightPressed: string | null;
  reportSaved: boolean;
}

/**
 * Snapshot of a popup document: `where` = 'self' for a popup opened as a tab, or
 * 'popup-view' to read the real toolbar popup from another, already open extension page
 * (chrome.extension.getViews). Returns null when no popup is open.
 */
export function snapshotPopup(where: 'self' | 'popup-view'): PopupSnapshot | null {
  let doc: Document | null = document;
  if (where === 'popup-view') {
    const extension = (globalThis as unknown as { chrome: typeof chrome }).chrome.extension;
    const views = extension.getViews({ type: 'popup' });
    // Where Chrome will not show the toolbar popup, the background shows it in a window of its own.
    const windows = extension.getViews({ type: 'tab' }).filter((view) => view.location.search.includes('window=1'));
    doc = views.length > 0 ? views[0]!.document : windows.length > 0 ? windows[windows.length - 1]!.document : null;
  }
  if (!doc) return null;
  const q = (selector: string): Element | null => doc.querySelector(selector);
  const text = (el: Element | null): string | null => (el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null);
  const app = q('#app');
  const error = q('[data-testid=error]');
  const verdict = q('[data-testid=verdict]');
  const overlap = q('[data-testid=overlap]');
  const overlapText = text(overlap);
  const percent = overlapText ? /(\d+(?:\.\d+)?)\s*%/.exec(overlapText) : null;
  const likely = q('[data-testid=likely-original]');
  const link = likely ? (likely.matches('a') ? likely : likely.querySelector('a')) : null;
  const toggle = q('[data-testid=highlight-toggle]');
  return {
    state: app ? app.getAttribute('data-state') : null,
    evidence: app ? app.getAttribute('data-evidence') : null,
    errorCode: error ? error.getAttribute('data-code') : null,
    errorText: text(error),
    status: verdict ? verdict.getAttribute('data-status') : null,
    headline: text(verdict),
    overlapText,
    overlapPercent: percent ? Number(percent[1]) : null,
    likelyOriginalText: text(likely),
    likelyOriginalHref: link ? link.getAttribute('href') : null,
    sources: Array.from(doc.querySelectorAll('[data-testid=source]')).map((el) => ({
      id: el.getAttribute('data-id'),
      relation: el.getAttribute('data-relation'),
      text: text(el) ?? '',
    })),
    passages: Array.from(doc.querySelectorAll('[data-testid=passage]')).map((el) => ({
      sourceId: el.closest('[data-testid=source]')?.getAttribute('data-id') ?? null,
      kind: el.getAttribute('data-kind'),
      pageText: text(el.querySelector('[data-testid=passage-page]')) ?? '',
      sourceText: text(el.querySelector('[data-testid=passage-source]')) ?? '',
    })),
    explanation: text(q('[data-testid=explanation]')),
    highlightPressed: toggle ? toggle.getAttribute('aria-pressed') : null,
    reportSaved: q('[data-testid=report-saved]') !== null,
  };
}

/** A snapshot that has settled: a verdict or an error, not the loading state. */
export function isSettled(snapshot: PopupSnapshot | null): snapshot is PopupSnapshot {
  // A verdict is complete once its passages are listed too (they follow one frame after it).
  return snapshot !== null && ((snapshot.state === 'verdict' && snapshot.evidence !== 'pending') || snapshot.state === 'error');
}
