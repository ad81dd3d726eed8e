/**
 * The browser APIs the background uses, as a narrow interface: the real
 * `browser` (src/extension/browser.ts) satisfies it, and tests pass a fake.
 * Method syntax on purpose, so the polyfill's wider signatures fit.
 */
export interface InjectionResult {
  result?: unknown;
  error?: unknown;
}

export interface ExtensionApi {
  tabs: {
    get(tabId: number): Promise<{ url?: string; title?: string }>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      files?: string[];
      func?: (...args: never[]) => unknown;
      args?: unknown[];
    }): Promise<InjectionResult[]>;
  };
  action: {
    setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  };
  runtime: {
    getManifest(): { version: string };
  };
  extension?: {
    /** Chrome's "Allow access to file URLs" switch. */
    isAllowedFileSchemeAccess?(): Promise<boolean>;
  };
}
