/**
 * Entry of Chrome's background service worker. Its checks run in the offscreen document's engine
 * worker, and followed pages are read by the document's DOMParser (offscreen-check-engine.ts), so
 * this bundle has neither the engine's attribution and lexicon nor Readability and the extraction:
 * a click that wakes a stopped worker (Chrome stops an idle one after 30 s) waits for this script's
 * evaluation before the popup can open. What the worker still runs of the engine is the reader's
 * corpus (reader-corpus.ts): building segments of the articles it keeps.
 */
import { browserDeps, listenForEvents } from './background-wiring.js';
import { createHandlerMap } from './background/handler-map.js';
import { offscreenCheckEngine, offscreenDocument, offscreenPageReader, type OffscreenBrowser } from './background/offscreen-check-engine.js';
import { browser } from './browser.js';

/** Chrome's offscreen API; absent only without the manifest's permission, when checks say the document cannot be made. */
const chromeOffscreen: OffscreenBrowser['offscreen'] = (globalThis as { chrome?: { offscreen?: OffscreenBrowser['offscreen'] } }).chrome?.offscreen ?? {
  hasDocument: async () => false,
  createDocument: async () => { throw new Error('chrome.offscreen is missing'); },
};
const offscreen = offscreenDocument({ offscreen: chromeOffscreen, sendMessage: (message) => browser.runtime.sendMessage(message) });

const deps = browserDeps(offscreenPageReader(offscreen));
listenForEvents(createHandlerMap(deps, { offscreen: offscreenCheckEngine(offscreen) }), deps.reports);
