/**
 * The background's handler map with checks run in place, over the engine passed in: Firefox's
 * event page (background-firefox.ts) and the tests. Chrome's service worker builds the same map
 * with its offscreen document's engine instead (background-chrome.ts), leaving this module, and the
 * engine it runs, out of its bundle.
 */
import type { BackgroundDeps } from './background/deps.js';
import { createHandlerMap, type BackgroundHandlers } from './background/handler-map.js';
import { localCheckEngine } from './background/local-check-engine.js';

export type { BackgroundDeps } from './background/deps.js';
export type { BackgroundOnly } from './background/check-handlers.js';

export function createHandlers(deps: BackgroundDeps): BackgroundHandlers {
  return createHandlerMap(deps, { here: (reader) => localCheckEngine(deps, reader) });
}
