/**
 * Entry of Firefox's background event page. Firefox has no offscreen documents, and its event page
 * is a document: it runs checks itself, with the engine loaded here, and reads followed pages with
 * its own DOMParser.
 */
import { createHandlers } from './background-handlers.js';
import { browserDeps, listenForEvents, readAsset } from './background-wiring.js';
import { domPageReader } from './dom-page-reader.js';
import { engine } from './engine.js';

const deps = browserDeps(domPageReader(new DOMParser()));
listenForEvents(createHandlers({ ...deps, engine, readAsset }), deps.reports);
