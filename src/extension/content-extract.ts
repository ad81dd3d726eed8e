/**
 * The last statement of content-extract.js, the script a check injects: the bundler puts it after
 * content.js's code, which installs the content API (or keeps the one of the same build, with the
 * extraction it remembers), so this reads the page with that API. executeScript({files}) hands
 * back a script's value, its last statement's: the article comes back with the injection, one
 * round trip into the page instead of two (src/build/bundle-extension.ts, TAILED_SCRIPTS).
 *
 * It is built as a plain script, not inside an IIFE (whose value would be lost), so it must stay
 * one expression that declares nothing: a declaration would land in the page's content-script
 * global scope on every check. Hence the API's name spelled out, checked against CONTENT_GLOBAL by
 * its type, rather than the constant imported as a value (esbuild would declare it).
 */
import type { CONTENT_GLOBAL, ContentApi } from './content-api.js';

(globalThis as unknown as Record<typeof CONTENT_GLOBAL, ContentApi>).__firsthandContent.extract();
