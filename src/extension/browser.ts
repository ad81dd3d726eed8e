/**
 * The one place the WebExtension API enters the code: Chrome's `chrome.*` and
 * Firefox's `browser.*` behind webextension-polyfill's promise API. Everything
 * else takes what it needs as a parameter (see extension-api.ts).
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
