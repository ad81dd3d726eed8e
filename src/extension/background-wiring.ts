/**
 * What the background is in both browsers, apart from where its checks run: the real browser and
 * stores behind the handlers, and the events that drive them. Each browser's entry
 * (background-chrome.ts, background-firefox.ts) adds its own seat for checks and its page reader.
 */
import type { FollowBrowser } from './background/followed-sources.js';
import { FOLLOW_ALARM } from './background/followed-sources.js';
import type { HandlerDeps } from './background/deps.js';
import type { BackgroundHandlers } from './background/handler-map.js';
import { indexedDbReaderSegments } from './background/reader-segments.js';
import { browser, type Runtime } from './browser.js';
import { indexedDbCorpusStore } from './corpus-store.js';
import type { ExtensionApi } from './extension-api.js';
import type { PageReader } from '../follow/page-reader.js';
import { dispatch, isMessage, type Reply } from './messages.js';
import { indexedDbReportRows } from './report-rows.js';
import { ReportStore } from './report-store.js';
import { sha256Hex } from './sha256.js';
import { memoryStorageArea, type StorageArea } from './storage-area.js';

/** Name of the alarm that retries unsent reports. */
const RETRY_ALARM = 'firsthand-retry-reports';
/** Minutes between retries; Chrome's floor for alarms is 0.5. */
const RETRY_PERIOD_MINUTES = 1;

/** Set by the bundler (src/build/bundle-extension.ts): version + build time. */
declare const FIRSTHAND_BUILD: string | undefined;

const storage = browser.storage as unknown as { local: StorageArea; session?: StorageArea };

async function ensureRetryAlarm(): Promise<void> {
  if ((await browser.alarms.get(RETRY_ALARM)) === undefined) {
    // A promise in MV3 browsers: awaited, so the alarm exists before a send starts.
    await Promise.resolve(browser.alarms.create(RETRY_ALARM, { periodInMinutes: RETRY_PERIOD_MINUTES }));
  }
}

/** The handlers' browser, stores and clock; `reader` reads followed feeds and pages (it needs a DOM). */
export function browserDeps(reader: PageReader): HandlerDeps {
  const reports = new ReportStore({
    area: storage.local,
    rows: indexedDbReportRows(),
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    retries: (needed) => (needed ? ensureRetryAlarm() : browser.alarms.clear(RETRY_ALARM).then(() => undefined)),
    nextRetryAt: async () => (await browser.alarms.get(RETRY_ALARM))?.scheduledTime ?? null,
  });
  return {
    ...(typeof FIRSTHAND_BUILD === 'string' ? { build: FIRSTHAND_BUILD } : {}),
    api: browser as unknown as ExtensionApi,
    corpusStore: indexedDbCorpusStore(),
    reports,
    // storage.session keeps verdicts across worker restarts but not browser restarts; memory where it is missing.
    cache: storage.session ?? memoryStorageArea(),
    now: () => new Date(),
    uuid: () => crypto.randomUUID(),
    sha256: sha256Hex,
    settings: storage.local,
    readerSegments: indexedDbReaderSegments(),
    follow: { browser: browser as unknown as FollowBrowser, fetch: (input, init) => fetch(input, init), reader },
  };
}

/** Reads a file shipped in the extension. */
export async function readAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path} is missing from the extension (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Size of the window the popup opens in when Chrome will not show it from the toolbar, CSS px. */
const POPUP_WINDOW = { width: 420, height: 600 };

async function openPopupFor(tabId: number, windowId: number | undefined): Promise<void> {
  try {
    // Not awaited: the browser runs extension calls in order, so openPopup finds the popup set,
    // and the popup starts opening one round trip sooner.
    const set = browser.action.setPopup({ tabId, popup: 'popup.html' });
    set.catch(() => undefined); // awaited below; if openPopup fails first, its error is the one handled
    await browser.action.openPopup(windowId === undefined ? {} : { windowId });
    await set;
    // Back to "no popup" for this tab, so its next click comes here again.
    await browser.action.setPopup({ tabId, popup: '' });
  } catch {
    // Chrome refuses windows it counts as inactive (seen while a permission prompt is open). Give
    // clicks back to the manifest's popup until this worker restarts, and show this click's verdict
    // in a small window of its own rather than not at all.
    await browser.action.setPopup({ popup: 'popup.html' }).catch(() => undefined);
    await browser.action.setPopup({ tabId, popup: 'popup.html' }).catch(() => undefined);
    await browser.windows
      .create({ url: `popup.html?tabId=${tabId}&window=1`, type: 'popup', focused: true, ...POPUP_WINDOW })
      .catch(() => undefined);
  }
}

/** Listens for the messages and browser events the handlers answer; called once, at the script's top level. */
export function listenForEvents(handlers: BackgroundHandlers, reports: ReportStore): void {
  const ownPages = browser.runtime.getURL('');

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isMessage(message)) return undefined;
    // Only our own extension pages may ask; content scripts and web pages never send requests.
    if (sender.id !== browser.runtime.id || (sender.url !== undefined && !sender.url.startsWith(ownPages))) {
      return Promise.resolve({ ok: false, error: 'Requests are accepted from Firsthand pages only.' });
    }
    return dispatch(handlers, message);
  });

  /**
   * Chrome: the background takes the toolbar click itself, so the check starts at the click while
   * the browser is still creating the popup (100-150 ms on the bench machine), and then opens the
   * popup with action.openPopup (Chrome 127+). The manifest's default_popup stays as the fallback:
   * until this worker has cleared it, a click opens the popup directly and the popup asks for the
   * check. Firefox keeps that plain path (its openPopup from a click handler is not tested here).
   */
  const startsChecksOnClick = ownPages.startsWith('chrome-extension:') && typeof browser.action.openPopup === 'function';
  if (startsChecksOnClick) {
    void browser.action.setPopup({ popup: '' });
    browser.action.onClicked.addListener((tab) => {
      if (tab.id === undefined) return;
      // The popup first: opening it is the longer road. Both start in this same task, so the
      // check is registered long before the popup can ask for it.
      void openPopupFor(tab.id, tab.windowId);
      handlers.checkOnClick(tab.id, tab.url);
    });
  }

  browser.tabs.onRemoved.addListener((tabId: number) => {
    void handlers.forgetTab(tabId);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void reports.retryPending();
    if (alarm.name === FOLLOW_ALARM) void handlers.followRun();
  });

  browser.runtime.onStartup.addListener(() => {
    void reports.retryPending();
  });
  // The alarm is set only while a report waits (ReportStore.syncRetries); one left by an earlier version goes.
  void reports.syncRetries();
  // The following alarm exists only while a source is followed.
  void handlers.followAlarm();
}
