/** Entry of popup-start.js (see popup-start.ts): starts the check the moment popup.html begins to load. */
import { FIRST_CHECK_GLOBAL, startFirstCheck, type StartApi } from './popup-start.js';

performance.mark('firsthand:script');
const native = globalThis as unknown as { browser?: StartApi; chrome?: StartApi };
const api = native.browser ?? native.chrome;
if (api !== undefined) {
  (globalThis as unknown as Record<string, unknown>)[FIRST_CHECK_GLOBAL] = startFirstCheck(api, location.search);
}
