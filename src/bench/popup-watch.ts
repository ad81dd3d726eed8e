/**
 * Watching the real toolbar popup from another page of the same extension, for the click
 * benchmarks: armed before the click, it resolves once the popup has painted what it
 * shows, with the popup's `firsthand:*` performance marks as epoch times. The popup shares
 * the watcher's renderer, so the poll is every few milliseconds, not continuous.
 */
import type { Page } from 'playwright-core';
import type { ChromiumSession, Tab } from '../../test/e2e/support/chromium.js';
import { browserCpuClock, browserThreadClock } from './process-cpu.js';

/** The popup's milestones, as `performance.mark('firsthand:<name>')`. */
export type PopupMark = 'script' | 'ask' | 'answer' | 'settled' | 'settled-painted' | 'evidence-painted';

export interface PopupWatch {
  /** Epoch ms when the watcher first saw `#app[data-state]` say verdict or error. */
  readonly at: number;
  /** Epoch ms of the popup document's navigation start (its performance.timeOrigin). */
  readonly opened: number;
  readonly marks: Partial<Record<PopupMark, number>>;
  /** The verdict's `data-status`, or `error:<code>`. */
  readonly status: string;
}

/** Arms the watcher in `observer` (an extension page); read it with `popupWatchResult` after the click. */
async function armPopupWatch(observer: Page, pollMs: number): Promise<void> {
  await observer.evaluate(`window.__popupWatch = new Promise((resolve) => {
    let seenAt = null;
    const tick = () => {
      const view = chrome.extension.getViews({ type: 'popup' })[0];
      const app = view && view.document.querySelector('#app');
      const state = app && app.getAttribute('data-state');
      const now = performance.timeOrigin + performance.now();
      if ((state === 'verdict' || state === 'error') && seenAt === null) seenAt = now;
      // Wait for the last painted mark; give up on it after a second (a build without marks).
      const last = state === 'error' ? 'firsthand:settled-painted' : 'firsthand:evidence-painted';
      if (seenAt !== null && (view.performance.getEntriesByName(last).length > 0 || now - seenAt > 1000)) {
        const verdict = view.document.querySelector('[data-testid=verdict]');
        const marks = {};
        for (const m of view.performance.getEntriesByType('mark')) if (m.name.startsWith('firsthand:')) marks[m.name.slice(10)] = view.performance.timeOrigin + m.startTime;
        resolve({ at: seenAt, opened: view.performance.timeOrigin, marks, status: verdict ? verdict.getAttribute('data-status') : 'error:' + view.document.querySelector('[data-testid=error]')?.getAttribute('data-code') });
      } else setTimeout(tick, ${pollMs});
    };
    tick();
  }); true`);
}

async function popupWatchResult(observer: Page): Promise<PopupWatch> {
  return (await observer.evaluate('window.__popupWatch')) as PopupWatch;
}

/**
 * One timed toolbar click: closes any open popup, loads `url` in `tab` (a fresh address, so
 * nothing is answered from a cache; null clicks again on the page as it is), arms the watcher, then clicks. `start` is the epoch ms
 * right before CDP `Extensions.triggerAction`; the watch's times are on the same clock.
 * With `coldWorker`, the extension's service worker is stopped just before the click, so the
 * click wakes a fresh one (what Chrome does to a worker idle for 30 s). `cpuMs`: CPU time all the
 * browser's processes used from the click until the popup had painted (the watcher's polling too),
 * NaN where /proc cannot tell.
 */
export async function timedClick(
  session: ChromiumSession, tab: Tab, observer: Page, url: string | null, pollMs: number, coldWorker = false,
): Promise<{ start: number; watch: PopupWatch; cpuMs: number; threadMs: Map<string, number> }> {
  await session.closeRealPopup();
  if (url !== null) await tab.page.goto(url);
  await armPopupWatch(observer, pollMs);
  await tab.page.bringToFront();
  const targetId = await session.tabTargetId(tab.page);
  if (coldWorker) await session.stopServiceWorker();
  const cpu = cpuClockOf(session);
  const threads = threadClockOf(session);
  const threadsBefore = threads?.() ?? new Map<string, number>();
  const cpuBefore = cpu?.() ?? Number.NaN;
  const start = performance.timeOrigin + performance.now();
  await session.triggerAction(targetId);
  const watch = await popupWatchResult(observer);
  const cpuMs = (cpu?.() ?? Number.NaN) - cpuBefore;
  const threadMs = new Map([...(threads?.() ?? [])].map(([key, ms]) => [key, ms - (threadsBefore.get(key) ?? 0)]));
  return { start, watch, cpuMs, threadMs };
}

const threadClocks = new WeakMap<ChromiumSession, (() => Map<string, number>) | null>();
/** The browser's CPU clock by kind of thread (see treeCpuByThread), found once per session; null off Linux. */
function threadClockOf(session: ChromiumSession): (() => Map<string, number>) | null {
  if (!threadClocks.has(session)) threadClocks.set(session, browserThreadClock(session.userDataDir));
  return threadClocks.get(session)!;
}

const cpuClocks = new WeakMap<ChromiumSession, (() => number) | null>();
/** The browser's CPU clock (all its processes), found once per session; null off Linux. */
function cpuClockOf(session: ChromiumSession): (() => number) | null {
  if (!cpuClocks.has(session)) cpuClocks.set(session, browserCpuClock(session.userDataDir));
  return cpuClocks.get(session)!;
}
