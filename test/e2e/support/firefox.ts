/**
 * Debian's Firefox ESR with the extension's test build installed as a temporary add-on,
 * driven by puppeteer-core over WebDriver BiDi (see ../shared/docs/firefox-e2e.md).
 * No toolbar click can be simulated there, so the popup is opened as a tab
 * (`popup.html?tabId=N`) and the test build holds a 127.0.0.1 host permission instead of activeTab.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { inPage } from './in-page.js';
import { pollFor } from './poll.js';
import { isSettled, snapshotPopup, type PopupSnapshot } from './popup-snapshot.js';

/** The gecko id in the manifest (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'firsthand@firsthand.example';
/** Pinned through a pref so the moz-extension:// host is known before install. */
export const EXTENSION_UUID = '5f1e2d3c-4b5a-4697-8877-a1b2c3d4e5f6';

export class FirefoxSession {
  private constructor(readonly browser: Browser) {}

  static async launch(executablePath: string, extensionDir: string): Promise<FirefoxSession> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // Without it BiDi refuses to navigate a tab to moz-extension:// URLs.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
    });
    try {
      const id = await browser.installExtension(extensionDir);
      if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
      return new FirefoxSession(browser);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  extensionUrl(relative: string): string {
    return `moz-extension://${EXTENSION_UUID}/${relative}`;
  }

  /**
   * Opens an extension page in a new tab. Firefox drops BiDi load events for extension
   * contexts (Mozilla bug 1755014), so goto never resolves: poll the page's own location instead.
   */
  async openExtensionPage(relative: string): Promise<Page> {
    const page = await this.browser.newPage();
    const base = this.extensionUrl('');
    page.goto(this.extensionUrl(relative)).catch(() => {});
    await pollFor(
      async () =>
        (await page.evaluate((b) => location.href.startsWith(b) && document.readyState === 'complete', base)) ? true : undefined,
      { what: `extension page ${relative} to load`, timeoutMs: 15_000 },
    );
    return page;
  }

  async openPage(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url);
    return page;
  }

  /** The tabs.id of the tab showing `url` (the test build may query 127.0.0.1 tabs by URL). */
  async tabIdOf(extensionPage: Page, url: string): Promise<number> {
    return pollFor(async () => {
      const ids = await extensionPage.evaluate(async (u) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).filter((t) => t.url === u).map((t) => t.id);
      }, url);
      return ids.length === 1 && typeof ids[0] === 'number' ? ids[0] : undefined;
    }, { what: `the tab id of ${url}` });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Waits until a popup tab has settled and returns what it shows. */
export async function settledFirefoxPopup(popup: Page, timeoutMs = 20_000): Promise<PopupSnapshot> {
  return pollFor(async () => {
    const snapshot = (await popup.evaluate(inPage(snapshotPopup, 'self'))) as PopupSnapshot | null;
    return isSettled(snapshot) ? snapshot : undefined;
  }, { what: 'the Firefox popup tab to show a verdict or an error', timeoutMs });
}
