/**
 * Entry of Chrome's offscreen document (offscreen.html): relays the service worker's engine
 * requests to the engine worker it starts, which stays alive with the document while the service
 * worker sleeps. An offscreen document may use chrome.runtime only, which is all this needs.
 */
import { isEngineMessage, type EngineReply } from './background/offscreen-check-engine.js';

const worker = new Worker('engine-worker.js');
const waiting = new Map<number, (reply: EngineReply) => void>();
let nextId = 0;
/** Why the worker failed, once it has: every request is answered with it rather than left waiting. */
let failure: string | null = null;

worker.addEventListener('message', (event: MessageEvent<{ id: number; reply: EngineReply }>) => {
  waiting.get(event.data.id)?.(event.data.reply);
  waiting.delete(event.data.id);
});
worker.addEventListener('error', (event) => {
  failure = `The checking engine failed: ${event.message}`;
  for (const answer of waiting.values()) answer({ ok: false, error: failure });
  waiting.clear();
});

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  // The popup's and options page's requests to the service worker arrive here too: not ours.
  if (!isEngineMessage(message) || sender.id !== chrome.runtime.id) return false;
  if (failure !== null) return void sendResponse({ ok: false, error: failure });
  const id = nextId++;
  waiting.set(id, sendResponse);
  worker.postMessage({ id, message });
  return true; // answered later, by sendResponse
});
