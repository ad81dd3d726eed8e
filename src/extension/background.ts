/**
 * Entry of the background (service worker in Chrome, event page in Firefox).
 * Wires the real browser, engine and stores into the handler map and listens
 * for the events that drive report retries.
 */
import { browser, type Runtime } from './browser.js';
import { createHandlers } from './background-handlers.js';
import { indexedDbCorpusStore } from './corpus-store.js';
import { FOLLOW_ALARM } from './background/followed-sources.js';
import { readerCorpusView } from './background/reader-corpus.js';
import { indexedDbReaderSegments } from './background/reader-segments.js';
import { localCheckEngine } from './background/local-check-engine.js';
import { offscreenCheckEngine, offscreenDocument, offscreenPageReader, type OffscreenBrowser } from './background/offscreen-check-engine.js';
import { domPageReader } from './dom-page-reader.js';
import { engine } from './engine.js';
import type { ExtensionApi } from './extension-api.js';
import type { FollowBrowser } from './background/followed-sources.js';
import { dispatch, isMessage, type Reply } from './messages.js';
import { indexedDbReportRows } from './report-rows.js';
import { ReportStore } from './report-store.js';
import { sha256Hex } from './sha256.js';
import { memoryStorageArea, type StorageArea } from './storage-area.js';

/** Name of the alarm that retries unsent reports. */
const RETRY_ALARM = 'firsthand-retry-reports';
/** Minutes between retries; Chrome's floor for alarms is 0.5. */
const RETRY_PERIOD_MINUTES = 1;

const storage = browser.storage as unknown as { local: StorageArea; session?: StorageArea };
const reports = new ReportStore({
  area: storage.local,
  rows: indexedDbReportRows(),
  fetch: (input, init) => fetch(input, init),
  now: () => new Date(),
  retries: (needed) => (needed ? ensureRetryAlarm() : browser.alarms.clear(RETRY_ALARM).then(() => undefined)),
  nextRetryAt: async () => (await browser.alarms.get(RETRY_ALARM))?.scheduledTime ?? null,
});

async function readAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path} is missing from the extension (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
const corpusStore = indexedDbCorpusStore();
const readerSegments = indexedDbReaderSegments();
/** Chrome's offscreen API (absent in Firefox, whose event page is a document that runs checks itself). */
const chromeOffscreen = (globalThis as { chrome?: { offscreen?: OffscreenBrowser['offscreen'] } }).chrome?.offscreen;
const offscreen = chromeOffscreen === undefined
  ? null
  : offscreenDocument({ offscreen: chromeOffscreen, sendMessage: (message) => browser.runtime.sendMessage(message) });

/** Set by the bundler (src/build/bundle-extension.ts): version + build time. */
declare const FIRSTHAND_BUILD: string | undefined;

const handlers = createHandlers({
  ...(typeof FIRSTHAND_BUILD === 'string' ? { build: FIRSTHAND_BUILD } : {}),
  api: browser as unknown as ExtensionApi,
  engine,
  readAsset,
  corpusStore,
  ...(offscreen === null ? {} : {
    // in place when Chrome refuses the document: the reader's corpus read as the document reads it
    checkEngine: offscreenCheckEngine(offscreen, () => localCheckEngine({ engine, readAsset, corpusStore }, readerCorpusView(readerSegments))),
  }),
  reports,
  // storage.session keeps verdicts across worker restarts but not browser restarts; memory where it is missing.
  cache: storage.session ?? memoryStorageArea(),
  now: () => new Date(),
  uuid: () => crypto.randomUUID(),
  sha256: sha256Hex,
  settings: storage.local,
  readerSegments,
  follow: {
    browser: browser as unknown as FollowBrowser,
    fetch: (input, init) => fetch(input, init),
    // Chrome's worker has no DOM: its offscreen document reads the pages; Firefox's event page is a document.
    reader: offscreen === null ? domPageReader(new DOMParser()) : offscreenPageReader(offscreen),
  },
});

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

async function ensureRetryAlarm(): Promise<void> {
  if ((await browser.alarms.get(RETRY_ALARM)) === undefined) {
    // A promise in MV3 browsers: awaited, so the alarm exists before a send starts.
    await Promise.resolve(browser.alarms.create(RETRY_ALARM, { periodInMinutes: RETRY_PERIOD_MINUTES }));
  }
}

browser.runtime.onStartup.addListener(() => {
  void reports.retryPending();
});
// The alarm is set only while a report waits (ReportStore.syncRetries); one left by an earlier version goes.
void reports.syncRetries();
// The following alarm exists only while a source is followed.
void handlers.followAlarm();
