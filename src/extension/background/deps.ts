/**
 * What the background's handlers touch, passed in: tests drive them with a fake browser, a fake
 * engine and in-memory stores; src/extension/background.ts wires the real ones.
 */
import type { PageReader } from '../../follow/page-reader.js';
import type { CorpusStore } from '../corpus-store.js';
import type { CheckEngine } from './check-engine.js';
import type { EnginePort } from '../engine-port.js';
import type { ExtensionApi } from '../extension-api.js';
import type { ReportStore } from '../report-store.js';
import type { StorageArea } from '../storage-area.js';
import type { FollowBrowser } from './followed-sources.js';
import type { ReaderSegmentStore } from './reader-segments.js';

export interface BackgroundDeps {
  api: ExtensionApi;
  engine: EnginePort;
  /**
   * Where a check's corpora are loaded and its page attributed; by default here, over `engine`,
   * `readAsset` and `corpusStore` (localCheckEngine). Chrome's worker passes its offscreen document's.
   */
  checkEngine?: CheckEngine;
  /** Reads a file shipped in the extension (fetch of runtime.getURL in the browser). */
  readAsset(path: string): Promise<Uint8Array>;
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
