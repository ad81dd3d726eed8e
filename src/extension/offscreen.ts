/**
 * Entry of Chrome's offscreen document (offscreen.html). It reads followed feeds and pages with its
 * DOMParser, and relays the service worker's check requests to the engine worker it starts, which
 * stays alive with the document while the service worker sleeps. An offscreen document may use
 * chrome.runtime only, which is all this needs.
 */
import { isEngineMessage, READER_REQUESTS, type EngineMessage, type EngineReply } from './background/offscreen-check-engine.js';
import { domPageReader } from './dom-page-reader.js';

const reader = domPageReader(new DOMParser());
const waiting = new Map<number, (reply: EngineReply) => void>();
let nextId = 0;

/**
 * The engine worker, started on the first request and again after one failed: the requests it
 * was answering get the reason, and the next request finds a fresh worker (which reloads the
 * corpora) rather than a document that answers every check with the same failure.
 */
let worker: Worker | null = null;
function engineWorker(): Worker {
  if (worker !== null) return worker;
  const started = new Worker('engine-worker.js');
  started.addEventListener('message', (event: MessageEvent<{ id: number; reply: EngineReply }>) => {
    waiting.get(event.data.id)?.(event.data.reply);
    waiting.delete(event.data.id);
  });
  started.addEventListener('error', (event) => {
    const failure = `The checking engine failed (${event.message}); try again.`;
    for (const answer of waiting.values()) answer({ ok: false, error: failure });
    waiting.clear();
    started.terminate();
    if (worker === started) worker = null;
  });
  worker = started;
  return started;
}
// The document is made for checks: start loading the corpora before the first one asks.
engineWorker();

async function read(message: EngineMessage): Promise<EngineReply> {
  try {
    const [a, b] = message.args as [never, never];
    const value = message.name === 'parseFeed' ? await reader.parseFeed(a)
      : message.name === 'feedLinks' ? await reader.feedLinks(a, b)
      : await reader.readArticle(a, b);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // The popup's and options page's requests to the service worker arrive here too: not ours.
  if (!isEngineMessage(message) || sender.id !== chrome.runtime.id) return false;
  if ((READER_REQUESTS as readonly string[]).includes(message.name)) {
    void read(message).then(sendResponse);
    return true;
  }
  const id = nextId++;
  waiting.set(id, sendResponse);
  engineWorker().postMessage({ id, message });
  return true; // answered later, by sendResponse
});
