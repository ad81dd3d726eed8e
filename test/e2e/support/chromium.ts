/// <reference types="chrome" />
/**
 * Debian's Chromium with the built extension loaded unpacked, driven by Playwright
 * (no browser download). A toolbar click is CDP `Extensions.triggerAction` on the tab
 * target: it opens the real popup and grants activeTab, exactly like a user's click
 * (see ../shared/docs/e2e-recipe.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { inPage } from './in-page.js';
import { pollFor } from './poll.js';
import { isSettled, snapshotPopup, type PopupSnapshot } from './popup-snapshot.js';

export interface LaunchOptions {
  executablePath: string;
  extensionDir: string;
  /** Reuse a profile (to check what survives a restart); a fresh temp one otherwise. */
  userDataDir?: string;
}

/** A page tab plus the two ids the extension and CDP know it by. */
export interface Tab {
  page: Page;
  /** chrome.tabs id. */
  tabId: number;
}

export class ChromiumSession {
  private observerPage: Page | null = null;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly cdp: CDPSession,
    readonly userDataDir: string,
    private readonly ownsProfile: boolean,
  ) {}

  static async launch(options: LaunchOptions): Promise<ChromiumSession> {
    const ownsProfile = options.userDataDir === undefined;
    const userDataDir = options.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'firsthand-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-extension-debugging',
        `--disable-extensions-except=${options.extensionDir}`,
        `--load-extension=${options.extensionDir}`,
      ],
    });
    // A confirm() before deleting something is what a person would accept; Playwright would dismiss it.
    context.on('page', (page) => page.on('dialog', (dialog) => void dialog.accept()));
    try {
      const worker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      const extensionId = new URL(worker.url()).host;
      const browser = context.browser();
      if (!browser) throw new Error('Playwright gave no browser for the persistent context');
      const cdp = await browser.newBrowserCDPSession();
      return new ChromiumSession(context, extensionId, cdp, userDataDir, ownsProfile);
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  /** `chrome-extension://<id>/<relative>` */
  extensionUrl(relative: string): string {
    return `chrome-extension://${this.extensionId}/${relative}`;
  }

  /**
   * An extension page kept open in its own tab: from there the real popup is read with
   * chrome.extension.getViews, and tab ids are looked up (the service worker may sleep).
   */
  async observer(): Promise<Page> {
    if (this.observerPage && !this.observerPage.isClosed()) return this.observerPage;
    const page = await this.context.newPage();
    await page.goto(this.extensionUrl('options.html'));
    this.observerPage = page;
    return page;
  }

  /** Opens `url` in a new tab, brings it to the front and learns its chrome.tabs id. */
  async openTab(url: string): Promise<Tab> {
    const observer = await this.observer();
    const page = await this.context.newPage();
    await page.goto(url);
    return { page, tabId: await this.tabIdOf(page, observer) };
  }

  private async tabIdOf(page: Page, observer: Page): Promise<number> {
    await page.bringToFront();
    // Without the "tabs" permission the extension cannot query by URL, but ids of the active tab are visible.
    return pollFor(
      async () => {
        const id = await observer.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id;
        });
        return typeof id === 'number' ? id : undefined;
      },
      { what: 'the chrome.tabs id of the article tab' },
    );
  }

  /** The CDP id of the tab target that shows `page` (triggerAction refuses page targets). */
  async tabTargetId(page: Page): Promise<string> {
    const url = page.url();
    const { targetInfos } = (await this.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
      targetInfos: { targetId: string; url: string; type: string }[];
    };
    const matches = targetInfos.filter((t) => t.url === url);
    if (matches.length !== 1) {
      throw new Error(`expected one tab target at ${url}, found ${matches.length} (${targetInfos.map((t) => t.url).join(', ')})`);
    }
    return matches[0]!.targetId;
  }

  /** Closes any open toolbar popup (or the window standing in for it), so the next click opens a fresh one. */
  async closeRealPopup(): Promise<void> {
    const observer = await this.observer();
    const open = (): Promise<number> =>
      observer.evaluate(() => {
        const popups = chrome.extension.getViews({ type: 'popup' });
        const windows = chrome.extension.getViews({ type: 'tab' }).filter((view) => view.location.search.includes('window=1'));
        for (const view of [...popups, ...windows]) view.close();
        return popups.length + windows.length;
      });
    await open();
    await pollFor(async () => ((await open()) === 0 ? true : undefined), { what: 'the toolbar popup to close' });
  }

  /** A real toolbar click on the tab showing `page`: opens the popup and grants activeTab. */
  async clickAction(page: Page): Promise<void> {
    await this.closeRealPopup();
    await page.bringToFront();
    await this.triggerAction(await this.tabTargetId(page));
  }

  /** The bare click on a tab target, for callers that time it (see src/bench/browser-click-bench.ts). */
  async triggerAction(targetId: string): Promise<void> {
    await this.cdp.send('Extensions.triggerAction' as never, { id: this.extensionId, targetId } as never);
  }

  /**
   * Stops the extension's service worker, as Chrome does after 30 s without events, and waits
   * until it has stopped: the next click wakes a fresh worker with empty memory, which is a
   * reader's usual click. CDP's ServiceWorker domain, from the observer page (same origin).
   */
  async stopServiceWorker(): Promise<void> {
    const observer = await this.observer();
    const cdp = await this.context.newCDPSession(observer);
    const ours = this.extensionUrl('');
    const states = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(ours)) states.set(v.versionId, v.runningStatus);
    });
    try {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await pollFor(
        () => (states.size > 0 && [...states.values()].every((s) => s === 'stopped') ? true : undefined),
        { what: 'the extension service worker to stop', intervalMs: 10 },
      );
    } finally {
      await cdp.detach();
    }
  }

  /**
   * Installs the extension again from `extensionDir` (its folder, so the same id), as Chrome installs
   * an update: CDP `Extensions.loadUnpacked` unloads the running build — its worker, its offscreen
   * document, its pages — and starts the new files' worker. A browser restart on a changed folder
   * keeps running the worker script Chrome had stored, even under the new manifest; and
   * chrome.runtime.reload() disables an extension loaded from the command line in this Chromium.
   * Answers the observer, opened again on the new build.
   */
  async reloadExtension(extensionDir: string): Promise<Page> {
    const old = this.observerPage;
    const { id } = (await this.cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)) as unknown as { id: string };
    if (id !== this.extensionId) throw new Error(`the reloaded extension has id ${id}, not ${this.extensionId}`);
    if (old) await pollFor(async () => (old.isClosed() ? true : undefined), { what: "the old build's pages to close" });
    this.observerPage = null;
    return this.observer();
  }

  /**
   * Pins the extension's button to the toolbar, as a reader does from the extensions menu. An
   * unpinned button is popped out into the toolbar before its popup opens, after an animation
   * (~250 ms traced on the bench machine); a pinned one opens its popup at once.
   */
  async pinToToolbar(): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto('chrome://extensions/');
      await page.evaluate((id) => (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(update: { extensionId: string; pinnedToToolbar: boolean }): Promise<void> } } })
        .chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, pinnedToToolbar: true }), this.extensionId);
    } finally {
      await page.close();
    }
  }

  /** What the real toolbar popup shows right now (null when none is open). */
  async readRealPopup(): Promise<PopupSnapshot | null> {
    const observer = await this.observer();
    return (await observer.evaluate(inPage(snapshotPopup, 'popup-view'))) as PopupSnapshot | null;
  }

  /** Waits for the real popup to leave its loading state and returns what it shows. */
  async settledRealPopup(timeoutMs = 20_000): Promise<PopupSnapshot> {
    return pollFor(async () => {
      const snapshot = await this.readRealPopup();
      return isSettled(snapshot) ? snapshot : undefined;
    }, { what: 'the toolbar popup to show a verdict or an error', timeoutMs });
  }

  /** Clicks an element of the real popup (a person's click on the button). */
  async clickInRealPopup(selector: string): Promise<void> {
    const observer = await this.observer();
    const clicked = await observer.evaluate((sel) => {
      const windows = chrome.extension.getViews({ type: 'tab' }).filter((v) => v.location.search.includes('window=1'));
      const view = chrome.extension.getViews({ type: 'popup' })[0] ?? windows[windows.length - 1];
      const target = view?.document.querySelector<HTMLElement>(sel);
      if (!target) return false;
      target.click();
      return true;
    }, selector);
    if (!clicked) throw new Error(`no ${selector} in the toolbar popup`);
  }

  /** Clicks the toolbar icon on `page` and waits for the popup's verdict or error. */
  async checkWithToolbar(page: Page): Promise<PopupSnapshot> {
    await this.clickAction(page);
    return this.settledRealPopup();
  }

  /**
   * The popup opened as a tab (`popup.html?tabId=N`) for the given page tab: the place for
   * screenshots and checks that need a Playwright page. Click the toolbar first so the
   * extension holds activeTab for that tab.
   */
  async openPopupTab(tabId: number, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const popup = await this.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    if (options.colorScheme) await popup.emulateMedia({ colorScheme: options.colorScheme });
    await popup.goto(this.extensionUrl(`popup.html?tabId=${tabId}`));
    return popup;
  }

  async close(): Promise<void> {
    await this.context.close();
    if (this.ownsProfile) rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/** Waits until a popup opened as a tab has settled, and returns what it shows. */
export async function settledPopupTab(popup: Page, timeoutMs = 20_000): Promise<PopupSnapshot> {
  return pollFor(async () => {
    const snapshot = (await popup.evaluate(inPage(snapshotPopup, 'self'))) as PopupSnapshot | null;
    return isSettled(snapshot) ? snapshot : undefined;
  }, { what: 'the popup tab to show a verdict or an error', timeoutMs });
}
