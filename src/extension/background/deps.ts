/**
 * What the background's handlers touch, passed in: tests drive them with a fake browser, a fake
 * engine and in-memory stores; src/extension/background.ts wires the real ones.
 */
import type { CorpusStore } from '../corpus-store.js';
import type { EnginePort } from '../engine-port.js';
import type { ExtensionApi } from '../extension-api.js';
import type { ReportStore } from '../report-store.js';
import type { StorageArea } from '../storage-area.js';

export interface BackgroundDeps {
  api: ExtensionApi;
  engine: EnginePort;
  /** Reads a file shipped in the extension (fetch of runtime.getURL in the browser). */
  readAsset(path: string): Promise<Uint8Array>;
  corpusStore: CorpusStore;
  reports: ReportStore;
  /** Per-tab verdict cache: storage.session where the browser has it. */
  cache: StorageArea;
  now(): Date;
  uuid(): string;
  sha256(text: string): Promise<string>;
}
