/**
 * Entry of the injected content script (bundled to content.js). Injected before
 * each call into the page (highlighting, Add this page); a check injects
 * content-extract.js, this same code ending with the extraction (content-extract.ts).
 * A script of the same build keeps the API already installed (and the extraction
 * it remembers), see installContentApi.
 * It never messages anyone: the background calls it via scripting.executeScript.
 */
import { CONTENT_GLOBAL } from './content-api.js';
import { installContentApi } from './content-script.js';

/** Set by the extension bundler (src/build/bundle-extension.ts): one value per build. */
declare const FIRSTHAND_BUILD: string | undefined;

installContentApi(globalThis as unknown as Record<string, unknown>, CONTENT_GLOBAL, document, typeof FIRSTHAND_BUILD === 'string' ? FIRSTHAND_BUILD : null);
