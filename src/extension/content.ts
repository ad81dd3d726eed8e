/**
 * Entry of the injected content script (bundled to content.js). Injected on
 * each check; installing the API again is harmless, so it simply replaces it.
 * It never messages anyone: the background calls it via scripting.executeScript.
 */
import { CONTENT_GLOBAL } from './content-api.js';
import { createContentApi } from './content-script.js';

(globalThis as unknown as Record<string, unknown>)[CONTENT_GLOBAL] = createContentApi(document);
