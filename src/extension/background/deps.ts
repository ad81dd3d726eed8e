/**
 * What the background's handlers touch, passed in: tests drive them with a fake browser, a fake
 * engine and in-memory stores; each browser's entry (src/extension/background-chrome.ts,
 * background-firefox.ts) wires the real ones.
 */
import type { PageReader } from '../../follow/page-reader.js';
import type { CorpusStore } from '../corpus-store.js';
import type { EnginePort } from '../engine-port.js';
import type { ExtensionApi } from '../extension-api.js';
import type { ReportStore } from '../report-store.js';
import type { StorageArea } from '../storage-area.js';
import type { FollowBrowser } from './followed-sources.js';
import type { ReaderSegmentStore } from './reader-segments.js';

/** What the handlers need in every browser, wherever checks run. */
export interface HandlerDeps {
  api: ExtensionApi;
  corpusStore: CorpusStore;
  reports: ReportStore;
  /** Per-tab verdict cache: storage.session where the browser has it. */
  cache: StorageArea;
  now(): Date;
  uuid(): string;
  sha256(text: string): Promise<string>;
  /** Where the reader's choices and the following's state are kept: storage.local. */
  settings: StorageArea;
  /** The segments of the reader's own corpus (IndexedDB in the browser). */
  readerSegments: ReaderSegmentStore;
  /** What following sources needs of the browser: its permissions and alarms, and a fetch. */
  follow: { browser: FollowBrowser; fetch: typeof fetch; reader: PageReader; perSiteIntervalMs?: number; timeoutMs?: number };
  /** This script's build (FIRSTHAND_BUILD), so an update can be seen to run the new one. */
  build?: string;
}

/**
 * What running checks in the calling context needs (localCheckEngine): Firefox's event page, the
 * tests, and Chrome's engine worker. Chrome's service worker has none of it: its checks run in the
 * offscreen document, so its bundle leaves the engine's attribution and the lexicon out.
 */
export interface LocalEngineDeps {
  engine: EnginePort;
  /** Reads a file shipped in the extension (fetch of runtime.getURL in the browser). */
  readAsset(path: string): Promise<Uint8Array>;
  corpusStore: CorpusStore;
}

/** The handlers with checks run in place (createHandlers in background-handlers.ts). */
export type BackgroundDeps = HandlerDeps & LocalEngineDeps;
