/**
 * Entry of the engine worker, started by the offscreen document (offscreen.ts) in Chrome: the
 * lexicon, the corpora and the compiled engine live here between checks. It reads the extension's
 * files and the corpus store (IndexedDB of the extension's origin) itself.
 */
import { indexedDbCorpusStore } from './corpus-store.js';
import { engine } from './engine.js';
import { answerEngineMessage } from './engine-host.js';
import { localCheckEngine } from './background/local-check-engine.js';
import { readerCorpusView } from './background/reader-corpus.js';
import { indexedDbReaderSegments } from './background/reader-segments.js';
import type { EngineMessage } from './background/offscreen-check-engine.js';

const checks = localCheckEngine({
  engine,
  async readAsset(path) {
    const response = await fetch(new URL(`/${path}`, self.location.href));
    if (!response.ok) throw new Error(`${path} is missing from the extension (${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  },
  corpusStore: indexedDbCorpusStore(),
// the reader's own corpus, read as committed by the service worker, which alone changes it and says when
}, readerCorpusView(indexedDbReaderSegments()));
// The document starts this worker only to check pages: load the corpora now, before the first asks.
checks.warm();

self.addEventListener('message', (event: MessageEvent<{ id: number; message: EngineMessage }>) => {
  const { id, message } = event.data;
  void answerEngineMessage(checks, message).then((reply) => self.postMessage({ id, reply }));
});
