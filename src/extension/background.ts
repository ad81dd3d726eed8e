/**
 * Entry of the background (service worker in Chrome, event page in Firefox).
 * Wires the real browser, engine and stores into the handler map and listens
 * for the events that drive report retries.
 */
import { browser, type Runtime } from './browser.js';
import { createHandlers } from './background-handlers.js';
import { indexedDbCorpusStore } from './corpus-store.js';
import { engine } from './engine.js';
import type { ExtensionApi } from './extension-api.js';
import { dispatch, isMessage, type Reply } from './messages.js';
import { ReportStore } from './report-store.js';
import { sha256Hex } from './sha256.js';
import { memoryStorageArea, type StorageArea } from './storage-area.js';

/** Name of the alarm that retries unsent reports. */
const RETRY_ALARM = 'firsthand-retry-reports';
/** Minutes between retries; Chrome's floor for alarms is 0.5. */
const RETRY_PERIOD_MINUTES = 1;

const storage = browser.storage as unknown as { local: StorageArea; session?: StorageArea };
const reports = new ReportStore({ area: storage.local, fetch: (input, init) => fetch(input, init), now: () => new Date() });

const handlers = createHandlers({
  api: browser as unknown as ExtensionApi,
  engine,
  async readAsset(path) {
    const response = await fetch(browser.runtime.getURL(path));
    if (!response.ok) throw new Error(`${path} is missing from the extension (${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  },
  corpusStore: indexedDbCorpusStore(),
  reports,
  // storage.session keeps verdicts across worker restarts but not browser restarts; memory where it is missing.
  cache: storage.session ?? memoryStorageArea(),
  now: () => new Date(),
  uuid: () => crypto.randomUUID(),
  sha256: sha256Hex,
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

browser.tabs.onRemoved.addListener((tabId: number) => {
  void handlers.forgetTab(tabId);
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void reports.retryPending();
});

async function ensureRetryAlarm(): Promise<void> {
  if ((await browser.alarms.get(RETRY_ALARM)) === undefined) {
    browser.alarms.create(RETRY_ALARM, { periodInMinutes: RETRY_PERIOD_MINUTES });
  }
}

browser.runtime.onStartup.addListener(() => {
  void reports.retryPending();
});
browser.runtime.onInstalled.addListener(() => {
  void ensureRetryAlarm();
});
void ensureRetryAlarm();
